import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFormModel } from '../../src/spec/build-model.js';
import { initialValue } from '../../src/spec/initial-value.js';
import { SECRET_MASK } from '../../src/spec/model.js';
import { toSubmitValue } from '../../src/validation/submit-value.js';
import { validateConfig } from '../../src/validation/validate.js';

type S = Record<string, unknown>;
const model = (properties: S, required: string[] = []) => buildFormModel({ type: 'object', properties, required });

const auth = {
  type: 'object',
  oneOf: [
    {
      properties: {
        auth_type: { const: 'OAuth' },
        client_id: { type: 'string' },
        client_secret: { type: 'string', airbyte_secret: true },
      },
    },
    { properties: { auth_type: { const: 'Token' }, api_token: { type: 'string', airbyte_secret: true } } },
  ],
};

type Case = [name: string, properties: S, required: string[], value: unknown, want: S];
const cases: Case[] = [
  ['unknown keys dropped', { a: { type: 'string' } }, [], { a: 'x', b: 'y', c: { d: 1 } }, { a: 'x' }],
  ['empty and whitespace strings dropped, even when required', { a: { type: 'string' }, b: { type: 'string' } }, ['a'], { a: '', b: '  ' }, {}],
  ['undefined dropped', { a: { type: 'string' } }, [], { a: undefined }, {}],
  ['strings are not trimmed', { a: { type: 'string' } }, [], { a: ' x ' }, { a: ' x ' }],
  ['null dropped from a non-nullable field', { a: { type: 'string' } }, [], { a: null }, {}],
  ['null kept for a nullable field', { a: { type: ['string', 'null'] } }, [], { a: null }, { a: null }],
  ['false and 0 kept', { a: { type: 'boolean' }, n: { type: 'integer' } }, [], { a: false, n: 0 }, { a: false, n: 0 }],
  ['numbers typed as text become numbers', { n: { type: 'integer' }, f: { type: 'number' } }, [], { n: ' 42 ', f: '-1.5' }, { n: 42, f: -1.5 }],
  ['text that is not a number is left for validation', { n: { type: 'integer' } }, [], { n: 'abc' }, { n: 'abc' }],
  ['list items: numbers coerced, blanks dropped', { l: { type: 'array', items: { type: 'integer' } }, s: { type: 'array', items: { type: 'string' } } }, [], { l: ['1', 2, ''], s: ['a', ' ', '3'] }, { l: [1, 2], s: ['a', '3'] }],
  ['optional empty list dropped', { l: { type: 'array', items: { type: 'string' } } }, [], { l: [] }, {}],
  ['required empty list kept', { l: { type: 'array', items: { type: 'string' } } }, ['l'], { l: [] }, { l: [] }],
  ['optional empty object dropped', { o: { type: 'object', properties: { a: { type: 'string' } } } }, [], { o: { a: '' } }, {}],
  ['optional object with only consts dropped', { o: { type: 'object', properties: { k: { const: 'c' }, a: { type: 'string' } } } }, [], { o: { k: 'c' } }, {}],
  ['required empty object stays {}', { o: { type: 'object', properties: { a: { type: 'string' } } } }, ['o'], { o: { a: ' ' } }, { o: {} }],
  ['required object missing is sent as {}', { additionalProperties: { type: 'object' } }, ['additionalProperties'], {}, { additionalProperties: {} }],
  ['nested unknown keys dropped', { o: { type: 'object', properties: { a: { type: 'string' } } } }, [], { o: { a: 'x', junk: 1 } }, { o: { a: 'x' } }],
  ['consts always present', { k: { const: 'v1' }, o: { type: 'object', properties: { c: { const: 2 }, a: { type: 'string' } } } }, ['o'], {}, { k: 'v1', o: { c: 2 } }],
  ['a const overrides a stray value', { k: { const: 'v1' } }, [], { k: 'other' }, { k: 'v1' }],
  ['hidden fields keep their values', { h: { type: 'integer', default: 1, airbyte_hidden: true } }, [], { h: 1 }, { h: 1 }],
  ['the secret mask is sent as is', { s: { type: 'string', airbyte_secret: true } }, ['s'], { s: SECRET_MASK }, { s: SECRET_MASK }],
  ['other branches’ keys dropped, discriminator present', { credentials: auth }, ['credentials'], { credentials: { auth_type: 'Token', api_token: SECRET_MASK, client_id: 'old', client_secret: 'old' } }, { credentials: { auth_type: 'Token', api_token: SECRET_MASK } }],
  ['a oneOf with no branch chosen is dropped', { credentials: auth }, [], { credentials: { client_id: 'x' } }, {}],
  ['a branch with nothing but its discriminator is kept', { credentials: auth }, [], { credentials: { auth_type: 'OAuth', client_id: '' } }, { credentials: { auth_type: 'OAuth' } }],
  ['object list rows pruned one by one', { rows: { type: 'array', items: { type: 'object', properties: { n: { type: 'string' }, p: { type: 'integer' } } } } }, [], { rows: [{ n: 'a', p: '1', x: 1 }, { n: '' }] }, { rows: [{ n: 'a', p: 1 }, {}] }],
  ['enum and JSON values copied', { e: { enum: ['a'] }, j: { type: 'file' } }, [], { e: 'a', j: { deep: [1] } }, { e: 'a', j: { deep: [1] } }],
  ['a value that is not an object gives {}', { a: { type: 'string' } }, [], 'junk', {}],
  ['a property named toString that is not set stays out', { toString: { type: 'string' }, constructor: { type: 'object', properties: {} } }, [], {}, {}],
];

describe('toSubmitValue', () => {
  for (const [name, properties, required, value, want] of cases)
    it(name, () => assert.deepEqual(toSubmitValue(model(properties, required), value), want));

  it('does not share or change the form value', () => {
    const m = model({ j: { type: 'file' }, n: { type: 'integer' } });
    const value = { j: { deep: [1] }, n: '5' };
    const out = toSubmitValue(m, value);
    assert.notEqual(out.j, value.j);
    assert.deepEqual(value, { j: { deep: [1] }, n: '5' });
  });

  it('a root oneOf: the branch value itself', () => {
    const m = buildFormModel(auth);
    assert.deepEqual(toSubmitValue(m, { auth_type: 'OAuth', client_id: 'c', api_token: 't' }), {
      auth_type: 'OAuth',
      client_id: 'c',
    });
    assert.deepEqual(toSubmitValue(m, {}), {});
  });

  it('an object list of a oneOf: each row is its branch value', () => {
    const m = model({ rows: { type: 'array', items: auth } });
    assert.deepEqual(toSubmitValue(m, { rows: [{ auth_type: 'Token', api_token: 'x', client_id: 'y' }] }), {
      rows: [{ auth_type: 'Token', api_token: 'x' }],
    });
  });

  it('edit round trip: an untouched stored config is sent back unchanged', () => {
    const m = model(
      {
        host: { type: 'string' },
        port: { type: 'integer', default: 5432 },
        credentials: auth,
        schemas: { type: 'array', items: { type: 'string' } },
      },
      ['host', 'credentials'],
    );
    const stored = { host: 'db', port: 6543, credentials: { auth_type: 'Token', api_token: SECRET_MASK }, schemas: ['a'] };
    assert.deepEqual(toSubmitValue(m, initialValue(m, stored)), stored);
  });
});

describe('toSubmitValue: nullable fields', () => {
  it('sends null for an empty required nullable field (required means present; null is allowed)', () => {
    const model = buildFormModel({
      type: 'object',
      required: ['start', 'region'],
      properties: { start: { type: ['string', 'null'] }, region: { type: ['string', 'null'] }, note: { type: ['string', 'null'] } },
    });
    assert.deepEqual(toSubmitValue(model, { start: '', note: '' }), { start: null, region: null });
  });

  it('never sends null for an enum that does not list it: an empty choice is left out', () => {
    const model = buildFormModel({ type: 'object', properties: { region: { type: ['string', 'null'], enum: ['us', 'eu'] } } });
    assert.deepEqual(toSubmitValue(model, { region: null }), {});
    assert.equal(validateConfig(model, { region: null }).size, 0);
    const listed = buildFormModel({ type: 'object', properties: { region: { type: ['string', 'null'], enum: ['us', null] } } });
    assert.deepEqual(toSubmitValue(listed, { region: null }), { region: null });
  });
});
