// The config generator behind the agreement tests (test/support/config-generator.ts) and its regex sampler
// (test/support/regex-sample.ts), on small inline specs and on every `pattern` of the spec corpus.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from '../../src/sandbox/json.js';
import { compileSpec } from '../../src/sandbox/validation.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import { pathKey } from '../../src/validation/path-key.js';
import { toSubmitValue } from '../../src/validation/submit-value.js';
import { validateConfig } from '../../src/validation/validate.js';
import {
  branchUniverse,
  generateConfigs,
  getAt,
  seedsToCoverBranches,
  type GeneratedConfigs,
  type Rule,
} from '../support/config-generator.js';
import {
  matchesBoth,
  matchesNeither,
  matchingString,
  nonMatchingString,
  parsePattern,
  UnsupportedPattern,
} from '../support/regex-sample.js';
import { seededRandom } from '../support/seeded-random.js';
import { BUILTIN_CATALOG_DIR, collectPatterns, extraSpecDirs, readSpec, SHARED_SPECS_DIR, specFiles } from '../support/spec-corpus.js';

type S = Record<string, unknown>;
const object = (properties: S, required: string[] = [], extra: S = {}) => ({ type: 'object', properties, required, ...extra });

function generate(spec: object, seed = 0, maxInvalid = 1000) {
  const model = buildFormModel(spec);
  return { model, ...generateConfigs(model, spec, { seed, maxInvalid }) };
}

/** "rule path" for every invalid case, and every skipped one prefixed with "skip ". */
const summary = (g: GeneratedConfigs) => [
  ...g.invalid.map((c) => `${c.rule} ${pathKey(c.path)}`),
  ...g.skipped.map((c) => `skip ${c.rule} ${pathKey(c.path)}`),
];
const caseAt = (g: GeneratedConfigs, rule: Rule, path: (string | number)[]) => {
  const c = g.invalid.find((x) => x.rule == rule && pathKey(x.path) == pathKey(path));
  assert.ok(c, `no ${rule} case at ${pathKey(path)}; have ${summary(g).join(', ')}`);
  return c;
};
const ajv = (spec: object) => compileSpec(spec as JsonObject);

/** The corpus specs: shared fixtures, built-in catalog, SPEC_CORPUS_DIR. */
const corpusSpecs = () =>
  [SHARED_SPECS_DIR, BUILTIN_CATALOG_DIR, ...extraSpecDirs()].flatMap((dir) => specFiles(dir).map((f) => [f, readSpec(dir, f)] as const));

describe('config generator: the valid config', () => {
  const spec = object(
    {
      host: { type: 'string' },
      port: { type: 'integer', minimum: 1, maximum: 65535, default: 5432 },
      ssl: { type: 'boolean' },
      note: { type: 'string', minLength: 3, maxLength: 8 },
      since: { type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
      version: { type: 'string', airbyte_hidden: true, default: 'v1' },
      prefix: { type: 'string', airbyte_hidden: true, default: '' },
      kind: { type: 'string', const: 'db' },
      schemas: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
    },
    ['host', 'port', 'kind'],
  );

  it('seed 0 holds required fields, consts and defaults; later seeds fill every optional field', () => {
    const zero = generate(spec, 0).valid;
    assert.deepEqual(Object.keys(zero).sort(), ['host', 'kind', 'port', 'version']);
    assert.deepEqual([zero.port, zero.kind, zero.version], [5432, 'db', 'v1']);
    const one = generate(spec, 1).valid;
    assert.deepEqual(Object.keys(one).sort(), ['host', 'kind', 'note', 'port', 'schemas', 'since', 'ssl', 'version']);
  });

  it('passes the client and ajv, and is what the form sends, on every seed', () => {
    const model = buildFormModel(spec);
    const validate = ajv(spec);
    for (let seed = 0; seed < 12; seed++) {
      const { valid } = generateConfigs(model, spec, { seed });
      assert.deepEqual([...validateConfig(model, valid)], [], `seed ${seed}: ${JSON.stringify(valid)}`);
      assert.ok(validate(valid), `seed ${seed}: ${JSON.stringify(validate.errors)}`);
      assert.deepEqual(toSubmitValue(model, valid), valid, `seed ${seed}: a fixed point of toSubmitValue`);
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    assert.deepEqual(generate(spec, 5), generate(spec, 5));
    assert.notDeepEqual(generate(spec, 5).valid, generate(spec, 6).valid);
  });

  it('tries the boundaries of numbers on seeds 1 and 2', () => {
    assert.equal(generate(spec, 1).valid.port, 1);
    assert.equal(generate(spec, 2).valid.port, 65535);
    const ex = object({ n: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 10 } }, ['n']);
    const n1 = generate(ex, 1).valid.n as number;
    assert.ok(n1 > 0 && n1 < 10);
  });

  it('writes real dates for date and date-time fields, in the shape the pattern asks for', () => {
    const dates = object(
      {
        d: { type: 'string', format: 'date' },
        t: { type: 'string', format: 'date-time', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$' },
        m: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' },
        o: { type: 'string', format: 'date-time', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(|Z|[+-][0-9]{2}:[0-9]{2})$' },
      },
      ['d', 't', 'm', 'o'],
    );
    for (let seed = 0; seed < 5; seed++) {
      const v = generate(dates, seed).valid as Record<string, string>;
      assert.match(v.d!, /^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])$/);
      assert.match(v.t!, /^20\d\d-(0[1-9]|1[0-2])-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      assert.match(v.m!, /^20\d\d-(0[1-9]|1[0-2])$/);
      assert.ok(!Number.isNaN(Date.parse(v.o!)), v.o);
      assert.ok(ajv(dates)(v));
    }
  });

  it('prefers fitting defaults and examples on seed 0, and never writes the sandbox check markers', () => {
    const markers = object(
      {
        a: { type: 'string', default: 'slow' },
        b: { type: 'string', examples: ['wrong-password', 'db.unreachable.example', 'fine'] },
        c: { type: 'string', pattern: '^(slow|wrong-password|ok)$' },
        d: { type: 'string', examples: ['2021-01-01'], pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
      },
      ['a', 'b', 'c', 'd'],
    );
    const zero = generate(markers, 0).valid;
    assert.deepEqual([zero.b, zero.c, zero.d], ['fine', 'ok', '2021-01-01']);
    for (let seed = 0; seed < 10; seed++) {
      const v = JSON.stringify(generate(markers, seed).valid);
      assert.ok(!/"slow"|"wrong-password"|unreachable\.example/.test(v), v);
    }
  });

  it('keeps hidden fields at their defaults and hidden oneOfs on their default branch', () => {
    const hidden = object(
      {
        format: {
          type: 'object',
          airbyte_hidden: true,
          default: 'b',
          oneOf: [
            { title: 'A', properties: { kind: { const: 'a' } } },
            { title: 'B', properties: { kind: { const: 'b' }, size: { type: 'integer', default: 7 } } },
          ],
        },
      },
      ['format'],
    );
    const model = buildFormModel(hidden);
    assert.deepEqual(branchUniverse(model), []);
    for (let seed = 0; seed < 4; seed++) assert.deepEqual(generate(hidden, seed).valid, { format: { kind: 'b', size: 7 } });
  });

  it('uses every branch of every oneOf across seeds 0 … seedsToCoverBranches − 1, starting from the default ones', () => {
    const nested = object(
      {
        auth: {
          type: 'object',
          default: 'token',
          oneOf: [
            { title: 'None', properties: { method: { const: 'none' } } },
            { title: 'Token', required: ['token'], properties: { method: { const: 'token' }, token: { type: 'string' } } },
            {
              title: 'Proxy',
              properties: {
                method: { const: 'proxy' },
                via: {
                  type: 'object',
                  oneOf: [
                    { properties: { kind: { const: 'http' } } },
                    { properties: { kind: { const: 'socks' } } },
                  ],
                },
              },
            },
            { title: 'Old', airbyte_hidden: true, properties: { method: { const: 'old' } } },
          ],
        },
        rows: {
          type: 'array',
          items: object({ f: { type: 'object', oneOf: [{ properties: { t: { const: 1 } } }, { properties: { t: { const: 2 } } }] } }),
        },
      },
      ['auth'],
    );
    const model = buildFormModel(nested);
    const universe = branchUniverse(model);
    assert.deepEqual(universe.sort(), [
      'auth = "none"',
      'auth = "proxy"',
      'auth = "token"',
      'auth.via = "http"',
      'auth.via = "socks"',
      'rows.[].f = 1',
      'rows.[].f = 2',
    ]);
    assert.equal(seedsToCoverBranches(model), 3 * 2 + 1);
    assert.equal((generate(nested, 0).valid.auth as S).method, 'token', 'seed 0: the default branch');
    const used = new Set<string>();
    for (let seed = 0; seed < seedsToCoverBranches(model); seed++) generate(nested, seed).branches.forEach((b) => used.add(b));
    assert.deepEqual([...used].sort(), universe);
  });
});

describe('config generator: one invalid config per rule', () => {
  const text = { type: 'string' };
  // [name, spec, rule, path, what the invalid value must be (undefined: the key is gone)]
  const table: [string, object, Rule, (string | number)[], (v: unknown) => boolean][] = [
    ['missing required', object({ a: text }, ['a']), 'required', ['a'], (v) => v === undefined],
    ['text of the wrong type', object({ a: text }, ['a']), 'type', ['a'], (v) => typeof v == 'number'],
    ['pattern', object({ a: { type: 'string', pattern: '^[0-9]+$' } }, ['a']), 'pattern', ['a'], (v) => matchesNeither('^[0-9]+$', v as string)],
    ['negative look-ahead', object({ a: { type: 'string', pattern: '^(?!(cohort_|RESERVED_)).*$' } }, ['a']), 'pattern', ['a'], (v) => /^(cohort_|RESERVED_)/.test(v as string)],
    ['minLength', object({ a: { type: 'string', minLength: 3 } }, ['a']), 'minLength', ['a'], (v) => (v as string).length == 2],
    ['maxLength', object({ a: { type: 'string', maxLength: 4 } }, ['a']), 'maxLength', ['a'], (v) => (v as string).length == 5],
    ['number type', object({ n: { type: 'integer' } }, ['n']), 'type', ['n'], (v) => typeof v == 'string'],
    ['whole number', object({ n: { type: 'integer', minimum: 1, maximum: 10 } }, ['n']), 'integer', ['n'], (v) => !Number.isInteger(v) && (v as number) > 1 && (v as number) < 10],
    ['minimum', object({ n: { type: 'integer', minimum: 1 } }, ['n']), 'minimum', ['n'], (v) => v === 0],
    ['maximum', object({ n: { type: 'number', maximum: 2.5 } }, ['n']), 'maximum', ['n'], (v) => v === 3.5],
    ['exclusiveMinimum', object({ n: { type: 'integer', exclusiveMinimum: 0 } }, ['n']), 'exclusiveMinimum', ['n'], (v) => v === 0],
    ['exclusiveMaximum', object({ n: { type: 'number', exclusiveMaximum: 1 } }, ['n']), 'exclusiveMaximum', ['n'], (v) => v === 1],
    ['enum', object({ e: { type: 'string', enum: ['a', 'b'] } }, ['e']), 'enum', ['e'], (v) => v === 'not-an-option'],
    ['numeric enum', object({ e: { type: 'integer', enum: [25, 50, 100] } }, ['e']), 'enum', ['e'], (v) => v === 101],
    ['const', object({ c: { type: 'string', const: 'x' }, a: text }, ['a']), 'const', ['c'], (v) => v === 'x-changed'],
    ['boolean type', object({ b: { type: 'boolean' } }), 'type', ['b'], (v) => v === 'yes'],
    ['list type', object({ l: { type: 'array', items: text } }), 'type', ['l'], (v) => v === 'not-a-list'],
    ['minItems', object({ l: { type: 'array', items: text, minItems: 2 } }, ['l']), 'minItems', ['l'], (v) => (v as unknown[]).length == 1],
    ['maxItems', object({ l: { type: 'array', items: text, maxItems: 2 } }, ['l']), 'maxItems', ['l'], (v) => (v as unknown[]).length == 3],
    ['uniqueItems', object({ l: { type: 'array', items: text, uniqueItems: true } }, ['l']), 'uniqueItems', ['l'], (v) => new Set(v as unknown[]).size < (v as unknown[]).length],
    ['item pattern', object({ l: { type: 'array', items: { type: 'string', pattern: '^[0-9]{10}$' } } }, ['l']), 'itemPattern', ['l', 0], (v) => matchesNeither('^[0-9]{10}$', v as string)],
    ['item option', object({ l: { type: 'array', items: { type: 'string', enum: ['x', 'y'] } } }, ['l']), 'itemEnum', ['l', 0], (v) => v === 'not-an-option'],
    ['item type', object({ l: { type: 'array', items: { type: 'integer' } } }, ['l']), 'itemType', ['l', 0], (v) => v === 'not-a-number'],
    ['object list minItems', object({ r: { type: 'array', minItems: 1, items: object({ name: text }, ['name']) } }, ['r']), 'minItems', ['r'], (v) => Array.isArray(v) && !v.length],
    ['required field of a row', object({ r: { type: 'array', items: object({ name: text }, ['name']) } }, ['r']), 'required', ['r', 0, 'name'], (v) => v === undefined],
    ['object type', object({ o: object({ a: text }) }, [], {}), 'type', ['o'], (v) => v === 'not-an-object'],
  ];
  for (const [name, spec, rule, path, check] of table)
    it(name, () => {
      for (const seed of [0, 1]) {
        const g = generate(spec, seed);
        const c = caseAt(g, rule, path);
        assert.ok(check(getAt(c.config, c.path)), `seed ${seed}: ${JSON.stringify(getAt(c.config, c.path))}`);
      }
    });

  const oneOf = {
    type: 'object',
    oneOf: [
      { title: 'Key', required: ['kind', 'key'], properties: { kind: { const: 'key' }, key: { type: 'string' } } },
      { title: 'None', properties: { kind: { const: 'none' } } },
    ],
  };

  it('a required oneOf: a value naming no branch, a non-object, and the chosen branch’s own rules, at their paths', () => {
    const g = generate(object({ auth: oneOf }, ['auth']));
    assert.deepEqual(getAt(caseAt(g, 'discriminator', ['auth']).config, ['auth', 'kind']), 'not-a-branch');
    assert.equal(getAt(caseAt(g, 'type', ['auth']).config, ['auth']), 'not-an-object');
    assert.equal(getAt(caseAt(g, 'required', ['auth', 'key']).config, ['auth', 'key']), undefined);
  });

  it('a oneOf that is the whole config: the discriminator case is at the root', () => {
    const g = generate(oneOf);
    assert.equal(caseAt(g, 'discriminator', []).config.kind, 'not-a-branch');
    assert.ok(!summary(g).includes('type []'), 'the config itself is always an object');
  });

  it('a required object is sent emptied (consts and hidden fields kept) and errs at its first required leaf', () => {
    const spec = object(
      {
        creds: object(
          {
            kind: { const: 'basic' },
            hidden: { type: 'string', airbyte_hidden: true, default: 'h' },
            opt: text,
            inner: object({ user: text }, ['user']),
            pass: { type: 'string', order: 0 },
          },
          ['kind', 'inner', 'pass'],
        ),
        empty: object({ opt: text }, []),
      },
      ['creds', 'empty'],
    );
    const g = generate(spec, 1);
    const emptied = (path: string[]) =>
      g.invalid.filter((c) => c.rule == 'required' && pathKey(c.path) == pathKey(path) && c.reason.includes('sent empty'));
    assert.deepEqual(emptied(['creds', 'pass']).map((c) => c.config.creds), [{ kind: 'basic', hidden: 'h', inner: {} }]);
    assert.deepEqual(emptied(['creds', 'inner', 'user']).map((c) => (c.config.creds as S).inner), [{}]);
    assert.ok(summary(g).includes('skip required ["empty"]'));
  });

  it('leaves out what the client counts as absent, and says why', () => {
    const spec = object(
      {
        one: { type: 'string', minLength: 1 },
        list: { type: 'array', items: text, minItems: 1 },
        choice: { type: 'object', oneOf: oneOf.oneOf },
        secret: { type: 'string', airbyte_hidden: true, default: 's' },
        fixed: { const: 1 },
        maybe: { type: ['string', 'null'] },
      },
      ['secret', 'fixed', 'maybe'],
    );
    const s = summary(generate(spec, 1));
    for (const want of ['skip minLength ["one"]', 'skip minItems ["list"]', 'skip discriminator ["choice"]', 'skip required ["secret"]', 'skip required ["fixed"]', 'skip required ["maybe"]'])
      assert.ok(s.includes(want), `${want} in ${s.join(', ')}`);
    assert.ok(!s.some((x) => x.startsWith('minLength') || x.startsWith('minItems') || x.startsWith('discriminator')));
  });

  it('changes only the case’s own field', () => {
    const spec = object(
      {
        a: { type: 'string', pattern: '^[a-z]+$' },
        n: { type: 'integer', minimum: 0, maximum: 9 },
        l: { type: 'array', items: { type: 'string', enum: ['x', 'y', 'z'] }, uniqueItems: true, minItems: 2 },
        auth: oneOf,
      },
      ['a', 'n', 'l', 'auth'],
    );
    for (const seed of [0, 1, 2]) {
      const g = generate(spec, seed);
      for (const c of g.invalid) {
        const top = c.path[0];
        for (const k of new Set([...Object.keys(g.valid), ...Object.keys(c.config)]))
          if (k !== top) assert.ok(isDeepStrictEqual(c.config[k], g.valid[k]), `${c.rule} ${pathKey(c.path)} also changed ${k}`);
        assert.ok(!isDeepStrictEqual(c.config, g.valid), `${c.rule} ${pathKey(c.path)} changed nothing`);
      }
    }
  });

  it('caps the invalid list, sampling the rules round-robin', () => {
    const spec = object(
      {
        a: { type: 'string', pattern: '^[a-z]+$', minLength: 2, maxLength: 9 },
        n: { type: 'integer', minimum: 0, maximum: 9 },
        e: { type: 'string', enum: ['x'] },
      },
      ['a', 'n', 'e'],
    );
    const all = generate(spec, 0, 1000);
    const capped = generate(spec, 0, 6);
    assert.ok(all.invalid.length > 6);
    assert.equal(capped.invalidTotal, all.invalid.length);
    assert.equal(capped.invalid.length, 6);
    assert.equal(new Set(capped.invalid.map((c) => c.rule)).size, 6, 'six different rules');
  });

  it('reports what it cannot do instead of guessing', () => {
    const g = generate(object({ a: { type: 'string', pattern: '^(a)\\1$' } }, ['a']));
    assert.ok(g.problems.some((p) => p.includes('beyond the regex sampler')), g.problems.join('\n'));
  });
});

describe('regex sampler', () => {
  const patterns = [...new Set(corpusSpecs().flatMap(([, spec]) => [...collectPatterns(spec)]))].sort();

  it('finds the corpus patterns', () => assert.ok(patterns.length >= 30, `${patterns.length} patterns`));

  for (const pattern of patterns)
    it(`matches and misses ${pattern}`, () => {
      for (let seed = 0; seed < 3; seed++) {
        const random = seededRandom(seed);
        const s = matchingString(pattern, random, (x) => x.trim() != '');
        assert.ok(s !== undefined && matchesBoth(pattern, s), `seed ${seed}: ${s}`);
        const bad = nonMatchingString(pattern, s, random);
        assert.ok(bad !== undefined && bad.trim() != '' && matchesNeither(pattern, bad), `seed ${seed}: ${bad}`);
      }
    });

  const subset: [string, RegExp][] = [
    ['^a{3}$', /^aaa$/],
    ['^[a-c]{2,4}$', /^[a-c]{2,4}$/],
    ['^(foo|bar)+$', /^(foo|bar)+$/],
    ['^\\d{2}\\.\\d$', /^\d\d\.\d$/],
    ['^[^0-9\\s]+$', /^[^0-9\s]+$/],
    ['^\\u0041\\x42$', /^AB$/],
    ['^(?<word>[a-z]+)-(?:x|y)?$', /^[a-z]+-[xy]?$/],
    ['^[a-z.]+(?<!\\.git)$', /^[a-z.]+$/],
    ['^\\bP(T[0-9]+[HM])$', /^PT\d+[HM]$/],
    ['^[\\w.-]+@example\\.com$', /^[\w.-]+@example\.com$/],
  ];
  for (const [pattern, shape] of subset)
    it(`samples ${pattern}`, () => {
      for (let seed = 0; seed < 10; seed++) {
        const s = matchingString(pattern, seededRandom(seed));
        assert.ok(s !== undefined && shape.test(s) && matchesBoth(pattern, s), `${s}`);
      }
    });

  it('gives nothing for a pattern whose two dialects disagree on every string', () => {
    // With the client's `u` flag \u{43} is "C"; without it (the sandbox's ajv) it is 43 times "u".
    assert.equal(matchingString('^\\u{43}$', seededRandom(1)), undefined);
  });

  it('refuses back-references', () => {
    assert.throws(() => parsePattern('^(a)\\1$'), UnsupportedPattern);
    assert.throws(() => parsePattern('^(?<x>a)\\k<x>$'), UnsupportedPattern);
  });

  it('gives real, ajv-accepted dates for every date field of the corpus', () => {
    const fields: S[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n != 'object') return;
      const o = n as S;
      if ((o.format == 'date' || o.format == 'date-time') && o.type !== undefined) fields.push(o);
      Object.values(o).forEach(walk);
    };
    corpusSpecs().forEach(([, spec]) => walk(spec));
    assert.ok(fields.length >= 40, `${fields.length} date fields`);
    for (const { examples: _examples, ...field } of fields) {
      // Without the spec's own examples (one says "2020", which both validators accept), the value is generated.
      const spec = object({ d: field }, ['d']);
      for (let seed = 0; seed < 3; seed++) {
        const v = generate(spec, seed).valid.d;
        assert.ok(typeof v == 'string' && ajv(spec)({ d: v }), `${JSON.stringify(field)} → ${v}`);
        const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(v as string);
        assert.ok(match, `a date for ${JSON.stringify(field)}: ${v}`);
        const [, y, m, d = '1'] = match;
        const date = new Date(Date.UTC(+y!, +m! - 1, +d));
        assert.ok(date.getUTCMonth() == +m! - 1 && date.getUTCDate() == +d && +y! >= 2000, `a real date: ${v}`);
      }
    }
  });
});
