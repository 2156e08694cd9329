// The whole flow on a page served with a strict Content-Security-Policy (no 'unsafe-inline', no
// 'unsafe-eval'), through both builds, with zero securitypolicyviolation events and no console errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { DemoServer } from '../../demo/server.js';
import { operatorPost, startEndToEnd, type EndToEnd } from '../support/e2e.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const CLIENT = { client_id: 'csp-client', client_secret: 'csp-secret' };

let e2e: EndToEnd;
let demo: DemoServer;
let browser: Browser;

const operator = (path: string, body: unknown, token?: string) => operatorPost(demo, path, body, token);

/** A template of our own with no icon (an icon is an image from elsewhere, which img-src 'self' refuses). */
async function widgetToken(workspace: string): Promise<string> {
  const { access_token } = await operator('/api/v1/account/applications/token', CLIENT);
  const tag = `csp-${workspace}`;
  await operator('/api/v1/integrations/templates/sources', {
    name: `Warehouse ${workspace}`,
    tags: [tag],
    user_config_spec: {
      connectionSpecification: {
        type: 'object',
        required: ['host', 'password'],
        properties: {
          host: { type: 'string', title: 'Host', description: 'The <b>host</b>, see <a href="https://example.com">docs</a>.' },
          password: { type: 'string', title: 'Password', airbyte_secret: true },
          port: { type: 'integer', title: 'Port', minimum: 1, maximum: 65535 },
        },
      },
    },
  }, access_token);
  const { token } = await operator('/api/v1/embedded/widget-token', {
    workspace_name: workspace,
    allowed_origin: demo.url,
    selected_source_template_tags: [tag],
  }, access_token);
  return token!;
}

before(async () => {
  e2e = await startEndToEnd({ clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret });
  ({ demo, browser } = e2e);
});

after(() => e2e?.close());

describe('strict CSP', { timeout: 60_000 }, () => {
  for (const [build, script] of [
    ['ESM', '<script type="module" src="/dist/define.js"></script>'],
    ['single-script', '<script src="/dist/airbyte-connect.iife.js"></script>'],
    ['loader', '<script src="/dist/airbyte-connect-loader.js"></script>'],
  ] as const) {
    it(`runs connect, edit and delete with zero violations (${build} build)`, async () => {
      const token = await widgetToken(`csp-${build}`.toLowerCase().replace(/[^a-z]/g, ''));
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      await page.addInitScript(() => {
        (window as unknown as { violations: string[] }).violations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
      });
      // The page is served through request interception, so only this test's policy applies.
      await page.route('**/csp-page.html', (route) =>
        route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
          body: `<!doctype html><html lang="en"><head><title>CSP</title>${script}</head><body>
            <airbyte-connect api-base-url="/api/v1/embedded" token="${token}"></airbyte-connect></body></html>`,
        }),
      );
      await page.goto(`${demo.url}/csp-page.html`);
      await page.getByLabel('Host', { exact: true }).fill('db.acme.test');
      await page.getByLabel('Password', { exact: true }).fill('p4ss');
      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Connection test succeeded.').first().waitFor();
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByRole('heading', { name: /is connected/ }).waitFor();
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: /^Warehouse .* - [0-9a-f]{8}$/ }).click();
      await page.getByLabel('Host', { exact: true }).fill('db2.acme.test');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { name: /is updated/ }).waitFor();
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: /^Warehouse .* - [0-9a-f]{8}$/ }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('button', { name: 'Yes, delete' }).click();
      await page.getByRole('status').filter({ hasText: 'was deleted' }).waitFor();
      const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
      assert.deepEqual(violations, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const [build, script] of [
    ['single-script', '<script src="/dist/airbyte-connect.iife.js"></script>'],
    ['loader', '<script src="/dist/airbyte-connect-loader.js"></script>'],
  ] as const) {
    it(`fetches another language's words from beside the script (${build} build)`, async () => {
      const token = await widgetToken(`cspde${build}`.replace(/[^a-z]/g, ''));
      const context = await browser.newContext();
      const page = await context.newPage();
      const violations: string[] = [];
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => console.log(`violation ${event.violatedDirective}`)));
      page.on('console', (message) => message.text().startsWith('violation') && violations.push(message.text()));
      await page.route('**/csp-de.html', (route) =>
        route.fulfill({
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
          body: `<!doctype html><html lang="de"><head><title>CSP</title>${script}</head><body>
            <airbyte-connect api-base-url="/api/v1/embedded" token="${token}"></airbyte-connect></body></html>`,
        }),
      );
      const catalog = page.waitForRequest((request) => request.url().endsWith('/dist/locales/de.js'));
      await page.goto(`${demo.url}/csp-de.html`);
      await catalog;
      // One template and no sources: the form opens at once, in German.
      await page.getByRole('button', { name: 'Verbinden', exact: true }).waitFor();
      assert.deepEqual(violations, []);
      await context.close();
    });
  }
});
