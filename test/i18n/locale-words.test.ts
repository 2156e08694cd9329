// How a requested locale becomes words and a direction: plain English in the main bundle (plain-english.ts), any
// other locale through the on-demand chunk (locale-words.ts, built as chunks/locale.js).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordsFor } from '../../src/i18n/locale-words.js';
import de from '../../src/i18n/locales/de.js';
import pt from '../../src/i18n/locales/pt.js';
import { plainEnglish } from '../../src/i18n/plain-english.js';

/** What `console.warn` was given while `run` ran. */
async function warnings(run: () => Promise<unknown>): Promise<string[]> {
  const said: string[] = [];
  const warn = console.warn;
  console.warn = (message: string) => void said.push(message);
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return said;
}

describe('plain English (settled without fetching anything)', () => {
  it('is en alone or with a region, in canonical form', () => {
    assert.equal(plainEnglish('en'), 'en');
    assert.equal(plainEnglish('en-US'), 'en-US');
    assert.equal(plainEnglish('en-gb'), 'en-GB');
    assert.equal(plainEnglish('EN'), 'en');
    assert.equal(plainEnglish('en-419'), 'en-419');
    assert.equal(plainEnglish(' en-us '), 'en-US');
  });

  it('leaves every other tag to the locale chunk: other languages, English with a script or variant, malformed tags', () => {
    for (const tag of ['de', 'ar', 'eng', 'english', 'en-Arab', 'en-Latn-US', 'en-US-posix', 'en-u-nu-arab', 'en_US', 'en-', '', 'not a locale!'])
      assert.equal(plainEnglish(tag), undefined, tag);
  });
});

describe('the locale chunk', () => {
  it('serves a regional tag from its language’s catalog, in canonical form', async () => {
    assert.deepEqual(await wordsFor('de-at', null), { locale: 'de-AT', dir: 'ltr', language: 'de', catalog: de });
    assert.deepEqual(await wordsFor('pt-br', null), { locale: 'pt-BR', dir: 'ltr', language: 'pt', catalog: pt });
  });

  it('falls back to the page’s lang, then English', async () => {
    assert.deepEqual(await wordsFor(null, 'de'), { locale: 'de', dir: 'ltr', language: 'de', catalog: de });
    assert.deepEqual(await wordsFor('', 'en-Latn'), { locale: 'en-Latn', dir: 'ltr', language: 'en' });
    assert.deepEqual(await wordsFor(null, '  '), { locale: 'en', dir: 'ltr', language: 'en' });
  });

  it('lays out right to left by script, with English words when no catalog serves the language', async () => {
    assert.deepEqual(await wordsFor('ar-EG', null), { locale: 'ar-EG', dir: 'rtl', language: undefined });
    assert.deepEqual(await wordsFor('he', null), { locale: 'he', dir: 'rtl', language: undefined });
    assert.deepEqual(await wordsFor('it', null), { locale: 'it', dir: 'ltr', language: undefined });
  });

  it('reports a malformed locale in the console and uses the page’s lang instead', async () => {
    let words;
    const said = await warnings(async () => (words = await wordsFor('not a locale!', 'de')));
    assert.deepEqual(words, { locale: 'de', dir: 'ltr', language: 'de', catalog: de });
    assert.equal(said.length, 1);
    assert.match(said[0]!, /locale "not a locale!" is not a BCP 47 tag; using de\./);
    assert.deepEqual(await warnings(() => wordsFor(null, 'not a lang!')), [], 'a malformed page lang is not the widget’s to report');
  });
});
