import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import { createTemplate, hasButton, sandboxInfo, uniqueName, until, widgetToken, click } from '../support/browser.js';
import { testSpec } from './test-spec.js';

describe('<airbyte-connect mode="dialog">', () => {
  async function setup() {
    const tag = uniqueName('tag');
    await createTemplate(testSpec, uniqueName('Dialog A'), tag);
    await createTemplate(testSpec, uniqueName('Dialog B'), tag);
    const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] });
    const { apiBaseUrl } = await sandboxInfo();
    const page = await fixture<HTMLDivElement>(html`<div>
      <button id="opener">Connect data</button>
      <airbyte-connect mode="dialog" api-base-url=${apiBaseUrl} .token=${token}></airbyte-connect>
    </div>`);
    const el = page.querySelector<AirbyteConnect>('airbyte-connect')!;
    const opener = page.querySelector<HTMLButtonElement>('#opener')!;
    await oneEvent(el, 'airbyte-ready');
    return { el, opener };
  }

  const dialogOf = (el: AirbyteConnect) => el.shadowRoot!.querySelector('dialog')!;

  it('stays closed until shown, opens modally with show(), and reflects `open`', async () => {
    const { el, opener } = await setup();
    expect(dialogOf(el).open).to.be.false;
    opener.focus();
    el.show();
    await el.updateComplete;
    expect(dialogOf(el).open).to.be.true;
    expect(el.hasAttribute('open')).to.be.true;
    expect(dialogOf(el).matches(':modal')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('closes on Escape, fires airbyte-close, and returns focus to the opener', async () => {
    const { el, opener } = await setup();
    opener.focus();
    el.show();
    await el.updateComplete;
    expect(opener.matches(':focus')).to.be.false;
    const closed = oneEvent(el, 'airbyte-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect(el.open).to.be.false;
    expect(dialogOf(el).open).to.be.false;
    expect(document.activeElement).to.equal(opener);
  });

  it('closes with its "Close" button and with close()', async () => {
    const { el, opener } = await setup();
    opener.focus();
    el.setAttribute('open', '');
    await el.updateComplete;
    expect(dialogOf(el).open).to.be.true;
    let closed = oneEvent(el, 'airbyte-close');
    await click(el, 'Close');
    await closed;
    expect(dialogOf(el).open).to.be.false;
    el.show();
    await el.updateComplete;
    closed = oneEvent(el, 'airbyte-close');
    el.close();
    await closed;
    expect(el.hasAttribute('open')).to.be.false;
  });

  it('keeps keyboard focus inside while open', async () => {
    const { el, opener } = await setup();
    opener.focus();
    el.show();
    await el.updateComplete;
    await until(el, () => hasButton(el, 'Close'), 'content renders');
    const outside: string[] = [];
    let inside = 0;
    for (let i = 0; i < 12; i++) {
      await sendKeys({ press: 'Tab' });
      const active = document.activeElement;
      // Past the last control, a native modal hands focus to the browser's own UI (body here), never to the page.
      if (active === el) inside++;
      else if (active && active !== document.body) outside.push(active.outerHTML.slice(0, 60));
    }
    expect(outside).to.deep.equal([]);
    expect(inside).to.be.greaterThan(8);
  });

  it('keeps what was typed when the dialog is closed and opened again', async () => {
    const { el, opener } = await setup();
    opener.focus();
    el.show();
    await el.updateComplete;
    const tile = el.shadowRoot!.querySelector<HTMLButtonElement>('button.tile')!;
    tile.click();
    await until(el, () => hasButton(el, 'Connect'), 'the form opens');
    const host = el.shadowRoot!.querySelector<HTMLInputElement>('#f-host')!;
    host.value = 'db.acme.test';
    host.dispatchEvent(new Event('input'));
    el.close();
    await oneEvent(el, 'airbyte-close');
    el.show();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#f-host')!.value).to.equal('db.acme.test');
  });
});
