import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import type { AirbyteEnvelope } from '../../src/events/event-map.js';
import {
  button,
  click,
  createTemplate,
  hasButton,
  heading,
  mount,
  operator,
  sandboxInfo,
  type,
  uniqueName,
  until,
  widgetToken,
} from '../support/browser.js';
import { testSpec } from './test-spec.js';

const onePixelPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function templateWithIcon(tag: string, name: string, icon: string) {
  const result = await operator('POST', '/api/v1/integrations/templates/sources', {
    name,
    icon,
    tags: [tag],
    user_config_spec: { connectionSpecification: testSpec },
  });
  expect(result.status).to.equal(200);
}

function tileImage(el: AirbyteConnect, name: string) {
  return button(el, name).querySelector('img');
}
function tileLetter(el: AirbyteConnect, name: string) {
  return button(el, name).querySelector('.letter')?.textContent?.trim();
}

describe('<airbyte-connect> start view', () => {
  it('shows each icon, and a letter avatar when the icon is missing, unsafe or fails to load', async () => {
    const tag = uniqueName('tag');
    await templateWithIcon(tag, 'Good icon', onePixelPng);
    await templateWithIcon(tag, 'broken icon', `${location.origin}/no-such-icon.png`);
    await templateWithIcon(tag, 'Script icon', 'javascript:alert(1)');
    await createTemplate(testSpec, 'No icon', tag);
    await templateWithIcon(tag, 'Blank icon', '   ');
    const el = await mount(await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] }));
    expect(tileImage(el, 'Good icon')?.getAttribute('src')).to.equal(onePixelPng);
    expect(tileImage(el, 'Script icon')).to.equal(null);
    expect(tileLetter(el, 'Script icon')).to.equal('S');
    expect(tileLetter(el, 'No icon')).to.equal('N');
    // blank is no icon, not the page's own URL (which a blank resolves to)
    expect(tileImage(el, 'Blank icon')).to.equal(null);
    expect(tileLetter(el, 'Blank icon')).to.equal('B');
    await until(el, () => tileLetter(el, 'broken icon') === 'B', 'a failed icon falls back to its letter');
    await expect(el).to.be.accessible();
  });

  it('deep-links to a saved source with source-id and sends every outcome to onEvent', async () => {
    const template = await createTemplate(testSpec);
    const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] });
    const first = await mount(token);
    const envelopes: (AirbyteEnvelope | { message: string })[] = [];
    first.onEvent = (envelope) => envelopes.push(envelope);
    await until(first, () => heading(first) === template.name, 'the only template opens');
    await type(first, 'Host', 'db.acme.test');
    await type(first, 'Password', 'p4ss');
    const created = oneEvent(first, 'airbyte-source-created');
    await click(first, 'Connect');
    const { source } = (await created).detail;
    expect(envelopes.map((e) => e.message)).to.deep.equal(['source_created']);

    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl} source-id=${source.id}></airbyte-connect>`);
    el.onEvent = (envelope) => envelopes.push(envelope);
    el.token = token;
    await until(el, () => hasButton(el, 'Save changes') && heading(el) === source.name, 'the linked source opens');
    await click(el, 'Delete');
    const deleted = oneEvent(el, 'airbyte-source-deleted');
    await click(el, 'Yes, delete');
    await deleted;
    expect(envelopes.map((e) => e.message)).to.deep.equal(['source_created', 'source_deleted']);
  });

  it('is untouched by the host page’s CSS resets', async () => {
    const template = await createTemplate(testSpec);
    const style = document.createElement('style');
    style.textContent = '* { all: unset !important; } button, input { display: none !important; color: transparent !important; }';
    document.head.append(style);
    try {
      const el = await mount(await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] }));
      await until(el, () => hasButton(el, 'Connect'), 'the form shows');
      const connect = button(el, 'Connect');
      expect(getComputedStyle(connect).display).to.not.equal('none');
      expect(getComputedStyle(connect).color).to.not.equal('rgba(0, 0, 0, 0)');
      expect(el.shadowRoot!.querySelectorAll('style').length).to.equal(0, 'styles are adopted sheets, not <style> tags');
    } finally {
      style.remove();
    }
  });
});
