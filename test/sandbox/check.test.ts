// POST /embedded/sources/check and the check that POST /sources runs: deterministic outcomes from marker values.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DATABASE_SPEC, databaseConfig, startTestSandbox, unique, type TestSandbox } from './helpers.js';

const SLOW_CHECK_MS = 400;

let sandbox: TestSandbox;
let templateId: string;
let token: string;

before(async () => {
  sandbox = await startTestSandbox({ slowCheckMs: SLOW_CHECK_MS });
  templateId = (await sandbox.createTemplate({ name: unique('Checked'), user_config_spec: { connectionSpecification: DATABASE_SPEC } })).id;
  token = await sandbox.scopedToken(unique('check'));
});
after(() => sandbox.close());

const check = (body: Record<string, unknown>) => sandbox.call('POST', '/api/v1/embedded/sources/check', { token, body });

describe('POST /embedded/sources/check', () => {
  it('succeeds for an ordinary config', async () => {
    const answer = await check({ source_template_id: templateId, source_config: databaseConfig() });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { status: 'succeeded', message: 'Connection succeeded' });
  });

  it('fails on a rejected password without echoing any secret', async () => {
    const answer = await check({ source_template_id: templateId, source_config: { ...databaseConfig(), password: 'wrong-password' } });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      status: 'failed',
      message: 'Authentication failed: the credentials were rejected by the server.',
    });
    assert.doesNotMatch(JSON.stringify(answer.body), /wrong-password|key-123/);
  });

  it('fails on an unreachable host, wherever the value sits', async () => {
    const answer = await check({
      source_template_id: templateId,
      source_config: { ...databaseConfig(), tunnels: [{ host: 'db.unreachable.example' }] },
    });
    assert.deepEqual(answer.body, {
      status: 'failed',
      message: 'Could not connect to unreachable.example: the host did not respond (connection timed out).',
    });
  });

  it('takes slowCheckMs for a value "slow", then succeeds', async () => {
    const started = Date.now();
    const answer = await check({ source_template_id: templateId, source_config: { ...databaseConfig(), username: 'slow' } });
    assert.ok(Date.now() - started >= SLOW_CHECK_MS - 20, `took ${Date.now() - started} ms`);
    assert.equal(answer.body.status, 'succeeded');
  });

  it('validates first: an invalid config is a 422, not a failed check', async () => {
    const answer = await check({ source_template_id: templateId, source_config: { host: 'h' } });
    assert.equal(answer.status, 422);
    assert.ok(answer.body.detail.every((issue: { loc: string[] }) => issue.loc[0] === 'body' && issue.loc[1] === 'source_config'));
  });

  it('checks a saved source, alone or with edits in which masked secrets mean the saved ones', async () => {
    const created = await sandbox.call('POST', '/api/v1/embedded/sources', {
      token,
      body: { source_template_id: templateId, source_config: databaseConfig() },
    });
    const id = created.body.id;
    assert.equal((await check({ source_id: id })).body.status, 'succeeded');
    const masked = created.body.source_config;
    assert.equal(masked.credentials.api_key, '**********');
    const withMask = await check({ source_id: id, source_config: masked });
    assert.equal(withMask.status, 200, JSON.stringify(withMask.body));
    assert.equal(withMask.body.status, 'succeeded');
    const withNew = await check({ source_id: id, source_config: { ...masked, password: 'wrong-password' } });
    assert.equal(withNew.body.status, 'failed');
  });

  it('needs a template or a source, and a config with a template', async () => {
    const neither = await check({ source_config: databaseConfig() });
    assert.equal(neither.status, 422);
    assert.deepEqual(neither.body.detail[0].loc, ['body', 'source_template_id']);
    const noConfig = await check({ source_template_id: templateId });
    assert.equal(noConfig.status, 422);
    assert.deepEqual(noConfig.body.detail[0].loc, ['body', 'source_config']);
    assert.equal((await check({ source_id: '00000000-0000-4000-8000-000000000000' })).status, 404);
  });
});

describe('the check on create and update', () => {
  it('refuses a failing config with 400 {detail: <check message>} and stores nothing', async () => {
    const own = await sandbox.scopedToken(unique('create-check'));
    const answer = await sandbox.call('POST', '/api/v1/embedded/sources', {
      token: own,
      body: { source_template_id: templateId, source_config: { ...databaseConfig(), host: 'unreachable.example' } },
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.detail, 'Could not connect to unreachable.example: the host did not respond (connection timed out).');
    assert.deepEqual((await sandbox.call('GET', '/api/v1/embedded/sources', { token: own })).body.data, []);
  });

  it('waits for a slow check before answering the create', async () => {
    const started = Date.now();
    const answer = await sandbox.call('POST', '/api/v1/embedded/sources', {
      token,
      body: { source_template_id: templateId, source_config: { ...databaseConfig(), host: 'slow' } },
    });
    assert.equal(answer.status, 200);
    assert.ok(Date.now() - started >= SLOW_CHECK_MS - 20);
  });
});
