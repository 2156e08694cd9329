// Checks every translated catalog in src/i18n/locales/ against the English one. The folder is listed at run time,
// so a newly added locale is covered without touching this file.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { en } from '../../src/i18n/en.js';
import { enFields } from '../../src/i18n/en-fields.js';
import { enSignIn } from '../../src/i18n/en-sign-in.js';

const localesDir = fileURLToPath(new URL('../../src/i18n/locales/', import.meta.url));
const files = readdirSync(localesDir)
  .filter((name) => /\.[cm]?[jt]s$/.test(name) && !name.endsWith('.d.ts'))
  .sort();

// The whole English catalog: the main bundle's words and those of the sign-in and rare-field chunks.
const english: Record<string, string> = { ...en, ...enSignIn, ...enFields };
const englishKeys = Object.keys(english);
/** At most this share of a catalog's values may be the English text unchanged. */
const MAX_UNTRANSLATED = 0.1;

/** The `{placeholder}` names in a message, sorted and deduplicated. */
const placeholders = (text: string): string[] => [...new Set(text.match(/\{[^{}]*\}/g) ?? [])].sort();
const list = (items: string[]): string => items.map((item) => `\n  - ${item}`).join('');
/** Fails with one line per problem, so a single run shows everything that is wrong. */
function assertNone(problems: string[], what: string): void {
  if (problems.length > 0) assert.fail(`${what} (${problems.length}):${list(problems)}`);
}

describe('en catalog', () => {
  it('every .one key has its .other twin', () => {
    const missing = englishKeys
      .filter((key) => key.endsWith('.one') && !(`${key.slice(0, -'.one'.length)}.other` in english))
      .map((key) => `${key} has no ${key.slice(0, -'.one'.length)}.other`);
    assertNone(missing, 'en: plural keys without an .other form');
  });

  it('every value is a non-empty string', () => {
    assertNone(
      englishKeys.filter((key) => typeof english[key] !== 'string' || english[key].trim() === ''),
      'en: empty or non-string values',
    );
  });
});

describe('locale catalogs', () => {
  it('src/i18n/locales/ holds at least one catalog', () => {
    assert.ok(files.length > 0, `no catalog files found in ${localesDir}`);
  });
});

for (const file of files) {
  const locale = basename(file, extname(file));
  const module = (await import(pathToFileURL(localesDir + file).href)) as { default?: unknown };
  const catalog = module.default as Record<string, unknown>;

  describe(`locale ${locale} (src/i18n/locales/${file})`, () => {
    it('has a default export that is a plain object', () => {
      assert.ok(
        typeof catalog === 'object' && catalog !== null && !Array.isArray(catalog),
        `${file}: expected \`export default { … } satisfies Catalog\`, got ${typeof catalog}`,
      );
    });

    it('has exactly the keys of en', () => {
      const keys = Object.keys(catalog ?? {});
      const missing = englishKeys.filter((key) => !keys.includes(key)).map((key) => `missing key: ${key}`);
      const extra = keys.filter((key) => !(key in english)).map((key) => `extra key (not in en): ${key}`);
      assertNone([...missing, ...extra], `${locale}: keys differ from en`);
    });

    it('every value is a non-empty string', () => {
      const bad = Object.entries(catalog ?? {})
        .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
      assertNone(bad, `${locale}: empty or non-string values`);
    });

    it('every value has the same {placeholders} as the English one', () => {
      const bad: string[] = [];
      for (const [key, value] of Object.entries(catalog ?? {})) {
        if (!(key in english) || typeof value !== 'string') continue; // reported by the tests above
        const want = placeholders(english[key]);
        const got = placeholders(value);
        if (want.join() !== got.join()) {
          bad.push(`${key}: expected [${want.join(', ')}], found [${got.join(', ')}] in ${JSON.stringify(value)}`);
        }
      }
      assertNone(bad, `${locale}: placeholders differ from en`);
    });

    it('no value contains HTML (< or >)', () => {
      const bad = Object.entries(catalog ?? {})
        .filter(([, value]) => typeof value === 'string' && /[<>]/.test(value))
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
      assertNone(bad, `${locale}: values containing < or >`);
    });

    it(`at most ${MAX_UNTRANSLATED * 100}% of values are identical to English`, () => {
      const same = englishKeys.filter((key) => catalog?.[key] === english[key]);
      const limit = Math.floor(englishKeys.length * MAX_UNTRANSLATED);
      assert.ok(
        same.length <= limit,
        `${locale}: ${same.length} of ${englishKeys.length} values are the English text unchanged (limit ${limit}); ` +
          `is the catalog translated?${list(same)}`,
      );
    });

    if (locale === 'fr' || locale.startsWith('fr-')) {
      it('uses French spacing: a no-break space before ? ! : ; and inside « »', () => {
        const bad = Object.entries(catalog ?? {})
          .filter(([, value]) => typeof value === 'string' && /( [?!:;»]|« |[^\s\u00a0\u202f][?!:;»]|«[^\s\u00a0\u202f])/.test(value))
          .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
        assertNone(bad, `${locale}: use U+202F or U+00A0 (not a plain space, not nothing) before ? ! : ; and inside « »`);
      });
    }
  });
}
