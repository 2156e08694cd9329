// End to end: the demo host app (its pages, its token backend, the built widget and the sandbox on one
// origin) driven in headless Debian Chromium by role and accessible name, as PRODUCT.md names them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DemoServer } from '../../demo/server.js';
import { startEndToEnd, type EndToEnd } from '../support/e2e.js';

// Built-in sandbox templates: one without secrets, one with a secret field.
const FAKER = 'Sample Data (Faker)';
const SENTRY = 'Sentry';
const TIMEOUT_MS = 15_000;

interface SourceView {
  id: string;
  name: string;
  source_config: Record<string, unknown>;
}

let e2e: EndToEnd;
let demo: DemoServer;
let browser: Browser;

before(async () => {
  e2e = await startEndToEnd();
  ({ demo, browser } = e2e);
});

after(() => e2e?.close());

let users = 0;

/**
 * Opens a demo page in a fresh browser context, signed in as a new pretend user (so each test has its own
 * workspace), and runs `steps`. Fails on any console error or uncaught page error, and on failure adds the
 * page's accessibility tree to the message.
 */
async function onPage(path: string, steps: (page: Page, user: string) => Promise<void>): Promise<void> {
  const user = `e2e-user-${++users}`;
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT_MS);
  await context.addCookies([{ name: 'acme_user', value: user, url: demo.url }]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  try {
    await page.goto(`${demo.url}${path}`);
    await steps(page, user);
    assert.deepEqual(problems, [], 'the page logged no errors');
  } catch (error) {
    const tree = await page.locator('body').ariaSnapshot().catch((e: unknown) => `(no snapshot: ${String(e)})`);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${message}\n\nPage errors:\n${problems.join('\n') || '(none)'}\n\nAccessibility tree of ${path}:\n${tree}`,
      { cause: error },
    );
  } finally {
    await context.close();
  }
}

/** Waits for the event log to show `type` and returns that entry's detail. */
async function logged(page: Page, type: string): Promise<Record<string, any>> {
  const log = page.getByRole('log', { name: 'Event log' });
  const entry = log.locator('article', { has: page.locator('.entry-title', { hasText: new RegExp(`${type}$`) }) }).first();
  await entry.waitFor();
  return JSON.parse((await entry.locator('pre').textContent()) ?? 'null');
}

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** Reads the sandbox as a pretend user, with the scoped token inside a widget token from the demo backend. */
async function api(user: string, path: string): Promise<Response> {
  const minted = await fetch(`${demo.url}/demo/token`, {
    method: 'POST',
    headers: { origin: demo.url, cookie: `acme_user=${user}` },
  });
  assert.equal(minted.status, 200);
  const { token } = (await minted.json()) as { token: string };
  const { token: scoped } = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { token: string };
  return fetch(`${demo.url}/api/v1/embedded${path}`, { headers: { authorization: `Bearer ${scoped}`, origin: demo.url } });
}

async function storedSource(user: string, id: string): Promise<SourceView> {
  const response = await api(user, `/sources/${id}`);
  assert.equal(response.status, 200, `GET /sources/${id}`);
  return (await response.json()) as SourceView;
}

/** The button that opens a source. After a save the widget shows a result screen whose way back is "Done". */
async function sourceButton(page: Page, name: string) {
  const source = button(page, name);
  const back = page.getByRole('button', { name: /^(Back|Done)$/ });
  await source.or(back).first().waitFor();
  if (!(await source.isVisible())) await back.click();
  return source;
}

describe('demo: inline page', { timeout: 90_000 }, () => {
  it('creates, edits and deletes a Faker source', async () => {
    await onPage('/', async (page, user) => {
      const ready = await logged(page, 'airbyte-ready');
      assert.ok(ready.templates > 0, 'templates are listed');

      await button(page, FAKER).click();
      assert.ok((await logged(page, 'airbyte-template-select')).templateId);
      // Faker needs nothing: its fields all have defaults, so they start folded away.
      await page.getByText('Optional fields', { exact: true }).click();
      await page.getByLabel('Users', { exact: true }).fill('50');
      await button(page, 'Connect').click();

      const created = await logged(page, 'airbyte-source-created');
      assert.equal(created.envelope.type, 'end_user_action_result');
      assert.equal(created.envelope.message, 'source_created');
      const { id, name } = created.source as SourceView;
      await page.getByRole('status').filter({ hasText: name }).first().waitFor();
      assert.equal((await storedSource(user, id)).source_config.count, 50, 'the sandbox stored the typed value');

      await (await sourceButton(page, name)).click();
      const users = page.getByLabel('Users', { exact: true });
      assert.equal(await users.inputValue(), '50', 'the edit form shows the stored value');
      await users.fill('75');
      await button(page, 'Save changes').click();
      const updated = await logged(page, 'airbyte-source-updated');
      assert.equal(updated.envelope.message, 'source_updated');
      assert.equal((await storedSource(user, id)).source_config.count, 75, 'the sandbox stored the change');

      await (await sourceButton(page, name)).click();
      await button(page, 'Delete').click();
      await button(page, 'Yes, delete').click();
      assert.equal((await logged(page, 'airbyte-source-deleted')).sourceId, id);
      assert.equal((await api(user, `/sources/${id}`)).status, 404, 'the source is gone');
      // Back on the list: the source is gone, its template is still offered.
      await button(page, name).waitFor({ state: 'detached' });
      await button(page, FAKER).waitFor();
    });
  });
});

describe('demo: inline page, a template with a secret', { timeout: 90_000 }, () => {
  it('tests a connection, explains a failure, connects, and never returns the secret', async () => {
    await onPage('/', async (page, user) => {
      await button(page, SENTRY).click();
      const secret = page.getByLabel('Auth token', { exact: true });
      await secret.fill('wrong-password');
      await page.getByLabel('Organisation slug', { exact: true }).fill('acme');
      await page.getByLabel('Project slug', { exact: true }).fill('web');
      await button(page, 'Test connection').click();
      const failed = await logged(page, 'airbyte-check');
      assert.equal(failed.status, 'failed');
      await page.getByText(failed.message, { exact: false }).first().waitFor();

      await secret.fill('sntrys_demo_token_123');
      await button(page, 'Connect').click();
      const created = await logged(page, 'airbyte-source-created');
      const stored = await storedSource(user, created.source.id);
      assert.equal(stored.source_config.project, 'web');
      assert.equal(stored.source_config.auth_token, '**********', 'the API masks the secret');
      assert.doesNotMatch(JSON.stringify(created), /sntrys_demo_token_123/, 'the event never carries the secret');

      await (await sourceButton(page, created.source.name)).click();
      await page.getByLabel('Project slug', { exact: true }).fill('api');
      await button(page, 'Save changes').click();
      await logged(page, 'airbyte-source-updated');
      assert.equal((await storedSource(user, created.source.id)).source_config.project, 'api');
    });
  });
});

describe('demo: dialog page', { timeout: 60_000 }, () => {
  it('opens the dialog from a button, lists the templates, and closes', async () => {
    await onPage('/dialog.html', async (page, user) => {
      await button(page, FAKER).waitFor({ state: 'hidden' });
      await button(page, 'Connect a data source').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: FAKER, exact: true }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).waitFor();
      await logged(page, 'airbyte-ready');

      await button(page, 'Close').click();
      await logged(page, 'airbyte-close');
      await dialog.waitFor({ state: 'hidden' });
    });
  });
});

describe('demo: Airbyte-compatible page', { timeout: 60_000 }, () => {
  it('opens with new AirbyteEmbeddedWidget({token, onEvent}) and reports envelopes to onEvent', async () => {
    await onPage('/compat.html', async (page, user) => {
      await button(page, 'Connect a data source').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: FAKER, exact: true }).click();
      await button(page, 'Connect').click();
      const envelope = await logged(page, 'onEvent: source_created');
      assert.equal(envelope.type, 'end_user_action_result');
      assert.ok(envelope.data?.id, 'the envelope carries the created source');
      assert.equal((await storedSource(user, envelope.data.id)).id, envelope.data.id);
    });
  });
});
