// The browser builds in dist/ (the exports' `default` condition), loaded by URL in Chromium: the main entry
// registers nothing, `define.js` registers the very class the main entry exports, and the single-script build
// registers and sets its globals. Files are served from dist/ through Playwright's request routing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/find-chromium.mjs';
import { notBuilt, repo } from './scratch.js';

const ORIGIN = 'http://package.test';
const skip = notBuilt();

let browser: Browser;

/** A blank page on a routed origin whose /dist/ is the repository's dist/, and the errors it throws. */
async function blankPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>package</title>' });
    const file = join(repo, path);
    if (!path.startsWith('/dist/') || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: path.endsWith('.js') ? 'text/javascript' : 'application/json', body: readFileSync(file) });
  });
  await page.goto(`${ORIGIN}/`);
  return { page, errors };
}

describe('browser builds in dist/', { skip, timeout: 60_000 }, () => {
  before(async () => {
    const executablePath = chromiumPath();
    assert.ok(executablePath, "Chromium not found: install Debian's chromium or set CHROME_PATH");
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
  });

  it('dist/airbyte-connect.js exports the API and registers nothing; dist/define.js registers that class', async () => {
    const { page, errors } = await blankPage();
    const result = await page.evaluate(async ([mainUrl, defineUrl]) => {
      const main = await import(mainUrl!);
      const afterMain = customElements.get('airbyte-connect') ?? null;
      const defined = await import(defineUrl!);
      return {
        exports: Object.keys(main).sort(),
        afterMain,
        registeredIsMain: customElements.get('airbyte-connect') === main.AirbyteConnect,
        defineReexports: defined.AirbyteConnect === main.AirbyteConnect,
        upgraded: document.createElement('airbyte-connect') instanceof main.AirbyteConnect,
      };
    }, ['/dist/airbyte-connect.js', '/dist/define.js']);
    assert.ok(result.exports.includes('AirbyteConnect') && result.exports.includes('defineAirbyteConnect'));
    assert.equal(result.afterMain, null, 'importing the main entry registers nothing');
    assert.equal(result.registeredIsMain, true, 'define.js registers the class the main entry exports');
    assert.equal(result.defineReexports, true);
    assert.equal(result.upgraded, true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('defineAirbyteConnect() registers on demand, under another tag too', async () => {
    const { page, errors } = await blankPage();
    const result = await page.evaluate(async (mainUrl) => {
      const { AirbyteConnect, defineAirbyteConnect } = await import(mainUrl);
      defineAirbyteConnect('my-connect');
      defineAirbyteConnect('my-connect');
      return customElements.get('my-connect') === AirbyteConnect && !customElements.get('airbyte-connect');
    }, '/dist/airbyte-connect.js');
    assert.deepEqual(errors, []);
    assert.equal(result, true);
    await page.close();
  });

  it('dist/airbyte-connect.iife.js registers and sets window.AirbyteConnect and window.AirbyteEmbeddedWidget', async () => {
    const { page, errors } = await blankPage();
    await page.addScriptTag({ url: `${ORIGIN}/dist/airbyte-connect.iife.js` });
    const result = await page.evaluate(() => {
      const globals = window as unknown as { AirbyteConnect?: { AirbyteConnect?: unknown }; AirbyteEmbeddedWidget?: unknown };
      return {
        registered: customElements.get('airbyte-connect') === globals.AirbyteConnect?.AirbyteConnect,
        widget: typeof globals.AirbyteEmbeddedWidget,
      };
    });
    assert.deepEqual(result, { registered: true, widget: 'function' });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
