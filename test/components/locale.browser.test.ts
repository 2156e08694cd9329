import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import de from '../../src/i18n/locales/de.js';
import es from '../../src/i18n/locales/es.js';
import fr from '../../src/i18n/locales/fr.js';
import ja from '../../src/i18n/locales/ja.js';
import { button, control, createTemplate, errorFor, hasButton, mount, sandboxInfo, type, uniqueName, until, widgetToken } from '../support/browser.js';
import { testSpec } from './test-spec.js';

const panel = (el: AirbyteConnect) => el.shadowRoot!.querySelector<HTMLElement>('[part~="panel"]')!;
/** Whether this page has fetched the locale chunk's code (locale-words.ts, built as chunks/locale.js). */
const localeChunkFetched = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/src/i18n/locale-words.'));

async function openForm() {
  const template = await createTemplate(testSpec, uniqueName('Acme DB'));
  const token = await widgetToken({ workspace_name: uniqueName('ws') });
  const el = await mount(token, { templateId: template.id });
  await until(el, () => hasButton(el, 'Connect'), 'the form opens');
  return el;
}

describe('languages', () => {
  // First in this file: once any test has asked for another language, the page holds the chunk.
  it('settles plain English without fetching the locale chunk', async () => {
    const el = await openForm();
    el.locale = 'en-gb';
    await el.updateComplete;
    expect(panel(el).lang).to.equal('en-GB');
    expect(panel(el).dir).to.equal('ltr');
    expect(hasButton(el, 'Connect')).to.be.true;
    expect(localeChunkFetched(), 'the locale chunk was fetched').to.be.false;
  });

  it('switches locale at run time, keeping what was typed and re-wording the errors', async () => {
    const el = await openForm();
    await type(el, 'Host', 'db.example.com');
    await type(el, 'Port', '0');
    expect(errorFor(el, 'Port')).to.equal('Must be at least 1');

    el.locale = 'de';
    await until(el, () => hasButton(el, de.connect), 'German words arrive');
    expect(localeChunkFetched(), 'German comes through the locale chunk').to.be.true;
    expect(panel(el).lang).to.equal('de');
    expect(panel(el).dir).to.equal('ltr');
    expect(hasButton(el, de.testConnection)).to.be.true;
    expect(control(el, 'Host').value).to.equal('db.example.com');
    expect(errorFor(el, 'Port')).to.equal(de['v.min'].replace('{n}', '1'));

    el.locale = 'fr-CA';
    await until(el, () => hasButton(el, fr.connect), 'French words arrive');
    expect(panel(el).lang).to.equal('fr-CA');
    expect(errorFor(el, 'Port')).to.equal(fr['v.min'].replace('{n}', '1'));

    el.locale = 'ja';
    await until(el, () => hasButton(el, ja.connect), 'Japanese words arrive');
    el.locale = 'en';
    await until(el, () => hasButton(el, 'Connect'), 'English again');
    expect(control(el, 'Host').value).to.equal('db.example.com');
    expect(control(el, 'Port').value).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('follows the page’s lang when no locale is set', async () => {
    const token = await widgetToken({ workspace_name: uniqueName('ws') });
    const { apiBaseUrl } = await sandboxInfo();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="es-MX"><airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect></div>`);
    const el = wrapper.querySelector('airbyte-connect')!;
    const ready = oneEvent(el, 'airbyte-ready');
    el.token = token;
    await ready;
    await until(el, () => el.shadowRoot!.querySelector('input[type="search"]')?.getAttribute('aria-label') === es.search, 'Spanish words');
    expect(panel(el).lang).to.equal('es-MX');
    expect(panel(el).dir).to.equal('ltr');
  });

  it('lays out right to left on an Arabic page, with English words marked as English', async () => {
    const token = await widgetToken({ workspace_name: uniqueName('ws') });
    const { apiBaseUrl } = await sandboxInfo();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar-EG"><airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect></div>`);
    const el = wrapper.querySelector('airbyte-connect')!;
    const ready = oneEvent(el, 'airbyte-ready');
    el.token = token;
    await ready;
    await until(el, () => panel(el).dir === 'rtl', 'right to left');
    expect(getComputedStyle(panel(el)).direction).to.equal('rtl');
    expect(panel(el).lang).to.equal('en');
    expect(el.shadowRoot!.querySelector('input[type="search"]')?.getAttribute('aria-label')).to.equal('Search');
  });

  it('lays out right to left for Arabic and Hebrew even without a catalog', async () => {
    const el = await openForm();
    const connect = () => button(el, 'Connect').getBoundingClientRect();
    const test = () => button(el, 'Test connection').getBoundingClientRect();
    expect(connect().left).to.be.below(test().left);
    for (const locale of ['ar', 'he-IL']) {
      el.locale = locale;
      await until(el, () => panel(el).dir === 'rtl', `${locale} turns the layout`);
      expect(getComputedStyle(panel(el)).direction).to.equal('rtl');
      // The first action now sits at the right, as readers of the script expect.
      expect(connect().left).to.be.above(test().left);
      // No catalog: English words, marked as English for screen readers.
      expect(panel(el).lang).to.equal('en');
    }
    el.locale = 'en';
    await until(el, () => panel(el).dir === 'ltr', 'back to left to right');
  });

  it('lets the page replace any message, in any language', async () => {
    const el = await openForm();
    el.messages = { connect: 'Link it', 'v.required': 'Needed' };
    await until(el, () => hasButton(el, 'Link it'), 'the override shows');
    button(el, 'Link it').click();
    await until(el, () => errorFor(el, 'Host') === 'Needed', 'overridden validation message');
    // A language we do not ship, supplied whole by the page, is announced as that language.
    el.locale = 'it';
    el.messages = { connect: 'Collega', testConnection: 'Verifica connessione' };
    await until(el, () => hasButton(el, 'Collega'), 'Italian from the page');
    expect(panel(el).lang).to.equal('it');
    expect(hasButton(el, 'Back')).to.be.true; // what the page did not supply stays English
  });

  it('dates a saved connection in the locale’s own format, without changing the button’s name', async () => {
    const template = await createTemplate(testSpec, uniqueName('Acme DB'));
    const token = await widgetToken({ workspace_name: uniqueName('ws') });
    const { apiBaseUrl } = await sandboxInfo();
    const jwt = JSON.parse(atob(token)).token;
    const config = { host: 'h', port: 5432, password: 'p', tunnel: { method: 'NONE' } };
    const created = await fetch(`${apiBaseUrl}/sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source_template_id: template.id, source_config: config, name: 'Warehouse' }),
    }).then((r) => r.json());
    const el = await mount(token);
    el.locale = 'de';
    const date = new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date(created.created_at));
    const when = () => el.shadowRoot!.querySelector('[part~="date"]')?.textContent;
    await until(el, () => when() === de.connectedOn.replace('{date}', date), 'a German date');
    expect(hasButton(el, 'Warehouse')).to.be.true;
    const described = button(el, 'Warehouse').getAttribute('aria-describedby')!;
    expect(el.shadowRoot!.getElementById(described)?.textContent).to.equal(when());
  });

  it('says in the user’s language why a field is edited as JSON', async () => {
    const spec = { type: 'object', properties: { flags: { type: 'array', title: 'Flags', items: { type: 'boolean' } } } };
    const template = await createTemplate(spec, uniqueName('Odd'));
    const token = await widgetToken({ workspace_name: uniqueName('ws') });
    const el = await mount(token, { templateId: template.id });
    el.locale = 'de';
    const hint = () => el.shadowRoot!.querySelector('[id^="j-"]')?.textContent?.replace(/\s+/g, ' ').trim();
    await until(el, () => hint() === `${de.jsonHint} ${de['json.list'].replace('{type}', 'boolean')}`, 'a German reason');
  });

  it('treats a malformed locale as English and says so in the console', async () => {
    const el = await openForm();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      el.locale = 'not a locale!';
      // Said by the locale chunk, which tells well-formed tags from others: plain English needs no fetch.
      await until(el, () => warnings.length > 0, 'the warning');
    } finally {
      console.warn = warn;
    }
    expect(hasButton(el, 'Connect')).to.be.true;
    expect(warnings.join(' ')).to.contain('not a BCP 47 tag');
  });
});
