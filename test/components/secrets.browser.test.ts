import { expect, oneEvent } from '@open-wc/testing';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import { click, control, createTemplate, hasButton, heading, mount, type, uniqueName, until, widgetToken } from '../support/browser.js';
import { testSpec } from './test-spec.js';

const SECRET = 'S3cr3t-canary-9f1d';

/** Every text a page exposes: the DOM (shadow roots included), storage, cookies and its address. */
function pageText(): string {
  const parts = [document.documentElement.outerHTML, location.href, document.cookie];
  const walk = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.innerHTML);
        walk(element.shadowRoot);
      }
    }
  };
  walk(document);
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) parts.push(storage.key(i)!, storage.getItem(storage.key(i)!)!);
  }
  return parts.join('\n');
}

describe('secrets and tokens', () => {
  it('never reach logs, storage, URLs, the DOM or events during a full flow', async () => {
    const logged: string[] = [];
    const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
    for (const name of Object.keys(originals) as (keyof typeof originals)[]) {
      console[name] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    }
    const urls: string[] = [];
    const fetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    const details: string[] = [];
    let el: AirbyteConnect | undefined;
    try {
      const template = await createTemplate(testSpec);
      const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] });
      const jwt = JSON.parse(atob(token)).token as string;
      el = await mount(token);
      for (const name of ['airbyte-check', 'airbyte-source-created', 'airbyte-source-updated', 'airbyte-error', 'airbyte-source-deleted']) {
        el.addEventListener(name, (event) => details.push(JSON.stringify((event as CustomEvent).detail)));
      }
      await until(el, () => heading(el!) === template.name, 'the form opens');
      await type(el, 'Host', 'db.acme.test');
      await type(el, 'Password', SECRET);
      await click(el, 'Show');
      expect(control(el, 'Password').type).to.equal('text');
      const check = oneEvent(el, 'airbyte-check');
      await click(el, 'Test connection');
      await check;
      const created = oneEvent(el, 'airbyte-source-created');
      await click(el, 'Connect');
      const { source } = (await created).detail;
      await click(el, 'Done');
      el.shadowRoot!.querySelector<HTMLButtonElement>(`button.tile`)!.click();
      await until(el, () => hasButton(el!, 'Save changes'), 'the saved source opens');
      await type(el, 'Host', 'db2.acme.test');
      const updated = oneEvent(el, 'airbyte-source-updated');
      await click(el, 'Save changes');
      await updated;
      expect(source.source_config.password).to.equal('**********');

      const everything = [pageText(), ...logged, ...urls, ...details].join('\n');
      expect(everything.includes(SECRET), 'the secret leaked').to.be.false;
      expect(everything.includes(jwt), 'the token leaked').to.be.false;
      expect(everything.includes(token), 'the widget token leaked').to.be.false;
      expect(el.getAttribute('token')).to.equal(null);
    } finally {
      Object.assign(console, originals);
      window.fetch = fetch;
      el?.remove();
    }
  });
});
