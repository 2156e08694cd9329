// Browser access: origin-bound widget tokens, preflights, and the headers a browser needs to read answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ORIGIN, startTestSandbox, unique, type TestSandbox } from './helpers.js';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(() => sandbox.close());

const preflight = (origin: string, path = '/api/v1/embedded/sources') =>
  fetch(`${sandbox.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });

describe('CORS', () => {
  it('answers a browser request from the token’s origin with Access-Control-Allow-Origin and exposed rate-limit headers', async () => {
    const { token } = await sandbox.widgetToken({ workspace_name: unique('cors'), allowed_origin: ORIGIN });
    const answer = await sandbox.call('GET', '/api/v1/embedded/sources', { token, headers: { origin: ORIGIN } });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(answer.headers.get('vary') ?? '', /Origin/);
    const exposed = (answer.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const header of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after']) {
      assert.ok(exposed.includes(header), header);
    }
  });

  it('refuses the same token from another origin with 403 "Origin not allowed" and no CORS headers', async () => {
    const { token } = await sandbox.widgetToken({ workspace_name: unique('cors'), allowed_origin: ORIGIN });
    // Register the other origin too: binding is per token, not per list of known origins.
    await sandbox.widgetToken({ workspace_name: unique('cors'), allowed_origin: 'https://elsewhere.example.test' });
    for (const origin of ['https://evil.example.test', 'https://elsewhere.example.test', 'http://app.example.test:3001']) {
      const answer = await sandbox.call('GET', '/api/v1/embedded/sources', { token, headers: { origin } });
      assert.equal(answer.status, 403, origin);
      assert.deepEqual(answer.body, { detail: 'Origin not allowed' });
      assert.equal(answer.headers.get('access-control-allow-origin'), null);
    }
  });

  it('judges requests without an Origin header by the token alone', async () => {
    const { token } = await sandbox.widgetToken({ workspace_name: unique('cors'), allowed_origin: ORIGIN });
    const answer = await sandbox.call('GET', '/api/v1/embedded/sources', { token });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
  });

  it('passes preflights from registered origins with the allowed methods and headers', async () => {
    await sandbox.widgetToken({ workspace_name: unique('cors'), allowed_origin: ORIGIN });
    const answer = await preflight(ORIGIN);
    assert.equal(answer.status, 204);
    assert.equal(answer.headers.get('access-control-allow-origin'), ORIGIN);
    const methods = (answer.headers.get('access-control-allow-methods') ?? '').split(/,\s*/);
    assert.deepEqual(methods.sort(), ['DELETE', 'GET', 'OPTIONS', 'POST', 'PUT']);
    const headers = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'x-organization-id']) assert.ok(headers.includes(header), header);
    assert.ok(Number(answer.headers.get('access-control-max-age')) > 0);
  });

  it('refuses preflights from unregistered origins with 403', async () => {
    const answer = await preflight('https://never-registered.example.test');
    assert.equal(answer.status, 403);
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
    assert.deepEqual(await answer.json(), { detail: 'Origin not allowed' });
  });

  it('lets a browser read a 401 for an expired or broken token from a registered origin, so it can refresh', async () => {
    await sandbox.widgetToken({ workspace_name: unique('cors'), allowed_origin: ORIGIN });
    const answer = await sandbox.call('GET', '/api/v1/embedded/sources', { token: 'broken.token.value', headers: { origin: ORIGIN } });
    assert.equal(answer.status, 401);
    assert.equal(answer.headers.get('access-control-allow-origin'), ORIGIN);
  });

  it('binds a scoped token to an origin only when /scoped-token is given allowed_origin', async () => {
    const other = 'https://second.example.test';
    await sandbox.widgetToken({ workspace_name: unique('cors'), allowed_origin: other });
    const unbound = await sandbox.scopedToken(unique('cors'));
    const fromOther = await sandbox.call('GET', '/api/v1/embedded/sources', { token: unbound, headers: { origin: other } });
    assert.equal(fromOther.status, 200, 'an unbound token works from any registered origin');
    assert.equal(fromOther.headers.get('access-control-allow-origin'), other);

    const bound = await sandbox.scopedToken(unique('cors'), { allowed_origin: ORIGIN });
    assert.equal((await sandbox.call('GET', '/api/v1/embedded/sources', { token: bound, headers: { origin: ORIGIN } })).status, 200);
    assert.equal((await sandbox.call('GET', '/api/v1/embedded/sources', { token: bound, headers: { origin: other } })).status, 403);
  });
});
