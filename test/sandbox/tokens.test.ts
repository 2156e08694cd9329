// Token endpoints and the authorisation matrix: which token may call what, and how refusals read.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CLIENT_ID, CLIENT_SECRET, decodeWidgetToken, jwtClaims, jwtHeader, ORIGIN, sleep, startTestSandbox, unique, type TestSandbox } from './helpers.js';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(() => sandbox.close());

describe('POST /account/applications/token', () => {
  it('exchanges client credentials for a 900-second bearer token and names the organisation', async () => {
    const answer = await sandbox.call('POST', '/api/v1/account/applications/token', {
      body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.token_type, 'bearer');
    assert.equal(answer.body.expires_in, 900);
    assert.match(answer.body.organization_id, /^[0-9a-f-]{36}$/);
    const claims = jwtClaims(answer.body.access_token);
    assert.ok(Math.abs((claims.exp as number) - (Date.now() / 1000 + 900)) < 5);
  });

  it('refuses wrong credentials with 401 {detail}', async () => {
    const answer = await sandbox.call('POST', '/api/v1/account/applications/token', {
      body: { client_id: CLIENT_ID, client_secret: 'nope' },
    });
    assert.equal(answer.status, 401);
    assert.equal(typeof answer.body.detail, 'string');
    assert.doesNotMatch(JSON.stringify(answer.body), /nope/);
  });

  it('reports missing fields as FastAPI 422 issues', async () => {
    const answer = await sandbox.call('POST', '/api/v1/account/applications/token', { body: { client_id: CLIENT_ID } });
    assert.equal(answer.status, 422);
    assert.deepEqual(answer.body.detail, [{ loc: ['body', 'client_secret'], msg: 'Required', type: 'value_error.missing' }]);
  });
});

describe('POST /embedded/widget-token', () => {
  it('answers {token: base64(JSON {token, widgetUrl})} with a scoped JWT carrying the contract claims', async () => {
    const operator = await sandbox.operatorToken();
    const answer = await sandbox.call('POST', '/api/v1/embedded/widget-token', {
      token: operator,
      body: { workspace_name: unique('acme'), allowed_origin: ORIGIN },
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body), ['token']);
    assert.match(answer.body.token, /^[A-Za-z0-9+/]+=*$/, 'standard base64');
    const payload = decodeWidgetToken(answer.body.token);
    assert.deepEqual(Object.keys(payload).sort(), ['token', 'widgetUrl']);

    const url = new URL(payload.widgetUrl);
    assert.equal(url.origin, sandbox.url);
    assert.equal(url.pathname, '/embedded-widget');
    assert.equal(url.searchParams.get('allowedOrigin'), ORIGIN);
    assert.ok(payload.widgetUrl.includes(`allowedOrigin=${encodeURIComponent(ORIGIN)}`));

    assert.deepEqual(jwtHeader(payload.token), { alg: 'HS256' });
    const claims = jwtClaims(payload.token);
    assert.equal(claims.typ, 'io.airbyte.auth.embedded_v1');
    assert.deepEqual(claims.roles, ['EMBEDDED_END_USER']);
    assert.equal(claims.aud, 'airbyte-server');
    assert.equal(claims.iss, sandbox.url);
    assert.equal(typeof claims.sub, 'string');
    assert.deepEqual(claims['io.airbyte.auth.workspace_scope'], { workspaceId: url.searchParams.get('workspaceId') });
    assert.equal(typeof (claims.act as { sub: unknown }).sub, 'string');
    assert.equal(claims['io.airbyte.auth.allowed_origin'], ORIGIN);
    assert.ok(Math.abs((claims.exp as number) - (Date.now() / 1000 + 1200)) < 5, 'default lifetime 20 minutes');
    assert.equal(claims.iat, undefined);
  });

  it('reuses the workspace of a known workspace_name and accepts customer_name and the aliases', async () => {
    const operator = await sandbox.operatorToken();
    const name = unique('reuse');
    const workspaceOf = async (path: string, body: Record<string, unknown>) => {
      const answer = await sandbox.call('POST', path, { token: operator, body });
      assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
      return new URL(decodeWidgetToken(answer.body.token).widgetUrl).searchParams.get('workspaceId');
    };
    const first = await workspaceOf('/api/v1/embedded/widget-token', { workspace_name: name, allowed_origin: ORIGIN });
    assert.equal(await workspaceOf('/api/v1/embedded/widget_token', { workspace_name: name, allowed_origin: ORIGIN }), first);
    assert.equal(await workspaceOf('/api/v1/account/applications/widget-token', { customer_name: name, allowed_origin: ORIGIN }), first);
    assert.notEqual(await workspaceOf('/api/v1/embedded/widget-token', { workspace_name: unique('other'), allowed_origin: ORIGIN }), first);
  });

  for (const origin of ['https://app.example.test/', 'https://app.example.test/path', 'https://*.example.test', 'app.example.test', 'ftp://x.test']) {
    it(`refuses allowed_origin ${JSON.stringify(origin)} with 422`, async () => {
      const answer = await sandbox.call('POST', '/api/v1/embedded/widget-token', {
        token: await sandbox.operatorToken(),
        body: { workspace_name: unique('w'), allowed_origin: origin },
      });
      assert.equal(answer.status, 422);
      assert.deepEqual(answer.body.detail.map((issue: { loc: unknown }) => issue.loc), [['body', 'allowed_origin']]);
      assert.equal(answer.body.detail[0].type, 'value_error.format');
    });
  }

  it('requires workspace_name (or customer_name) and allowed_origin', async () => {
    const answer = await sandbox.call('POST', '/api/v1/embedded/widget-token', { token: await sandbox.operatorToken(), body: {} });
    assert.equal(answer.status, 422);
    const locs = answer.body.detail.map((issue: { loc: string[] }) => issue.loc.join('.')).sort();
    assert.deepEqual(locs, ['body.allowed_origin', 'body.workspace_name']);
  });

  it('mints short-lived tokens with expires_in_seconds and rejects out-of-range values', async () => {
    const { token } = await sandbox.widgetToken({ workspace_name: unique('short'), allowed_origin: ORIGIN, expires_in_seconds: 60 });
    assert.ok(Math.abs((jwtClaims(token).exp as number) - (Date.now() / 1000 + 60)) < 5);
    const answer = await sandbox.call('POST', '/api/v1/embedded/widget-token', {
      token: await sandbox.operatorToken(),
      body: { workspace_name: 'x', allowed_origin: ORIGIN, expires_in_seconds: 0 },
    });
    assert.equal(answer.status, 422);
    assert.deepEqual(answer.body.detail[0].loc, ['body', 'expires_in_seconds']);
  });
});

describe('POST /embedded/scoped-token and GET /embedded/scoped-token/info', () => {
  it('mints {token} whose info names the organisation and workspace, on every alias', async () => {
    const operator = await sandbox.operatorToken();
    const name = unique('scoped');
    const minted = await sandbox.call('POST', '/api/v1/embedded/scoped-token', { token: operator, body: { workspace_name: name } });
    assert.equal(minted.status, 200);
    assert.deepEqual(Object.keys(minted.body), ['token']);
    const claims = jwtClaims(minted.body.token);
    assert.equal(claims['io.airbyte.auth.allowed_origin'], undefined, 'not origin-bound');
    const workspaceId = (claims['io.airbyte.auth.workspace_scope'] as { workspaceId: string }).workspaceId;

    const again = await sandbox.call('POST', '/api/v1/account/applications/scoped-token', { token: operator, body: { customer_name: name } });
    assert.equal(again.status, 200);

    const organizationId = (await sandbox.call('POST', '/api/v1/account/applications/token', { body: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET } })).body.organization_id;
    for (const path of ['/api/v1/embedded/scoped-token/info', '/api/v1/embedded/scoped-token-info', '/api/v1/embedded/organizations/current-scoped']) {
      const info = await sandbox.call('GET', path, { token: again.body.token });
      assert.equal(info.status, 200, path);
      assert.deepEqual(info.body, { organization_id: organizationId, workspace_id: workspaceId });
    }
  });
});

describe('authorisation', () => {
  it('answers 401 with distinct details for missing, malformed, forged and expired tokens', async () => {
    const path = '/api/v1/embedded/sources';
    const missing = await sandbox.call('GET', path);
    assert.equal(missing.status, 401);
    assert.match(missing.body.detail, /not authenticated/i);

    const malformed = await sandbox.call('GET', path, { token: 'not-a-jwt' });
    assert.equal(malformed.status, 401);
    assert.match(malformed.body.detail, /malformed/i);

    const notBearer = await sandbox.call('GET', path, { headers: { authorization: 'Basic abc' } });
    assert.equal(notBearer.status, 401);
    assert.match(notBearer.body.detail, /bearer/i);

    const genuine = await sandbox.scopedToken(unique('forge'));
    const [header, payload] = genuine.split('.');
    const forgedSignature = createHmac('sha256', 'guessed-key').update(`${header}.${payload}`).digest('base64url');
    const forged = await sandbox.call('GET', path, { token: `${header}.${payload}.${forgedSignature}` });
    assert.equal(forged.status, 401);
    assert.equal(forged.body.detail, 'Invalid authentication credentials');

    const shortLived = await sandbox.scopedToken(unique('expiring'), { expires_in_seconds: 1 });
    assert.equal((await sandbox.call('GET', path, { token: shortLived })).status, 200);
    await sleep(2100);
    const expired = await sandbox.call('GET', path, { token: shortLived });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.detail, 'Token expired');
    assert.equal(expired.headers.get('www-authenticate'), 'Bearer');
  });

  it('names the mix-up when a widget token is sent where the scoped JWT belongs', async () => {
    const operator = await sandbox.operatorToken();
    const minted = await sandbox.call('POST', '/api/v1/embedded/widget-token', {
      token: operator,
      body: { workspace_name: unique('mixup'), allowed_origin: ORIGIN },
    });
    const answer = await sandbox.call('GET', '/api/v1/embedded/sources', { token: minted.body.token });
    assert.equal(answer.status, 401);
    assert.match(answer.body.detail, /widget token/);
  });

  it('refuses scoped tokens on operator endpoints and application tokens on end-user endpoints with 403', async () => {
    const operator = await sandbox.operatorToken();
    const scoped = await sandbox.scopedToken(unique('matrix'));
    const operatorOnly: [string, string, unknown?][] = [
      ['POST', '/api/v1/embedded/widget-token', { workspace_name: 'x', allowed_origin: ORIGIN }],
      ['POST', '/api/v1/embedded/scoped-token', { workspace_name: 'x' }],
      ['GET', '/api/v1/integrations/templates/sources'],
      ['POST', '/api/v1/integrations/templates/sources', { name: 'x' }],
      ['GET', '/api/v1/sandbox/faults'],
      ['POST', '/api/v1/sandbox/faults', { path: '/x', status: 500 }],
    ];
    for (const [method, path, body] of operatorOnly) {
      const answer = await sandbox.call(method, path, { token: scoped, body });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.equal(typeof answer.body.detail, 'string');
    }
    const endUserOnly: [string, string, unknown?][] = [
      ['GET', '/api/v1/embedded/scoped-token/info'],
      ['GET', '/api/v1/embedded/source-templates'],
      ['GET', '/api/v1/embedded/sources'],
      ['POST', '/api/v1/embedded/sources', {}],
      ['POST', '/api/v1/embedded/sources/check', {}],
    ];
    for (const [method, path, body] of endUserOnly) {
      const answer = await sandbox.call(method, path, { token: operator, body });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.equal(typeof answer.body.detail, 'string');
    }
  });

  it('refuses another organisation in X-Organization-Id with 403', async () => {
    const scoped = await sandbox.scopedToken(unique('org'));
    const answer = await sandbox.call('GET', '/api/v1/embedded/sources', {
      token: scoped,
      headers: { 'x-organization-id': '00000000-0000-4000-8000-000000000000' },
    });
    assert.equal(answer.status, 403);
  });
});
