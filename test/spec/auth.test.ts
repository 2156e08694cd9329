// advanced_auth → FormModel.auth, and the pure helpers that say what a sign-in means for a form value.
// Every connector spec with an `advanced_auth` sibling (shared fixtures and the sandbox's built-in catalog) is
// checked against its raw JSON; malformed advanced_auth objects must be ignored without throwing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  applyAuthValues,
  authActive,
  authComplete,
  authHidden,
  authInputs,
  fieldAt,
  isAuthOutput,
  valueAt,
} from '../../src/spec/auth.js';
import { switchBranch } from '../../src/spec/branch.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import { initialValue } from '../../src/spec/initial-value.js';
import type { FormModel, OneOfNode, ValuePath } from '../../src/spec/model.js';
import { BUILTIN_CATALOG_DIR, SHARED_SPECS_DIR, specFiles } from '../support/spec-corpus.js';

type S = Record<string, any>;
const key = (p: ValuePath) => JSON.stringify(p);
const sorted = (paths: readonly ValuePath[]) => paths.map(key).sort();

/** `path_in_connector_config` of every property of one oauth_config_specification member, by property name. */
const rawPaths = (aa: S, member: string): [string, string[]][] =>
  Object.entries(aa.oauth_config_specification?.[member]?.properties ?? {}).map(([k, v]: [string, any]) => [
    k,
    v.path_in_connector_config,
  ]);

/** True when the raw JSON schema has a property at `path`, through any oneOf branch. */
function rawHas(schema: S | undefined, path: readonly string[]): boolean {
  if (!path.length) return true;
  if (Array.isArray(schema?.oneOf)) return schema.oneOf.some((b: S) => rawHas(b, path));
  return rawHas(schema?.properties?.[path[0]!], path.slice(1));
}

const corpus = [SHARED_SPECS_DIR, BUILTIN_CATALOG_DIR].flatMap((dir) =>
  specFiles(dir)
    .filter((f) => existsSync(join(dir, f.replace(/\.json$/, '.advanced_auth.json'))))
    .map((f) => ({
      name: `${dir == SHARED_SPECS_DIR ? 'shared' : 'catalog'}/${f}`,
      spec: JSON.parse(readFileSync(join(dir, f), 'utf8')) as S,
      aa: JSON.parse(readFileSync(join(dir, f.replace(/\.json$/, '.advanced_auth.json')), 'utf8')) as S,
    })),
);

/** The initial (create) value with the OAuth branch chosen, and, if there is one, a value with another branch. */
function values(model: FormModel): { oauth: unknown; other?: unknown } {
  const start = initialValue(model);
  const p = model.auth!.predicate;
  if (!p) return { oauth: start };
  const parent = p.path.slice(0, -1);
  const node = parent.length ? fieldAt(model, parent, start) : model.root.fields.find((f) => f.key === '');
  if (node?.kind !== 'one-of') {
    // A root const (salesforce's auth_type): the predicate value is what the form writes.
    return { oauth: applyAuthValues(start, [p]), other: applyAuthValues(start, [{ path: p.path, value: 'not-oauth' }]) };
  }
  const oneOf = node as OneOfNode;
  const within = (i: number) =>
    parent.length ? applyAuthValues(start, [{ path: parent, value: switchBranch(oneOf, valueAt(start, parent), i) }]) : switchBranch(oneOf, start, i);
  const i = oneOf.branches.findIndex((b) => b.value === p.value);
  const j = oneOf.branches.findIndex((b) => b.value !== p.value);
  return { oauth: within(i), other: j < 0 ? undefined : within(j) };
}

describe('advanced_auth over the connector-spec corpus', () => {
  it('has specs with advanced_auth to check', () => assert.ok(corpus.length >= 20, `${corpus.length} specs`));

  for (const { name, spec, aa } of corpus)
    describe(name, () => {
      const model = buildFormModel(spec, aa);
      const outputs = [
        ...rawPaths(aa, 'complete_oauth_output_specification'),
        ...rawPaths(aa, 'complete_oauth_server_output_specification'),
      ].map((e) => e[1]);

      it('reads the predicate and the paths as the raw JSON has them', () => {
        assert.ok(model.auth);
        assert.deepEqual(
          model.auth.predicate,
          aa.predicate_key ? { path: aa.predicate_key, value: aa.predicate_value } : undefined,
        );
        assert.deepEqual(sorted(model.auth.outputPaths), [...new Set(outputs.map(key))].sort());
        assert.deepEqual(
          model.auth.inputPaths,
          rawPaths(aa, 'oauth_user_input_from_connector_config_specification').map(([name, path]) => ({ name, path })),
        );
      });

      it('names paths that exist in the spec', () => {
        for (const p of [...model.auth!.outputPaths, ...model.auth!.inputPaths.map((i) => i.path)])
          assert.ok(rawHas(spec, p as string[]), `${key(p)} in the spec`);
        if (model.auth!.predicate) assert.ok(rawHas(spec, model.auth!.predicate.path as string[]));
      });

      it('is active on the OAuth branch and hides every output there, which the form has as fields', () => {
        const { oauth, other } = values(model);
        assert.equal(authActive(model, oauth), true);
        for (const p of model.auth!.outputPaths) assert.ok(fieldAt(model, p, oauth), `field at ${key(p)}`);
        assert.deepEqual([...authHidden(model, oauth)].sort(), sorted(model.auth!.outputPaths));
        if (other !== undefined) {
          assert.equal(authActive(model, other), false);
          assert.equal(authHidden(model, other).size, 0);
        }
      });

      it('is complete once every output has a value', () => {
        const { oauth } = values(model);
        assert.equal(authComplete(model, oauth), false);
        const filled = applyAuthValues(oauth, model.auth!.outputPaths.map((path) => ({ path, value: 'x' })));
        assert.equal(authComplete(model, filled), true);
        for (const p of model.auth!.outputPaths) assert.ok(isAuthOutput(model, p));
        assert.equal(isAuthOutput(model, ['not', 'an', 'output']), false);
      });
    });
});

describe('advanced_auth that cannot be read is ignored', () => {
  const spec = { type: 'object', properties: { credentials: { type: 'object', properties: { token: { type: 'string' } } } } };
  const outputs = {
    complete_oauth_output_specification: { properties: { token: { path_in_connector_config: ['credentials', 'token'] } } },
  };
  const good = { predicate_key: ['credentials', 'auth_type'], predicate_value: 'oauth', oauth_config_specification: outputs };
  const auth = (aa: unknown) => buildFormModel(spec, aa).auth;

  it('reads a well-formed one (the baseline for the cases below)', () =>
    assert.deepEqual(auth(good), {
      predicate: { path: ['credentials', 'auth_type'], value: 'oauth' },
      outputPaths: [['credentials', 'token']],
      inputPaths: [],
    }));

  it('no advanced_auth: no auth key at all', () => {
    assert.equal('auth' in buildFormModel(spec), false);
    assert.equal('auth' in buildFormModel(spec, null), false);
  });

  const bad: [string, unknown][] = [
    ['a string', 'oauth'],
    ['a number', 42],
    ['an array', [good]],
    ['an empty object', {}],
    ['no oauth_config_specification', { predicate_key: ['a'], predicate_value: 'x' }],
    ['oauth_config_specification is a string', { oauth_config_specification: 'x' }],
    ['properties is an array', { oauth_config_specification: { complete_oauth_output_specification: { properties: [1] } } }],
    ['no output has a path', { oauth_config_specification: { complete_oauth_output_specification: { properties: { t: {} } } } }],
    ['every output path is unusable', {
      oauth_config_specification: {
        complete_oauth_output_specification: {
          properties: {
            a: { path_in_connector_config: [] },
            b: { path_in_connector_config: 'credentials.token' },
            c: { path_in_connector_config: ['credentials', 3] },
            d: { path_in_connector_config: ['__proto__', 'polluted'] },
            e: null,
          },
        },
      },
    }],
    ['predicate_key is a string', { ...good, predicate_key: 'credentials.auth_type' }],
    ['predicate_key is empty', { ...good, predicate_key: [] }],
    ['predicate_key holds a number', { ...good, predicate_key: ['credentials', 0] }],
    ['predicate_key without predicate_value', { ...good, predicate_value: undefined }],
  ];
  for (const [what, aa] of bad)
    it(what, () => {
      assert.doesNotThrow(() => buildFormModel(spec, aa));
      assert.equal(auth(aa), undefined);
    });

  it('a null predicate_key means no predicate', () =>
    assert.equal(auth({ ...good, predicate_key: null, predicate_value: null })!.predicate, undefined));

  it('skips unusable entries but keeps the good ones, and lists a path once', () => {
    const a = auth({
      oauth_config_specification: {
        complete_oauth_output_specification: {
          properties: { token: { path_in_connector_config: ['credentials', 'token'] }, bad: { path_in_connector_config: 7 } },
        },
        complete_oauth_server_output_specification: {
          properties: { again: { path_in_connector_config: ['credentials', 'token'] }, id: { path_in_connector_config: ['client_id'] } },
        },
        oauth_user_input_from_connector_config_specification: {
          properties: { sub: { path_in_connector_config: ['subdomain'] }, bad: { path_in_connector_config: ['__proto__'] } },
        },
      },
    });
    assert.deepEqual(a, { outputPaths: [['credentials', 'token'], ['client_id']], inputPaths: [{ name: 'sub', path: ['subdomain'] }] });
  });

  it('reads JSON with a "__proto__" key as data, not as a prototype', () => {
    const a = auth(JSON.parse('{"__proto__": {"predicate_key": ["x"]}, "oauth_config_specification": {"complete_oauth_output_specification": {"properties": {"t": {"path_in_connector_config": ["t"]}}}}}'));
    assert.deepEqual(a, { outputPaths: [['t']], inputPaths: [] });
  });
});

describe('auth helpers', () => {
  // A credentials oneOf (OAuth or API key, each with a `client_id`; the API-key one always shown) and a subdomain.
  const spec = {
    type: 'object',
    required: ['credentials'],
    properties: {
      subdomain: { type: 'string' },
      sandbox: { type: 'boolean' },
      credentials: {
        type: 'object',
        oneOf: [
          {
            title: 'OAuth',
            properties: {
              auth_type: { const: 'oauth' },
              client_id: { type: 'string' },
              client_secret: { type: 'string', airbyte_secret: true, always_show: true },
              refresh_token: { type: 'string', airbyte_secret: true },
            },
          },
          { title: 'Key', properties: { auth_type: { const: 'key' }, client_id: { type: 'string', always_show: true } } },
        ],
      },
    },
  };
  const aa = {
    predicate_key: ['credentials', 'auth_type'],
    predicate_value: 'oauth',
    oauth_config_specification: {
      complete_oauth_output_specification: { properties: { r: { path_in_connector_config: ['credentials', 'refresh_token'] } } },
      complete_oauth_server_output_specification: {
        properties: {
          i: { path_in_connector_config: ['credentials', 'client_id'] },
          s: { path_in_connector_config: ['credentials', 'client_secret'] },
        },
      },
      oauth_user_input_from_connector_config_specification: {
        properties: { subdomain: { path_in_connector_config: ['subdomain'] }, is_sandbox: { path_in_connector_config: ['sandbox'] } },
      },
    },
  };
  const model = buildFormModel(spec, aa);
  const oauth = { credentials: { auth_type: 'oauth' } };

  it('authActive: the predicate must hold; no auth is never active; no predicate is always active', () => {
    assert.equal(authActive(model, oauth), true);
    assert.equal(authActive(model, { credentials: { auth_type: 'key' } }), false);
    assert.equal(authActive(model, {}), false);
    assert.equal(authActive(model, undefined), false);
    assert.equal(authActive(buildFormModel(spec), oauth), false);
    assert.equal(authActive(buildFormModel(spec, { ...aa, predicate_key: undefined }), {}), true);
  });

  it('authHidden: the outputs of the chosen branch, except always_show; nothing while inactive', () => {
    assert.deepEqual([...authHidden(model, oauth)].sort(), [key(['credentials', 'client_id']), key(['credentials', 'refresh_token'])]);
    assert.deepEqual([...authHidden(model, { credentials: { auth_type: 'key' } })], []);
    // Without a predicate the branch that decides is the chosen one: `Key` marks client_id always_show.
    const open = buildFormModel(spec, { ...aa, predicate_key: undefined });
    assert.deepEqual([...authHidden(open, { credentials: { auth_type: 'key' } })].sort(), [
      key(['credentials', 'client_secret']),
      key(['credentials', 'refresh_token']),
    ]);
  });

  it('fieldAt looks through a oneOf that is the whole spec', () => {
    const rootOneOf = buildFormModel({
      type: 'object',
      oneOf: [
        { properties: { auth_type: { const: 'oauth' }, token: { type: 'string', always_show: true } } },
        { properties: { auth_type: { const: 'key' }, key: { type: 'string' } } },
      ],
    }, {
      predicate_key: ['auth_type'],
      predicate_value: 'oauth',
      oauth_config_specification: { complete_oauth_output_specification: { properties: { t: { path_in_connector_config: ['token'] } } } },
    });
    assert.equal(fieldAt(rootOneOf, ['token'], { auth_type: 'oauth' })?.key, 'token');
    assert.equal(fieldAt(rootOneOf, ['token'], { auth_type: 'key' }), undefined);
    assert.equal(authActive(rootOneOf, { auth_type: 'oauth' }), true);
    assert.deepEqual([...authHidden(rootOneOf, { auth_type: 'oauth' })], []);
  });

  it('fieldAt walks into lists of objects by index', () => {
    const m = buildFormModel({
      type: 'object',
      properties: { rows: { type: 'array', items: { type: 'object', properties: { a: { type: 'string', always_show: true } } } } },
    });
    assert.equal(fieldAt(m, ['rows', 0, 'a'], { rows: [{}] })?.alwaysShow, true);
    assert.equal(fieldAt(m, ['rows', 'a'], {}), undefined);
    assert.equal(fieldAt(m, ['nope'], {}), undefined);
  });

  it('authInputs: the named inputs that have a value (false is a value, blank is not)', () => {
    assert.deepEqual(authInputs(model, { subdomain: 'acme', sandbox: false }), { subdomain: 'acme', is_sandbox: false });
    assert.deepEqual(authInputs(model, { subdomain: '  ' }), {});
    assert.deepEqual(authInputs(buildFormModel(spec), { subdomain: 'acme' }), {});
  });

  it('authComplete: every output non-blank; true without auth', () => {
    const full = { credentials: { auth_type: 'oauth', client_id: 'id', client_secret: 's', refresh_token: 'r' } };
    assert.equal(authComplete(model, full), true);
    assert.equal(authComplete(model, { credentials: { ...full.credentials, refresh_token: ' ' } }), false);
    assert.equal(authComplete(model, oauth), false);
    assert.equal(authComplete(buildFormModel(spec), {}), true);
  });

  it('applyAuthValues writes immutably, creating what is missing', () => {
    const before = { subdomain: 'acme', credentials: { auth_type: 'oauth' }, rows: [{ a: 1 }] };
    const snapshot = structuredClone(before);
    const after = applyAuthValues(before, [
      { path: ['credentials', 'refresh_token'], value: 'r' },
      { path: ['deep', 'new', 'x'], value: 1 },
      { path: ['rows', 0, 'b'], value: 2 },
      { path: ['list', 1], value: 'y' },
    ]);
    assert.deepEqual(before, snapshot);
    assert.deepEqual(after, {
      subdomain: 'acme',
      credentials: { auth_type: 'oauth', refresh_token: 'r' },
      deep: { new: { x: 1 } },
      rows: [{ a: 1, b: 2 }],
      // index 1 written into a new list: index 0 is a hole
      list: [, 'y'],
    });
    assert.notEqual(after.credentials, before.credentials);
    assert.equal(applyAuthValues(before, []), before);
  });

  it('applyAuthValues skips empty and __proto__ paths and never touches a prototype', () => {
    const v = applyAuthValues({ a: 1 }, [
      { path: [], value: 'whole' },
      { path: ['__proto__', 'polluted'], value: true },
      { path: ['constructor', 'prototype', 'polluted'], value: true },
    ]);
    assert.equal(({} as S).polluted, undefined);
    assert.deepEqual(Object.keys(v), ['a', 'constructor']);
    assert.deepEqual(v.constructor, { prototype: { polluted: true } });
  });
});
