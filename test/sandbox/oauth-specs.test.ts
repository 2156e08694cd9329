// OAuth sign-in (sandbox extension) against real connector specs: the values complete hands back land at the
// advanced_auth output paths, satisfy the connector's schema there (in the OAuth branch the predicate selects),
// and make a config POST /embedded/sources accepts and GET shows with its secrets masked.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { nameBasedId } from '../../src/sandbox/ids.js';
import { startTestSandbox, unique, type TestSandbox } from './helpers.js';

const fixtures = fileURLToPath(new URL('../../../shared/fixtures/connector-specs/', import.meta.url));
const MASK = '**********';

type Json = any;
type Path = string[];

interface Case {
  key: string;
  /** Required fields outside the OAuth outputs. */
  config: Record<string, Json>;
  inputs?: Record<string, Json>;
  why: string;
}

const CASES: Case[] = [
  { key: 'source-github', config: { repositories: ['airbytehq/airbyte'] }, why: 'predicate inside a oneOf (option_title)' },
  { key: 'source-salesforce', config: {}, inputs: { is_sandbox: false }, why: 'root-level predicate, outputs at the root' },
  { key: 'source-google-sheets', config: { spreadsheet_id: 'https://docs.google.com/spreadsheets/d/abc/edit' }, why: 'predicate inside a oneOf (auth_type)' },
  { key: 'source-hubspot', config: {}, why: 'predicate inside a oneOf, client_id not secret' },
  { key: 'source-slack', config: { start_date: '2017-01-25T00:00:00Z', lookback_window: 7, join_channels: true }, why: 'predicate inside a oneOf, client_id not secret' },
  { key: 'source-zendesk-support', config: { subdomain: 'acme' }, inputs: { subdomain: 'acme' }, why: 'three branches sharing access_token/client_id; the predicate picks' },
  { key: 'source-facebook-marketing', config: { account_ids: ['111111111111111'] }, why: 'access_token in two branches' },
  { key: 'source-airtable', config: {}, why: 'a date-time output (token_expiry_date)' },
  { key: 'source-shopify', config: {}, why: 'an output at the root (shop) with a pattern' },
];

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox({ catalogDirs: [fixtures] });
});
after(() => sandbox.close());

const readFixture = (file: string): Json => JSON.parse(readFileSync(`${fixtures}/${file}`, 'utf8'));

/** Signs in (allowing on the consent page) and completes; returns complete's answer. */
async function signInAndComplete(token: string, templateId: string, inputs?: Record<string, Json>) {
  const redirect = `${sandbox.url}/api/v1/embedded/sources/oauth/callback`;
  const state = randomBytes(32).toString('base64url');
  const started = await sandbox.call('POST', '/api/v1/embedded/sources/oauth/consent-url', {
    token,
    body: { source_template_id: templateId, redirect_url: redirect, state, ...(inputs && { oauth_input_configuration: inputs }) },
  });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const allowed = await fetch(started.body.consent_url, { method: 'POST', body: new URLSearchParams({ decision: 'allow' }), redirect: 'manual' });
  const query = Object.fromEntries(new URL(allowed.headers.get('location')!).searchParams);
  return sandbox.call('POST', '/api/v1/embedded/sources/oauth/complete', {
    token,
    body: { source_template_id: templateId, redirect_url: redirect, query },
  });
}

/** The output paths advanced_auth names: tokens first, then the server-held client credentials. */
function outputPaths(advancedAuth: Json): Path[] {
  const spec = advancedAuth.oauth_config_specification;
  return ['complete_oauth_output_specification', 'complete_oauth_server_output_specification'].flatMap((part) =>
    Object.values<Json>(spec[part]?.properties ?? {}).map((property) => property.path_in_connector_config),
  );
}

function setAt(config: Json, path: Path, value: Json): void {
  let node = config;
  for (const key of path.slice(0, -1)) node = node[key] ??= {};
  node[path.at(-1)!] = value;
}

const getAt = (config: Json, path: Path): Json => path.reduce((node, key) => node?.[key], config);

/** Whether the spec marks the field secret, looking into the oneOf branch the config's values select. */
function isSecretAt(spec: Json, config: Json, path: Path): boolean {
  let node = spec;
  let value = config;
  for (const key of path) {
    const branch = (node.oneOf ?? []).find((option: Json) =>
      Object.entries<Json>(option.properties ?? {}).some(([name, property]) => property.const !== undefined && property.const === value?.[name]),
    );
    node = node.properties?.[key] ?? branch?.properties?.[key];
    value = value?.[key];
  }
  return node?.airbyte_secret === true;
}

describe('complete with real connector specs', () => {
  for (const testCase of CASES) {
    it(`${testCase.key}: ${testCase.why}`, async () => {
      const spec = readFixture(`${testCase.key}.json`);
      const advancedAuth = readFixture(`${testCase.key}.advanced_auth.json`);
      const templateId = nameBasedId(`template:${testCase.key}`);
      const token = await sandbox.scopedToken(unique(testCase.key));

      const completed = await signInAndComplete(token, templateId, testCase.inputs);
      assert.equal(completed.status, 200, JSON.stringify(completed.body));
      const values: { path: Path; value: Json }[] = completed.body.values;
      assert.deepEqual(values.map((entry) => entry.path), outputPaths(advancedAuth));

      // The widget's part: the predicate value (the user chose OAuth), the other fields, and the returned values.
      const config = structuredClone(testCase.config);
      if (advancedAuth.predicate_key) setAt(config, advancedAuth.predicate_key, advancedAuth.predicate_value);
      for (const { path, value } of values) setAt(config, path, value);

      const created = await sandbox.call('POST', '/api/v1/embedded/sources', { token, body: { source_template_id: templateId, source_config: config } });
      assert.equal(created.status, 200, JSON.stringify(created.body));

      const shown = (await sandbox.call('GET', `/api/v1/embedded/sources/${created.body.id}`, { token })).body.source_config;
      for (const { path, value } of values) {
        const expected = isSecretAt(spec, config, path) ? MASK : value;
        assert.deepEqual(getAt(shown, path), expected, path.join('.'));
      }
    });
  }

  it('covers every fixture with advanced_auth: each completes with a value at every output path', async () => {
    const token = await sandbox.scopedToken(unique('all-fixtures'));
    const keys = readdirSync(fixtures).filter((file) => file.endsWith('.advanced_auth.json'));
    assert.ok(keys.length >= 20);
    for (const file of keys) {
      const key = file.replace('.advanced_auth.json', '');
      const completed = await signInAndComplete(token, nameBasedId(`template:${key}`));
      assert.equal(completed.status, 200, `${key}: ${JSON.stringify(completed.body)}`);
      assert.deepEqual(completed.body.values.map((entry: { path: Path }) => entry.path), outputPaths(readFixture(file)), key);
    }
  });
});

describe('complete with a spec whose OAuth branch constrains the values', () => {
  // Branch order matters here: the first branch (an API key) shares access_token with stricter rules of its own,
  // so a value made for the wrong branch would be refused.
  const spec = {
    type: 'object',
    required: ['credentials'],
    properties: {
      credentials: {
        type: 'object',
        oneOf: [
          {
            title: 'API key',
            required: ['auth_type', 'access_token'],
            properties: { auth_type: { const: 'api_key' }, access_token: { type: 'string', pattern: '^[0-9]{4}$' } },
          },
          {
            title: 'OAuth',
            required: ['auth_type', 'access_token', 'client_id', 'expires_at', 'region', 'scopes'],
            properties: {
              auth_type: { const: 'oauth' },
              access_token: { type: 'string', airbyte_secret: true, minLength: 40, maxLength: 48, pattern: '^[a-f0-9]+$' },
              client_id: { type: 'string', pattern: '^[0-9]+\\.apps\\.example\\.com$', examples: ['1234.apps.example.com'] },
              expires_at: { type: 'string', format: 'date-time', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' },
              region: { type: 'string', enum: ['eu', 'us'], default: 'us' },
              scopes: { type: 'integer', minimum: 3 },
            },
          },
        ],
      },
    },
  };
  const output = (...path: string[]) => ({ type: 'string', path_in_connector_config: path });
  const advancedAuth = {
    auth_flow_type: 'oauth2.0',
    predicate_key: ['credentials', 'auth_type'],
    predicate_value: 'oauth',
    oauth_config_specification: {
      complete_oauth_output_specification: {
        type: 'object',
        properties: {
          access_token: output('credentials', 'access_token'),
          expires_at: output('credentials', 'expires_at'),
          region: output('credentials', 'region'),
          scopes: { type: 'integer', path_in_connector_config: ['credentials', 'scopes'] },
        },
      },
      complete_oauth_server_output_specification: { type: 'object', properties: { client_id: output('credentials', 'client_id') } },
    },
  };

  it('generates values the predicate’s branch accepts (pattern, length, format, enum, minimum)', async () => {
    const template = await sandbox.createTemplate({ name: unique('Strict OAuth'), user_config_spec: { connectionSpecification: spec, advanced_auth: advancedAuth } });
    const token = await sandbox.scopedToken(unique('strict'));
    const completed = await signInAndComplete(token, template.id);
    assert.equal(completed.status, 200, JSON.stringify(completed.body));
    const byKey = Object.fromEntries(completed.body.values.map((entry: { path: Path; value: Json }) => [entry.path.at(-1), entry.value]));
    assert.match(byKey.access_token, /^[a-f0-9]{40,48}$/);
    assert.equal(byKey.client_id, '1234.apps.example.com');
    assert.match(byKey.expires_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.ok(Date.parse(byKey.expires_at) > Date.now(), 'the token expires in the future');
    assert.equal(byKey.region, 'us');
    assert.equal(byKey.scopes, 3);

    const config = { credentials: { auth_type: 'oauth', ...byKey } };
    const created = await sandbox.call('POST', '/api/v1/embedded/sources', { token, body: { source_template_id: template.id, source_config: config } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const shown = (await sandbox.call('GET', `/api/v1/embedded/sources/${created.body.id}`, { token })).body.source_config;
    assert.equal(shown.credentials.access_token, MASK);
    assert.equal(shown.credentials.client_id, '1234.apps.example.com');
  });
});
