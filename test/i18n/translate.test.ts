import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalLocale, catalogLanguage, textDirection } from '../../src/i18n/locale.js';
import { english, translator } from '../../src/i18n/translate.js';
import de from '../../src/i18n/locales/de.js';
import ja from '../../src/i18n/locales/ja.js';

describe('translator', () => {
  it('fills values in and picks the plural form the locale needs', () => {
    assert.equal(english('fixFields', { count: 1 }), 'One field needs attention.');
    assert.equal(english('fixFields', { count: 3 }), '3 fields need attention.');
    assert.equal(english('v.minLength', { n: 1 }), 'Enter at least 1 character');
    assert.equal(english('createdTitle', { name: 'GitHub' }), 'GitHub is connected');
    const german = translator('de', de);
    assert.equal(german('fixFields', { count: 2 }), de['fixFields.other'].replace('{count}', '2'));
    const japanese = translator('ja', ja);
    assert.equal(japanese('v.minItems', { n: 1 }), ja['v.minItems.other'].replace('{n}', '1'));
  });

  it('formats numbers with the locale’s decimal sign and no grouping (ports and years are limits we show)', () => {
    assert.equal(english('v.max', { n: 65535 }), 'Must be at most 65535');
    assert.equal(english('v.min', { n: 2024 }), 'Must be at least 2024');
    assert.match(translator('de', de)('v.max', { n: 1234567.5 }), /1234567,5/);
    assert.match(translator('fr')('v.max', { n: 0.25 }), /0,25/);
  });

  it('formats dates for the locale', () => {
    const day = new Date(Date.UTC(2026, 10, 24, 12));
    assert.equal(english('connectedOn', { date: day }), 'Connected Nov 24, 2026');
    assert.match(translator('de', de)('connectedOn', { date: day }), /24\.11\.2026/);
  });

  it('takes the page’s overrides first, then the catalog, then English', () => {
    const t = translator('de', { ...de, connect: undefined } as never, { testConnection: 'Probieren' });
    assert.equal(t('testConnection'), 'Probieren');
    assert.equal(t('connect'), 'Connect');
    assert.equal(t('back'), de.back);
    // Only own string values count: an override object cannot inject through its prototype or with non-strings.
    const hostile = translator('en', undefined, Object.assign(Object.create({ back: 'inherited' }), { close: 42 }));
    assert.equal(hostile('back'), 'Back');
    assert.equal(hostile('close'), 'Close');
  });

  it('leaves an unknown placeholder visible instead of printing undefined', () => {
    const t = translator('en', undefined, { deleted: '{name} and {other}' });
    assert.equal(t('deleted', { name: 'X' }), 'X and {other}');
  });
});

describe('locale', () => {
  it('canonicalises tags and rejects malformed ones', () => {
    assert.equal(canonicalLocale('pt-br'), 'pt-BR');
    assert.equal(canonicalLocale(' de '), 'de');
    assert.equal(canonicalLocale('not a tag!'), undefined);
    assert.equal(canonicalLocale(''), undefined);
    assert.equal(canonicalLocale(null), undefined);
  });

  it('serves a regional tag from its language’s catalog', () => {
    assert.equal(catalogLanguage('de-AT'), 'de');
    assert.equal(catalogLanguage('pt-BR'), 'pt');
    assert.equal(catalogLanguage('ja-JP'), 'ja');
    assert.equal(catalogLanguage('it'), undefined);
    assert.equal(catalogLanguage('ar'), undefined);
  });

  it('knows right-to-left scripts even without a catalog', () => {
    for (const tag of ['ar', 'he', 'fa-IR', 'ur', 'ar-EG']) assert.equal(textDirection(tag), 'rtl', tag);
    for (const tag of ['en', 'de', 'ja', 'zh-Hant', 'tr']) assert.equal(textDirection(tag), 'ltr', tag);
  });
});

describe('validation messages', () => {
  it('come in the language of the translator given, with the same schema', async () => {
    const { buildFormModel } = await import('../../src/spec/build-model.js');
    const { validateConfig } = await import('../../src/validation/validate.js');
    const model = buildFormModel({ type: 'object', required: ['port', 'host'], properties: { port: { type: 'integer', minimum: 1 }, host: { type: 'string' } } });
    const german = translator('de', de);
    assert.deepEqual([...validateConfig(model, { port: 0 }, german).values()].sort(), [german('v.min', { n: 1 }), german('v.required')].sort());
    assert.deepEqual([...validateConfig(model, { port: 0 }).values()].sort(), ['Must be at least 1', 'Required']);
  });
});
