// Fault injection (sandbox extension): injected statuses, delays, dropped connections, and ambiguous failures.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DATABASE_SPEC, databaseConfig, startTestSandbox, unique, type TestSandbox } from './helpers.js';

const SOURCES = '/api/v1/embedded/sources';

let sandbox: TestSandbox;
let operator: string;
let templateId: string;

before(async () => {
  sandbox = await startTestSandbox();
  operator = await sandbox.operatorToken();
  templateId = (await sandbox.createTemplate({ name: unique('Faulty'), user_config_spec: { connectionSpecification: DATABASE_SPEC } })).id;
});
after(() => sandbox.close());
beforeEach(async () => {
  await sandbox.call('DELETE', '/api/v1/sandbox/faults', { token: operator });
});

const addFault = async (fault: Record<string, unknown>) => {
  const answer = await sandbox.call('POST', '/api/v1/sandbox/faults', { token: operator, body: fault });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body.id as string;
};

describe('fault injection', () => {
  it('answers with the injected status, body and headers once, then normally', async () => {
    const token = await sandbox.scopedToken(unique('status'));
    await addFault({ path: SOURCES, method: 'get', status: 503, body: { detail: 'Maintenance' }, headers: { 'Retry-After': '7' } });
    const faulted = await sandbox.call('GET', SOURCES, { token });
    assert.equal(faulted.status, 503);
    assert.deepEqual(faulted.body, { detail: 'Maintenance' });
    assert.equal(faulted.headers.get('retry-after'), '7');
    assert.ok(faulted.headers.get('x-ratelimit-limit'), 'rate-limit headers still present');
    assert.equal((await sandbox.call('GET', SOURCES, { token })).status, 200);
  });

  it('applies `times` faults that many times and matches path prefixes ending in "*"', async () => {
    const token = await sandbox.scopedToken(unique('times'));
    await addFault({ path: '/api/v1/embedded/*', status: 500, times: 2 });
    assert.equal((await sandbox.call('GET', '/api/v1/embedded/source-templates', { token })).status, 500);
    const second = await sandbox.call('GET', SOURCES, { token });
    assert.equal(second.status, 500);
    assert.equal(typeof second.body.detail, 'string', 'a default {detail} body');
    assert.equal((await sandbox.call('GET', SOURCES, { token })).status, 200);
  });

  it('only matches the method and the workspace it names', async () => {
    const target = unique('target');
    const targetToken = await sandbox.scopedToken(target);
    const bystander = await sandbox.scopedToken(unique('bystander'));
    await addFault({ path: SOURCES, method: 'POST', workspace_name: target, status: 500 });
    assert.equal((await sandbox.call('GET', SOURCES, { token: targetToken })).status, 200, 'other method');
    const body = { source_template_id: templateId, source_config: databaseConfig() };
    assert.equal((await sandbox.call('POST', SOURCES, { token: bystander, body })).status, 200, 'other workspace');
    assert.equal((await sandbox.call('POST', SOURCES, { token: targetToken, body })).status, 500);
  });

  it('never touches unauthenticated requests', async () => {
    await addFault({ path: SOURCES, status: 500 });
    assert.equal((await sandbox.call('GET', SOURCES)).status, 401);
    assert.equal((await sandbox.call('GET', '/api/v1/sandbox/faults', { token: operator })).body.data.length, 1);
  });

  it('delays the real answer by delay_ms', async () => {
    const token = await sandbox.scopedToken(unique('delay'));
    await addFault({ path: SOURCES, delay_ms: 300 });
    const started = Date.now();
    const answer = await sandbox.call('GET', SOURCES, { token });
    assert.equal(answer.status, 200);
    assert.ok(Date.now() - started >= 290, `took ${Date.now() - started} ms`);
  });

  it('drops the connection without an answer', async () => {
    const token = await sandbox.scopedToken(unique('drop'));
    await addFault({ path: SOURCES, drop: true });
    await assert.rejects(sandbox.call('GET', SOURCES, { token }), TypeError);
    assert.equal((await sandbox.call('GET', SOURCES, { token })).status, 200);
  });

  it('with when: "after", really creates the source and then drops the answer (an ambiguous failure)', async () => {
    const token = await sandbox.scopedToken(unique('after'));
    await addFault({ path: SOURCES, method: 'POST', drop: true, when: 'after' });
    const body = { name: 'Created anyway', source_template_id: templateId, source_config: databaseConfig() };
    await assert.rejects(sandbox.call('POST', SOURCES, { token, body }), TypeError);
    const list = await sandbox.call('GET', SOURCES, { token });
    assert.deepEqual(list.body.data.map((source: { name: string }) => source.name), ['Created anyway']);
  });

  it('with when: "after", replaces the real answer with the injected status', async () => {
    const token = await sandbox.scopedToken(unique('after-status'));
    await addFault({ path: SOURCES, method: 'POST', status: 502, when: 'after' });
    const body = { source_template_id: templateId, source_config: databaseConfig() };
    const answer = await sandbox.call('POST', SOURCES, { token, body });
    assert.equal(answer.status, 502);
    assert.equal((await sandbox.call('GET', SOURCES, { token })).body.data.length, 1);
  });

  it('lists faults and deletes them one by one or all at once', async () => {
    const first = await addFault({ path: '/api/v1/a', status: 500, times: 3 });
    await addFault({ path: '/api/v1/b', status: 500 });
    const listed = await sandbox.call('GET', '/api/v1/sandbox/faults', { token: operator });
    assert.deepEqual(listed.body.data.map((fault: { path: string; times: number; when: string }) => [fault.path, fault.times, fault.when]), [
      ['/api/v1/a', 3, 'before'],
      ['/api/v1/b', 1, 'before'],
    ]);
    assert.equal((await sandbox.call('DELETE', `/api/v1/sandbox/faults/${first}`, { token: operator })).status, 204);
    assert.equal((await sandbox.call('DELETE', `/api/v1/sandbox/faults/${first}`, { token: operator })).status, 404);
    assert.equal((await sandbox.call('GET', '/api/v1/sandbox/faults', { token: operator })).body.data.length, 1);
    assert.equal((await sandbox.call('DELETE', '/api/v1/sandbox/faults', { token: operator })).status, 204);
    assert.deepEqual((await sandbox.call('GET', '/api/v1/sandbox/faults', { token: operator })).body, { data: [] });
  });

  it('refuses faults that would do nothing or carry unknown settings with 422', async () => {
    const post = (body: unknown) => sandbox.call('POST', '/api/v1/sandbox/faults', { token: operator, body });
    const noEffect = await post({ path: SOURCES });
    assert.equal(noEffect.status, 422);
    const typo = await post({ path: SOURCES, status: 500, delay: 10 });
    assert.equal(typo.status, 422);
    assert.deepEqual(typo.body.detail[0].loc, ['body', 'delay']);
    const badStatus = await post({ path: SOURCES, status: 42 });
    assert.deepEqual(badStatus.body.detail[0].loc, ['body', 'status']);
  });
});
