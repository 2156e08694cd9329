// Debian's headless Chromium through playwright-core, with the bench page open on a demo server's origin.
// The page (and its scripts) are ours, served by Playwright only while it loads so that they share the
// origin with the widget and the API; nothing is intercepted once timing starts. Loopback only: every host
// name but 127.0.0.1 fails to resolve (connector icons point at a CDN), and no request may leave the machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/find-chromium.mjs';

const require = createRequire(import.meta.url);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

// The reference library ships a UMD build that sets window.JSONEditor: loaded as a classic script, unbundled.
const ASSETS = {
  '/__bench/page.js': { type: 'text/javascript', path: here('./page.js') },
  '/__bench/reference.js': { type: 'text/javascript', path: here('./reference.js') },
  '/__bench/timing.js': { type: 'text/javascript', path: here('./timing.js') },
  '/__bench/jsoneditor.js': { type: 'text/javascript', path: require.resolve('@json-editor/json-editor/dist/jsoneditor.js') },
};

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>airbyte-connect bench</title>
    <script src="/__bench/jsoneditor.js"></script>
    <script type="module" src="/dist/define.js"></script>
    <script type="module" src="/__bench/page.js"></script>
    <script type="module" src="/__bench/reference.js"></script>
  </head>
  <body><main id="stage"></main></body>
</html>`;

export async function launchChromium() {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error("Chromium not found: install Debian's package (`apt-get install -y chromium`) or set CHROME_PATH. The bench never downloads a browser.");
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...chromiumArgs, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

/**
 * A fresh context and page on `origin`'s bench page, ready to use: `window.bench` (the widget side) and
 * `window.reference` (the references) are loaded and the page holds a widget token. `problems` collects page
 * errors and console errors (failed icon loads aside) for the caller to fail on; `offOrigin` any request that
 * tried to leave the origin.
 */
export async function openBenchPage(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  const offOrigin = new Set();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) offOrigin.add(url);
  });
  await page.route(`${origin}/__bench/**`, (route) => {
    const asset = ASSETS[new URL(route.request().url()).pathname];
    if (asset) return route.fulfill({ contentType: asset.type, body: readFileSync(asset.path, 'utf8') });
    return route.fulfill({ contentType: 'text/html', body: PAGE_HTML });
  });
  await page.goto(`${origin}/__bench/`);
  await page.waitForFunction(
    () => window.benchReady === true && window.referenceReady === true && typeof window.JSONEditor === 'function' && customElements.get('airbyte-connect') !== undefined,
  );
  await page.unrouteAll();
  await page.evaluate(() => window.bench.widgetToken());
  return {
    context,
    page,
    problems,
    offOrigin,
    /** Throws when the page reported errors since it opened. */
    assertClean() {
      if (problems.length) throw new Error(`the page reported errors:\n${problems.join('\n')}`);
    },
  };
}
