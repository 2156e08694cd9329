// End to end: the demo's theme editor (/theme.html) under the demo's strict Content-Security-Policy, in headless
// Debian Chromium. Every public custom property has a labelled control; changing the theme, a colour and the
// locale changes the element's computed style at once; the CSS to copy follows; nothing violates the policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DemoServer } from '../../demo/server.js';
import { startEndToEnd, type EndToEnd } from '../support/e2e.js';

const FAKER = 'Sample Data (Faker)';
const TIMEOUT_MS = 15_000;

let e2e: EndToEnd;
let demo: DemoServer;
let browser: Browser;

before(async () => {
  e2e = await startEndToEnd();
  ({ demo, browser } = e2e);
});

after(() => e2e?.close());

/** Opens `path` in a fresh context with the system in light mode; fails on console errors, page errors and CSP violations. */
async function onPage(path: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ colorScheme: 'light' });
  context.setDefaultTimeout(TIMEOUT_MS);
  await context.addCookies([{ name: 'acme_user', value: `theme-user-${Date.now()}`, url: demo.url }]);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { violations: string[] }).violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  try {
    const response = await page.goto(`${demo.url}${path}`);
    assert.match(response?.headers()['content-security-policy'] ?? '', /default-src 'self'/, 'the page is served with the strict policy');
    await steps(page);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), [], 'no CSP violations');
    assert.deepEqual(problems, [], 'the page logged no errors');
  } finally {
    await context.close();
  }
}

/** A computed style property of a node inside the element's shadow root (Playwright's CSS locators pierce it). */
async function shadowStyle(page: Page, selector: string, property: string): Promise<string> {
  return page
    .locator(`airbyte-connect ${selector}`)
    .first()
    .evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);
}

async function hostStyle(page: Page, property: string): Promise<string> {
  return page.locator('airbyte-connect').evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);
}

describe('demo: theme editor', { timeout: 60_000 }, () => {
  it('is linked from the other demo pages', async () => {
    for (const path of ['/', '/dialog.html', '/compat.html']) {
      await onPage(path, async (page) => {
        const link = page.getByRole('navigation', { name: 'Demo pages' }).getByRole('link', { name: 'Theme editor' });
        assert.equal(await link.getAttribute('href'), '/theme.html', `${path} links to the theme editor`);
      });
    }
  });

  it('has a labelled control for every public custom property in the manifest', async () => {
    const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
    const element = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []).find((d: { tagName?: string }) => d.tagName === 'airbyte-connect');
    const names: string[] = element.cssProperties.map((p: { name: string }) => p.name);
    assert.ok(names.length >= 5);
    await onPage('/theme.html', async (page) => {
      for (const name of names) assert.equal(await page.getByLabel(name, { exact: true }).count(), 1, `a control labelled ${name}`);
      assert.equal(await page.locator('input[data-property]').count(), names.length, 'no control for a property the element does not have');
    });
  });

  it('applies the theme, a colour and the locale live, shows the CSS to copy, and breaks no CSP rule', async () => {
    await onPage('/theme.html', async (page) => {
      const widget = page.locator('airbyte-connect');
      await page.getByRole('button', { name: FAKER, exact: true }).waitFor();
      const css = page.getByLabel('CSS to copy', { exact: true });
      assert.equal(await css.getAttribute('readonly'), '');

      // Light (the system's choice under auto).
      assert.equal(await shadowStyle(page, '[part~="panel"]', 'background-color'), 'rgb(255, 255, 255)');
      assert.equal(await hostStyle(page, 'color'), 'rgb(31, 41, 55)');

      // Theme: dark. The attribute is set and the element's colours change.
      await page.getByLabel('Theme').selectOption('dark');
      assert.equal(await widget.getAttribute('theme'), 'dark');
      assert.equal(await shadowStyle(page, '[part~="panel"]', 'background-color'), 'rgb(17, 24, 39)');
      assert.equal(await hostStyle(page, 'color'), 'rgb(243, 244, 246)');
      assert.equal(await page.getByLabel('--airbyte-connect-background', { exact: true }).inputValue(), '#111827', 'the inputs show the dark defaults');

      // A colour: the background, live on the element's style, in the CSS to copy.
      await page.getByLabel('--airbyte-connect-background', { exact: true }).fill('#1e1b4b');
      assert.equal(await widget.evaluate((node) => (node as HTMLElement).style.getPropertyValue('--airbyte-connect-background')), '#1e1b4b');
      assert.equal(await shadowStyle(page, '[part~="panel"]', 'background-color'), 'rgb(30, 27, 75)');
      assert.match(await css.inputValue(), /airbyte-connect \{\n {2}--airbyte-connect-background: #1e1b4b;\n\}/);

      // The accent reaches the search box's focus ring.
      await page.getByLabel('--airbyte-connect-accent', { exact: true }).fill('#fbbf24');
      await page.getByRole('searchbox', { name: 'Search' }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      assert.equal(await shadowStyle(page, 'input[type="search"]', 'outline-color'), 'rgb(251, 191, 36)');

      // A foreground too close to the background is flagged by the contrast readout.
      await page.getByLabel('--airbyte-connect-foreground', { exact: true }).fill('#4b5563');
      assert.equal(await hostStyle(page, 'color'), 'rgb(75, 85, 99)');
      await page.getByRole('list', { name: 'Contrast (WCAG 2.2 AA)' }).getByText(/^Text on the background: [\d.]+:1, below AA/).waitFor();

      // Radius and font.
      await page.getByLabel('--airbyte-connect-radius', { exact: true }).fill('0px');
      assert.equal(await shadowStyle(page, '[part~="template"]', 'border-top-left-radius'), '0px');
      await page.getByLabel('--airbyte-connect-font', { exact: true }).fill('Georgia, serif');
      assert.match(await hostStyle(page, 'font-family'), /^Georgia, serif$/);

      // Locale: Hebrew, right to left.
      await page.getByLabel('Language').selectOption('he');
      assert.equal(await widget.getAttribute('locale'), 'he');
      await page.locator('airbyte-connect [part~="panel"][dir="rtl"]').waitFor();
      assert.match(await page.getByLabel('Markup', { exact: true }).inputValue(), /<airbyte-connect theme="dark" locale="he"/);

      // Reset: back to the defaults of auto (light here), and nothing left on the element's style.
      await page.getByRole('button', { name: 'Reset to the defaults' }).click();
      await page.waitForFunction(() => !document.querySelector('airbyte-connect')!.hasAttribute('theme'));
      assert.equal(await widget.evaluate((node) => (node as HTMLElement).style.length), 0);
      assert.equal(await shadowStyle(page, '[part~="panel"]', 'background-color'), 'rgb(255, 255, 255)');
      assert.match(await css.inputValue(), /nothing to add/);
    });
  });
});
