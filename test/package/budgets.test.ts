// Size budgets from the performance issue, measured as `gzip -9` of the built files. They fail the suite, so a
// change that makes the widget heavier than promised cannot land unnoticed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSize, staticClosure } from '../support/bundle-graph.mjs';

const KIB = 1024;
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const gzipped = (file: string) => gzipSize(DIST, file);
/** Chunks fetched by the ES builds only (the single-file build bundles it): the locale resolution, which imports the catalogs on demand. */
const ES_ONLY = ['chunks/locale.js'];

describe('size budgets (gzip -9)', () => {
  it('the loader stays within 2 KB', () => {
    const size = gzipped('airbyte-connect-loader.js');
    assert.ok(size <= 2 * KIB, `dist/airbyte-connect-loader.js is ${size} bytes gzipped; the budget is ${2 * KIB}`);
  });

  // The loader owns its stand-in: the code that turns it into the real element ships in the loader, and the
  // widget's builds carry only the hook call that hands their class over.
  it('the adoption code ships in the loader, off the common path and out of the single file', () => {
    const sources = (file: string) => (JSON.parse(readFileSync(`${DIST}/${file}.map`, 'utf8')) as { sources: string[] }).sources;
    assert.ok(sources('airbyte-connect-loader.js').some((source) => source.endsWith('/src/loader/adopt.ts')), 'the loader adopts');
    for (const file of ['airbyte-connect.js', 'airbyte-connect.iife.js', 'node/airbyte-connect.js'])
      assert.ok(!sources(file).some((source) => source.endsWith('/src/loader/adopt.ts')), `dist/${file} carries the adoption code`);
  });

  it('the single-file build with everything stays within 35 KB', () => {
    const size = gzipped('airbyte-connect.iife.js');
    assert.ok(size <= 35 * KIB, `dist/airbyte-connect.iife.js is ${size} bytes gzipped; the budget is ${35 * KIB}`);
  });

  it('what the loader fetches for the common path (list, form, API client, English) stays within 30 KB', () => {
    const files = staticClosure(DIST, 'airbyte-connect.js');
    const size = files.reduce((sum, file) => sum + gzipped(file), 0);
    assert.ok(size <= 30 * KIB, `${files.join(' + ')} are ${size} bytes gzipped; the budget is ${30 * KIB}`);
  });

  it('the entries that only register or wrap the element stay tiny (they import the main bundle)', () => {
    for (const file of ['define.js', 'react.js']) {
      const size = gzipped(file);
      assert.ok(size <= 1 * KIB, `dist/${file} is ${size} bytes gzipped`);
    }
  });

  it('the files fetched on demand import nothing, so the single-file build can fetch them from beside itself', () => {
    const lazy = [...readdirSync(`${DIST}/locales`).map((f) => `locales/${f}`), ...readdirSync(`${DIST}/chunks`).map((f) => `chunks/${f}`)]
      .filter((f) => f.endsWith('.js'))
      .filter((f) => !ES_ONLY.includes(f));
    assert.ok(['chunks/oauth.js', 'chunks/fields.js', 'chunks/error-body.js', 'locales/de.js'].every((file) => lazy.includes(file)), lazy.join(', '));
    for (const file of lazy) {
      assert.deepEqual(staticClosure(DIST, file), [file], `${file} imports other files`);
      assert.doesNotMatch(readFileSync(`${DIST}/${file}`, 'utf8'), /\bimport\s*\(/, `${file} imports other files on demand`);
    }
  });

  // The rare field kinds (lists of objects, radio cards, the JSON fallback) are a chunk that imports nothing (the
  // test above): the element lends it Lit and its field helpers. A chunk that imported the main entry by relative
  // URL would load and run a second copy of it when the page reached the main entry through a redirect or a query
  // string, and would depend on the main entry's minified export names. The single-file build bundles the kinds.
  it('the rare field kinds are a chunk of their own: off the common path, with no copy of Lit, shared by the Node build, bundled into the single file', () => {
    const sources = (JSON.parse(readFileSync(`${DIST}/chunks/fields.js.map`, 'utf8')) as { sources: string[] }).sources;
    assert.deepEqual(
      sources.filter((source) => source.includes('node_modules/')),
      [],
      'chunks/fields.js carries code of its own only (Lit is lent by the element)',
    );
    assert.match(readFileSync(`${DIST}/airbyte-connect.js`, 'utf8'), /\bimport\s*\(\s*["']\.\/chunks\/fields\.js["']\s*\)/, 'the main entry fetches it on demand');
    assert.match(readFileSync(`${DIST}/node/airbyte-connect.js`, 'utf8'), /\bimport\s*\(\s*["']\.\.\/chunks\/fields\.js["']\s*\)/, 'the Node build fetches the same file');
    assert.ok(!existsSync(`${DIST}/node/chunks/fields.js`), 'the Node build has no copy of its own');
    assert.doesNotMatch(readFileSync(`${DIST}/airbyte-connect.iife.js`, 'utf8'), /chunks\/fields\.js/, 'the single-file build fetches it');
    // Small beside the common path: a fetch that forms with a rare kind wait for.
    assert.ok(gzipped('chunks/fields.js') <= 2.5 * KIB, `dist/chunks/fields.js is ${gzipped('chunks/fields.js')} bytes gzipped`);
  });

  // With no on-demand chunk importing from it, the main entry exports the public API and nothing else: no bindings
  // under minified names for a chunk to reach, which would move whenever the bundle changes.
  it('the main entry exports the public API only', () => {
    const exported = /\bexport\s*\{([^}]*)\}\s*;?\s*(\/\/#.*)?$/.exec(readFileSync(`${DIST}/airbyte-connect.js`, 'utf8').trim())?.[1];
    assert.ok(exported, 'dist/airbyte-connect.js ends with its export list');
    const names = exported.split(',').map((binding) => binding.trim().split(/\s+as\s+/).pop());
    assert.deepEqual(names.sort(), ['AirbyteConnect', 'AirbyteEmbeddedWidget', 'ApiClient', 'ApiError', 'DEFAULT_API_BASE_URL', 'TokenError', 'defineAirbyteConnect']);
  });

  // Resolving a locale other than plain English (its canonical form, direction and catalog) is ES-only as well: an
  // English page never fetches it, and it is the one that fetches the catalogs. It imports nothing from the main
  // entry: a second on-demand chunk that did would keep a page's bundler from dropping an unused main entry.
  it('locales other than plain English are resolved by an ES-only chunk: off the common path, importing nothing, fetching the catalogs, bundled into the single file', () => {
    const main = readFileSync(`${DIST}/airbyte-connect.js`, 'utf8');
    const chunk = readFileSync(`${DIST}/chunks/locale.js`, 'utf8');
    assert.deepEqual(staticClosure(DIST, 'chunks/locale.js'), ['chunks/locale.js']);
    assert.match(main, /\bimport\s*\(\s*["']\.\/chunks\/locale\.js["']\s*\)/, 'the main entry fetches it on demand');
    assert.doesNotMatch(main, /locales\//, 'the main entry names no catalog');
    assert.doesNotMatch(main, /getTextInfo|getCanonicalLocales/, 'the main entry resolves no locale but plain English');
    for (const language of ['de', 'fr', 'es', 'pt', 'ja']) assert.match(chunk, new RegExp(`\\bimport\\s*\\(\\s*["']\\.\\./locales/${language}\\.js["']\\s*\\)`), language);
    assert.doesNotMatch(readFileSync(`${DIST}/airbyte-connect.iife.js`, 'utf8'), /chunks\/locale\.js/, 'the single-file build fetches it');
    assert.ok(gzipped('chunks/locale.js') <= 1 * KIB, `dist/chunks/locale.js is ${gzipped('chunks/locale.js')} bytes gzipped`);
  });

  it('the common path is the main entry alone (what the loader imports), the whole element rather than a stub of a shared chunk', () => {
    assert.deepEqual(staticClosure(DIST, 'airbyte-connect.js'), ['airbyte-connect.js']);
    assert.deepEqual(staticClosure(DIST, 'define.js'), ['define.js', 'airbyte-connect.js']);
  });
});
