// `<airbyte-connect>` in Vue 3, against the real sandbox: from a template (with `isCustomElement`) and from a
// render function. Vue sets `token` as a property (the element has one), hyphenated attributes as attributes,
// and `@airbyte-source-created` (`onAirbyteSourceCreated` in a render function) listens for the DOM event.
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, h, type App } from 'vue';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import type { AirbyteConnectEventMap } from '../../src/events/event-map.js';
import '../../src/define.js';
import { testSpec } from '../components/test-spec.js';
import { click, createTemplate, heading, sandboxInfo, sourcesOf, type, uniqueName, until, widgetToken } from '../support/browser.js';

type Ready = AirbyteConnectEventMap['airbyte-ready'];
type Created = AirbyteConnectEventMap['airbyte-source-created'];

describe('<airbyte-connect> in Vue 3', () => {
  let host: HTMLElement;
  let app: App | undefined;
  let warnings: string[];

  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    warnings = [];
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    host.remove();
  });

  function mount(options: Parameters<typeof createApp>[0]): AirbyteConnect {
    app = createApp(options);
    app.config.compilerOptions.isCustomElement = (tag) => tag === 'airbyte-connect';
    app.config.warnHandler = (message) => void warnings.push(message);
    app.mount(host);
    return host.querySelector('airbyte-connect')!;
  }

  /** Fills in the only template's form and connects, through the element's shadow DOM. */
  async function connect(el: AirbyteConnect, templateName: string): Promise<void> {
    await until(el, () => heading(el) === templateName, 'the form opens');
    await type(el, 'Host', 'db.example.test');
    await type(el, 'Password', 's3cret');
    await click(el, 'Connect');
  }

  it('binds token and tokenProvider as properties and hears airbyte-ready and airbyte-source-created from a template', async () => {
    const template = await createTemplate(testSpec);
    const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] });
    const { apiBaseUrl } = await sandboxInfo();
    const ready: Ready[] = [];
    const created: Created[] = [];
    const tokenProvider = () => Promise.resolve(token);

    const el = mount({
      setup: () => ({
        token,
        tokenProvider,
        apiBaseUrl,
        onReady: (event: Ready) => ready.push(event),
        onCreated: (event: Created) => created.push(event),
      }),
      template: `<airbyte-connect
        :token="token"
        :tokenProvider="tokenProvider"
        :api-base-url="apiBaseUrl"
        @airbyte-ready="onReady"
        @airbyte-source-created="onCreated"
      ></airbyte-connect>`,
    });
    expect(el.token).to.equal(token);
    expect(el.hasAttribute('token')).to.be.false; // a property: never in the DOM
    expect(el.tokenProvider).to.equal(tokenProvider);
    expect(el.hasAttribute('tokenprovider')).to.be.false;
    expect(el.getAttribute('api-base-url')).to.equal(apiBaseUrl);

    await waitUntil(() => ready.length, 'the template hears airbyte-ready');
    expect(ready[0]!.detail).to.deep.equal({ templates: 1, sources: 0 });

    await connect(el, template.name);
    await waitUntil(() => created.length, 'the template hears airbyte-source-created');
    const { source, envelope } = created[0]!.detail;
    const [saved] = await sourcesOf(token);
    expect(source.id).to.equal(saved!.id);
    expect(envelope).to.deep.include({ type: 'end_user_action_result', message: 'source_created' });
    expect(warnings).to.deep.equal([]); // e.g. no "Failed to resolve component: airbyte-connect"
  });

  it('takes token-url and onAirbyte… listeners from a render function', async () => {
    const template = await createTemplate(testSpec);
    const workspace = uniqueName('ws');
    const { apiBaseUrl } = await sandboxInfo();
    const tokenUrl = `/__test/token?workspace=${workspace}&tag=${template.tag}`; // a pretend host backend
    const ready: Ready[] = [];
    const created: Created[] = [];

    const el = mount({
      render: () =>
        h('airbyte-connect', {
          'token-url': tokenUrl,
          'api-base-url': apiBaseUrl,
          onAirbyteReady: (event: Ready) => ready.push(event),
          onAirbyteSourceCreated: (event: Created) => created.push(event),
        }),
    });
    expect(el.tokenUrl).to.equal(tokenUrl);

    await waitUntil(() => ready.length, 'onAirbyteReady is called');
    expect(ready[0]!.detail).to.deep.equal({ templates: 1, sources: 0 });

    await connect(el, template.name);
    await waitUntil(() => created.length, 'onAirbyteSourceCreated is called');
    expect(created[0]!.detail.envelope.message).to.equal('source_created');
    expect(created[0]!.detail.source.name).to.match(new RegExp(`^${template.name} - [0-9a-f]{8}$`));
    expect(warnings).to.deep.equal([]);

    // Unmounting removes the element, which stops its work.
    app!.unmount();
    app = undefined;
    expect(el.isConnected).to.be.false;
  });
});
