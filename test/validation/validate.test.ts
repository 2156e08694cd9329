import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFormModel } from '../../src/spec/build-model.js';
import { initialValue } from '../../src/spec/initial-value.js';
import { SECRET_MASK, type FormModel, type ValuePath } from '../../src/spec/model.js';
import { english } from '../../src/i18n/translate.js';
import { pathKey } from '../../src/validation/path-key.js';
import { validateConfig } from '../../src/validation/validate.js';

type S = Record<string, unknown>;
const model = (properties: S, required: string[] = []) => buildFormModel({ type: 'object', properties, required });
/** The errors as [path, message] pairs, for readable comparisons. */
const errors = (m: FormModel, value: unknown): [ValuePath, string][] =>
  [...validateConfig(m, value)].map(([k, msg]) => [JSON.parse(k) as ValuePath, msg]);

type Case = [name: string, properties: S, required: string[], value: unknown, want: [ValuePath, string][]];

const tunnel = {
  type: 'object',
  oneOf: [
    { title: 'No Tunnel', properties: { tunnel_method: { const: 'NO_TUNNEL' } } },
    {
      title: 'Key',
      required: ['tunnel_method', 'tunnel_host', 'ssh_key'],
      properties: {
        tunnel_method: { const: 'SSH_KEY_AUTH' },
        tunnel_host: { type: 'string' },
        tunnel_port: { type: 'integer', minimum: 0, maximum: 65536 },
        ssh_key: { type: 'string', airbyte_secret: true },
      },
    },
    {
      title: 'Password',
      required: ['tunnel_method', 'tunnel_host', 'tunnel_user_password'],
      properties: {
        tunnel_method: { const: 'SSH_PASSWORD_AUTH' },
        tunnel_host: { type: 'string' },
        tunnel_user_password: { type: 'string', airbyte_secret: true },
      },
    },
  ],
};
const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

const cases: Case[] = [
  // required
  ['required string present', { x: { type: 'string' } }, ['x'], { x: 'a' }, []],
  ['required string missing', { x: { type: 'string' } }, ['x'], {}, [[['x'], english('v.required')]]],
  ['required string empty', { x: { type: 'string' } }, ['x'], { x: '' }, [[['x'], english('v.required')]]],
  ['required string whitespace', { x: { type: 'string' } }, ['x'], { x: '  \n' }, [[['x'], english('v.required')]]],
  ['required string null', { x: { type: 'string' } }, ['x'], { x: null }, [[['x'], english('v.required')]]],
  ['optional string missing', { x: { type: 'string' } }, [], {}, []],
  ['required boolean false is set', { x: { type: 'boolean' } }, ['x'], { x: false }, []],
  ['required boolean missing', { x: { type: 'boolean' } }, ['x'], {}, [[['x'], english('v.required')]]],
  ['required number 0 is set', { x: { type: 'integer' } }, ['x'], { x: 0 }, []],
  ['required enum missing', { x: { enum: ['a', 'b'] } }, ['x'], {}, [[['x'], english('v.required')]]],
  ['required list missing', { x: { type: 'array', items: { type: 'string' } } }, ['x'], {}, [[['x'], english('v.required')]]],
  ['required list empty is set', { x: { type: 'array', items: { type: 'string' } } }, ['x'], { x: [] }, []],
  ['hidden required field missing', { x: { type: 'string', airbyte_hidden: true } }, ['x'], {}, []],
  ['nullable required field null', { x: { type: ['string', 'null'] } }, ['x'], { x: null }, []],
  ['required const missing (submit adds it)', { x: { const: 'c' } }, ['x'], {}, []],
  ['required JSON field missing', { x: { type: 'file' } }, ['x'], {}, [[['x'], english('v.required')]]],
  ['JSON field takes any value', { x: { type: 'file' } }, ['x'], { x: { any: [1] } }, []],
  // types
  ['integer as text', { x: { type: 'integer' } }, [], { x: '42' }, []],
  ['integer not a number', { x: { type: 'integer' } }, [], { x: '4x' }, [[['x'], english('v.wholeNumber')]]],
  ['integer with a fraction', { x: { type: 'integer' } }, [], { x: 4.5 }, [[['x'], english('v.wholeNumber')]]],
  ['integer with a fraction as text', { x: { type: 'integer' } }, [], { x: '4.5' }, [[['x'], english('v.wholeNumber')]]],
  ['number as text', { x: { type: 'number' } }, [], { x: ' -1.5e2 ' }, []],
  ['number not a number', { x: { type: 'number' } }, [], { x: 'abc' }, [[['x'], english('v.number')]]],
  ['number given a boolean', { x: { type: 'number' } }, [], { x: true }, [[['x'], english('v.number')]]],
  ['string given a number', { x: { type: 'string' } }, [], { x: 5 }, [[['x'], english('v.text')]]],
  ['boolean given text', { x: { type: 'boolean' } }, [], { x: 'yes' }, [[['x'], english('v.boolean')]]],
  ['enum outside its options', { x: { enum: ['a', 'b'] } }, [], { x: 'c' }, [[['x'], english('v.chooseOption')]]],
  ['enum of numbers', { x: { type: 'integer', enum: [1, 2] } }, [], { x: 2 }, []],
  ['const with another value', { x: { const: 'c' } }, [], { x: 'd' }, [[['x'], english('v.fixed')]]],
  ['object given text', { x: { type: 'object', properties: {} } }, ['x'], { x: 'a' }, [[['x'], english('v.invalid')]]],
  ['list given text', { x: { type: 'array' } }, [], { x: 'a,b' }, [[['x'], english('v.list')]]],
  ['hidden field still type-checked', { x: { type: 'integer', airbyte_hidden: true } }, ['x'], { x: 'many' }, [[['x'], english('v.wholeNumber')]]],
  // bounds
  ['minimum', { x: { type: 'integer', minimum: 0, maximum: 65536 } }, [], { x: -1 }, [[['x'], english('v.min', { n: 0 })]]],
  ['maximum', { x: { type: 'integer', minimum: 0, maximum: 65536 } }, [], { x: '70000' }, [[['x'], english('v.max', { n: 65536 })]]],
  ['within bounds', { x: { type: 'integer', minimum: 0, maximum: 65536 } }, [], { x: 65536 }, []],
  ['exclusiveMinimum', { x: { type: 'number', exclusiveMinimum: 0 } }, [], { x: 0 }, [[['x'], english('v.greaterThan', { n: 0 })]]],
  ['exclusiveMaximum', { x: { type: 'number', exclusiveMaximum: 1 } }, [], { x: 1 }, [[['x'], english('v.lessThan', { n: 1 })]]],
  ['draft-04 exclusive minimum', { x: { type: 'number', minimum: 2, exclusiveMinimum: true } }, [], { x: 2 }, [[['x'], english('v.greaterThan', { n: 2 })]]],
  ['min/max noise not enforced', { x: { type: 'integer', min: 10, max: 20, mininum: 5 } }, [], { x: 1 }, []],
  // strings
  ['pattern with descriptor', { x: { type: 'string', pattern: DATE, pattern_descriptor: 'YYYY-MM-DD' } }, [], { x: '2024-1-1' }, [[['x'], english('v.format', { format: 'YYYY-MM-DD' })]]],
  ['pattern with a synthesised descriptor', { x: { type: 'string', pattern: DATE } }, [], { x: 'today' }, [[['x'], 'Use the format YYYY-MM-DD']]],
  ['pattern without descriptor', { x: { type: 'string', pattern: '^[0-9]+$' } }, [], { x: 'a1' }, [[['x'], english('v.pattern', { pattern: '^[0-9]+$' })]]],
  ['pattern passes', { x: { type: 'string', pattern: DATE } }, [], { x: '2024-01-31' }, []],
  ['pattern not tested on an empty optional value', { x: { type: 'string', pattern: DATE } }, [], { x: '' }, []],
  ['pattern compiled without the u flag when it must be', { x: { type: 'string', pattern: '^[a-z\\_]+$' } }, [], { x: 'a_b' }, []],
  ['a pattern compiled without the u flag still checks', { x: { type: 'string', pattern: '^[a-z\\_]+$' } }, [], { x: 'a-b' }, [[['x'], english('v.pattern', { pattern: '^[a-z\\_]+$' })]]],
  ['a pattern that does not compile is ignored', { x: { type: 'string', pattern: '^[a-z' } }, [], { x: '!!' }, []],
  ['pattern with look-behind', { x: { type: 'string', pattern: '^[\\w.-]+/[\\w.-]+(?<!\\.git)$' } }, [], { x: 'org/repo.git' }, [[['x'], english('v.pattern', { pattern: '^[\\w.-]+/[\\w.-]+(?<!\\.git)$' })]]],
  ['minLength', { x: { type: 'string', minLength: 3 } }, [], { x: 'ab' }, [[['x'], english('v.minLength', { n: 3 })]]],
  ['maxLength', { x: { type: 'string', maxLength: 2 } }, [], { x: 'abc' }, [[['x'], english('v.maxLength', { n: 2 })]]],
  ['maxLength counts characters, not UTF-16 units', { x: { type: 'string', maxLength: 2 } }, [], { x: '😀😀' }, []],
  ['masked secret passes pattern and length', { x: { type: 'string', airbyte_secret: true, pattern: '^sk_', minLength: 40 } }, ['x'], { x: SECRET_MASK }, []],
  ['a new secret is checked', { x: { type: 'string', airbyte_secret: true, pattern: '^sk_' } }, ['x'], { x: 'pk_1' }, [[['x'], english('v.pattern', { pattern: '^sk_' })]]],
  ['the mask in a non-secret field is just text', { x: { type: 'string', minLength: 40 } }, [], { x: SECRET_MASK }, [[['x'], english('v.minLength', { n: 40 })]]],
  // lists
  ['list item pattern at the item path', { x: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } } }, [], { x: ['ok', 'No', 'fine', 'N0'] }, [[['x', 1], english('v.pattern', { pattern: '^[a-z]+$' })], [['x', 3], english('v.pattern', { pattern: '^[a-z]+$' })]]],
  ['integer list item types', { x: { type: 'array', items: { type: 'integer' } } }, [], { x: [1, '2', 'three', 4.5] }, [[['x', 2], english('v.wholeNumber')], [['x', 3], english('v.wholeNumber')]]],
  ['string list item type', { x: { type: 'array', items: { type: 'string' } } }, [], { x: ['a', 3] }, [[['x', 1], english('v.text')]]],
  ['multi-select outside its options', { x: { type: 'array', items: { enum: ['A', 'B'] } } }, [], { x: ['A', 'Z'] }, [[['x', 1], english('v.chooseOption')]]],
  ['minItems', { x: { type: 'array', items: { type: 'string' }, minItems: 1 } }, ['x'], { x: [] }, [[['x'], english('v.minItems', { n: 1 })]]],
  ['minItems skipped on an empty optional list', { x: { type: 'array', items: { type: 'string' }, minItems: 1 } }, [], { x: [] }, []],
  ['maxItems', { x: { type: 'array', items: { type: 'string' }, maxItems: 1 } }, [], { x: ['a', 'b'] }, [[['x'], english('v.maxItems', { n: 1 })]]],
  ['uniqueItems', { x: { type: 'array', items: { type: 'string' }, uniqueItems: true } }, [], { x: ['a', 'b', 'a'] }, [[['x'], english('v.uniqueItems')]]],
  ['uniqueItems compares numbers typed as text', { x: { type: 'array', items: { type: 'integer' }, uniqueItems: true } }, [], { x: [1, '1'] }, [[['x'], english('v.uniqueItems')]]],
  // after a failed item: a list's size check runs unless the item's failure stops all checks (a fraction in an
  // integer, a wrong const), its uniqueness check only when every item has the right type
  ['a list still counts its items after an item of the wrong type', { x: { type: 'array', items: { type: 'integer' }, maxItems: 1 } }, [], { x: ['a', 2] }, [[['x', 0], english('v.wholeNumber')], [['x'], english('v.maxItems', { n: 1 })]]],
  ['a list does not count its items after a fraction in an integer item', { x: { type: 'array', items: { type: 'integer' }, minItems: 2 } }, ['x'], { x: [1.5] }, [[['x', 0], english('v.wholeNumber')]]],
  ['duplicates are not looked for after an item of the wrong type', { x: { type: 'array', items: { type: 'string' }, uniqueItems: true } }, [], { x: [3, 3] }, [[['x', 0], english('v.text')], [['x', 1], english('v.text')]]],
  ['duplicates are not looked for after an item outside the options', { x: { type: 'array', items: { enum: ['A', 'B'] }, uniqueItems: true, maxItems: 2 } }, [], { x: ['Z', 'Z', 'A'] }, [[['x', 0], english('v.chooseOption')], [['x', 1], english('v.chooseOption')], [['x'], english('v.maxItems', { n: 2 })]]],
  ['duplicates are looked for after an item that breaks its pattern', { x: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, uniqueItems: true } }, [], { x: ['A1', 'A1'] }, [[['x', 0], english('v.pattern', { pattern: '^[a-z]+$' })], [['x', 1], english('v.pattern', { pattern: '^[a-z]+$' })], [['x'], english('v.uniqueItems')]]],
  ['an object list still counts its rows after a row misses a field', { rows: { type: 'array', minItems: 2, items: { type: 'object', required: ['a'], properties: { a: { type: 'string' } } } } }, ['rows'], { rows: [{}] }, [[['rows', 0, 'a'], english('v.required')], [['rows'], english('v.minItems', { n: 2 })]]],
  ['an object list does not count its rows after a wrong const', { rows: { type: 'array', minItems: 2, items: { type: 'object', properties: { k: { const: 'c' } } } } }, ['rows'], { rows: [{ k: 'd' }] }, [[['rows', 0, 'k'], english('v.fixed')]]],
  ['an object list counts its rows after a fraction inside a oneOf row', { rows: { type: 'array', minItems: 2, items: { oneOf: [{ properties: { t: { const: 'a' }, n: { type: 'integer' } } }] } } }, ['rows'], { rows: [{ t: 'a', n: 1.5 }] }, [[['rows', 0, 'n'], english('v.wholeNumber')], [['rows'], english('v.minItems', { n: 2 })]]],
  ['a hole in a list is an item without a value', { x: { type: 'array', items: { type: 'string' } } }, [], { x: [, 'a'] }, [[['x', 0], english('v.required')]]],
  // objects and object lists
  ['nested required at the nested path', { o: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } }, ['o'], { o: {} }, [[['o', 'a'], english('v.required')]]],
  ['a missing required object reports its children', { o: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } }, ['o'], {}, [[['o', 'a'], english('v.required')]]],
  ['a missing required object has no inherited fields', { o: { type: 'object', properties: { toString: { type: 'string' }, constructor: { type: 'integer' } }, required: ['toString'] } }, ['o'], {}, [[['o', 'toString'], english('v.required')]]],
  ['a null required object has no inherited fields', { o: { type: 'object', properties: { toString: { type: 'string' }, constructor: { type: 'integer' } }, required: ['toString'] } }, ['o'], { o: null }, [[['o', 'toString'], english('v.required')]]],
  ['an empty optional object (consts aside) is skipped', { o: { type: 'object', properties: { k: { const: 'c' }, a: { type: 'string' } }, required: ['k', 'a'] } }, [], { o: { k: 'c', a: ' ' } }, []],
  ['an optional object with content is checked', { o: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'] } }, [], { o: { b: 'x' } }, [[['o', 'a'], english('v.required')]]],
  ['object list rows', { rows: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, n: { type: 'integer' } } } } }, [], { rows: [{ name: 'a' }, { n: 'x' }] }, [[['rows', 1, 'name'], english('v.required')], [['rows', 1, 'n'], english('v.wholeNumber')]]],
  ['object list minItems', { rows: { type: 'array', minItems: 2, items: { type: 'object', properties: {} } } }, ['rows'], { rows: [{}] }, [[['rows'], english('v.minItems', { n: 2 })]]],
  // oneOf
  ['required oneOf without a branch', { t: tunnel }, ['t'], {}, [[['t'], english('v.chooseOption')]]],
  ['required oneOf naming no branch', { t: tunnel }, ['t'], { t: { tunnel_method: 'NOPE' } }, [[['t'], english('v.chooseOption')]]],
  ['optional oneOf without a branch', { t: tunnel }, [], { t: {} }, []],
  ['hidden required oneOf without a branch', { t: { ...tunnel, airbyte_hidden: true } }, ['t'], {}, []],
  ['only the selected branch is validated', { t: tunnel }, ['t'], { t: { tunnel_method: 'SSH_PASSWORD_AUTH', tunnel_port: 'x', ssh_key: 5 } }, [[['t', 'tunnel_host'], english('v.required')], [['t', 'tunnel_user_password'], english('v.required')]]],
  ['selected branch field rules', { t: tunnel }, ['t'], { t: { tunnel_method: 'SSH_KEY_AUTH', tunnel_host: 'h', tunnel_port: 70000, ssh_key: SECRET_MASK } }, [[['t', 'tunnel_port'], english('v.max', { n: 65536 })]]],
  ['a branch with no fields', { t: tunnel }, ['t'], { t: { tunnel_method: 'NO_TUNNEL' } }, []],
  // property names are data; unknown keys ignored
  ['a property named toString', { toString: { type: 'string' } }, ['toString'], {}, [[['toString'], english('v.required')]]],
  ['a property named additionalProperties', { additionalProperties: { type: 'object', properties: {} } }, ['additionalProperties'], { additionalProperties: {} }, []],
  ['unknown keys are ignored', { x: { type: 'string' } }, [], { x: 'a', other: 5, nested: { deep: [] } }, []],
];

describe('validateConfig', () => {
  for (const [name, properties, required, value, want] of cases)
    it(name, () => assert.deepEqual(errors(model(properties, required), value), want));

  it('keys errors by pathKey, one message per path (the first)', () => {
    const m = model({ x: { type: 'string', minLength: 5, pattern: '^[0-9]+$' } });
    const map = validateConfig(m, { x: 'ab' });
    assert.deepEqual([...map.keys()], [pathKey(['x'])]);
    assert.equal(map.get(pathKey(['x'])), english('v.pattern', { pattern: '^[0-9]+$' }));
  });

  it('a value that is not an object is reported at the root', () => {
    assert.deepEqual(errors(model({}), 'nope'), [[[], english('v.invalid')]]);
  });

  it('a root oneOf: branch errors at paths relative to the root', () => {
    const m = buildFormModel({
      type: 'object',
      oneOf: [
        { properties: { type: { const: 'a' }, host: { type: 'string' } }, required: ['host'] },
        { properties: { type: { const: 'b' } } },
      ],
    });
    assert.deepEqual(errors(m, { type: 'a' }), [[['host'], english('v.required')]]);
    assert.deepEqual(errors(m, {}), [[[], english('v.chooseOption')]]);
    assert.deepEqual(errors(m, { type: 'b' }), []);
  });

  it('an object list of a oneOf: rows without a branch are reported at the row', () => {
    const m = model({
      rows: {
        type: 'array',
        items: { oneOf: [{ properties: { t: { const: 'a' }, n: { type: 'integer' } } }, { properties: { t: { const: 'b' } } }] },
      },
    });
    assert.deepEqual(errors(m, { rows: [{ t: 'a', n: 'x' }, {}, { t: 'b' }] }), [
      [['rows', 0, 'n'], english('v.wholeNumber')],
      [['rows', 1], english('v.chooseOption')],
    ]);
  });

  it('reuses the compiled schema for the same model, and gives the same answer', () => {
    const m = model({ x: { type: 'string' } }, ['x']);
    assert.deepEqual(errors(m, {}), [[['x'], english('v.required')]]);
    assert.deepEqual(errors(m, { x: 'a' }), []);
    assert.deepEqual(errors(m, {}), [[['x'], english('v.required')]]);
  });

  it('does not change the value it checks', () => {
    const m = model({ n: { type: 'integer' }, s: { type: 'string' } });
    const value = { n: '5', s: ' ' };
    validateConfig(m, value);
    assert.deepEqual(value, { n: '5', s: ' ' });
  });

  it('the create-mode initial value of a typical spec reports only Required', () => {
    const m = model(
      {
        host: { type: 'string' },
        port: { type: 'integer', default: 5432, minimum: 0, maximum: 65536 },
        t: tunnel,
        rows: { type: 'array', items: { type: 'object', properties: {} } },
      },
      ['host', 'port', 't', 'rows'],
    );
    assert.deepEqual(errors(m, initialValue(m)), [[['host'], english('v.required')]]);
  });
});

describe('pathKey', () => {
  it('is unambiguous', () => {
    assert.notEqual(pathKey(['a', 0]), pathKey(['a', '0']));
    assert.notEqual(pathKey(['a.b']), pathKey(['a', 'b']));
    assert.notEqual(pathKey(['']), pathKey([]));
    assert.equal(pathKey(['a', 0]), pathKey(['a', 0]));
  });
});

describe('messages', () => {
  const cases: [string, string][] = [
    [english('v.required'), 'Required'],
    [english('v.chooseOption'), 'Choose an option'],
    [english('v.wholeNumber'), 'Enter a whole number'],
    [english('v.number'), 'Enter a number'],
    [english('v.min', { n: 0 }), 'Must be at least 0'],
    [english('v.max', { n: 65536 }), 'Must be at most 65536'],
    [english('v.min', { n: 1970 }), 'Must be at least 1970'],
    [english('v.greaterThan', { n: 0 }), 'Must be greater than 0'],
    [english('v.lessThan', { n: 1.5 }), 'Must be less than 1.5'],
    [english('v.format', { format: 'YYYY-MM-DD' }), 'Use the format YYYY-MM-DD'],
    [english('v.format', { format: 'org/repo org/another-repo org/*' }), 'Use the format org/repo org/another-repo org/*'],
    [english('v.pattern', { pattern: '^[0-9]+$' }), 'This doesn’t look right. Check the format (expected pattern: ^[0-9]+$).'],
    [english('v.minLength', { n: 1 }), 'Enter at least 1 character'],
    [english('v.minLength', { n: 3 }), 'Enter at least 3 characters'],
    [english('v.maxLength', { n: 2 }), 'Use at most 2 characters'],
    [english('v.minItems', { n: 1 }), 'Add at least 1 value'],
    [english('v.minItems', { n: 2 }), 'Add at least 2 values'],
    [english('v.maxItems', { n: 3 }), 'Use at most 3 values'],
    [english('v.uniqueItems'), 'Remove the duplicate values'],
  ];
  for (const [got, want] of cases) it(want, () => assert.equal(got, want));

  it('a pattern descriptor that is a whole sentence is the message itself', () => {
    const model = buildFormModel({ type: 'object', properties: { x: { type: 'string', pattern: '^[0-9]{10}$', pattern_descriptor: 'The customer ID must be 10 digits.' } } });
    assert.equal(validateConfig(model, { x: '12' }).get(pathKey(['x'])), 'The customer ID must be 10 digits.');
  });
});
