// `airbyte-connect/react` in React 19, against the real sandbox: props reach the element as properties, and
// the `on…` props receive its events, with the right detail, through re-renders and until unmount.
import { expect, waitUntil } from '@open-wc/testing';
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { AirbyteConnect, type AirbyteConnectElement, type AirbyteConnectProps } from '../../src/react/index.js';
import type { AirbyteConnectEventDetails } from '../../src/events/event-map.js';
import { testSpec } from '../components/test-spec.js';
import { click, createTemplate, heading, sandboxInfo, sourcesOf, type, uniqueName, until, widgetToken } from '../support/browser.js';

type Received = { [K in keyof AirbyteConnectEventDetails]?: AirbyteConnectEventDetails[K][] };

/** Records what each `on…` prop receives. */
function recorder() {
  const received: Received = {};
  const record =
    <K extends keyof AirbyteConnectEventDetails>(type: K) =>
    (event: CustomEvent<AirbyteConnectEventDetails[K]>) => {
      expect(event.type).to.equal(type);
      ((received[type] ??= []) as AirbyteConnectEventDetails[K][]).push(event.detail);
    };
  return { received, record };
}

/** Never called: the compiler checks that each `on…` prop is typed with its own event. */
export function typedProps(): React.ReactElement[] {
  return [
    React.createElement(AirbyteConnect, { onSourceCreated: (event) => event.detail.source.id satisfies string }),
    React.createElement(AirbyteConnect, { onTokenExpiring: (event) => event.detail.expiresAt satisfies number }),
    // @ts-expect-error onSourceCreated receives airbyte-source-created, not airbyte-ready
    React.createElement(AirbyteConnect, { onSourceCreated: (event: CustomEvent<{ templates: number }>) => event }),
    // @ts-expect-error theme is 'light' | 'dark' | 'auto'
    React.createElement(AirbyteConnect, { theme: 'blue' }),
  ];
}

describe('airbyte-connect/react in React 19', () => {
  let host: HTMLElement;
  let root: Root;

  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
  });

  afterEach(() => {
    root.unmount();
    host.remove();
  });

  /** Renders `<AirbyteConnect {...props}>` and returns the element React made. */
  async function render(props: AirbyteConnectProps): Promise<AirbyteConnectElement> {
    root.render(React.createElement(AirbyteConnect, props));
    await waitUntil(() => host.querySelector('airbyte-connect'), 'React renders <airbyte-connect>');
    return host.querySelector('airbyte-connect')!;
  }

  it('passes token and apiBaseUrl as properties and calls onReady and onSourceCreated with their detail', async () => {
    const template = await createTemplate(testSpec);
    const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] });
    const { apiBaseUrl } = await sandboxInfo();
    const { received, record } = recorder();
    const ref = React.createRef<AirbyteConnectElement>();

    const el = await render({
      ref,
      token,
      apiBaseUrl,
      theme: 'dark',
      className: 'connect',
      onReady: record('airbyte-ready'),
      onCheck: record('airbyte-check'),
      onSourceCreated: record('airbyte-source-created'),
      onError: record('airbyte-error'),
    });
    expect(ref.current).to.equal(el);
    expect(el.token).to.equal(token);
    expect(el.getAttribute('token')).to.equal(null); // a property, never an attribute
    expect(el.apiBaseUrl).to.equal(apiBaseUrl);
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.className).to.equal('connect');

    await waitUntil(() => received['airbyte-ready'], 'onReady is called');
    expect(received['airbyte-ready']).to.deep.equal([{ templates: 1, sources: 0 }]);

    // The only template opens directly; fill it in and connect through the element's shadow DOM.
    await until(el, () => heading(el) === template.name, 'the form opens');
    await type(el, 'Host', 'db.example.test');
    await type(el, 'Password', 's3cret');
    await click(el, 'Connect');
    await waitUntil(() => received['airbyte-source-created'], 'onSourceCreated is called');

    const [created] = received['airbyte-source-created']!;
    const [saved] = await sourcesOf(token);
    expect(created!.source.id).to.equal(saved!.id);
    expect(created!.source.name).to.equal(saved!.name);
    expect(created!.envelope).to.deep.include({ type: 'end_user_action_result', message: 'source_created' });
    expect(created!.envelope.message === 'source_created' && created!.envelope.data.id).to.equal(saved!.id);
    expect(received['airbyte-check']).to.equal(undefined);
    expect(received['airbyte-error']).to.equal(undefined);
  });

  it('gets its token from tokenProvider, follows new props and handlers, and leaves the page on unmount', async () => {
    const template = await createTemplate(testSpec);
    const workspace = uniqueName('ws');
    const { apiBaseUrl } = await sandboxInfo();
    let asked = 0;
    const tokenProvider = () => {
      asked += 1;
      return widgetToken({ workspace_name: workspace, selected_source_template_tags: [template.tag] });
    };
    const first = recorder();
    const second = recorder();

    const el = await render({ tokenProvider, apiBaseUrl, onReady: first.record('airbyte-ready') });
    expect(el.tokenProvider).to.equal(tokenProvider);
    await waitUntil(() => first.received['airbyte-ready'], 'onReady is called');
    expect(asked).to.equal(1);
    expect(first.received['airbyte-ready']).to.deep.equal([{ templates: 1, sources: 0 }]);

    // A re-render with another handler and another prop: the same element, the new handler, the new value.
    const again = await render({
      tokenProvider,
      apiBaseUrl,
      theme: 'light',
      onReady: second.record('airbyte-ready'),
      onTemplateSelect: second.record('airbyte-template-select'),
      onSourceCreated: second.record('airbyte-source-created'),
    });
    expect(again).to.equal(el);
    await waitUntil(() => el.getAttribute('theme') === 'light', 'the new prop is set');
    await el.reload();
    await waitUntil(() => second.received['airbyte-ready'], 'the new onReady is called');
    expect(first.received['airbyte-ready']).to.have.length(1);

    await until(el, () => heading(el) === template.name, 'the form opens');
    await type(el, 'Host', 'db.example.test');
    await type(el, 'Password', 's3cret');
    await click(el, 'Connect');
    await waitUntil(() => second.received['airbyte-source-created'], 'onSourceCreated is called');
    const [created] = second.received['airbyte-source-created']!;
    expect(created!.envelope.message).to.equal('source_created');
    expect(created!.source.source_config).to.deep.include({ host: 'db.example.test', password: '**********' });

    // Unmounted: React removes the element, which then stops its work and fires nothing more.
    root.unmount();
    expect(el.isConnected).to.equal(false);
    root = createRoot(host); // for afterEach
  });
});
