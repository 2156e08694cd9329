// Agreement with JSON Schema: on the same spec and value, the client's verdict (validateConfig on the form model)
// must match the sandbox's ajv, in-process (compileSpec + toIssues, the functions the server uses) and over HTTP
// (POST /embedded/sources on one shared sandbox, one operator template per spec).
//
// For every connector spec in shared/fixtures/connector-specs, the sandbox's built-in catalog and every directory in
// SPEC_CORPUS_DIR (separated like PATH), for seeds 0 … max(3, seedsToCoverBranches) − 1 (capped at MAX_SEEDS):
// - the generated valid config is what the form sends (a fixed point of toSubmitValue), has no client errors, no
//   ajv errors, and POST /sources answers 200;
// - each generated invalid config is rejected by the client and by ajv, both at the generator's path, and with the
//   same set of error paths on both sides (the client's pathKeys = ajv's locs); for the first HTTP_SEEDS seeds it is
//   also sent to POST /sources, which must answer 422 with those locs under ["body", "source_config"];
// - together the seeds use every visible branch of every oneOf that is not hidden.
// Every difference is collected per spec and reported at once, with the seed, rule, path and config to reproduce it.
import { heldOutShapes } from './held-out-shapes.js';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from '../../src/sandbox/json.js';
import { compileSpec, toIssues } from '../../src/sandbox/validation.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import type { FormModel } from '../../src/spec/model.js';
import { pathKey } from '../../src/validation/path-key.js';
import { toSubmitValue } from '../../src/validation/submit-value.js';
import { validateConfig } from '../../src/validation/validate.js';
import {
  branchUniverse,
  generateConfigs,
  seedsToCoverBranches,
  type Rule,
} from '../support/config-generator.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox-node.js';
import { BUILTIN_CATALOG_DIR, extraSpecDirs, readSpec, SHARED_SPECS_DIR, specFiles } from '../support/spec-corpus.js';

const MIN_SEEDS = 3;
const MAX_SEEDS = 40;
/** Seeds whose invalid configs also go over HTTP (valid configs always do). AGREEMENT_HTTP_SEEDS overrides. */
const HTTP_SEEDS = Number(process.env.AGREEMENT_HTTP_SEEDS ?? 3);
const CONFIG_LOC = ['body', 'source_config'];

/**
 * Rules on which the two validators differ by design; a case under one must still show exactly that difference
 * (client accepts, server rejects at the path), so an entry is removed once it no longer holds.
 */
// Cases where the two validators differ by design. None today: `format` is an annotation on both sides.
const KNOWN_DISAGREEMENTS: readonly { rule: Rule; why: string }[] = [];
const stats = {
  specs: 0,
  seeds: 0,
  valid: 0,
  validHttp: 0,
  invalid: 0,
  invalidHttp: 0,
  invalidTotal: 0,
  known: 0,
  skipped: 0,
  branchesCovered: 0,
  branchesTotal: 0,
  rules: new Map<Rule, number>(),
  started: Date.now(),
};

let sandbox: TestSandbox;
let token: string;

before(async () => {
  sandbox = await startTestSandbox();
  token = await sandbox.scopedToken();
});
after(() => sandbox?.close());

async function createTemplate(name: string, spec: unknown): Promise<string> {
  const tag = `agreement-${randomUUID()}`;
  const answer = await sandbox.operator('POST', '/api/v1/integrations/templates/sources', {
    name: `Agreement ${name} ${tag.slice(-12)}`,
    tags: [tag],
    user_config_spec: { connectionSpecification: spec },
  });
  if (answer.status != 200) throw new Error(`template for ${name}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id as string;
}

/** POST /sources: the status and, for a 422, the locs under source_config as pathKeys (undefined if one is elsewhere). */
async function postSource(templateId: string, config: unknown): Promise<{ status: number; keys?: string[]; body: unknown }> {
  const response = await fetch(`${sandbox.apiBaseUrl}/sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ source_template_id: templateId, source_config: config }),
  });
  const body = (await response.json()) as { detail?: { loc: (string | number)[] }[] };
  if (response.status != 422 || !Array.isArray(body.detail)) return { status: response.status, body };
  const locs = body.detail.map((d) => d.loc);
  const under = locs.every((loc) => CONFIG_LOC.every((k, i) => loc[i] === k));
  return { status: 422, body, keys: under ? sorted(locs.map((loc) => pathKey(loc.slice(CONFIG_LOC.length)))) : undefined };
}

const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();
const clientKeys = (model: FormModel, config: unknown) => sorted(validateConfig(model, config).keys());
const short = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 1500 ? `${s.slice(0, 1500)}…` : s;
};

async function checkSpec(name: string, spec: unknown): Promise<void> {
  const model = buildFormModel(spec);
  const validate = compileSpec(spec as JsonObject);
  const serverKeys = (config: unknown) =>
    validate(config) ? [] : sorted(toIssues(validate.errors ?? [], []).map((i) => pathKey(i.loc)));
  const templateId = await createTemplate(name, spec);
  const seeds = Math.min(MAX_SEEDS, Math.max(MIN_SEEDS, seedsToCoverBranches(model)));
  const differences: string[] = [];
  const used = new Set<string>();
  stats.specs++;

  for (let seed = 0; seed < seeds; seed++) {
    const g = generateConfigs(model, spec, { seed });
    stats.seeds++;
    stats.invalidTotal += g.invalidTotal;
    stats.skipped += g.skipped.length;
    g.branches.forEach((b) => used.add(b));
    for (const p of g.problems) differences.push(`seed ${seed}: generator: ${p}`);

    // (a) + (b): the valid config
    const { valid } = g;
    stats.valid++;
    const resent = toSubmitValue(model, valid);
    if (!isDeepStrictEqual(resent, valid))
      differences.push(`seed ${seed}: the valid config is not what the form sends: ${short(valid)} → ${short(resent)}`);
    const client = clientKeys(model, valid);
    const server = serverKeys(valid);
    if (client.length || server.length)
      differences.push(
        `seed ${seed}: valid config rejected — client [${client.join(' ')}], ajv [${server.join(' ')}]; config ${short(valid)}`,
      );
    const posted = await postSource(templateId, valid);
    stats.validHttp++;
    if (posted.status != 200)
      differences.push(`seed ${seed}: POST /sources answered ${posted.status} ${short(posted.body)} to the valid config ${short(valid)}`);

    // (c): each invalid config
    for (const c of g.invalid) {
      stats.invalid++;
      stats.rules.set(c.rule, (stats.rules.get(c.rule) ?? 0) + 1);
      const want = pathKey(c.path);
      const client = clientKeys(model, c.config);
      const server = serverKeys(c.config);
      const where = `seed ${seed}: ${c.rule} at ${want} (${c.reason})`;
      const repro = `client [${client.join(' ')}], ajv [${server.join(' ')}]; config ${short(c.config)}`;
      if (KNOWN_DISAGREEMENTS.some((k) => k.rule == c.rule)) {
        stats.known++;
        if (client.length || server.join() != want) differences.push(`${where}: the known disagreement no longer holds — ${repro}`);
      } else {
        if (!client.includes(want)) differences.push(`${where}: the client does not report it — ${repro}`);
        if (!server.includes(want)) differences.push(`${where}: ajv does not report it — ${repro}`);
        if (client.includes(want) && server.includes(want) && client.join() != server.join())
          differences.push(`${where}: the error paths differ — ${repro}`);
      }
      if (seed < HTTP_SEEDS) {
        stats.invalidHttp++;
        const answer = await postSource(templateId, c.config);
        if (answer.status != 422 || answer.keys?.join() != server.join())
          differences.push(
            `${where}: POST /sources answered ${answer.status} ${short(answer.body)}, in-process ajv [${server.join(' ')}]`,
          );
      }
    }
  }

  const universe = branchUniverse(model);
  const missing = universe.filter((b) => !used.has(b));
  stats.branchesTotal += universe.length;
  stats.branchesCovered += universe.length - missing.length;
  if (missing.length) differences.push(`oneOf branches no seed used (seeds 0–${seeds - 1}): ${missing.join('; ')}`);

  if (differences.length) assert.fail(`${name}: ${differences.length} difference(s):\n${differences.join('\n')}`);
}

const corpus = [
  { label: 'shared fixtures', dir: SHARED_SPECS_DIR },
  { label: 'built-in catalog', dir: BUILTIN_CATALOG_DIR },
  ...extraSpecDirs().map((dir) => ({ label: `SPEC_CORPUS_DIR ${dir}`, dir })),
];

describe('JSON-Schema agreement: client validation vs the sandbox’s ajv', () => {
  for (const { label, dir } of corpus)
    describe(label, () => {
      const files = specFiles(dir);
      if (!files.length) return void it('has specs', () => assert.fail(`no connector specs in ${dir}`));
      for (const file of files) it(file, () => checkSpec(file, readSpec(dir, file)));
    });

  describe('shapes beyond the corpus', () => {
    // corpus.test.ts's held-out shapes (spec-dialect §4.2, §5), without its root `additionalProperties: false`, which
    // next to a root oneOf and no root `properties` would reject every key (tested on its own below).
    it('a root oneOf next to type object, a ["null","object"] branch, a required nullable date, an array without items', () =>
      checkSpec('held-out shapes', heldOutShapes));

    it('additionalProperties: false on the root and on a oneOf branch', () =>
      checkSpec('closed objects', {
        type: 'object',
        additionalProperties: false,
        required: ['host', 'auth'],
        properties: {
          host: { type: 'string' },
          port: { type: 'integer', minimum: 1, maximum: 65535, default: 443 },
          auth: {
            type: 'object',
            oneOf: [
              {
                additionalProperties: false,
                required: ['kind', 'key'],
                properties: { kind: { const: 'key' }, key: { type: 'string', airbyte_secret: true } },
              },
              { additionalProperties: false, required: ['kind'], properties: { kind: { const: 'none' } } },
            ],
          },
        },
      }));

    it('a nullable enum whose options do not include null', () =>
      checkSpec('nullable enum', {
        type: 'object',
        properties: { region: { type: ['string', 'null'], enum: ['us', 'eu'] } },
      }));
  });

  it('covers the corpus (summary)', (t) => {
    const seconds = ((Date.now() - stats.started) / 1000).toFixed(1);
    const rules = [...stats.rules].map(([r, n]) => `${r} ${n}`).join(', ');
    t.diagnostic(
      `${stats.specs} specs, ${stats.seeds} seeds: ${stats.valid} valid configs (${stats.validHttp} over HTTP), ` +
        `${stats.invalid} invalid configs checked of ${stats.invalidTotal} generated (${stats.invalidHttp} over HTTP, ` +
        `${stats.known} known disagreements, ${stats.skipped} cases skipped by design), ` +
        `oneOf branches ${stats.branchesCovered}/${stats.branchesTotal}, ${seconds}s`,
    );
    t.diagnostic(`invalid configs by rule: ${rules}`);
    assert.ok(stats.specs >= 60, 'the corpus has at least 60 specs');
  });
});
