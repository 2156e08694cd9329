// The rare field kinds (lists of objects, a oneOf shown as radio cards, the JSON fallback) through the built files,
// on a page with a strict CSP: the ES builds fetch dist/chunks/fields.js only for a form that shows one of them, the
// single-file build has them built in, and either way their styles apply with zero violations. The chunk imports
// nothing, so a page that reached the widget through a redirect (a CDN's unversioned URL) runs one copy of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DemoServer } from '../../demo/server.js';
import { operatorPost, startEndToEnd, type EndToEnd } from '../support/e2e.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const CLIENT = { client_id: 'kinds-client', client_secret: 'kinds-secret' };
const CHUNK = '/dist/chunks/fields.js';

let e2e: EndToEnd;
let demo: DemoServer;
let browser: Browser;

const operator = (path: string, body: unknown, token?: string) => operatorPost(demo, path, body, token);

/** Two templates: `Plain <workspace>` with common fields only, `Rare <workspace>` with one field of each rare kind. */
async function widgetToken(workspace: string): Promise<string> {
  const { access_token } = await operator('/api/v1/account/applications/token', CLIENT);
  const tag = `kinds-${workspace}`;
  // Every field required, so that none is folded under "Optional fields".
  const template = (name: string, properties: Record<string, unknown>) =>
    operator(
      '/api/v1/integrations/templates/sources',
      { name, tags: [tag], user_config_spec: { connectionSpecification: { type: 'object', required: Object.keys(properties), properties } } },
      access_token,
    );
  await template(`Plain ${workspace}`, {
    host: { type: 'string', title: 'Host' },
    tunnel: {
      type: 'object',
      title: 'Tunnel',
      oneOf: [
        { title: 'No tunnel', properties: { method: { const: 'NONE' } } },
        { title: 'SSH', required: ['ssh_host'], properties: { method: { const: 'SSH' }, ssh_host: { type: 'string', title: 'SSH host' } } },
      ],
    },
  });
  await template(`Rare ${workspace}`, {
    streams: { type: 'array', title: 'Streams', items: { type: 'object', title: 'Stream', required: ['name'], properties: { name: { type: 'string', title: 'Name' } } } },
    mode: {
      type: 'object',
      title: 'Mode',
      display_type: 'radio',
      oneOf: [
        { title: 'Fast', properties: { kind: { const: 'fast' } } },
        { title: 'Safe', properties: { kind: { const: 'safe' } } },
      ],
    },
    extra: { title: 'Extra', anyOf: [{ type: 'string' }, { type: 'integer' }] },
  });
  const { token } = await operator('/api/v1/embedded/widget-token', { workspace_name: workspace, allowed_origin: demo.url, selected_source_template_tags: [tag] }, access_token);
  return token!;
}

/** A page under the strict CSP with `script`, and what it fetched, violated and logged as errors; `prepare` runs before it loads. */
async function open(script: string, token: string, prepare?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await prepare?.(page);
  const fetched: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`)),
  );
  await page.route('**/kinds-page.html', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
      body: `<!doctype html><html lang="en"><head><title>Kinds</title>${script}</head><body>
        <airbyte-connect api-base-url="/api/v1/embedded" token="${token}"></airbyte-connect></body></html>`,
    }),
  );
  await page.goto(`${demo.url}/kinds-page.html`);
  return { page, fetched, problems, close: () => context.close() };
}

/** The computed style of the first element in the widget's shadow root that matches `selector`. */
function styleOf(page: Page, selector: string, property: string): Promise<string> {
  return page.evaluate(
    ([selector, property]) => {
      const element = document.querySelector('airbyte-connect')!.shadowRoot!.querySelector(selector);
      return element ? getComputedStyle(element).getPropertyValue(property!) : 'missing';
    },
    [selector, property],
  );
}

/** Opens the rare kinds' form and checks each kind shows, styled by its own sheet. */
async function showsRareKinds(page: Page, workspace: string): Promise<void> {
  await page.getByRole('button', { name: `Rare ${workspace}` }).click();
  await page.getByRole('radio', { name: 'Safe' }).waitFor();
  assert.equal(await styleOf(page, '.radio-card', 'display'), 'grid', 'the radio cards are styled');
  assert.match(await styleOf(page, 'textarea.mono', 'font-family'), /monospace/, 'the JSON editor is styled');
  await page.getByRole('button', { name: 'Add Stream' }).click();
  await page.getByLabel('Name', { exact: true }).fill('users');
  assert.equal(await styleOf(page, 'details.row', 'border-top-style'), 'solid', 'a list row is styled');
  await page.getByRole('radio', { name: 'Safe' }).check();
  await page.getByLabel('Extra', { exact: true }).fill('"x"');
}

before(async () => {
  e2e = await startEndToEnd({ clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret });
  ({ demo, browser } = e2e);
});

after(() => e2e?.close());

describe('rare field kinds', { timeout: 60_000 }, () => {
  for (const [build, script] of [
    ['ESM', '<script type="module" src="/dist/define.js"></script>'],
    ['loader', '<script src="/dist/airbyte-connect-loader.js"></script>'],
  ] as const) {
    it(`are fetched only for a form that shows one, and styled under a strict CSP (${build} build)`, async () => {
      const workspace = `kinds${build.toLowerCase()}`;
      const { page, fetched, problems, close } = await open(script, await widgetToken(workspace));
      await page.getByRole('button', { name: `Plain ${workspace}` }).click();
      await page.getByRole('combobox', { name: 'Tunnel' }).selectOption({ label: 'SSH' });
      await page.getByLabel('SSH host', { exact: true }).fill('bastion');
      assert.ok(!fetched.includes(CHUNK), `a form without rare kinds fetches nothing more: ${fetched.join(', ')}`);
      await page.getByRole('button', { name: 'Back' }).click();
      await showsRareKinds(page, workspace);
      assert.equal(fetched.filter((path) => path === CHUNK).length, 1, 'the rare kinds are fetched once');
      assert.deepEqual(problems, []);
      await close();
    });
  }

  it('are built into the single-file build, and styled under a strict CSP', async () => {
    const workspace = 'kindssingle';
    const { page, fetched, problems, close } = await open('<script src="/dist/airbyte-connect.iife.js"></script>', await widgetToken(workspace));
    await showsRareKinds(page, workspace);
    assert.ok(!fetched.some((path) => path.startsWith('/dist/chunks/')), `nothing fetched from beside the script: ${fetched.join(', ')}`);
    assert.deepEqual(problems, []);
    await close();
  });

  // Browsers key a module by the URL asked for and resolve its imports against the URL it came from: through a
  // redirect, a chunk that imported the main entry would load a second copy of it, whose own renderer never loaded
  // the rare kinds (a list of objects whose rows hold a rare kind then failed to render).
  it('render nested in one another when the widget came through a redirect, with one copy of the main entry', async () => {
    const workspace = 'kindsredirect';
    const { access_token } = await operator('/api/v1/account/applications/token', CLIENT);
    const tag = `kinds-${workspace}`;
    const item = {
      type: 'object',
      title: 'Report',
      required: ['name', 'format', 'filter'],
      properties: {
        name: { type: 'string', title: 'Name' },
        format: {
          type: 'object',
          title: 'Format',
          display_type: 'radio',
          oneOf: [
            { title: 'CSV', properties: { type: { const: 'csv' } } },
            { title: 'Parquet', properties: { type: { const: 'parquet' } } },
          ],
        },
        filter: { title: 'Filter', anyOf: [{ type: 'string' }, { type: 'object' }] },
      },
    };
    await operator(
      '/api/v1/integrations/templates/sources',
      {
        name: `Nested ${workspace}`,
        tags: [tag],
        user_config_spec: { connectionSpecification: { type: 'object', required: ['reports'], properties: { reports: { type: 'array', title: 'Reports', items: item } } } },
      },
      access_token,
    );
    const { token } = await operator('/api/v1/embedded/widget-token', { workspace_name: workspace, allowed_origin: demo.url, selected_source_template_tags: [tag] }, access_token);
    // A CDN's unversioned address, redirecting to the files themselves (as unpkg.com does).
    const { page, fetched, problems, close } = await open('<script src="/cdn/airbyte-connect-loader.js"></script>', token, (page) =>
      page.route('**/cdn/**', (route) => route.fulfill({ status: 302, headers: { location: new URL(route.request().url()).pathname.replace('/cdn/', '/dist/') } })),
    );
    // The one template: its form opens at once.
    await page.getByRole('button', { name: 'Add Report' }).click();
    await page.getByLabel('Name', { exact: true }).fill('sessions');
    await page.getByRole('radio', { name: 'Parquet' }).check();
    await page.getByLabel('Filter', { exact: true }).fill('{"country": "FR"}');
    assert.equal(await page.getByRole('radio', { name: 'Parquet' }).isChecked(), true);
    assert.equal(await styleOf(page, '.radio-card', 'display'), 'grid', 'the nested radio cards are styled');
    assert.match(await styleOf(page, 'textarea.mono', 'font-family'), /monospace/, 'the nested JSON editor is styled');
    assert.deepEqual(
      fetched.filter((path) => path.endsWith('/airbyte-connect.js')),
      ['/cdn/airbyte-connect.js', '/dist/airbyte-connect.js'],
      'the main entry is fetched once, through the redirect',
    );
    assert.equal(fetched.filter((path) => path === CHUNK).length, 1, 'the rare kinds are fetched once, from beside the main entry');
    assert.deepEqual(problems, []);
    await close();
  });

  it('that do not arrive: back to the list, saying the server could not be reached, and fetched again on the next try', async () => {
    const workspace = 'kindsrefused';
    const { page, problems, close } = await open('<script type="module" src="/dist/define.js"></script>', await widgetToken(workspace));
    let refused = 0;
    await page.route(`**${CHUNK}`, (route) => (refused++ === 0 ? route.abort('connectionrefused') : route.continue()));
    await page.evaluate(() =>
      document.querySelector('airbyte-connect')!.addEventListener('airbyte-error', (event) => {
        document.body.dataset.error = (event as CustomEvent<{ code: string }>).detail.code;
      }),
    );
    await page.getByRole('button', { name: `Rare ${workspace}` }).click();
    await page.locator('.banner', { hasText: 'We couldn’t reach the server.' }).waitFor();
    assert.equal(await page.evaluate(() => document.body.dataset.error), 'network_error');
    await showsRareKinds(page, workspace);
    assert.equal(refused, 2);
    // The refused request is Chromium's own console error; nothing else went wrong.
    assert.deepEqual(problems.filter((problem) => !/Failed to load resource|fields\.js/.test(problem)), []);
    await close();
  });
});
