// End-user sources: CRUD, validation errors, secret masking and its round trip, defaults merging, names,
// and workspace isolation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DATABASE_SPEC, databaseConfig, startTestSandbox, unique, type TestSandbox } from './helpers.js';

const MASK = '**********';

let sandbox: TestSandbox;
let templateId: string;
let templateName: string;

before(async () => {
  sandbox = await startTestSandbox();
  templateName = unique('Database');
  templateId = (await sandbox.createTemplate({ name: templateName, user_config_spec: { connectionSpecification: DATABASE_SPEC } })).id;
});
after(() => sandbox.close());

const create = (token: string, body: Record<string, unknown>) => sandbox.call('POST', '/api/v1/embedded/sources', { token, body });
const issuesOf = (answer: { body: { detail: { loc: (string | number)[]; msg: string; type: string }[] } }) =>
  answer.body.detail.map((issue) => ({ at: issue.loc.join('.'), msg: issue.msg, type: issue.type }));

describe('creating and reading sources', () => {
  it('creates a source and answers the contract’s Source object with secrets masked', async () => {
    const token = await sandbox.scopedToken(unique('crud'));
    const answer = await create(token, { source_template_id: templateId, source_config: databaseConfig() });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const source = answer.body;
    assert.deepEqual(Object.keys(source).sort(), ['created_at', 'id', 'name', 'source_config', 'source_template', 'updated_at']);
    assert.equal(source.name, `${templateName} - ${source.id.slice(0, 8)}`, 'default name: the template name and a short id');
    assert.equal(source.source_template.id, templateId);
    assert.deepEqual(source.source_template.user_config_spec.connectionSpecification, DATABASE_SPEC);
    assert.deepEqual(source.source_config, {
      host: 'db.example.test',
      port: 5432,
      username: 'reader',
      password: MASK,
      credentials: { auth_type: 'api_key', api_key: MASK },
    });
    assert.doesNotMatch(JSON.stringify(source), /hunter2|key-123/);

    const read = await sandbox.call('GET', `/api/v1/embedded/sources/${source.id}`, { token });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, source);

    const list = await sandbox.call('GET', '/api/v1/embedded/sources', { token });
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.data, [
      {
        id: source.id,
        name: source.name,
        summarized_source_template: { id: templateId, name: templateName, icon: null },
        created_at: source.created_at,
        updated_at: source.updated_at,
      },
    ]);
  });

  it('accepts the legacy source_config_template_id / connection_configuration keys', async () => {
    const token = await sandbox.scopedToken(unique('legacy'));
    const answer = await create(token, { source_config_template_id: templateId, connection_configuration: databaseConfig() });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.source_template.id, templateId);
  });

  it('masks secrets inside oneOf branches, nested objects and array items, and drops fields outside the form', async () => {
    const token = await sandbox.scopedToken(unique('mask'));
    const config = {
      ...databaseConfig(),
      credentials: { auth_type: 'oauth', client_id: 'app', client_secret: 'shh-1' },
      ssl: { mode: 'require', ca: 'shh-2' },
      tunnels: [{ host: 'bastion', key: 'shh-3' }],
      not_in_form: 'dropped',
    };
    const answer = await create(token, { source_template_id: templateId, source_config: config });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.source_config.credentials, { auth_type: 'oauth', client_id: 'app', client_secret: MASK });
    assert.deepEqual(answer.body.source_config.ssl, { mode: 'require', ca: MASK });
    assert.deepEqual(answer.body.source_config.tunnels, [{ host: 'bastion', key: MASK }]);
    assert.equal(answer.body.source_config.not_in_form, undefined);
    assert.doesNotMatch(JSON.stringify(answer.body), /shh-/);
  });

  it('names sources "<template> - <short id>" by default and refuses a taken explicit name with 409', async () => {
    const token = await sandbox.scopedToken(unique('names'));
    for (let i = 0; i < 3; i++) {
      const { body } = await create(token, { source_template_id: templateId, source_config: databaseConfig() });
      assert.equal(body.name, `${templateName} - ${body.id.slice(0, 8)}`);
    }

    const custom = await create(token, { name: 'Warehouse', source_template_id: templateId, source_config: databaseConfig() });
    assert.equal(custom.status, 200);
    assert.equal(custom.body.name, 'Warehouse');
    const duplicate = await create(token, { name: 'Warehouse', source_template_id: templateId, source_config: databaseConfig() });
    assert.equal(duplicate.status, 409);
    assert.match(duplicate.body.detail, /Warehouse/);
  });

  it('answers 404 for unknown templates and sources', async () => {
    const token = await sandbox.scopedToken(unique('missing'));
    const unknownTemplate = await create(token, { source_template_id: '00000000-0000-4000-8000-000000000000', source_config: {} });
    assert.equal(unknownTemplate.status, 404);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      assert.equal((await sandbox.call('GET', `/api/v1/embedded/sources/${id}`, { token })).status, 404);
    }
  });

  it('paginates the source list when a limit is given', async () => {
    const token = await sandbox.scopedToken(unique('paged'));
    for (let i = 0; i < 3; i++) await create(token, { source_template_id: templateId, source_config: databaseConfig() });
    const first = await sandbox.call('GET', '/api/v1/embedded/sources?limit=2', { token });
    assert.equal(first.body.data.length, 2);
    const second = await sandbox.call('GET', first.body.next.slice(sandbox.url.length), { token });
    assert.equal(second.body.data.length, 1);
    assert.equal(second.body.next, null);
    const all = await sandbox.call('GET', '/api/v1/embedded/sources', { token });
    assert.deepEqual([...first.body.data, ...second.body.data], all.body.data);
  });
});

describe('validation errors', () => {
  it('reports each problem as {loc: ["body","source_config",…], msg, type}, naming missing properties themselves', async () => {
    const token = await sandbox.scopedToken(unique('invalid'));
    const answer = await create(token, {
      source_template_id: templateId,
      source_config: {
        host: 'h',
        port: 70000,
        username: 7,
        start_date: 'next week',
        credentials: { auth_type: 'oauth', client_id: 'x' },
      },
    });
    assert.equal(answer.status, 422);
    const issues = issuesOf(answer);
    const at = (path: string) => issues.filter((issue) => issue.at === path);
    assert.deepEqual(at('body.source_config.password'), [{ at: 'body.source_config.password', msg: 'Required', type: 'value_error.missing' }]);
    assert.deepEqual(at('body.source_config.port'), [{ at: 'body.source_config.port', msg: 'Must be at most 65536', type: 'value_error.maximum' }]);
    assert.deepEqual(at('body.source_config.username'), [{ at: 'body.source_config.username', msg: 'Must be a string', type: 'type_error.string' }]);
    assert.deepEqual(at('body.source_config.start_date').map((issue) => issue.type), ['value_error.pattern']);
    // Only the branch the config selects (auth_type "oauth") is reported.
    assert.deepEqual(at('body.source_config.credentials.client_secret').map((issue) => issue.msg), ['Required']);
    assert.equal(at('body.source_config.credentials.api_key').length, 0);
    assert.equal(at('body.source_config.credentials').length, 0);
  });

  it('explains pattern failures and a oneOf matching no branch in English', async () => {
    const token = await sandbox.scopedToken(unique('invalid'));
    const answer = await create(token, {
      source_template_id: templateId,
      source_config: { ...databaseConfig(), start_date: '01/02/2024', credentials: { auth_type: 'magic' } },
    });
    assert.equal(answer.status, 422);
    const issues = issuesOf(answer);
    const pattern = issues.find((issue) => issue.type === 'value_error.pattern');
    assert.equal(pattern?.msg, 'Must match the pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$');
    const oneOf = issues.find((issue) => issue.at === 'body.source_config.credentials');
    assert.deepEqual(oneOf, { at: 'body.source_config.credentials', msg: 'Must match one of the options: API key, OAuth', type: 'value_error.one_of' });
  });

  it('reports a missing template id and config, and non-object configs, as 422', async () => {
    const token = await sandbox.scopedToken(unique('invalid'));
    const missing = await create(token, {});
    assert.equal(missing.status, 422);
    assert.deepEqual(issuesOf(missing).map((issue) => issue.at).sort(), ['body.source_config', 'body.source_template_id']);
    const wrongType = await create(token, { source_template_id: templateId, source_config: ['a'] });
    assert.equal(wrongType.status, 422);
    assert.deepEqual(issuesOf(wrongType)[0], { at: 'body.source_config', msg: 'Must be an object', type: 'type_error.object' });
  });
});

describe('updating sources', () => {
  const update = (token: string, id: string, body: Record<string, unknown>) =>
    sandbox.call('PUT', `/api/v1/embedded/sources/${id}`, { token, body });

  it('keeps a stored secret when the mask is sent back and replaces it when a new value is sent', async () => {
    // A pattern the mask itself cannot satisfy proves the stored value was put back before validation.
    const spec = {
      type: 'object',
      required: ['user', 'password'],
      properties: { user: { type: 'string' }, password: { type: 'string', airbyte_secret: true, pattern: '^[a-z0-9-]+$' } },
    };
    const strict = (await sandbox.createTemplate({ name: unique('Strict'), user_config_spec: { connectionSpecification: spec } })).id;
    const token = await sandbox.scopedToken(unique('update'));
    const created = await create(token, { source_template_id: strict, source_config: { user: 'a', password: 'first-secret' } });
    assert.equal(created.status, 200);

    const kept = await update(token, created.body.id, { source_config: { user: 'b', password: MASK } });
    assert.equal(kept.status, 200, JSON.stringify(kept.body));
    assert.deepEqual(kept.body.source_config, { user: 'b', password: MASK });
    assert.ok(Date.parse(kept.body.updated_at) >= Date.parse(created.body.updated_at));

    // The check sees the stored secret: sending the mask with a source id still passes validation.
    const check = await sandbox.call('POST', '/api/v1/embedded/sources/check', {
      token,
      body: { source_id: created.body.id, source_config: { user: 'b', password: MASK } },
    });
    assert.equal(check.body.status, 'succeeded', JSON.stringify(check.body));

    const replaced = await update(token, created.body.id, { source_config: { user: 'b', password: 'wrong-password' } });
    assert.equal(replaced.status, 400, 'the new value reached the check');
    const invalid = await update(token, created.body.id, { source_config: { user: 'b', password: 'NOT VALID' } });
    assert.equal(invalid.status, 422, 'a new value is validated as typed');
  });

  it('restores secrets inside the oneOf branch the new config selects, and refuses a mask with nothing stored', async () => {
    const token = await sandbox.scopedToken(unique('update'));
    const created = await create(token, { source_template_id: templateId, source_config: databaseConfig() });
    const id = created.body.id;
    const masked = created.body.source_config;

    const same = await update(token, id, { source_config: { ...masked, host: 'new-host' } });
    assert.equal(same.status, 200, JSON.stringify(same.body));
    assert.equal(same.body.source_config.host, 'new-host');

    const switched = await update(token, id, {
      source_config: { ...masked, credentials: { auth_type: 'oauth', client_id: 'app', client_secret: MASK } },
    });
    assert.equal(switched.status, 422);
    assert.deepEqual(issuesOf(switched).map((issue) => [issue.at, issue.type]), [
      ['body.source_config.credentials.client_secret', 'value_error.masked_secret'],
    ]);

    const renamed = await update(token, id, { name: 'Renamed', connection_configuration: masked });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name, 'Renamed');
  });

  it('refuses renaming to a taken name with 409', async () => {
    const token = await sandbox.scopedToken(unique('update'));
    const first = await create(token, { name: 'One', source_template_id: templateId, source_config: databaseConfig() });
    await create(token, { name: 'Two', source_template_id: templateId, source_config: databaseConfig() });
    const answer = await update(token, first.body.id, { name: 'Two', source_config: first.body.source_config });
    assert.equal(answer.status, 409);
  });

  it('deletes with 204, after which the source is gone', async () => {
    const token = await sandbox.scopedToken(unique('delete'));
    const created = await create(token, { source_template_id: templateId, source_config: databaseConfig() });
    const deleted = await sandbox.call('DELETE', `/api/v1/embedded/sources/${created.body.id}`, { token });
    assert.equal(deleted.status, 204);
    assert.equal(deleted.body, null);
    assert.equal((await sandbox.call('GET', `/api/v1/embedded/sources/${created.body.id}`, { token })).status, 404);
    assert.equal((await sandbox.call('DELETE', `/api/v1/embedded/sources/${created.body.id}`, { token })).status, 404);
    assert.deepEqual((await sandbox.call('GET', '/api/v1/embedded/sources', { token })).body.data, []);
  });
});

describe('template defaults (partial_default_config)', () => {
  const spec = {
    type: 'object',
    required: ['host', 'port', 'ssl', 'schemas'],
    properties: {
      host: { type: 'string' },
      port: { type: 'integer', maximum: 65535 },
      ssl: { type: 'object', required: ['mode'], properties: { mode: { type: 'string' }, ca: { type: 'string' } } },
      schemas: { type: 'array', minItems: 1, items: { type: 'string' } },
    },
  };
  let merged: string;
  let token: string;

  before(async () => {
    merged = (
      await sandbox.createTemplate({
        name: unique('Defaults'),
        partial_default_config: { port: 5432, ssl: { mode: 'require' }, schemas: ['public'] },
        user_config_spec: { connectionSpecification: spec },
      })
    ).id;
    token = await sandbox.scopedToken(unique('merge'));
  });

  it('merges objects key by key, so a user value beside a default completes the config', async () => {
    const answer = await create(token, { source_template_id: merged, source_config: { host: 'h', ssl: { ca: 'cert' } } });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.source_config, { host: 'h', ssl: { ca: 'cert' } }, 'answers show the user’s values only');
  });

  it('lets the user’s scalar win over the default', async () => {
    const answer = await create(token, { source_template_id: merged, source_config: { host: 'h', port: 70000 } });
    assert.equal(answer.status, 422);
    assert.deepEqual(issuesOf(answer).map((issue) => issue.at), ['body.source_config.port']);
  });

  it('replaces arrays whole', async () => {
    const answer = await create(token, { source_template_id: merged, source_config: { host: 'h', schemas: [] } });
    assert.equal(answer.status, 422);
    assert.deepEqual(issuesOf(answer).map((issue) => [issue.at, issue.type]), [['body.source_config.schemas', 'value_error.min_items']]);
  });

  it('refuses a plain value where the default is an object with 422', async () => {
    const answer = await create(token, { source_template_id: merged, source_config: { host: 'h', ssl: 'yes' } });
    assert.equal(answer.status, 422);
    assert.deepEqual(issuesOf(answer).map((issue) => [issue.at, issue.type]), [['body.source_config.ssl', 'type_error.merge']]);
  });
});

describe('workspace isolation', () => {
  it('hides other workspaces’ sources (404) and refuses a foreign workspace_id (403)', async () => {
    const owner = await sandbox.scopedToken(unique('owner'));
    const stranger = await sandbox.scopedToken(unique('stranger'));
    const created = await create(owner, { source_template_id: templateId, source_config: databaseConfig() });
    const id = created.body.id;
    const ownerInfo = await sandbox.call('GET', '/api/v1/embedded/scoped-token/info', { token: owner });

    for (const [method, body] of [['GET'], ['PUT', { source_config: databaseConfig() }], ['DELETE']] as const) {
      const answer = await sandbox.call(method, `/api/v1/embedded/sources/${id}`, { token: stranger, body });
      assert.equal(answer.status, 404, method);
    }
    const check = await sandbox.call('POST', '/api/v1/embedded/sources/check', { token: stranger, body: { source_id: id } });
    assert.equal(check.status, 404);
    assert.deepEqual((await sandbox.call('GET', '/api/v1/embedded/sources', { token: stranger })).body.data, []);

    const foreign = ownerInfo.body.workspace_id;
    const listForeign = await sandbox.call('GET', `/api/v1/embedded/sources?workspace_id=${foreign}`, { token: stranger });
    assert.equal(listForeign.status, 403);
    assert.equal(typeof listForeign.body.detail, 'string');
    const templatesForeign = await sandbox.call('GET', `/api/v1/embedded/source-templates?workspace_id=${foreign}`, { token: stranger });
    assert.equal(templatesForeign.status, 403);
    const createForeign = await create(stranger, { workspace_id: foreign, source_template_id: templateId, source_config: databaseConfig() });
    assert.equal(createForeign.status, 403);

    const own = await sandbox.call('GET', `/api/v1/embedded/sources?workspace_id=${foreign}`, { token: owner });
    assert.equal(own.status, 200);
    assert.equal(own.body.data.length, 1);
  });
});
