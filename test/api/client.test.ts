import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError } from '../../src/api/api-error.js';
import { ApiClient, type ApiClientOptions, type RetryNotice } from '../../src/api/client.js';
import { readToken } from '../../src/token/session.js';
import { createTemplate, startTestSandbox, type TestSandbox } from '../support/sandbox-node.js';

function rejectsWith(promise: Promise<unknown>, code: string, operation?: string) {
  return assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (operation) assert.equal(error.operation, operation);
    return true;
  });
}

describe('ApiClient against the sandbox', () => {
  let sandbox: TestSandbox;
  let templateId: string;
  let tag: string;

  before(async () => {
    sandbox = await startTestSandbox();
    ({ template: { id: templateId }, tag } = await createTemplate(sandbox));
  });
  after(() => sandbox.close());

  async function client(options: Partial<ApiClientOptions> = {}) {
    const workspace = `ws-${Math.random().toString(36).slice(2)}`;
    const token = await sandbox.widgetToken({ workspace_name: workspace, selected_source_template_tags: [tag] });
    const session = readToken(token);
    const calls: boolean[] = [];
    const retries: RetryNotice[] = [];
    const api = new ApiClient({
      baseUrl: sandbox.apiBaseUrl,
      token: async (fresh) => {
        calls.push(fresh);
        return session.jwt;
      },
      retry: { baseDelayMs: 20 },
      onRetry: (notice) => retries.push(notice),
      ...options,
    });
    return { api, session, calls, workspace, retries };
  }

  const config = { host: 'db.internal', port: 5432, password: 's3cret' };

  it('runs the whole contract: list, get, check, create, get, update with the mask, delete', async () => {
    const { api, session } = await client();
    const templates = await api.listSourceTemplates(session.workspaceId);
    assert.deepEqual(templates.map((t) => t.id), [templateId]);
    const template = await api.getSourceTemplate(templateId);
    assert.equal(template.user_config_spec.connectionSpecification.type, 'object');
    assert.deepEqual(await api.listSources(session.workspaceId), []);

    const config = { host: 'db.internal', port: 5432, password: 's3cret' };
    assert.equal((await api.checkSource({ source_template_id: templateId, source_config: config })).status, 'succeeded');
    const failed = await api.checkSource({ source_template_id: templateId, source_config: { ...config, password: 'wrong-password' } });
    assert.equal(failed.status, 'failed');
    assert.ok(failed.message);

    const created = await api.createSource({ workspace_id: session.workspaceId, source_template_id: templateId, source_config: config });
    assert.equal(created.source_config.password, '**********');
    assert.equal(created.source_config.host, 'db.internal');
    const listed = await api.listSources(session.workspaceId);
    assert.deepEqual(listed.map((s) => s.id), [created.id]);

    const updated = await api.updateSource(created.id, { ...created.source_config, host: 'db2.internal' });
    assert.equal(updated.source_config.host, 'db2.internal');
    // The mask went back unchanged, so the stored secret is kept: a check with the source id still passes.
    assert.equal((await api.checkSource({ source_id: created.id })).status, 'succeeded');
    assert.equal((await api.getSource(created.id)).source_config.password, '**********');

    await api.deleteSource(created.id);
    await rejectsWith(api.getSource(created.id), 'not_found', 'get_source');
  });

  it('asks for the workspace through scoped-token/info', async () => {
    const { api, session } = await client();
    assert.equal((await api.getTokenInfo()).workspace_id, session.workspaceId);
  });

  it('turns a 422 into field issues on the right paths', async () => {
    const { api, session } = await client();
    const error = await api
      .createSource({ workspace_id: session.workspaceId, source_template_id: templateId, source_config: { host: 'h', port: 70000 } })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'validation_error');
    assert.equal(error.status, 422);
    const paths = error.fieldIssues.map((issue) => issue.path.join('.')).sort();
    assert.deepEqual(paths, ['password', 'port']);
  });

  it('gets a fresh token once after a 401, and gives up after the second', async () => {
    const { api, calls } = await client();
    const forged = new ApiClient({
      baseUrl: sandbox.apiBaseUrl,
      token: async (fresh) => {
        calls.push(fresh);
        return 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.forged';
      },
    });
    await rejectsWith(forged.listSourceTemplates(), 'token_expired', 'list_source_templates');
    assert.deepEqual(calls, [false, true]);
    calls.length = 0;
    await api.listSourceTemplates();
    assert.deepEqual(calls, [false]);
  });

  it('reports a token source that fails as token_expired', async () => {
    const api = new ApiClient({ baseUrl: sandbox.apiBaseUrl, token: () => Promise.reject(new Error('nope')) });
    await rejectsWith(api.listSources(), 'token_expired');
  });

  it('names the call when an answer has the wrong shape', async () => {
    const { api, workspace } = await client();
    await sandbox.operator('POST', '/api/v1/sandbox/faults', {
      path: '/api/v1/embedded/source-templates',
      workspace_name: workspace,
      status: 200,
      body: { data: [{ nope: true }] },
    });
    await rejectsWith(api.listSourceTemplates(), 'invalid_response', 'list_source_templates');
  });

  it('never follows a `next` link to another origin (the token would go with it)', async () => {
    const { api, workspace } = await client();
    await sandbox.operator('POST', '/api/v1/sandbox/faults', {
      path: '/api/v1/embedded/source-templates',
      workspace_name: workspace,
      status: 200,
      body: { data: [{ id: 'a', name: 'A' }], next: 'https://evil.example/steal' },
    });
    assert.deepEqual((await api.listSourceTemplates()).map((t) => t.id), ['a']);
  });

  it('maps statuses and dropped connections to codes, with the server’s own words as the detail', async () => {
    const { api, workspace } = await client({ retry: { limit: 0 } });
    // The detail is only ever the server's text (shown under the translated message): none of our own words.
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ status: 500, body: { detail: 'boom' } }, 'server_error', 'boom'],
      [{ status: 503, body: 'Service Unavailable' }, 'server_error', 'Service Unavailable'],
      [{ status: 403, body: { detail: 'Access denied to this resource' } }, 'forbidden', 'Access denied to this resource'],
      [{ status: 429, body: { detail: 'Too many requests' } }, 'rate_limited', 'Too many requests'],
      [{ status: 200, body: { data: 'not a list' } }, 'invalid_response', undefined],
      [{ drop: true }, 'network_error', undefined],
    ];
    for (const [fault, code, detail] of cases) {
      await sandbox.operator('POST', '/api/v1/sandbox/faults', { path: '/api/v1/embedded/sources', method: 'GET', workspace_name: workspace, ...fault });
      const error = await api.listSources().catch((e: unknown) => e);
      await rejectsWith(Promise.reject(error), code, 'list_sources');
      assert.equal((error as ApiError).detail, detail, code);
    }
    const error = await api.listSources().catch((e: unknown) => e);
    assert.ok(Array.isArray(error), 'the faults were used up and the next call succeeds');
  });

  it('times out an attempt that takes too long', async () => {
    const { session, workspace } = await client();
    const api = new ApiClient({ baseUrl: sandbox.apiBaseUrl, token: async () => session.jwt, timeoutMs: 100, retry: { limit: 0 } });
    await sandbox.operator('POST', '/api/v1/sandbox/faults', { path: '/api/v1/embedded/sources', workspace_name: workspace, delay_ms: 1000 });
    const error = await api.listSources().catch((e: unknown) => e);
    await rejectsWith(Promise.reject(error), 'timeout', 'list_sources');
    assert.equal((error as ApiError).detail, undefined);
  });

  const fault = (body: Record<string, unknown>) => sandbox.operator('POST', '/api/v1/sandbox/faults', body);

  it('retries a read on transient failures with backoff, telling onRetry, then succeeds', async () => {
    const { api, workspace, retries } = await client();
    await fault({ path: '/api/v1/embedded/sources', method: 'GET', workspace_name: workspace, status: 503, times: 2 });
    await fault({ path: '/api/v1/embedded/source-templates', method: 'GET', workspace_name: workspace, drop: true, times: 1 });
    assert.deepEqual(await api.listSources(), []);
    assert.equal((await api.listSourceTemplates()).length, 1);
    assert.deepEqual(
      retries.map((r) => [r.operation, r.retry, r.reason]),
      [['list_sources', 1, 'HTTP 503'], ['list_sources', 2, 'HTTP 503'], ['list_source_templates', 1, 'network_error']],
    );
    assert.ok(retries[1]!.delayMs >= 20 && retries[1]!.delayMs <= 40, 'the second wait is about twice the first');
  });

  it('waits as long as Retry-After asks on a 429', async () => {
    const { api, workspace, retries } = await client();
    await fault({ path: '/api/v1/embedded/sources', method: 'GET', workspace_name: workspace, status: 429, headers: { 'Retry-After': '1' }, body: { detail: 'Too many requests' } });
    const started = Date.now();
    await api.listSources();
    assert.equal(retries[0]!.delayMs, 1000);
    assert.ok(Date.now() - started >= 950);
  });

  it('gives up after its retry limit with the last error', async () => {
    const { api, workspace, retries } = await client();
    await fault({ path: '/api/v1/embedded/sources', method: 'GET', workspace_name: workspace, status: 500, times: 10 });
    await rejectsWith(api.listSources(), 'server_error', 'list_sources');
    assert.equal(retries.length, 3);
  });

  it('never repeats a create on its own', async () => {
    const { api, session, workspace, retries } = await client();
    await fault({ path: '/api/v1/embedded/sources', method: 'POST', workspace_name: workspace, status: 503 });
    await rejectsWith(api.createSource({ workspace_id: session.workspaceId, source_template_id: templateId, source_config: config }, { knownSourceIds: [] }), 'server_error');
    assert.deepEqual(retries, []);
    assert.deepEqual(await api.listSources(), []);
  });

  it('finds the source a create made when its answer was lost, so nobody creates a second', async () => {
    const { api, session, workspace } = await client();
    await fault({ path: '/api/v1/embedded/sources', method: 'POST', workspace_name: workspace, when: 'after', drop: true });
    const created = await api.createSource(
      { workspace_id: session.workspaceId, source_template_id: templateId, source_config: config, name: 'Warehouse' },
      { knownSourceIds: [] },
    );
    assert.equal(created.name, 'Warehouse');
    assert.deepEqual((await api.listSources()).map((s) => s.id), [created.id]);
  });

  it('reports a lost create as ambiguous when it cannot tell which source is new', async () => {
    const { api, session, workspace } = await client();
    await fault({ path: '/api/v1/embedded/sources', method: 'POST', workspace_name: workspace, when: 'after', drop: true });
    await rejectsWith(api.createSource({ workspace_id: session.workspaceId, source_template_id: templateId, source_config: config }), 'network_error');
  });

  it('treats a delete that finds nothing (its answer was lost, it was repeated) as done', async () => {
    const { api, session, workspace } = await client();
    const created = await api.createSource({ workspace_id: session.workspaceId, source_template_id: templateId, source_config: config });
    await fault({ path: `/api/v1/embedded/sources/${created.id}`, method: 'DELETE', workspace_name: workspace, when: 'after', drop: true });
    await api.deleteSource(created.id);
    assert.deepEqual(await api.listSources(), []);
    await api.deleteSource(created.id);
  });
});
