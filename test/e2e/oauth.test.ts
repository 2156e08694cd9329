// "Authenticate with …" end to end, in headless Chromium against the demo server (widget, sandbox and page on
// one origin, strict CSP): a real fixture spec (HubSpot, created as a template) and a built-in one (Salesforce)
// signed in through the popup — allow, deny, closed — and, with popups blocked, through the same-tab fallback.
// Every created source keeps the sign-in's outputs at their paths, masked in the API's answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DemoServer } from '../../demo/server.js';
import { startEndToEnd, type EndToEnd } from '../support/e2e.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:";
const CLIENT = { client_id: 'oauth-client', client_secret: 'oauth-secret' };
const FIXTURES = new URL('../../../shared/fixtures/connector-specs/', import.meta.url);
const MASK = '**********';

let e2e: EndToEnd;
let demo: DemoServer;
let browser: Browser;
let operatorToken: string;
let workspaces = 0;

async function post(path: string, body: unknown, token = operatorToken) {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  assert.ok(response.ok, `${path}: ${response.status} ${await response.clone().text()}`);
  return response.json() as Promise<Record<string, any>>;
}

before(async () => {
  e2e = await startEndToEnd({ clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret });
  ({ demo, browser } = e2e);
  operatorToken = (await post('/api/v1/account/applications/token', CLIENT, '')).access_token;
  const spec = (name: string) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
  await post('/api/v1/integrations/templates/sources', {
    name: 'HubSpot',
    tags: ['oauth-fixture'],
    user_config_spec: { connectionSpecification: spec('source-hubspot.json'), advanced_auth: spec('source-hubspot.advanced_auth.json') },
  });
});

after(() => e2e?.close());

/** A page with the widget for a new end user who sees the templates tagged `tag`. */
async function open(tag: string, { blockPopups = false, script = '/dist/airbyte-connect-loader.js' } = {}) {
  const workspace = `oauth-ws-${++workspaces}`;
  const { token } = await post('/api/v1/embedded/widget-token', { workspace_name: workspace, allowed_origin: demo.url, selected_source_template_tags: [tag] });
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await context.addInitScript((block) => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP ${event.violatedDirective}`));
    if (block && !window.opener) window.open = () => null;
  }, blockPopups);
  await context.route(
    (url) => url.pathname === '/oauth-page.html',
    (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
        body: `<!doctype html><html lang="en"><head><title>OAuth</title><script src="${script}"></script></head><body>
          <airbyte-connect api-base-url="/api/v1/embedded" token="${token}"></airbyte-connect></body></html>`,
      }),
  );
  await page.goto(`${demo.url}/oauth-page.html?tab=sources#top`);
  const jwt = JSON.parse(Buffer.from(token, 'base64').toString()).token as string;
  const sources = async () => {
    const response = await fetch(`${demo.url}/api/v1/embedded/sources`, { headers: { authorization: `Bearer ${jwt}` } });
    const { data } = (await response.json()) as { data: { id: string }[] };
    return Promise.all(
      data.map(async ({ id }) => (await fetch(`${demo.url}/api/v1/embedded/sources/${id}`, { headers: { authorization: `Bearer ${jwt}` } })).json()),
    );
  };
  return { page, problems, sources, close: () => context.close() };
}

/** Clicks the sign-in button and answers in the popup as a person would. */
async function signIn(page: Page, name: string, decision: 'Allow' | 'Deny') {
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: `Authenticate with ${name}` }).click();
  const popup = await popupOpened;
  await popup.getByRole('button', { name: decision }).click();
  await popup.waitForEvent('close');
}

describe('OAuth sign-in', { timeout: 90_000 }, () => {
  // Through the loader (the ES build's sign-in chunk) and the single file (the same chunk, fetched from beside it).
  for (const script of ['/dist/airbyte-connect-loader.js', '/dist/airbyte-connect.iife.js']) {
    it(`a fixture spec (HubSpot): allow through the popup, then connect; outputs stored at their paths, masked (${script})`, async () => {
      const { page, problems, sources, close } = await open('oauth-fixture', { script });
      // The outputs are filled by signing in: they are not on the form.
      await page.getByRole('button', { name: 'Authenticate with HubSpot' }).waitFor();
      assert.equal(await page.getByLabel('Refresh token', { exact: false }).count(), 0);
      await signIn(page, 'HubSpot', 'Allow');
      await page.locator('[part~="auth-status"]', { hasText: 'Authenticated' }).waitFor();
      await page.getByRole('button', { name: 'Re-authenticate' }).waitFor();
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByRole('heading', { name: /is connected/ }).waitFor();
      const [source] = await sources();
      assert.equal(source.source_config.credentials.credentials_title, 'OAuth Credentials');
      // The secrets among the outputs are masked; HubSpot's client id is no secret.
      assert.match(source.source_config.credentials.client_id, /^sandbox-client-id-/);
      for (const key of ['client_secret', 'refresh_token']) assert.equal(source.source_config.credentials[key], MASK, key);
      assert.deepEqual(problems, []);
      await close();
    });
  }

  it('a built-in template (Salesforce): submit without signing in, then deny, close, and finally allow', async () => {
    const { page, problems, sources, close } = await open('crm');
    await page.getByRole('button', { name: 'Salesforce', exact: true }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.locator('#auth-error', { hasText: 'Authentication required' }).waitFor();
    // Focus goes to what needs doing: the sign-in button.
    assert.equal(await page.evaluate(() => document.querySelector('airbyte-connect')!.shadowRoot!.activeElement?.textContent?.trim()), 'Authenticate with Salesforce');

    await signIn(page, 'Salesforce', 'Deny');
    await page.locator('#auth-error', { hasText: 'Access was not granted' }).waitFor();

    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Authenticate with Salesforce' }).click();
    await (await popupOpened).close();
    await page.locator('#auth-error', { hasText: 'The sign-in window was closed' }).waitFor();

    await signIn(page, 'Salesforce', 'Allow');
    await page.getByRole('button', { name: 'Re-authenticate' }).waitFor();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('heading', { name: /is connected/ }).waitFor();
    const [source] = await sources();
    assert.equal(source.source_config.auth_type, 'Client');
    for (const key of ['client_id', 'client_secret', 'refresh_token']) assert.ok(source.source_config[key], key);
    assert.equal(source.source_config.client_secret, MASK);
    assert.equal(source.source_config.refresh_token, MASK);
    // The failures were reported to the page as well; nothing else went wrong.
    assert.deepEqual(problems, []);
    await close();
  });

  it('with popups blocked: says so, continues in this tab, and comes back to the same form with the code gone from the URL', async () => {
    // The demo's own page (its backend mints the token), so that the provider's redirect comes back to a real page.
    const context = await browser.newContext();
    context.setDefaultTimeout(15_000);
    await context.addCookies([{ name: 'acme_user', value: `oauth-tab-${++workspaces}`, url: demo.url }]);
    await context.addInitScript(() => {
      window.open = () => null; // as a strict popup blocker does
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${demo.url}/?tab=sources#top`);
    await page.getByRole('button', { name: 'Salesforce', exact: true }).click();
    await page.getByText('Optional fields').click();
    await page.getByLabel('Start date').fill('2024-01-01T00:00:00Z');
    await page.getByRole('button', { name: 'Authenticate with Salesforce' }).click();
    await page.locator('#auth-error', { hasText: 'Your browser blocked the sign-in window' }).waitFor();
    await page.getByRole('button', { name: 'Continue in this tab' }).click();
    await page.waitForURL(/\/sandbox\/oauth\/consent/);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.getByRole('button', { name: 'Re-authenticate' }).waitFor();
    // Back where we were: the same form, what was typed, and the page's own URL without the provider's code.
    assert.equal(await page.getByLabel('Start date').inputValue(), '2024-01-01T00:00:00Z');
    assert.equal(new URL(page.url()).search, '?tab=sources');
    assert.equal(new URL(page.url()).hash, '#top');
    assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), []);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('heading', { name: /is connected/ }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: /^Salesforce - / }).click();
    await page.getByRole('button', { name: 'Re-authenticate' }).waitFor(); // the saved sign-in counts as signed in
    assert.deepEqual(problems, []);
    await context.close();
  });
});
