import { expect, oneEvent } from '@open-wc/testing';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import { click, fault, hasButton, mount, operator, type, uniqueName, until, widgetToken } from '../support/browser.js';

declare global {
  interface Window {
    pwned?: string;
  }
}

/** Markup, script URLs, an SVG payload and a right-to-left override, in one string. */
const HOSTILE = `<img src=x onerror="window.pwned='img'"><script>window.pwned='script'</script>"'><svg onload="window.pwned='svg'"></svg><a href="javascript:window.pwned='link'">x</a>\u202Eevil`;
const HUGE = 'A'.repeat(100_000);

const hostileSpec = {
  type: 'object',
  title: HOSTILE,
  description: HOSTILE,
  required: ['host', 'mode', 'auth'],
  properties: {
    host: { type: 'string', title: HOSTILE, description: HOSTILE, examples: [HOSTILE], pattern_descriptor: HOSTILE, order: 0 },
    mode: { type: 'string', title: 'Mode', enum: [HOSTILE, 'safe'], default: HOSTILE, order: 1 },
    [`"><img src=x onerror="window.pwned='key'">`]: { type: 'string', title: 'Odd key', order: 2 },
    auth: {
      type: 'object',
      title: HOSTILE,
      order: 3,
      oneOf: [
        { title: HOSTILE, description: HOSTILE, required: ['kind'], properties: { kind: { type: 'string', const: 'a' } } },
        { title: 'Other', required: ['kind'], properties: { kind: { type: 'string', const: 'b' } } },
      ],
    },
    huge: { type: 'string', title: 'Huge', description: HUGE, order: 4 },
  },
};

function assertInert(el: AirbyteConnect, startUrl: string) {
  expect(window.pwned).to.equal(undefined);
  expect(location.href).to.equal(startUrl);
  const root = el.shadowRoot!;
  expect(root.querySelectorAll('script, iframe, object, embed, svg').length).to.equal(0);
  for (const node of root.querySelectorAll('*')) {
    for (const attribute of Array.from(node.attributes)) {
      expect(attribute.name.startsWith('on'), `${node.tagName} has ${attribute.name}`).to.be.false;
      if (attribute.name === 'href' || attribute.name === 'src') expect(attribute.value).to.not.match(/^\s*javascript:/i);
    }
  }
}

describe('<airbyte-connect> with hostile strings everywhere', () => {
  it('renders hostile template names, icons, spec text, errors and stored values as text, running nothing', async () => {
    const startUrl = location.href;
    const tag = uniqueName('tag');
    for (const [name, icon] of [
      [HOSTILE, 'javascript:window.pwned="icon"'],
      [`${HOSTILE} 2`, 'data:text/html,<script>window.pwned="data"</script>'],
    ]) {
      const result = await operator('POST', '/api/v1/integrations/templates/sources', {
        name,
        icon,
        tags: [tag],
        user_config_spec: { connectionSpecification: hostileSpec },
      });
      expect(result.status).to.equal(200);
    }
    const workspace = uniqueName('ws');
    const token = await widgetToken({ workspace_name: workspace, selected_source_template_tags: [tag] });
    const el = await mount(token);
    expect(el.shadowRoot!.textContent).to.contain("<script>window.pwned='script'</script>");
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0, 'no unsafe icon is loaded');
    assertInert(el, startUrl);

    el.shadowRoot!.querySelector<HTMLButtonElement>('button.tile')!.click();
    await until(el, () => hasButton(el, 'Connect'), 'the form opens');
    const hostInput = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!;
    expect(hostInput.labels![0]!.textContent).to.contain('<img src=x');
    expect(hostInput.placeholder).to.equal(HOSTILE);
    assertInert(el, startUrl);

    // A hostile error message from the server, then a hostile stored value coming back for editing.
    await fault({ path: '/api/v1/embedded/sources', method: 'POST', workspace_name: workspace, status: 400, body: { detail: HOSTILE } });
    hostInput.value = HOSTILE;
    hostInput.dispatchEvent(new Event('input'));
    const error = oneEvent(el, 'airbyte-error');
    await click(el, 'Connect');
    expect((await error).detail.message).to.equal(HOSTILE);
    await until(el, () => (el.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '').includes("window.pwned='img'"), 'the hostile message shows as text');
    assertInert(el, startUrl);

    const created = oneEvent(el, 'airbyte-source-created');
    await click(el, 'Connect');
    const { source } = (await created).detail;
    await click(el, 'Done');
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.tile')[0]!.click();
    await until(el, () => hasButton(el, 'Save changes'), 'the saved source opens');
    expect(source.source_config.host).to.equal(HOSTILE);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]')!.value).to.equal(HOSTILE);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assertInert(el, startUrl);
  });

  it('renders a huge, hostile list answer as text', async () => {
    const startUrl = location.href;
    const workspace = uniqueName('ws');
    const token = await widgetToken({ workspace_name: workspace, selected_source_template_tags: [uniqueName('none')] });
    await fault({
      path: '/api/v1/embedded/source-templates',
      workspace_name: workspace,
      status: 200,
      body: {
        data: [
          { id: 'a', name: HUGE, icon: `https://example.invalid/"><script>window.pwned=1</script>` },
          { id: 'b', name: HOSTILE, icon: 'javascript:window.pwned=1' },
          { id: 'c', name: '\u202Egnp.exe', icon: null },
        ],
      },
    });
    const el = await mount(token);
    expect(hasButton(el, `${HUGE.slice(0, 119)}…`), 'a huge name is shortened for display').to.be.true;
    expect(hasButton(el, `${HOSTILE.slice(0, 119)}…`)).to.be.true;
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(1, 'only the http(s) icon is loaded');
    assertInert(el, startUrl);
  });

  it('a malformed API answer ends in a clear error, never an exception in the page', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const workspace = uniqueName('ws');
      const token = await widgetToken({ workspace_name: workspace, selected_source_template_tags: [uniqueName('none')] });
      await fault({ path: '/api/v1/embedded/source-templates', workspace_name: workspace, status: 200, body: { data: 'not a list' }, times: 10 });
      const { apiBaseUrl } = await import('../support/browser.js').then((m) => m.sandboxInfo());
      const el = document.createElement('airbyte-connect');
      el.apiBaseUrl = apiBaseUrl;
      const failed = oneEvent(el, 'airbyte-error');
      document.body.append(el);
      el.token = token;
      expect((await failed).detail.code).to.equal('invalid_response');
      await until(el, () => hasButton(el, 'Try again'), 'the failure shows with a way to retry');
      el.remove();
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});
