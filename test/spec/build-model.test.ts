import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFormModel } from '../../src/spec/build-model.js';
import { humanize } from '../../src/spec/humanize.js';
import type { Field, FormModel, ObjectNode, OneOfNode } from '../../src/spec/model.js';
import { SpecError } from '../../src/spec/spec-error.js';
import { childPath, childValue } from '../../src/spec/util.js';
import { enFields } from '../../src/i18n/en-fields.js';
import { addEnglish, english } from '../../src/i18n/translate.js';

// The JSON fallback's reasons are words of the rare-field chunk, which adds them when it arrives.
addEnglish(enFields);

type S = Record<string, unknown>;
const spec = (properties: S, required: string[] = [], extra: S = {}) => ({ type: 'object', properties, required, ...extra });
const model = (properties: S, required: string[] = [], extra: S = {}): FormModel =>
  buildFormModel(spec(properties, required, extra));
/** The root field with key `k`. */
const field = (properties: S, k = 'x', required: string[] = []): Field => {
  const f = model(properties, required).root.fields.find((x) => x.key === k);
  assert.ok(f, `field ${k}`);
  return f;
};
const keys = (fields: readonly Field[]) => fields.map((f) => f.key);

describe('humanize', () => {
  const cases: [string, string][] = [
    ['start_date', 'Start date'],
    ['api_key', 'API key'],
    ['dimensionFilter', 'Dimension filter'],
    ['tunnel-method', 'Tunnel method'],
    ['client_id', 'Client ID'],
    ['x', 'X'],
    ['', ''],
    ['__', '__'],
  ];
  for (const [key, want] of cases) it(`${JSON.stringify(key)} → ${JSON.stringify(want)}`, () => assert.equal(humanize(key), want));
});

describe('buildFormModel: input that is not an object schema', () => {
  for (const bad of [null, 42, 'x', [], { type: 'string' }, { type: ['array', 'null'] }])
    it(`throws SpecError for ${JSON.stringify(bad)}`, () => {
      assert.throws(
        () => buildFormModel(bad),
        (e: unknown) => e instanceof SpecError && e.name === 'SpecError' && e instanceof Error,
      );
    });

  it('accepts an object schema without properties, and a type-less one', () => {
    assert.deepEqual(buildFormModel({ type: 'object' }).root.fields, []);
    assert.deepEqual(keys(buildFormModel({ properties: { a: { type: 'string' } } }).root.fields), ['a']);
    assert.equal(buildFormModel({ type: ['object', 'null'] }).root.kind, 'object');
  });

  it('reads groups (id and title), ignoring malformed entries; [] without a groups array', () => {
    const m = model({}, [], { groups: [{ id: 'db' }, { id: 'advanced', title: 'Advanced' }, { title: 'no id' }, 'junk'] });
    assert.deepEqual(m.groups, [{ id: 'db' }, { id: 'advanced', title: 'Advanced' }]);
    assert.deepEqual(model({}).groups, []);
  });
});

describe('buildFormModel: kind decision', () => {
  const cases: [string, unknown, string][] = [
    ['string', { type: 'string' }, 'string'],
    ['no type', { title: 'X' }, 'string'],
    ['integer', { type: 'integer' }, 'number'],
    ['number', { type: 'number' }, 'number'],
    ['boolean', { type: 'boolean' }, 'boolean'],
    ['enum without type', { enum: ['a', 'b'] }, 'enum'],
    ['string enum', { type: 'string', enum: ['a', 'b'] }, 'enum'],
    ['integer enum (a dropdown, as in Airbyte)', { type: 'integer', enum: [1, 2] }, 'enum'],
    ['const', { type: 'string', const: 'a' }, 'const'],
    ['one-value enum + default', { type: 'string', enum: ['a'], default: 'a' }, 'const'],
    ['one-value enum without default', { type: 'string', enum: ['a'] }, 'enum'],
    ['object', { type: 'object', properties: {} }, 'object'],
    ['object without properties', { type: 'object' }, 'object'],
    ['properties without type', { properties: { a: { type: 'string' } } }, 'object'],
    ['array of strings', { type: 'array', items: { type: 'string' } }, 'list'],
    ['array without items', { type: 'array' }, 'list'],
    ['array with the `item` typo', { type: 'array', item: 'string' }, 'list'],
    ['array of objects', { type: 'array', items: { type: 'object', properties: {} } }, 'object-list'],
    ['array of type-less objects', { type: 'array', items: { properties: { a: { type: 'string' } } } }, 'object-list'],
    ['array of a oneOf', { type: 'array', items: { oneOf: [{ properties: { t: { const: 'a' } } }] } }, 'object-list'],
    ['type null only', { type: 'null' }, 'json'],
    ['weird type', { type: 'file' }, 'json'],
    ['two non-null types', { type: ['string', 'integer'] }, 'json'],
    ['array of booleans', { type: 'array', items: { type: 'boolean' } }, 'json'],
    ['array of arrays', { type: 'array', items: { type: 'array' } }, 'json'],
    ['$ref', { $ref: '#/definitions/x' }, 'json'],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, 'json'],
    ['two-element allOf', { allOf: [{ type: 'string' }, { minLength: 1 }] }, 'json'],
    ['non-object schema', true, 'json'],
    ['enum of objects', { enum: [{ a: 1 }] }, 'json'],
  ];
  for (const [name, schema, kind] of cases)
    it(`${name} → ${kind}`, () => assert.equal(field({ x: schema }).kind, kind));

  it('a degraded field says why, and keeps its schema', () => {
    const f = field({ x: { type: 'file' } });
    assert.equal(f.kind, 'json');
    if (f.kind !== 'json') return;
    assert.equal(f.reason, 'json.type');
    assert.equal(f.of, 'file');
    assert.equal(english(f.reason, { type: f.of! }), 'Its type (file) has no form control.');
    assert.deepEqual(f.schema, { type: 'file' });
  });

  it('const value, and a one-value enum reads its default as the value', () => {
    const a = field({ x: { const: 7 } });
    const b = field({ x: { enum: ['CDC'], default: 'CDC' } });
    assert.equal(a.kind === 'const' && a.value, 7);
    assert.equal(b.kind === 'const' && b.value, 'CDC');
  });

  it('type arrays: the non-null member decides, and the field is nullable', () => {
    const s = field({ x: { type: ['string', 'null'] } });
    const l = field({ x: { type: ['array', 'null'], items: { type: 'string', enum: ['A', 'B'] } } });
    const o = field({ x: { type: ['null', 'object'], properties: {} } });
    assert.deepEqual([s.kind, s.nullable], ['string', true]);
    assert.deepEqual([l.kind, l.nullable], ['list', true]);
    assert.deepEqual([o.kind, o.nullable], ['object', true]);
    assert.equal(field({ x: { type: 'string' } }).nullable, false);
  });

  it('unwraps a one-element allOf into the node; the node’s own keys win', () => {
    const f = field({
      x: { title: 'Period', allOf: [{ title: 'Inner', type: 'string', enum: ['daily', 'weekly'] }], default: 'daily' },
    });
    assert.equal(f.kind, 'enum');
    assert.equal(f.title, 'Period');
    assert.equal(f.default, 'daily');
    assert.deepEqual(f.kind === 'enum' && f.options, ['daily', 'weekly']);
  });

  it('a property literally named additionalProperties (or toString) is data; __proto__ is dropped', () => {
    const m = model(
      {
        additionalProperties: { type: 'object', additionalProperties: { type: 'object' } },
        toString: { type: 'string' },
        ...JSON.parse('{"__proto__": {"type": "string"}}'),
      },
      ['additionalProperties'],
      { additionalProperties: true },
    );
    assert.deepEqual(keys(m.root.fields), ['additionalProperties', 'toString']);
    const f = m.root.fields[0]!;
    assert.deepEqual([f.kind, f.required, f.title], ['object', true, 'Additional properties']);
  });
});

describe('buildFormModel: field attributes', () => {
  it('title: `title`, else the humanised key; `tittle` is ignored', () => {
    assert.equal(field({ x: { title: 'Host name' } }).title, 'Host name');
    assert.equal(field({ start_date: { tittle: 'Start' } }, 'start_date').title, 'Start date');
    assert.equal(field({ start_date: { title: '' } }, 'start_date').title, 'Start date');
  });

  it('examples: arrays kept, a single `examples` or `example` wrapped', () => {
    assert.deepEqual(field({ x: { examples: ['a', 'b'] } }).examples, ['a', 'b']);
    assert.deepEqual(field({ x: { examples: '5432' } }).examples, ['5432']);
    assert.deepEqual(field({ x: { example: 'e' } }).examples, ['e']);
    assert.equal(field({ x: {} }).examples, undefined);
  });

  it('required comes from the parent; hidden, alwaysShow, group, readOnly, description, default', () => {
    const m = model(
      {
        a: { type: 'string', airbyte_hidden: true, default: 'd', description: '<b>hi</b>' },
        b: { type: 'string', always_show: true, group: 'auth', readOnly: true },
      },
      ['a'],
    );
    const [a, b] = m.root.fields;
    assert.deepEqual([a!.key, a!.required, a!.hidden, a!.default, a!.description], ['a', true, true, 'd', '<b>hi</b>']);
    assert.deepEqual([b!.key, b!.required, b!.alwaysShow, b!.group, b!.readOnly], ['b', false, true, 'auth', true]);
    assert.deepEqual([a!.alwaysShow, a!.readOnly, a!.group], [false, false, undefined]);
  });

  it('order only when it is an integer', () => {
    assert.equal(field({ x: { order: 3 } }).order, 3);
    assert.equal(field({ x: { order: 1.5 } }).order, undefined);
    assert.equal(field({ x: { order: '2' } }).order, undefined);
  });

  it('string details: secret, multiline, format, pattern, lengths', () => {
    const f = field({
      x: { type: 'string', airbyte_secret: true, multiline: true, format: 'date', pattern: '^a+$', minLength: 2, maxLength: 9 },
    });
    assert.equal(f.kind, 'string');
    if (f.kind !== 'string') return;
    assert.deepEqual(
      [f.secret, f.multiline, f.format, f.pattern, f.minLength, f.maxLength],
      [true, true, 'date', '^a+$', 2, 9],
    );
    const plain = field({ x: { type: 'string' } });
    assert.deepEqual(plain.kind === 'string' && [plain.secret, plain.multiline], [false, false]);
  });

  it('pattern: kept when it compiles with or without the u flag, dropped when it does not compile', () => {
    const p = (pattern: string) => {
      const f = field({ x: { type: 'string', pattern } });
      return f.kind === 'string' ? f.pattern : 'not a string field';
    };
    assert.equal(p('^[a-z\\_]+$'), '^[a-z\\_]+$'); // invalid with u (identity escape), valid without
    assert.equal(p('^\\p{L}+$'), '^\\p{L}+$');
    assert.equal(p('^[a-z'), undefined);
    assert.equal(p('(?<!\\.git)$'), '(?<!\\.git)$');
  });

  it('numbers: integer flag and bounds; min/max/mininum are noise', () => {
    const f = field({ x: { type: 'integer', minimum: 0, maximum: 65536, min: 5, max: 9, mininum: 3 } });
    assert.deepEqual(f, {
      key: 'x',
      title: 'X',
      required: false,
      hidden: false,
      alwaysShow: false,
      nullable: false,
      readOnly: false,
      kind: 'number',
      integer: true,
      minimum: 0,
      maximum: 65536,
    });
    const n = field({ x: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } });
    assert.deepEqual(n.kind === 'number' && [n.integer, n.exclusiveMinimum, n.exclusiveMaximum], [false, 0, 1]);
  });

  it('draft-04 boolean exclusiveMinimum/Maximum make minimum/maximum exclusive', () => {
    const f = field({ x: { type: 'number', minimum: 1, exclusiveMinimum: true, maximum: 5, exclusiveMaximum: true } });
    assert.deepEqual(
      f.kind === 'number' && [f.minimum, f.exclusiveMinimum, f.maximum, f.exclusiveMaximum],
      [undefined, 1, undefined, 5],
    );
    const g = field({ x: { type: 'number', minimum: 1, exclusiveMinimum: false } });
    assert.deepEqual(g.kind === 'number' && [g.minimum, g.exclusiveMinimum], [1, undefined]);
  });

  it('patternDescriptor: explicit, else synthesised for the seven date patterns', () => {
    const d = (schema: S) => field({ x: schema }).patternDescriptor;
    assert.equal(d({ pattern: '^x$', pattern_descriptor: 'xx' }), 'xx');
    assert.equal(d({ pattern_descriptor: 'no pattern' }), 'no pattern');
    const cases: [string, string | undefined][] = [
      ['^[0-9]{4}-[0-9]{2}-[0-9]{2}$', 'YYYY-MM-DD'],
      ['^$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$', 'YYYY-MM-DD'],
      ['^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$', 'YYYY-MM-DDTHH:mm:ssZ'],
      ['^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$', 'YYYY-MM-DDTHH:mm:ss'],
      ['^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$', 'YYYY-MM-DD HH:mm:ss'],
      ['^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.[0-9]{3}Z$', 'YYYY-MM-DDTHH:mm:ss.SSSZ'],
      ['^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$', 'YYYY-MM-DDTHH:mm:ss.SSSZ'],
      ['^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}.[0-9]{6}Z$', 'YYYY-MM-DDTHH:mm:ss.SSSSSSZ'],
      ['^[0-9]{4}-[0-9]{2}$', 'YYYY-MM'],
      ['^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(|Z|[+-][0-9]{2}:[0-9]{2})$', undefined],
      ['^[0-9]+$', undefined],
    ];
    for (const [pattern, want] of cases) assert.equal(d({ type: 'string', pattern }), want, pattern);
  });

  it('lists: item type, options (from items or the array), item pattern and descriptor hoisted, sizes', () => {
    const f = field({
      x: {
        type: 'array',
        items: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
      },
    });
    assert.deepEqual(
      f.kind === 'list' && [f.itemType, f.options, f.itemPattern, f.patternDescriptor, f.minItems, f.maxItems, f.uniqueItems],
      ['string', undefined, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', 'YYYY-MM-DD', 1, 3, true],
    );
    const g = field({ x: { type: 'array', items: { pattern_descriptor: 'org/repo' } } });
    assert.equal(g.patternDescriptor, 'org/repo');
    const e = field({ x: { type: 'array', items: { enum: ['A', 'B'] } } });
    assert.deepEqual(e.kind === 'list' && [e.itemType, e.options, e.uniqueItems], ['string', ['A', 'B'], false]);
    const a = field({ x: { type: 'array', enum: [1, 2] } });
    assert.deepEqual(a.kind === 'list' && [a.itemType, a.options], ['number', [1, 2]]);
    const n = field({ x: { type: 'array', items: { type: 'integer' } } });
    assert.equal(n.kind === 'list' && n.itemType, 'integer');
  });

  it('object lists: the item is an object node of the items schema, titled like the list by default', () => {
    const f = field({
      x: {
        type: 'array',
        title: 'Streams',
        minItems: 1,
        items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, glob: { type: 'string' } } },
      },
    });
    assert.equal(f.kind, 'object-list');
    if (f.kind !== 'object-list') return;
    assert.deepEqual([f.item.kind, f.item.key, f.item.title, f.minItems], ['object', '', 'Streams', 1]);
    assert.deepEqual(
      f.item.fields.map((c) => [c.key, c.required]),
      [
        ['name', true],
        ['glob', false],
      ],
    );
  });

  it('an object list of a oneOf: the item holds the oneOf as its only field, with key ""', () => {
    const f = field({
      x: {
        type: 'array',
        items: {
          oneOf: [
            { title: 'A', properties: { t: { const: 'a' }, p: { type: 'string' } } },
            { title: 'B', properties: { t: { const: 'b' } } },
          ],
        },
      },
    });
    assert.equal(f.kind, 'object-list');
    if (f.kind !== 'object-list') return;
    const one = f.item.fields[0]!;
    assert.equal(f.item.fields.length, 1);
    assert.deepEqual([one.kind, one.key, one.required], ['one-of', '', true]);
    assert.deepEqual(childPath(one, ['x', 0]), ['x', 0]);
    const row = { t: 'a' };
    assert.equal(childValue(one, row), row);
  });
});

describe('buildFormModel: ordering (Airbyte’s comparator)', () => {
  it('required-like first, then integer order ascending, then natural key order', () => {
    const m = model(
      {
        z_opt: { type: 'string' },
        a_opt: { type: 'string' },
        opt_ordered: { type: 'string', order: 0 },
        req10: { type: 'string' },
        req2: { type: 'string' },
        req_ordered: { type: 'string', order: 5 },
        always: { type: 'string', always_show: true },
        obj: { type: 'object', properties: {} },
        choice: { type: 'object', oneOf: [{ properties: { k: { const: 1 } } }] },
        fixed: { const: 'c' },
        list_of_objects: { type: 'array', items: { type: 'object' } },
        early: { type: 'string', order: -1 },
      },
      ['req10', 'req2', 'req_ordered'],
    );
    assert.deepEqual(keys(m.root.fields), [
      'req_ordered',
      'always',
      'choice',
      'fixed',
      'obj',
      'req2',
      'req10',
      'early',
      'opt_ordered',
      'a_opt',
      'list_of_objects',
      'z_opt',
    ]);
  });

  it('does not depend on document key order', () => {
    const props: [string, S][] = [
      ['b', { type: 'string', order: 1 }],
      ['a', { type: 'string', order: 1 }],
      ['c', { type: 'string' }],
      ['d', { type: 'string', order: 0 }],
    ];
    const forward = keys(model(Object.fromEntries(props)).root.fields);
    const backward = keys(model(Object.fromEntries([...props].reverse())).root.fields);
    assert.deepEqual(forward, ['d', 'a', 'b', 'c']);
    assert.deepEqual(backward, forward);
  });
});

describe('buildFormModel: oneOf', () => {
  const tunnel = {
    type: 'object',
    title: 'SSH Tunnel Method',
    oneOf: [
      { title: 'No Tunnel', required: ['tunnel_method'], properties: { tunnel_method: { const: 'NO_TUNNEL', order: 0 } } },
      {
        title: 'SSH Key Authentication',
        description: 'Use a key',
        required: ['tunnel_method', 'tunnel_host'],
        properties: {
          tunnel_method: { const: 'SSH_KEY_AUTH', order: 0 },
          tunnel_host: { type: 'string', order: 1 },
          ssh_key: { type: 'string', airbyte_secret: true, multiline: true, order: 4 },
        },
      },
    ],
  };

  it('discriminator via const; branch value, title, description, fields (discriminator excluded)', () => {
    const f = field({ tunnel: tunnel }, 'tunnel') as OneOfNode;
    assert.equal(f.kind, 'one-of');
    assert.equal(f.discriminator, 'tunnel_method');
    assert.equal(f.display, 'dropdown');
    assert.deepEqual(
      f.branches.map((b) => [b.value, b.title, b.description, keys(b.fields)]),
      [
        ['NO_TUNNEL', 'No Tunnel', undefined, []],
        ['SSH_KEY_AUTH', 'SSH Key Authentication', 'Use a key', ['tunnel_host', 'ssh_key']],
      ],
    );
    assert.equal(f.branches[1]!.fields[0]!.required, true);
  });

  it('discriminator via a one-value enum with a default (mysql/mssql style), branch types stated', () => {
    const f = field({
      ssl: {
        type: 'object',
        display_type: 'radio',
        oneOf: [
          { type: 'object', properties: { mode: { type: 'string', enum: ['preferred'], default: 'preferred' } } },
          { type: 'object', properties: { mode: { type: 'string', enum: ['required'], default: 'required' } } },
        ],
      },
    }, 'ssl') as OneOfNode;
    assert.deepEqual([f.kind, f.discriminator, f.display], ['one-of', 'mode', 'radio']);
    assert.deepEqual(f.branches.map((b) => [b.value, b.title]), [
      ['preferred', 'preferred'],
      ['required', 'required'],
    ]);
  });

  it('chooses the first key (natural order) that is constant and distinct in every branch', () => {
    const f = field({
      x: {
        oneOf: [
          { properties: { z: { const: 'a' }, b_same: { const: 's' }, a_kind: { const: 1 } } },
          { properties: { z: { const: 'b' }, b_same: { const: 's' }, a_kind: { const: 2 } } },
        ],
      },
    }) as OneOfNode;
    assert.equal(f.discriminator, 'a_kind');
    assert.deepEqual(f.branches.map((b) => keys(b.fields)), [
      ['b_same', 'z'],
      ['b_same', 'z'],
    ]);
  });

  it('branch type is inherited from the parent; a oneOf inside a oneOf branch works', () => {
    const f = field({
      outer: {
        type: 'object',
        oneOf: [
          {
            properties: {
              k: { const: 'one' },
              inner: { type: 'object', oneOf: [{ properties: { v: { const: 'x' } } }, { properties: { v: { const: 'y' } } }] },
            },
          },
        ],
      },
    }, 'outer') as OneOfNode;
    const inner = f.branches[0]!.fields[0] as OneOfNode;
    assert.deepEqual([inner.kind, inner.discriminator, inner.branches.length], ['one-of', 'v', 2]);
  });

  it('a hidden branch is marked', () => {
    const f = field({
      x: { oneOf: [{ properties: { k: { const: 1 } } }, { airbyte_hidden: true, properties: { k: { const: 2 } } }] },
    }) as OneOfNode;
    assert.deepEqual(f.branches.map((b) => b.hidden), [undefined, true]);
  });

  const degraded: [string, unknown][] = [
    ['a branch that is not an object', [{ type: 'string', const: 'a' }, { properties: { k: { const: 'b' } } }]],
    ['branches of a string parent', [{ const: 'a' }, { const: 'b' }]],
    ['a branch that is not a schema', [true, { properties: { k: { const: 'b' } } }]],
    ['no discriminator', [{ properties: { a: { type: 'string' } } }, { properties: { k: { const: 'b' } } }]],
    ['a discriminator with the same value twice', [{ properties: { k: { const: 'a' } } }, { properties: { k: { const: 'a' } } }]],
    ['an object discriminator', [{ properties: { k: { const: {} } } }, { properties: { k: { const: [] } } }]],
  ];
  for (const [name, oneOf] of degraded)
    it(`degrades to JSON with a reason: ${name}`, () => {
      const type = name.includes('string parent') ? 'string' : 'object';
      const f = field({ x: { type, oneOf } });
      assert.equal(f.kind, 'json');
      assert.ok(f.kind === 'json' && f.reason.startsWith('json.') && english(f.reason, { type: f.of ?? '' }).length > 10);
    });

  it('a root oneOf becomes the root’s only field, with key ""', () => {
    const m = buildFormModel({
      type: 'object',
      title: 'Root',
      oneOf: [
        { title: 'A', properties: { type: { const: 'a' }, host: { type: 'string' } }, required: ['host'] },
        { title: 'B', properties: { type: { const: 'b' } } },
      ],
    });
    assert.equal(m.root.fields.length, 1);
    const one = m.root.fields[0] as OneOfNode;
    assert.deepEqual([one.kind, one.key, one.discriminator, one.title, one.required], ['one-of', '', 'type', 'Root', true]);
    assert.deepEqual(keys((m.root as ObjectNode).fields), ['']);
  });
});
