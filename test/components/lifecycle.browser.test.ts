import { expect, fixture, html } from '@open-wc/testing';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import { click, createTemplate, hasButton, heading, mount, type, uniqueName, until, widgetToken } from '../support/browser.js';
import { testSpec } from './test-spec.js';

function leavePage(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

async function openForm() {
  const template = await createTemplate(testSpec);
  const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] });
  const el = await mount(token);
  await until(el, () => heading(el) === template.name, 'the form opens');
  return el;
}

describe('<airbyte-connect> lifecycle', () => {
  it('asks before the page unloads only while typed input is unsaved', async () => {
    const el = await openForm();
    expect(leavePage()).to.be.false;
    await type(el, 'Host', 'db.acme.test');
    expect(leavePage()).to.be.true;
    await type(el, 'Password', 'p4ss');
    await click(el, 'Connect');
    await until(el, () => hasButton(el, 'Done'), 'saved');
    expect(leavePage()).to.be.false;
    el.remove();
  });

  it('does nothing more once removed: no events, no state changes, no unload prompt', async () => {
    const el = await openForm();
    await type(el, 'Host', 'db.acme.test');
    await type(el, 'Password', 'slow');
    const events: string[] = [];
    for (const name of ['airbyte-check', 'airbyte-error', 'airbyte-source-created']) el.addEventListener(name, () => events.push(name));
    await click(el, 'Test connection');
    el.remove();
    expect(leavePage()).to.be.false;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(events).to.deep.equal([]);
  });

  it('leaves no window listeners behind after 100 connect/disconnect cycles', async () => {
    const counts = new Map<string, number>();
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      counts.set(type, (counts.get(type) ?? 0) + 1);
      // A listener added with an AbortSignal is removed when the signal aborts.
      const signal = (rest[1] as AddEventListenerOptions | undefined)?.signal;
      signal?.addEventListener('abort', () => counts.set(type, counts.get(type)! - 1));
      return (add as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, ...rest: unknown[]) {
      counts.set(type, (counts.get(type) ?? 0) - 1);
      return (remove as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.removeEventListener;
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('airbyte-connect') as AirbyteConnect;
      for (let i = 0; i < 100; i++) {
        host.append(el);
        el.remove();
      }
      expect([...counts.values()].every((n) => n === 0)).to.be.true;
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });
});
