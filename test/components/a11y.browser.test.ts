// Accessibility, WCAG 2.2 AA: axe (colour contrast on) over every view and state in every theme; the contrast
// ratios of the palette computed here from computed colours, so a colour change that breaks AA names what broke;
// focus visibility; reduced motion; right-to-left layout.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import {
  button,
  click,
  control,
  createTemplate,
  errorFor,
  fault,
  hasButton,
  heading,
  mount,
  sandboxInfo,
  type,
  uniqueName,
  until,
  widgetToken,
} from '../support/browser.js';
import {
  everyKindConfig,
  everyKindSpec,
  expectAxeClean,
  expectContrast,
  measure,
  THEMES,
  useTheme,
  type ContrastCheck,
} from './a11y-support.js';
import { focused, saveSource, tabTo } from './fields-helpers.js';
import { OAUTH_ADVANCED_AUTH, OAUTH_SPEC } from '../oauth/oauth-spec.js';

after(async () => {
  await emulateMedia({ colorScheme: 'no-preference', reducedMotion: 'no-preference' });
});

interface World {
  readonly el: AirbyteConnect;
  readonly template: { id: string; name: string; tag: string };
  readonly workspace: string;
  readonly token: string;
  readonly source: { id: string; name: string };
}

/** A workspace with the every-kind template, a second template, and one saved source; mounted in `theme`. */
async function world(theme: (typeof THEMES)[number], reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<World> {
  const tag = uniqueName('tag');
  const template = await createTemplate(everyKindSpec, uniqueName('Every Kind DB'), tag);
  await createTemplate(everyKindSpec, uniqueName('Other DB'), tag);
  const workspace = uniqueName('ws');
  const token = await widgetToken({ workspace_name: workspace, selected_source_template_tags: [tag] });
  const source = await saveSource(token, template.id, everyKindConfig);
  const el = await mount(token);
  await useTheme(el, theme, reducedMotion);
  return { el, template, workspace, token, source };
}

const $ = <T extends Element = HTMLElement>(el: AirbyteConnect, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: AirbyteConnect, selector: string): HTMLElement[] => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(selector));

/** Opens the template's form and unfolds everything folded, so axe sees every control. */
async function openEveryKind(w: World): Promise<void> {
  button(w.el, w.template.name).click();
  await until(w.el, () => heading(w.el) === w.template.name, 'the form opens');
  unfold(w.el);
  await w.el.updateComplete;
}

function unfold(el: AirbyteConnect): void {
  for (const details of $$(el, 'details')) (details as HTMLDetailsElement).open = true;
}

async function fillRequired(el: AirbyteConnect, password: string): Promise<void> {
  await type(el, 'Host', 'db.acme.test');
  await type(el, 'Password', password);
  await type(el, 'Start date', '2024-01-01');
}

for (const theme of THEMES) {
  describe(`axe, WCAG 2.2 AA, ${theme.name}`, () => {
    it('the start view: saved sources, templates, search; and a search with no matches', async () => {
      const w = await world(theme);
      expect(hasButton(w.el, w.source.name)).to.be.true;
      await expectAxeClean(w.el, 'start view');
      await type(w.el, 'Search', 'zzz-no-such-connector');
      expect($(w.el, '.empty')?.textContent).to.match(/\S/);
      await expectAxeClean(w.el, 'search with no matches');
    });

    it('the form with every field kind, then after a failed submit', async () => {
      const w = await world(theme);
      await openEveryKind(w);
      for (const kind of ['input[type=password]', 'textarea', 'input[type=date]', 'input[type=checkbox]', 'input[type=radio]', 'select', 'fieldset.group', '.card', '.mono']) {
        expect($(w.el, kind), kind).to.exist;
      }
      await expectAxeClean(w.el, 'form with every field kind');
      await click(w.el, 'Connect');
      expect($$(w.el, 'form p.error').length).to.be.greaterThan(1);
      expect($(w.el, '[role=alert]')).to.exist;
      await expectAxeClean(w.el, 'form after a failed submit');
    });

    it('the edit form of a saved source with every kind filled, and the delete confirmation', async () => {
      const w = await world(theme);
      button(w.el, w.source.name).click();
      await until(w.el, () => hasButton(w.el, 'Save changes'), 'the edit form opens');
      unfold(w.el);
      await w.el.updateComplete;
      expect($$(w.el, '.chip').length).to.equal(2);
      expect($(w.el, 'details.row')).to.exist;
      await expectAxeClean(w.el, 'edit form');
      await click(w.el, 'Delete');
      expect(hasButton(w.el, 'Yes, delete')).to.be.true;
      await expectAxeClean(w.el, 'delete confirmation');
    });

    it('checking, a failed check, a succeeded check, and the success view', async () => {
      const w = await world(theme);
      await openEveryKind(w);
      await fillRequired(w.el, 'wrong-password');
      const slow = await fault({ path: '/api/v1/embedded/sources/check', workspace_name: w.workspace, delay_ms: 4000, times: 1 });
      let check = oneEvent(w.el, 'airbyte-check');
      await click(w.el, 'Test connection');
      await until(w.el, () => $(w.el, 'form')?.getAttribute('aria-busy') === 'true', 'the check is running');
      expect($(w.el, '.actions .spinner')).to.exist;
      await expectAxeClean(w.el, 'while checking');
      expect((await check).detail.status).to.equal('failed');
      await slow.clear();
      await w.el.updateComplete;
      await expectAxeClean(w.el, 'check failed');
      await type(w.el, 'Password', 's3cret');
      check = oneEvent(w.el, 'airbyte-check');
      await click(w.el, 'Test connection');
      expect((await check).detail.status).to.equal('succeeded');
      await w.el.updateComplete;
      expect($(w.el, '.banner.success')).to.exist;
      await expectAxeClean(w.el, 'check succeeded');
      const created = oneEvent(w.el, 'airbyte-source-created');
      await click(w.el, 'Connect');
      await created;
      await until(w.el, () => heading(w.el).includes('is connected'), 'the success view shows');
      await expectAxeClean(w.el, 'success view');
    });

    it('loading failed, with "Try again"', async () => {
      const tag = uniqueName('tag');
      await createTemplate(everyKindSpec, uniqueName('Any DB'), tag);
      const workspace = uniqueName('ws');
      const token = await widgetToken({ workspace_name: workspace, selected_source_template_tags: [tag] });
      await fault({ path: '/api/v1/embedded/source-templates', workspace_name: workspace, status: 500, body: { detail: 'Internal error' }, times: 20 });
      const { apiBaseUrl } = await sandboxInfo();
      const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect>`);
      await useTheme(el, theme);
      const failed = oneEvent(el, 'airbyte-error');
      el.token = token;
      await failed;
      await until(el, () => hasButton(el, 'Try again'), 'the failure shows');
      await expectAxeClean(el, 'loading failed');
    });

    it('the sign-in: offered, the provider’s input first, required on submit, blocked, then signed in', async () => {
      const tag = uniqueName('tag');
      const template = await createTemplate(OAUTH_SPEC, uniqueName('Acme CRM'), tag, OAUTH_ADVANCED_AUTH);
      const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] });
      const el = await mount(token, { templateId: template.id });
      await useTheme(el, theme);
      const signIn = `Authenticate with ${template.name}`;
      await until(el, () => hasButton(el, signIn), 'the sign-in is offered');
      await expectAxeClean(el, 'sign-in offered');
      const opened: unknown[] = [];
      const open = window.open;
      window.open = (...args: unknown[]) => (opened.push(args), null); // as a popup blocker does
      try {
        // The provider needs the subdomain first: no popup until it is valid.
        await click(el, signIn);
        expect(opened).to.have.length(0);
        expect(errorFor(el, 'Subdomain')).to.equal('Required');
        await type(el, 'Subdomain', 'acme');
        await click(el, 'Connect');
        await until(el, () => $(el, '#auth-error')?.textContent === 'Authentication required', 'required on submit');
        expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal(signIn);
        await expectAxeClean(el, 'sign-in required');
        await click(el, signIn);
        await until(el, () => hasButton(el, 'Continue in this tab'), 'the blocked popup is explained');
        expect(opened).to.have.length(1);
        await expectAxeClean(el, 'popup blocked');
      } finally {
        window.open = open;
      }
      button(el, signIn).click();
      await executeServerCommand('oauth-popup', { decision: 'allow' });
      await until(el, () => hasButton(el, 'Re-authenticate'), 'signed in');
      const status = $(el, '[part~="auth-status"]');
      expect(status?.textContent).to.contain('Authenticated');
      // The sign-in control's rules come with its chunk, joining the element's stylesheet.
      expect(getComputedStyle(status!).fontWeight).to.equal('600');
      expect(getComputedStyle($(el, '.auth-actions')!).display).to.equal('flex');
      expectContrast(`${theme.name}, signed in`, [{ what: 'signed-in status (ok colour)', element: status, min: TEXT }]);
      await expectAxeClean(el, 'signed in');
    });

    it('dialog mode, open', async () => {
      const tag = uniqueName('tag');
      await createTemplate(everyKindSpec, uniqueName('Dialog A'), tag);
      await createTemplate(everyKindSpec, uniqueName('Dialog B'), tag);
      const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] });
      const { apiBaseUrl } = await sandboxInfo();
      const el = await fixture<AirbyteConnect>(html`<airbyte-connect mode="dialog" api-base-url=${apiBaseUrl} .token=${token}></airbyte-connect>`);
      await oneEvent(el, 'airbyte-ready');
      await useTheme(el, theme);
      el.show();
      await el.updateComplete;
      expect($(el, 'dialog')!.matches(':modal')).to.be.true;
      await expectAxeClean(el, 'dialog open');
    });
  });
}

/** Text 4.5:1; large text, graphics, control boundaries and focus indicators 3:1 (WCAG 1.4.3, 1.4.11). */
const TEXT = 4.5;
const NON_TEXT = 3;

for (const theme of THEMES) {
  describe(`colour contrast (computed), ${theme.name}`, () => {
    it('start view, form with errors, focus rings, check banners, success, edit and delete', async function () {
      (this as { timeout(ms: number): void }).timeout(40_000);
      const w = await world(theme);
      const { el } = w;
      const where = (view: string) => `${theme.name}, ${view}`;

      // Start view.
      const sourceTile = button(el, w.source.name);
      expectContrast(where('start view'), [
        { what: 'heading (main text)', element: $(el, 'h2'), min: TEXT },
        { what: 'template name on its button', element: button(el, w.template.name).querySelector('.name'), min: TEXT },
        { what: 'saved source name on its button', element: sourceTile.querySelector('.name'), min: TEXT },
        { what: 'when the source was connected (muted, small)', element: sourceTile.querySelector('[part~="date"]'), min: TEXT },
        { what: 'first-letter icon (muted on soft)', element: $(el, '.letter'), min: TEXT },
        { what: '"already connected" ✓ (graphic)', element: $(el, '.badge'), min: NON_TEXT },
        { what: 'search placeholder', element: $(el, 'input[type=search]'), min: TEXT, property: 'placeholder' },
        { what: 'search box border (control boundary)', element: $(el, 'input[type=search]'), min: NON_TEXT, property: 'border-color', against: 'behind' },
      ]);
      await type(el, 'Search', 'zzz-no-such-connector');
      expectContrast(where('search with no matches'), [{ what: '"no matches" (muted text)', element: $(el, '.empty'), min: TEXT }]);
      await type(el, 'Search', '');

      // The form, after a failed submit.
      await openEveryKind(w);
      await click(el, 'Connect');
      const host = control(el, 'Host');
      const port = control(el, 'Port');
      // An invalid text input is outlined in the error colour (the text inputs' own border rule must not win), a valid one is not.
      expect(getComputedStyle(host).borderColor, where('invalid border')).to.equal(getComputedStyle($(el, 'form p.error')!).color);
      expect(getComputedStyle(port).borderColor, where('valid border')).not.to.equal(getComputedStyle(host).borderColor);
      expectContrast(where('form with errors'), [
        { what: 'form heading (main text)', element: $(el, 'form h2'), min: TEXT },
        { what: 'card heading', element: $(el, '.card h3'), min: TEXT },
        { what: 'field label', element: host.labels?.[0], min: TEXT },
        { what: 'typed value', element: port, min: TEXT },
        { what: 'help text (muted)', element: $(el, '.hint'), min: TEXT },
        { what: 'link in help text', element: $(el, '.hint a'), min: TEXT },
        { what: '"Optional" tag (muted)', element: $(el, '.tag'), min: TEXT },
        { what: '"Optional fields" summary (muted)', element: $(el, 'details.optional > summary'), min: TEXT },
        { what: 'placeholder (example)', element: host, min: TEXT, property: 'placeholder' },
        { what: 'input border (control boundary)', element: port, min: NON_TEXT, property: 'border-color', against: 'behind' },
        { what: 'invalid input border', element: host, min: NON_TEXT, property: 'border-color', against: 'behind' },
        { what: 'select border', element: $(el, 'select'), min: NON_TEXT, property: 'border-color', against: 'behind' },
        { what: 'field error text', element: $(el, 'form p.error'), min: TEXT },
        { what: 'error banner text', element: $(el, '.banner.error strong'), min: TEXT },
        { what: '"Back" (ghost button)', element: button(el, 'Back'), min: TEXT },
        { what: 'primary button "Connect"', element: button(el, 'Connect'), min: TEXT },
        { what: 'secondary button "Test connection"', element: button(el, 'Test connection'), min: TEXT },
        { what: '"Show" beside a secret', element: button(el, 'Show'), min: TEXT },
        { what: 'radio card title', element: $(el, '.radio-card > span'), min: TEXT },
      ]);
      // Links are told apart from the text around them by more than colour (WCAG 1.4.1).
      expect(getComputedStyle($(el, '.hint a')!).textDecorationLine).to.contain('underline');

      // Focus indicators, reached with the keyboard: a 2px outline in the accent colour, 3:1 against what is behind.
      for (const target of [() => control(el, 'Host'), () => button(el, 'Connect'), () => button(el, 'Test connection'), () => $(el, 'details.optional > summary')!]) {
        await tabTo(el, target);
        const ring = getComputedStyle(focused(el)!);
        expect(ring.outlineStyle, `focus ring style on ${focused(el)!.outerHTML.slice(0, 60)}`).to.equal('solid');
        expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
        expectContrast(where('focus'), [{ what: `focus ring on ${focused(el)!.tagName.toLowerCase()}`, element: focused(el), min: NON_TEXT, property: 'outline-color', against: 'behind' }]);
      }

      // A failed and a succeeded check.
      await fillRequired(el, 'wrong-password');
      let check = oneEvent(el, 'airbyte-check');
      await click(el, 'Test connection');
      await check;
      await el.updateComplete;
      expectContrast(where('check failed'), [
        { what: 'failed-check banner title', element: $(el, '.banner.error strong'), min: TEXT },
        { what: 'failed-check banner detail', element: $(el, '.banner.error span'), min: TEXT },
        { what: 'failed-check banner border', element: $(el, '.banner.error'), min: NON_TEXT, property: 'border-color', against: 'behind' },
      ]);
      await type(el, 'Password', 's3cret');
      check = oneEvent(el, 'airbyte-check');
      await click(el, 'Test connection');
      await check;
      await el.updateComplete;
      expectContrast(where('check succeeded'), [
        { what: 'succeeded-check banner title (success text)', element: $(el, '.banner.success strong'), min: TEXT },
        { what: 'succeeded-check banner border', element: $(el, '.banner.success'), min: NON_TEXT, property: 'border-color', against: 'behind' },
      ]);

      // Success view.
      const created = oneEvent(el, 'airbyte-source-created');
      await click(el, 'Connect');
      await created;
      await until(el, () => heading(el).includes('is connected'), 'the success view shows');
      expectContrast(where('success view'), [
        { what: 'success heading', element: $(el, '.done h2'), min: TEXT },
        { what: 'success ✓ (graphic, success colour)', element: $(el, '.check-mark'), min: NON_TEXT },
        { what: 'success view text', element: $(el, '.done p'), min: TEXT },
        { what: 'primary button "Done"', element: button(el, 'Done'), min: TEXT },
      ]);

      // Edit and delete.
      await click(el, 'Done');
      button(el, w.source.name).click();
      await until(el, () => hasButton(el, 'Save changes'), 'the edit form opens');
      unfold(el);
      await el.updateComplete;
      expectContrast(where('edit form'), [
        { what: 'list value chip', element: $(el, '.chip > span'), min: TEXT },
        { what: '"Delete" (danger text)', element: button(el, 'Delete'), min: TEXT },
        { what: 'primary button "Save changes"', element: button(el, 'Save changes'), min: TEXT },
        { what: '"Saved" note of a secret (muted)', element: $(el, `#${CSS.escape(control(el, 'Password').getAttribute('aria-describedby')!.split(' ').at(-1)!)}`), min: TEXT },
      ]);
      await click(el, 'Delete');
      expectContrast(where('delete confirmation'), [
        { what: 'confirmation question', element: $(el, '.confirm p'), min: TEXT },
        { what: '"Yes, delete" (danger button)', element: button(el, 'Yes, delete'), min: TEXT },
        { what: '"Cancel" (secondary button)', element: button(el, 'Cancel'), min: TEXT },
        { what: 'confirmation border', element: $(el, '.confirm'), min: NON_TEXT, property: 'border-color', against: 'behind' },
      ]);
    });
  });
}

describe('colour contrast, the checker itself', () => {
  it('names what broke when a custom palette falls below AA', async () => {
    const w = await world(THEMES[0]!);
    w.el.style.setProperty('--airbyte-connect-foreground', '#9ca3af');
    await w.el.updateComplete;
    const check: ContrastCheck = { what: 'heading (main text)', element: $(w.el, 'h2'), min: TEXT };
    expect(measure(check).ratio).to.be.below(TEXT);
    expect(() => expectContrast('a grey-on-white palette', [check])).to.throw(/heading \(main text\): 2\.\d\d:1 \(rgb\(156 163 175\) on rgb\(255 255 255\)\), needs at least 4\.5:1/);
  });
});

describe('prefers-reduced-motion', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'no-preference', reducedMotion: 'no-preference' });
  });

  /** Everything in the shadow root that is animated or has a transition. */
  function moving(el: AirbyteConnect): string[] {
    return [el, ...$$(el, '*')].flatMap((node) => {
      const style = getComputedStyle(node);
      const durations = [...style.animationDuration.split(','), ...style.transitionDuration.split(',')].map((d) => parseFloat(d));
      const animated = style.animationName !== 'none' && durations.some((d) => d > 0);
      const transitions = style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
      return animated || transitions ? [node.outerHTML.slice(0, 80)] : [];
    });
  }

  it('the spinner turns by default and stands still under reduce; nothing else moves', async () => {
    const tag = uniqueName('tag');
    await createTemplate(everyKindSpec, uniqueName('Motion DB'), tag);
    const workspace = uniqueName('ws');
    const token = await widgetToken({ workspace_name: workspace, selected_source_template_tags: [tag] });
    await fault({ path: '/api/v1/embedded/source-templates', workspace_name: workspace, delay_ms: 3000, times: 1 });
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect>`);
    el.token = token;
    await until(el, () => Boolean($(el, '.loading .spinner')), 'the loading spinner shows');
    const spinner = $(el, '.spinner')!;
    expect(getComputedStyle(spinner).animationName).to.equal('spin');
    expect(el.shadowRoot!.getAnimations().length).to.be.greaterThan(0);

    await emulateMedia({ colorScheme: 'no-preference', reducedMotion: 'reduce' });
    expect(getComputedStyle(spinner).animationName).to.equal('none');
    expect(el.shadowRoot!.getAnimations()).to.deep.equal([]);
    expect(moving(el)).to.deep.equal([]);
    // The words still say what is happening.
    expect($(el, '.loading')!.textContent).to.match(/\S/);
  });

  it('no transition or animation anywhere in a busy form under reduce', async () => {
    const w = await world(THEMES[3]!, 'reduce');
    await openEveryKind(w);
    await fillRequired(w.el, 's3cret');
    await fault({ path: '/api/v1/embedded/sources/check', workspace_name: w.workspace, delay_ms: 2000, times: 1 });
    const check = oneEvent(w.el, 'airbyte-check');
    await click(w.el, 'Test connection');
    expect($(w.el, '.actions .spinner')).to.exist;
    expect(moving(w.el)).to.deep.equal([]);
    expect(w.el.shadowRoot!.getAnimations()).to.deep.equal([]);
    await check;
  });
});

describe('right-to-left', () => {
  it('mirrors the layout in a right-to-left locale: Back on the right, Delete at the far left, the arrow pointing right', async () => {
    const tag = uniqueName('tag');
    const template = await createTemplate(everyKindSpec, uniqueName('RTL DB'), tag);
    const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] });
    const source = await saveSource(token, template.id, everyKindConfig);
    const { apiBaseUrl } = await sandboxInfo();
    // Hebrew: right to left. The words stay English (no Hebrew catalog is needed for the layout).
    const page = await fixture<HTMLDivElement>(html`<div style="width: 600px">
      <airbyte-connect locale="he" api-base-url=${apiBaseUrl}></airbyte-connect>
    </div>`);
    const el = page.querySelector<AirbyteConnect>('airbyte-connect')!;
    const ready = oneEvent(el, 'airbyte-ready');
    el.token = token;
    await ready;
    await el.updateComplete;
    button(el, source.name).click();
    await until(el, () => hasButton(el, 'Save changes'), 'the edit form opens');
    // The direction comes with the locale chunk, which a loaded machine may deliver after the form opened.
    await until(el, () => $(el, '.panel')?.getAttribute('dir') === 'rtl', 'the right-to-left direction is in use');
    const panel = $(el, '.panel')!.getBoundingClientRect();
    const back = button(el, 'Back').getBoundingClientRect();
    const title = $(el, 'form h2')!.getBoundingClientRect();
    expect(back.left, 'Back sits right of the heading').to.be.greaterThan(title.left);
    expect(panel.right - back.right).to.be.lessThan(40);
    const save = button(el, 'Save changes').getBoundingClientRect();
    const del = button(el, 'Delete').getBoundingClientRect();
    expect(save.left, 'the first action is on the right').to.be.greaterThan(del.left);
    expect(del.left - panel.left, 'Delete is pushed to the far (left) end').to.be.lessThan(40);
    const arrow = button(el, 'Back').querySelector('span')!;
    expect(getComputedStyle(arrow).transform).to.not.equal('none');
    // Help text and labels start on the right.
    const label = control(el, 'Host').labels![0]!.getBoundingClientRect();
    expect(panel.right - label.right).to.be.lessThan(40);
  });
});

describe('focus visibility', () => {
  it('every control reached by Tab shows a focus ring', async () => {
    const w = await world(THEMES[3]!);
    await openEveryKind(w);
    const missing: string[] = [];
    const seen = new Set<Element>();
    for (let i = 0; i < 80; i++) {
      await sendKeys({ press: 'Tab' });
      await w.el.updateComplete;
      const active = focused(w.el);
      if (!active || seen.has(active)) continue;
      seen.add(active);
      const style = getComputedStyle(active);
      if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) missing.push(active.outerHTML.slice(0, 80));
    }
    expect(seen.size).to.be.greaterThan(20);
    expect(missing).to.deep.equal([]);
  });
});
