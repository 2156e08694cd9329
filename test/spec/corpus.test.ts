// Every real connector spec in shared/fixtures/connector-specs (plus any directory listed in SPEC_CORPUS_DIR,
// separated like PATH) must build, render without JSON fallbacks, start with a value whose only problems are
// required fields left empty, and survive a submit → edit → submit round trip unchanged.
import { heldOutShapes } from './held-out-shapes.js';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildFormModel } from '../../src/spec/build-model.js';
import { initialValue } from '../../src/spec/initial-value.js';
import type { Field, FormModel, OneOfNode } from '../../src/spec/model.js';
import { english } from '../../src/i18n/translate.js';
import { toSubmitValue } from '../../src/validation/submit-value.js';
import { validateConfig } from '../../src/validation/validate.js';

const shared = fileURLToPath(new URL('../../../shared/fixtures/connector-specs/', import.meta.url));
const extra = (process.env.SPEC_CORPUS_DIR ?? '').split(delimiter).filter(Boolean);

const specFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.advanced_auth.json') && !f.endsWith('.meta.json'))
    .sort();

/** Every field in the model, with a readable path. */
function* walk(fields: readonly Field[], path: string): Generator<[string, Field]> {
  for (const f of fields) {
    const p = `${path}.${f.key}`;
    yield [p, f];
    if (f.kind == 'object') yield* walk(f.fields, p);
    if (f.kind == 'object-list') yield* walk(f.item.fields, `${p}[]`);
    if (f.kind == 'one-of') for (const b of f.branches) yield* walk(b.fields, `${p}|${String(b.value)}`);
  }
}

function checkSpec(file: string | object) {
  const spec: unknown = typeof file == 'string' ? JSON.parse(readFileSync(file, 'utf8')) : file;
  const model: FormModel = buildFormModel(spec);
  const fallbacks = [...walk(model.root.fields, '')].filter(([, f]) => f.kind == 'json');
  assert.deepEqual(
    fallbacks.map(([p, f]) => `${p}: ${f.kind == 'json' ? f.reason : ''}`),
    [],
    'no field falls back to JSON',
  );
  const start = initialValue(model);
  const problems = [...validateConfig(model, start)].filter(([, m]) => m !== english('v.required'));
  assert.deepEqual(problems, [], 'the initial value has no errors besides Required');
  const sent = toSubmitValue(model, start);
  assert.deepEqual(toSubmitValue(model, initialValue(model, sent)), sent, 'submit → edit → submit is stable');
  return model;
}

describe('connector spec corpus', () => {
  it('finds the shared fixtures', () => {
    assert.ok(existsSync(shared), `missing ${shared}`);
    assert.ok(specFiles(shared).length >= 60, 'expected at least 60 specs');
  });

  for (const dir of [shared, ...extra])
    describe(dir, () => {
      if (!existsSync(dir)) return void it('exists', () => assert.fail(`missing spec directory ${dir}`));
      for (const name of specFiles(dir)) it(name, () => void checkSpec(join(dir, name)));
    });
});

describe('shapes the dialect notes report from held-out specs', () => {
  it('a root oneOf next to type object, a ["null","object"] branch, nullable date, `example`, array without items', () => {
    const m = checkSpec({ ...heldOutShapes, additionalProperties: false });
    const root = m.root.fields[0] as OneOfNode;
    assert.deepEqual([root.key, root.kind, root.branches.map((b) => b.value)], ['', 'one-of', ['cloud', 'server']]);
    const date = root.branches[0]!.fields.find((f) => f.key == 'start_date')!;
    assert.deepEqual([date.kind, date.nullable, date.examples, date.patternDescriptor], [
      'string',
      true,
      ['2024-01-01T00:00:00Z'],
      'YYYY-MM-DDTHH:mm:ssZ',
    ]);
    assert.deepEqual(initialValue(m), { type: 'cloud', credentials: { k: 'a' } });
  });
});

describe('corpus spot checks', () => {
  const load = (name: string) => buildFormModel(JSON.parse(readFileSync(join(shared, `${name}.json`), 'utf8')));
  const at = (m: FormModel, key: string) => m.root.fields.find((f) => f.key == key)!;

  it('postgres: SSL, replication and tunnel oneOfs with their discriminators; groups', () => {
    const m = load('source-postgres');
    const d = (k: string) => (at(m, k) as OneOfNode).discriminator;
    assert.deepEqual([d('ssl_mode'), d('replication_method'), d('tunnel_method')], ['mode', 'method', 'tunnel_method']);
    assert.equal((at(m, 'replication_method') as OneOfNode).display, 'radio');
    assert.deepEqual(m.groups.map((g) => g.id), ['db', 'auth', 'security', 'advanced']);
    assert.equal((initialValue(m).replication_method as Record<string, unknown>).method, 'CDC');
  });

  it('mysql/mssql: one-value enum discriminators; ssl_mode default names a branch in mysql, none in mssql', () => {
    const mysql = load('source-mysql');
    const mssql = load('source-mssql');
    assert.equal((at(mysql, 'ssl_mode') as OneOfNode).discriminator, 'mode');
    assert.deepEqual(initialValue(mysql).ssl_mode, { mode: 'required' });
    assert.deepEqual(initialValue(mssql).ssl_mode, { mode: 'unencrypted' });
    assert.deepEqual([at(mssql, 'additionalProperties').kind, at(mssql, 'additionalProperties').required], ['object', true]);
  });

  it('GA4: oneOf → object list → oneOf → oneOf nesting, `tittle` ignored', () => {
    const m = load('source-google-analytics-data-api');
    const reports = at(m, 'custom_reports_array');
    assert.equal(reports.kind, 'object-list');
    const deep = [...walk(m.root.fields, '')].find(([p]) => p.endsWith('.value|doubleValue.value'));
    assert.ok(deep, 'a doubleValue leaf exists');
    assert.deepEqual([deep[1].kind, deep[1].title], ['number', 'Value']);
  });

  it('sentry `item: "string"` and facebook one-element allOf render as controls', () => {
    assert.equal(at(load('source-sentry'), 'discover_fields').kind, 'list');
    const insights = at(load('source-facebook-marketing'), 'custom_insights');
    assert.equal(insights.kind == 'object-list' && insights.item.fields.find((f) => f.key == 'time_increment_period')?.kind, 'enum');
  });
});
