// The loader (dist/airbyte-connect-loader.js) on a page served with a strict CSP, in headless Chromium against
// the demo server: it registers the tag at once, keeps what the page set early, loads the widget once on first
// use (or on idle with data-preload), and reports a failed load, then retries it without leaving a script tag.
// With another build on the same page (define.js, the single-file build, a second copy), the first class to
// arrive is the element: no second definition, no fetch that is not needed, a warning only for a second copy.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DemoServer } from '../../demo/server.js';
import { startEndToEnd, type EndToEnd } from '../support/e2e.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const LOADER = '<script src="/dist/airbyte-connect-loader.js"></script>';

let e2e: EndToEnd;
let demo: DemoServer;
let browser: Browser;
let users = 0;

before(async () => {
  e2e = await startEndToEnd();
  ({ demo, browser } = e2e);
});

after(() => e2e?.close());

/** A page of our own under the strict CSP, with `head` in its head and `body` in its body. */
async function open(
  head: string,
  body = '',
): Promise<{ page: Page; widgetLoads: () => number; problems: string[]; warnings: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  await context.addCookies([{ name: 'acme_user', value: `loader-user-${++users}`, url: demo.url }]);
  const page = await context.newPage();
  const problems: string[] = [];
  const warnings: string[] = [];
  let loads = 0;
  page.on('request', (request) => void (new URL(request.url()).pathname === '/dist/airbyte-connect.js' && loads++));
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`)),
  );
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.route('**/loader-page.html', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
      body: `<!doctype html><html lang="en"><head><title>Loader</title>${head}</head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`${demo.url}/loader-page.html`);
  return { page, widgetLoads: () => loads, problems, warnings, close: () => context.close() };
}

/** Adds a classic script by URL, as a page's own tag would (the CSP allows 'self'), and waits until it has run. */
function addScript(page: Page, src: string, preload = false): Promise<void> {
  return page.evaluate(
    ([src, preload]) =>
      new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.toggleAttribute('data-preload', preload);
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`${src} did not load`));
        document.head.append(script);
      }),
    [src, preload] as const,
  );
}

/**
 * Makes `<airbyte-connect id=early>` with an early attribute, properties, a listener and a `show()` call, and keeps
 * it unconnected, so that the loader has no reason to fetch anything yet.
 */
function makeEarlyElement(page: Page): Promise<void> {
  return page.evaluate(() => {
    const el = document.createElement('airbyte-connect') as unknown as HTMLElement & Record<string, unknown> & { show(): void };
    el.id = 'early';
    el.setAttribute('api-base-url', '/api/v1/embedded');
    el.tokenUrl = '/demo/token';
    el.locale = 'de';
    el.addEventListener('airbyte-ready', () => (el.dataset.ready = 'yes'));
    el.show();
    (window as unknown as { early: HTMLElement }).early = el;
  });
}

/**
 * Connects the early element, waits until it is ready, and tells what it became: whether it is an `AirbyteConnect`
 * of the build `from` names (an ES module's URL, or the single-file build's global), and what it was given early.
 */
async function connectEarlyElement(page: Page, from: string | 'single-file'): Promise<{ real: boolean; registeredIsReal: boolean; open: unknown; tokenUrl: unknown }> {
  await page.evaluate(() => document.body.append((window as unknown as { early: HTMLElement }).early));
  await page.locator('#early[data-ready="yes"]').waitFor({ state: 'attached' });
  // The early `locale` property was kept: German words once the catalog is here.
  await page.locator('#early').getByRole('searchbox', { name: 'Suchen' }).waitFor();
  return page.evaluate(async (from) => {
    const { AirbyteConnect } = (from === 'single-file' ? (window as unknown as { AirbyteConnect: object }).AirbyteConnect : await import(from)) as {
      AirbyteConnect: CustomElementConstructor;
    };
    const el = (window as unknown as { early: HTMLElement & Record<string, unknown> }).early;
    const registered = customElements.get('airbyte-connect')!;
    return {
      real: el instanceof AirbyteConnect && Boolean(el.shadowRoot),
      registeredIsReal: [registered, Object.getPrototypeOf(registered)].includes(AirbyteConnect),
      open: el.open,
      tokenUrl: el.tokenUrl,
    };
  }, from);
}

describe('the loader', { timeout: 60_000 }, () => {
  it('registers the tag at once, keeps early attributes, properties and listeners, and loads the widget once', async () => {
    const { page, widgetLoads, problems, close } = await open(LOADER + LOADER);
    assert.equal(await page.evaluate(() => Boolean(customElements.get('airbyte-connect'))), true);
    assert.equal(widgetLoads(), 0, 'nothing is fetched before an element connects');
    // Everything set before the widget exists: an attribute, properties, a listener, and a method call.
    await page.evaluate(() => {
      for (const id of ['first', 'second']) {
        const el = document.createElement('airbyte-connect') as unknown as HTMLElement & Record<string, unknown>;
        el.id = id;
        el.setAttribute('api-base-url', '/api/v1/embedded');
        el.tokenUrl = '/demo/token';
        el.locale = 'de';
        el.addEventListener('airbyte-ready', () => (el.dataset.ready = 'yes'));
        document.body.append(el);
      }
    });
    await page.locator('#first[data-ready="yes"]').waitFor({ state: 'attached' });
    await page.locator('#second[data-ready="yes"]').waitFor({ state: 'attached' });
    // The early `locale` property was kept: German words once the catalog is here.
    await page.locator('#first').getByRole('searchbox', { name: 'Suchen' }).waitFor();
    assert.equal(widgetLoads(), 1, 'one load for two elements and two loader tags');
    const facts = await page.evaluate(() => {
      const Element = customElements.get('airbyte-connect')!;
      const later = document.createElement('airbyte-connect');
      return {
        scripts: document.scripts.length,
        real: document.querySelector('#first') instanceof Element && Boolean(document.querySelector('#first')!.shadowRoot),
        laterIsReal: typeof (later as unknown as { reload?: unknown }).reload === 'function' && 'tokenProvider' in later,
        tokenUrl: (document.querySelector('#second') as unknown as { tokenUrl: string }).tokenUrl,
      };
    });
    assert.deepEqual(facts, { scripts: 2, real: true, laterIsReal: true, tokenUrl: '/demo/token' });
    assert.deepEqual(problems, []);
    await close();
  });

  it('with data-preload, loads the widget when the browser is idle, before any element exists', async () => {
    const { page, widgetLoads, problems, close } = await open('<script src="/dist/airbyte-connect-loader.js" data-preload></script>');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/dist/airbyte-connect.js')));
    assert.equal(await page.evaluate(() => document.querySelectorAll('airbyte-connect').length), 0);
    // An element made afterwards is real at once.
    await page.evaluate(() => {
      const el = document.createElement('airbyte-connect');
      el.setAttribute('token-url', '/demo/token');
      el.setAttribute('api-base-url', '/api/v1/embedded');
      document.body.append(el);
    });
    await page.getByRole('searchbox', { name: 'Search' }).waitFor();
    assert.equal(widgetLoads(), 1);
    assert.deepEqual(problems, []);
    await close();
  });

  it('reports a failed load as airbyte-error, leaves no script tag, and loads on the next attempt', async () => {
    const { page, problems, close } = await open(LOADER);
    let refused = 0;
    await page.route('**/dist/airbyte-connect.js', (route) => (refused++ === 0 ? route.abort('connectionrefused') : route.continue()));
    await page.evaluate(() => {
      const el = document.createElement('airbyte-connect');
      el.setAttribute('token-url', '/demo/token');
      el.setAttribute('api-base-url', '/api/v1/embedded');
      el.addEventListener('airbyte-error', (event) => (el.dataset.error = (event as CustomEvent).detail.code));
      document.body.append(el);
    });
    await page.locator('airbyte-connect[data-error="load_failed"]').waitFor({ state: 'attached' });
    assert.equal(await page.evaluate(() => document.scripts.length), 1, 'no script tag is left behind');
    // The next attempt: the element asks to reload.
    await page.evaluate(() => (document.querySelector('airbyte-connect') as unknown as { reload(): Promise<void> }).reload());
    await page.getByRole('searchbox', { name: 'Search' }).waitFor();
    assert.equal(refused, 2);
    // The refused request is Chromium's own console error; nothing else went wrong.
    assert.deepEqual(problems.filter((problem) => !/Failed to load resource|airbyte-connect\.js/.test(problem)), []);
    await close();
  });

  it('opens a dialog that was asked to show before the widget arrived', async () => {
    const { page, problems, close } = await open(LOADER);
    await page.evaluate(() => {
      const el = document.createElement('airbyte-connect') as HTMLElement & { show(): void };
      el.setAttribute('mode', 'dialog');
      el.setAttribute('token-url', '/demo/token');
      el.setAttribute('api-base-url', '/api/v1/embedded');
      el.show();
      document.body.append(el);
    });
    await page.getByRole('dialog').getByRole('searchbox', { name: 'Search' }).waitFor();
    assert.deepEqual(problems, []);
    await close();
  });

  // Every combination with another build on the page: whichever class arrives first is the element.
  const EARLY = { real: true, registeredIsReal: true, open: true, tokenUrl: '/demo/token' };

  it('loader first, then define.js: define.js’s class adopts the waiting element at once; the loader fetches nothing more', async () => {
    const { page, widgetLoads, problems, warnings, close } = await open(LOADER);
    await makeEarlyElement(page);
    const adoptedAtOnce = await page.evaluate(async (url) => {
      const { AirbyteConnect } = await import(url);
      return (window as unknown as { early: HTMLElement }).early instanceof AirbyteConnect;
    }, '/dist/define.js');
    assert.equal(adoptedAtOnce, true, 'the element is real before it connects');
    assert.equal(widgetLoads(), 1, 'define.js’s own import of the main entry');
    assert.deepEqual(await connectEarlyElement(page, '/dist/define.js'), EARLY);
    assert.equal(widgetLoads(), 1, 'the loader fetched nothing');
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);
    await close();
  });

  it('define.js first, then the loader: the loader registers nothing and fetches nothing, even with data-preload', async () => {
    const { page, widgetLoads, problems, warnings, close } = await open('');
    await page.evaluate((url) => import(url), '/dist/define.js');
    await addScript(page, '/dist/airbyte-connect-loader.js', true);
    await makeEarlyElement(page);
    assert.deepEqual(await connectEarlyElement(page, '/dist/define.js'), EARLY);
    assert.equal(await page.evaluate(async (url) => customElements.get('airbyte-connect') === (await import(url)).AirbyteConnect, '/dist/define.js'), true);
    assert.equal(widgetLoads(), 1, 'define.js’s own import of the main entry');
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);
    await close();
  });

  it('loader first, then the single-file build: its class adopts the waiting element, and the main entry is never fetched', async () => {
    const { page, widgetLoads, problems, warnings, close } = await open(LOADER);
    await makeEarlyElement(page);
    await addScript(page, '/dist/airbyte-connect.iife.js');
    const adoptedAtOnce = await page.evaluate(
      () => (window as unknown as { early: HTMLElement }).early instanceof (window as unknown as { AirbyteConnect: { AirbyteConnect: CustomElementConstructor } }).AirbyteConnect.AirbyteConnect,
    );
    assert.equal(adoptedAtOnce, true, 'the element is real before it connects');
    assert.deepEqual(await connectEarlyElement(page, 'single-file'), EARLY);
    assert.equal(widgetLoads(), 0);
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);
    await close();
  });

  it('the single-file build first, then the loader: the loader registers nothing and fetches nothing', async () => {
    const { page, widgetLoads, problems, warnings, close } = await open('<script src="/dist/airbyte-connect.iife.js"></script>' + LOADER);
    await makeEarlyElement(page);
    assert.deepEqual(await connectEarlyElement(page, 'single-file'), EARLY);
    assert.equal(
      await page.evaluate(() => customElements.get('airbyte-connect') === (window as unknown as { AirbyteConnect: { AirbyteConnect: unknown } }).AirbyteConnect.AirbyteConnect),
      true,
    );
    assert.equal(widgetLoads(), 0);
    assert.deepEqual(warnings, []);
    assert.deepEqual(problems, []);
    await close();
  });

  it('once the loader has adopted, define.js from its folder is silent, and another copy warns and keeps the first', async () => {
    const { page, widgetLoads, problems, warnings, close } = await open(LOADER);
    await makeEarlyElement(page);
    assert.deepEqual(await connectEarlyElement(page, '/dist/airbyte-connect.js'), EARLY);
    await page.evaluate((url) => import(url), '/dist/define.js');
    assert.deepEqual(warnings, [], 'define.js imports the very module the loader fetched');
    const registered = await page.evaluate(async (url) => {
      const before = customElements.get('airbyte-connect');
      const copy = await import(url);
      copy.defineAirbyteConnect();
      return customElements.get('airbyte-connect') === before && !(before!.prototype instanceof copy.AirbyteConnect);
    }, '/dist/airbyte-connect.js?copy');
    assert.equal(registered, true, 'the first definition is kept');
    assert.equal(widgetLoads(), 2, 'the loader’s one load, and the copy');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /already defined by another copy/);
    assert.deepEqual(problems, []);
    await close();
  });
});
