// The whole flow by keyboard alone: choose, fill, test, connect, edit, delete, and the dialog. After the first
// focus on the page, only key presses (Tab, Shift+Tab, Enter, Space, Escape, typing) move things: no clicks and
// no focus() calls. Each step checks where focus lands and what the live region says.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import {
  accessibleName,
  alertText,
  button,
  control,
  createTemplate,
  errorFor,
  hasButton,
  heading,
  sandboxInfo,
  sourcesOf,
  statusText,
  uniqueName,
  until,
  widgetToken,
} from '../support/browser.js';
import { focused, press, tabTo, typeKeys } from './fields-helpers.js';
import { testSpec } from './test-spec.js';

/** The element and a button of the host page before it, where the keyboard user starts. */
async function page(mode: 'inline' | 'dialog') {
  const tag = uniqueName('tag');
  const first = await createTemplate(testSpec, uniqueName('Acme DB'), tag);
  const second = await createTemplate(testSpec, uniqueName('Other DB'), tag);
  const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] });
  const { apiBaseUrl } = await sandboxInfo();
  const host = await fixture<HTMLDivElement>(html`<div>
    <button id="before" type="button">Connect data</button>
    <airbyte-connect mode=${mode} api-base-url=${apiBaseUrl}></airbyte-connect>
    <button id="after" type="button">After</button>
  </div>`);
  const el = host.querySelector<AirbyteConnect>('airbyte-connect')!;
  const ready = oneEvent(el, 'airbyte-ready');
  el.token = token;
  await ready;
  await el.updateComplete;
  const before = host.querySelector<HTMLButtonElement>('#before')!;
  return { el, before, first, second, token };
}

/** What has focus, by role and name, for messages. */
function describeFocus(el: AirbyteConnect): string {
  const active = focused(el) ?? document.activeElement;
  return active ? `${active.tagName.toLowerCase()} "${accessibleName(active)}"` : 'nothing';
}

function expectFocusOnHeading(el: AirbyteConnect, text: string | RegExp): void {
  const active = focused(el);
  expect(active?.tagName, `focus is on the heading, not ${describeFocus(el)}`).to.equal('H2');
  if (typeof text === 'string') expect(active!.textContent!.trim()).to.equal(text);
  else expect(active!.textContent!.trim()).to.match(text);
}

/** Replaces the text of the focused input: select all, then type. */
async function retype(el: AirbyteConnect, text: string): Promise<void> {
  await press(el, 'Control+a');
  await typeKeys(el, text);
}

describe('keyboard only: the complete flow', () => {
  it('chooses, fills, tests, connects, edits and deletes without a mouse', async function () {
    (this as { timeout(ms: number): void }).timeout(40_000);
    const { el, before, first, second, token } = await page('inline');
    before.focus(); // The one programmatic step: the user starts on the page's own button.

    // Choose: Tab into the widget lands on the search box; typing filters; Tab reaches the template.
    await press(el, 'Tab');
    expect(focused(el)?.getAttribute('type'), describeFocus(el)).to.equal('search');
    // A search with no matches says so in a live region (it stays in the page, empty while there are matches).
    const noMatches = el.shadowRoot!.querySelector('.empty[role="status"]')!;
    expect(noMatches.textContent!.trim()).to.equal('');
    await typeKeys(el, 'zzz');
    expect(noMatches.isConnected && noMatches.textContent).to.contain('No connectors match');
    await retype(el, first.name.slice(0, 7));
    expect(noMatches.textContent!.trim()).to.equal('');
    expect(hasButton(el, second.name)).to.be.false;
    await press(el, 'Tab');
    expect(focused(el)).to.equal(button(el, first.name));
    const selected = oneEvent(el, 'airbyte-template-select');
    await press(el, 'Enter');
    expect((await selected).detail.templateId).to.equal(first.id);
    await until(el, () => heading(el) === first.name, 'the form opens');
    expectFocusOnHeading(el, first.name);

    // Submit empty: the errors show, and focus goes to the first invalid field.
    await tabTo(el, () => button(el, 'Connect'));
    await press(el, 'Enter');
    await until(el, () => errorFor(el, 'Host') === 'Required', 'the errors show');
    expect(focused(el), `focus is on Host, not ${describeFocus(el)}`).to.equal(control(el, 'Host'));
    expect(alertText(el)).to.match(/fields? need/);

    // Fill the required fields.
    await typeKeys(el, 'db.acme.test');
    await tabTo(el, () => control(el, 'Password'));
    await typeKeys(el, 'wrong-password');

    // Test connection: failure, announced; focus stays on the button.
    let check = oneEvent(el, 'airbyte-check');
    await tabTo(el, () => button(el, 'Test connection'));
    await press(el, 'Enter');
    expect((await check).detail.status).to.equal('failed');
    await until(el, () => statusText(el).includes('failed'), 'the failure is announced');
    expect(alertText(el)).to.contain('failed');
    expect(focused(el)).to.equal(button(el, 'Test connection'));

    // Fix the password (Shift+Tab back to it), test again with Space: success, announced.
    await tabTo(el, () => control(el, 'Password'), true);
    await retype(el, 's3cret');
    check = oneEvent(el, 'airbyte-check');
    await tabTo(el, () => button(el, 'Test connection'));
    await press(el, 'Space');
    expect((await check).detail.status).to.equal('succeeded');
    await until(el, () => statusText(el).includes('succeeded'), 'the success is announced');

    // Connect: the success view's heading takes focus and the live region says so.
    const created = oneEvent(el, 'airbyte-source-created');
    await tabTo(el, () => button(el, 'Connect'), true);
    await press(el, 'Enter');
    const { source } = (await created).detail;
    await until(el, () => heading(el).includes('is connected'), 'the success view shows');
    expectFocusOnHeading(el, /is connected$/);
    expect(statusText(el)).to.contain('is connected');

    // "Done" back to the list: focus on the list's heading, then Tab to the new source and open it.
    await press(el, 'Tab');
    expect(focused(el)).to.equal(button(el, 'Done'));
    await press(el, 'Enter');
    await until(el, () => hasButton(el, source.name), 'the list shows the new source');
    expect(focused(el)?.tagName, `focus is on a heading, not ${describeFocus(el)}`).to.equal('H2');
    await tabTo(el, () => button(el, source.name));
    await press(el, 'Enter');
    await until(el, () => hasButton(el, 'Save changes'), 'the edit form opens');
    expectFocusOnHeading(el, source.name);

    // Change a field and save.
    await tabTo(el, () => control(el, 'Host'));
    await retype(el, 'db2.acme.test');
    const updated = oneEvent(el, 'airbyte-source-updated');
    await tabTo(el, () => button(el, 'Save changes'));
    await press(el, 'Enter');
    expect((await updated).detail.source.source_config.host).to.equal('db2.acme.test');
    await until(el, () => heading(el).includes('is updated'), 'the success view shows');
    expectFocusOnHeading(el, /is updated$/);
    expect(statusText(el)).to.contain('is updated');

    // Delete: the confirmation takes focus on "Cancel"; Cancel puts focus back on "Delete".
    await press(el, 'Tab', 'Enter');
    await until(el, () => hasButton(el, source.name), 'back on the list');
    await tabTo(el, () => button(el, source.name));
    await press(el, 'Enter');
    await until(el, () => hasButton(el, 'Delete'), 'the edit form opens again');
    await tabTo(el, () => button(el, 'Delete'));
    await press(el, 'Enter');
    expect(focused(el), `focus is on "Cancel", not ${describeFocus(el)}`).to.equal(button(el, 'Cancel'));
    await press(el, 'Enter');
    expect(hasButton(el, 'Yes, delete')).to.be.false;
    expect(focused(el), `focus is back on "Delete", not ${describeFocus(el)}`).to.equal(button(el, 'Delete'));

    // Delete → Yes, delete: the list comes back with focus on its heading, and the live region says what happened.
    await press(el, 'Enter');
    await press(el, 'Shift+Tab');
    expect(focused(el)).to.equal(button(el, 'Yes, delete'));
    const deleted = oneEvent(el, 'airbyte-source-deleted');
    await press(el, 'Enter');
    expect((await deleted).detail.sourceId).to.equal(source.id);
    await until(el, () => !hasButton(el, source.name) && hasButton(el, first.name), 'the list shows without the source');
    expect(focused(el)?.tagName, `focus is on a heading, not ${describeFocus(el)}`).to.equal('H2');
    expect(statusText(el)).to.contain('was deleted');
    expect(await sourcesOf(token)).to.deep.equal([]);
  });

  it('Enter submits from a text field; "Back" returns to the list with focus on its heading, keeping what was typed', async () => {
    const { el, before, first } = await page('inline');
    before.focus();
    await press(el, 'Tab');
    await tabTo(el, () => button(el, first.name));
    await press(el, 'Enter');
    await until(el, () => heading(el) === first.name, 'the form opens');
    await tabTo(el, () => control(el, 'Host'));
    await typeKeys(el, 'kept.acme.test');
    // Enter in a text field submits the form; the first field still missing takes focus.
    await press(el, 'Enter');
    await until(el, () => errorFor(el, 'Password') === 'Required', 'the missing password is flagged');
    expect(focused(el), `focus is on Password, not ${describeFocus(el)}`).to.equal(control(el, 'Password'));
    await tabTo(el, () => button(el, 'Back'), true);
    await press(el, 'Enter');
    await until(el, () => hasButton(el, first.name), 'the list shows');
    expect(focused(el)?.tagName, `focus is on a heading, not ${describeFocus(el)}`).to.equal('H2');
    await tabTo(el, () => button(el, first.name));
    await press(el, 'Space');
    await until(el, () => heading(el) === first.name, 'the form opens again');
    expect(control(el, 'Host').value).to.equal('kept.acme.test');
  });
});

describe('keyboard only: dialog mode', () => {
  it('opens from the page, keeps focus inside, closes with Escape and with "Close", and returns focus to the opener', async () => {
    const { el, before, first } = await page('dialog');
    // The host page's own button opens the dialog, as a page would wire it.
    before.addEventListener('click', () => el.show());
    before.focus();
    await press(el, 'Enter');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open && dialog.matches(':modal')).to.be.true;
    expect(focused(el), `focus moved into the dialog, not ${describeFocus(el)}`).to.equal(button(el, 'Close'));

    // Focus is trapped: Tab and Shift+Tab never reach the page behind the dialog.
    const outside: string[] = [];
    const inside = new Set<Element>();
    for (const key of [...Array(10).fill('Tab'), ...Array(14).fill('Shift+Tab')]) {
      await press(el, key);
      const active = document.activeElement;
      if (active === el) inside.add(focused(el)!);
      // Past either end a native modal hands focus to the browser's own UI (the body here), never to the page.
      else if (active && active !== document.body) outside.push(active.outerHTML.slice(0, 60));
    }
    expect(outside).to.deep.equal([]);
    expect(inside.size).to.be.greaterThan(3);

    // Escape closes it and focus returns to the opener.
    let closed = oneEvent(el, 'airbyte-close');
    await press(el, 'Escape');
    await closed;
    expect(dialog.open).to.be.false;
    expect(document.activeElement).to.equal(before);

    // Again, through a form, closed with the "Close" button: focus returns, and what was typed is kept.
    await press(el, 'Enter');
    await tabTo(el, () => button(el, first.name));
    await press(el, 'Enter');
    await until(el, () => heading(el) === first.name, 'the form opens');
    expectFocusOnHeading(el, first.name);
    await tabTo(el, () => control(el, 'Host'));
    await typeKeys(el, 'db.acme.test');
    await tabTo(el, () => button(el, 'Close'), true);
    closed = oneEvent(el, 'airbyte-close');
    await press(el, 'Enter');
    await closed;
    expect(document.activeElement).to.equal(before);
    await press(el, 'Enter');
    await until(el, () => heading(el) === first.name, 'the form shows again');
    expect(control(el, 'Host').value).to.equal('db.acme.test');
  });
});
