// The host-backend token helper against a real in-memory sandbox. The `fetch` wrappers below only count or
// alter outgoing requests; every answer comes from the sandbox itself.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startSandbox } from '../../src/sandbox/index.js';
import { TokenClientError, createTokenClient } from '../../src/server/index.js';
import { describeErrorBody, redact } from '../../src/server/token-client-error.js';

const clientId = 'token-client-test';
const clientSecret = 'token-client-secret-Zq81x';
const origin = 'https://app.acme.test';
const APP_TOKEN = '/api/v1/account/applications/token';
const WIDGET_TOKEN = '/api/v1/embedded/widget-token';

let sandbox: { url: string; close(): Promise<void> };

before(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, dataDir: 'memory', clientId, clientSecret });
});
after(async () => {
  await sandbox?.close();
});

/** A pass-through `fetch` that records each request's path; `alter` may change a request before it goes out. */
function recordingFetch(alter?: (path: string, init: RequestInit, index: number) => RequestInit) {
  const paths: string[] = [];
  const fetchFn: typeof fetch = (input, init = {}) => {
    const path = new URL(String(input)).pathname;
    const sent = alter ? alter(path, init, paths.filter((p) => p === path).length) : init;
    paths.push(path);
    return fetch(input, sent);
  };
  return { fetch: fetchFn, paths, count: (path: string) => paths.filter((p) => p === path).length };
}

function client(extra: Partial<Parameters<typeof createTokenClient>[0]> = {}) {
  return createTokenClient({ clientId, clientSecret, baseUrl: sandbox.url, ...extra });
}

function decodeBase64Json(text: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
}

function jwtClaims(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  assert.equal(parts.length, 3, 'a JWT has three parts');
  return decodeBase64Json(parts[1]!);
}

async function workspaceOf(scopedJwt: string): Promise<string> {
  const response = await fetch(`${sandbox.url}/api/v1/embedded/scoped-token/info`, {
    headers: { authorization: `Bearer ${scopedJwt}`, origin },
  });
  assert.equal(response.status, 200);
  const info = (await response.json()) as { workspace_id: string };
  return info.workspace_id;
}

/** A loopback port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function forgeAuthorization(init: RequestInit): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), authorization: 'Bearer forged.token.value' } };
}

describe('createTokenClient: minting', () => {
  it('mints a widget token that decodes to {token, widgetUrl} with the embedded JWT claims', async () => {
    const before = Math.floor(Date.now() / 1000);
    const widgetToken = await client().widgetToken({ workspaceName: 'acme-customer-1', allowedOrigin: origin });

    const payload = decodeBase64Json(widgetToken);
    assert.deepEqual(Object.keys(payload).sort(), ['token', 'widgetUrl']);
    const claims = jwtClaims(payload.token as string);
    assert.equal(claims.typ, 'io.airbyte.auth.embedded_v1');
    assert.deepEqual(claims.roles, ['EMBEDDED_END_USER']);
    assert.equal(claims.aud, 'airbyte-server');
    const workspaceId = (claims['io.airbyte.auth.workspace_scope'] as { workspaceId: string }).workspaceId;
    assert.match(workspaceId, /^[0-9a-f-]{36}$/);
    assert.ok(typeof claims.exp === 'number' && claims.exp > before, 'exp lies in the future');

    const widgetUrl = new URL(payload.widgetUrl as string);
    assert.equal(widgetUrl.searchParams.get('workspaceId'), workspaceId);
    assert.equal(widgetUrl.searchParams.get('allowedOrigin'), origin);
    assert.equal(await workspaceOf(payload.token as string), workspaceId);
  });

  it('mints a scoped token for the same workspace the widget token names', async () => {
    const tokens = client();
    const scoped = await tokens.scopedToken({ workspaceName: 'acme-customer-2' });
    const widget = await tokens.widgetToken({ workspaceName: 'acme-customer-2', allowedOrigin: origin });
    const widgetJwt = decodeBase64Json(widget).token as string;
    assert.equal(await workspaceOf(scoped), await workspaceOf(widgetJwt));
    assert.notEqual(await workspaceOf(scoped), await workspaceOf(await tokens.scopedToken({ workspaceName: 'other' })));
  });

  it('passes the template tag filters through', async () => {
    const widgetToken = await client().widgetToken({
      workspaceName: 'acme-customer-3',
      allowedOrigin: origin,
      selectedSourceTemplateTags: ['crm'],
      selectedSourceTemplateTagsMode: 'all',
      selectedConnectionTemplateTags: [],
      selectedConnectionTemplateTagsMode: 'any',
    });
    assert.ok(decodeBase64Json(widgetToken).token);
  });

  it('accepts the base URL with a trailing slash or /api/v1', async () => {
    for (const baseUrl of [`${sandbox.url}/`, `${sandbox.url}/api/v1`, `${sandbox.url}/api/v1/`]) {
      const token = await client({ baseUrl }).scopedToken({ workspaceName: 'acme-base-url' });
      assert.equal(jwtClaims(token).typ, 'io.airbyte.auth.embedded_v1', baseUrl);
    }
  });

  it('returns the application token itself', async () => {
    const token = await client().applicationToken();
    assert.equal(typeof token, 'string');
    const response = await fetch(`${sandbox.url}${WIDGET_TOKEN}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workspace_name: 'direct', allowed_origin: origin }),
    });
    assert.equal(response.status, 200);
  });
});

describe('createTokenClient: application token cache', () => {
  it('asks for one application token across many calls', async () => {
    const recorder = recordingFetch();
    const tokens = client({ fetch: recorder.fetch });
    await tokens.widgetToken({ workspaceName: 'cache-1', allowedOrigin: origin });
    await tokens.widgetToken({ workspaceName: 'cache-2', allowedOrigin: origin });
    await tokens.scopedToken({ workspaceName: 'cache-1' });
    await tokens.applicationToken();
    assert.equal(recorder.count(APP_TOKEN), 1);
    assert.equal(recorder.count(WIDGET_TOKEN), 2);
  });

  it('shares one in-flight application token request between concurrent callers', async () => {
    const recorder = recordingFetch();
    const tokens = client({ fetch: recorder.fetch });
    const minted = await Promise.all(
      Array.from({ length: 5 }, (_, i) => tokens.widgetToken({ workspaceName: `concurrent-${i}`, allowedOrigin: origin })),
    );
    assert.equal(new Set(minted).size, 5);
    assert.equal(recorder.count(APP_TOKEN), 1);
  });

  it('renews the application token about a minute before it expires', async () => {
    const recorder = recordingFetch();
    let now = Date.now();
    const tokens = client({ fetch: recorder.fetch, now: () => now });
    await tokens.scopedToken({ workspaceName: 'clock' });

    now += 10 * 60_000; // 10 of the 15 minutes
    await tokens.scopedToken({ workspaceName: 'clock' });
    assert.equal(recorder.count(APP_TOKEN), 1, 'still fresh after 10 minutes');

    now += 4 * 60_000 + 5_000; // 55 s before expiry
    await tokens.scopedToken({ workspaceName: 'clock' });
    assert.equal(recorder.count(APP_TOKEN), 2, 'renewed inside the last minute');

    await tokens.scopedToken({ workspaceName: 'clock' });
    assert.equal(recorder.count(APP_TOKEN), 2, 'the renewed token is cached again');
  });
});

describe('createTokenClient: 401 handling', () => {
  it('on a 401 gets a new application token and retries once', async () => {
    const recorder = recordingFetch((path, init, index) =>
      path === WIDGET_TOKEN && index === 0 ? forgeAuthorization(init) : init,
    );
    const tokens = client({ fetch: recorder.fetch });
    const widgetToken = await tokens.widgetToken({ workspaceName: 'retry', allowedOrigin: origin });
    assert.ok(decodeBase64Json(widgetToken).token);
    assert.equal(recorder.count(WIDGET_TOKEN), 2);
    assert.equal(recorder.count(APP_TOKEN), 2);
  });

  it('gives up after a second consecutive 401', async () => {
    const recorder = recordingFetch((path, init) => (path === WIDGET_TOKEN ? forgeAuthorization(init) : init));
    const tokens = client({ fetch: recorder.fetch });
    await assert.rejects(tokens.widgetToken({ workspaceName: 'no-loop', allowedOrigin: origin }), (error) => {
      assert.ok(error instanceof TokenClientError);
      assert.equal(error.status, 401);
      assert.match(error.message, /widget token request failed \(401\)/);
      return true;
    });
    assert.equal(recorder.count(WIDGET_TOKEN), 2);
    assert.equal(recorder.count(APP_TOKEN), 2);
  });

  it('fails once, without retrying, when the client secret is wrong', async () => {
    const wrongSecret = 'wrong-secret-Hq27v';
    const recorder = recordingFetch();
    const tokens = client({ clientSecret: wrongSecret, fetch: recorder.fetch });
    await assert.rejects(tokens.widgetToken({ workspaceName: 'wrong', allowedOrigin: origin }), (error) => {
      assert.ok(error instanceof TokenClientError);
      assert.equal(error.status, 401);
      assert.match(error.message, /application token request failed \(401\): \S/);
      assert.ok(!error.message.includes(wrongSecret));
      return true;
    });
    assert.deepEqual(recorder.paths, [APP_TOKEN]);
  });
});

describe('createTokenClient: errors', () => {
  it('rejects missing credentials and a bad base URL at once', () => {
    assert.throws(() => createTokenClient({ clientId: '', clientSecret }), /clientId is required/);
    assert.throws(() => createTokenClient({ clientId, clientSecret: '  ' }), /clientSecret is required/);
    assert.throws(() => createTokenClient({ clientId, clientSecret, baseUrl: 'api.airbyte.ai' }), TokenClientError);
  });

  it('rejects bad inputs before sending any request', async () => {
    const recorder = recordingFetch();
    const tokens = client({ fetch: recorder.fetch });
    await assert.rejects(tokens.widgetToken({ workspaceName: '', allowedOrigin: origin }), /workspaceName is required/);
    await assert.rejects(tokens.scopedToken({ workspaceName: ' ' }), /workspaceName is required/);
    for (const allowedOrigin of ['https://app.acme.test/', 'app.acme.test', '*', 'https://app.acme.test/path', 'ftp://x.test']) {
      await assert.rejects(tokens.widgetToken({ workspaceName: 'x', allowedOrigin }), /allowedOrigin must be an origin/);
    }
    await assert.rejects(
      // @ts-expect-error: a plain-JS caller may pass anything
      tokens.widgetToken({ workspaceName: 'x', allowedOrigin: origin, selectedSourceTemplateTagsMode: 'some' }),
      /"any" or "all"/,
    );
    assert.deepEqual(recorder.paths, []);
  });

  it('reports the server\'s reason without leaking the secret or any token', async () => {
    const recorder = recordingFetch();
    const tokens = client({ fetch: recorder.fetch });
    const appToken = await tokens.applicationToken();
    const error = await tokens.widgetToken({ workspaceName: 'x', allowedOrigin: origin, regionId: 'not-a-region' }).then(
      () => assert.fail('an unknown region is refused'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof TokenClientError);
    assert.ok(error.status && error.status >= 400 && error.status < 500, `status ${error.status}`);
    assert.match(error.message, /^Airbyte widget token request failed \(\d{3}\): \S/);
    for (const secret of [clientSecret, appToken]) assert.ok(!error.message.includes(secret));
  });

  it('reports an unreachable server as an error without a status', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    await assert.rejects(client({ baseUrl }).scopedToken({ workspaceName: 'x' }), (error) => {
      assert.ok(error instanceof TokenClientError);
      assert.equal(error.status, undefined);
      assert.equal(error.message, `application token request to ${baseUrl} failed: fetch failed (ECONNREFUSED)`);
      return true;
    });
  });

  it('reads `detail` as a string or a list, and `message`', () => {
    assert.equal(describeErrorBody({ detail: 'Invalid authentication credentials' }), 'Invalid authentication credentials');
    assert.equal(
      describeErrorBody({ detail: [{ loc: ['body', 'allowed_origin'], msg: 'field required', type: 'value_error.missing' }] }),
      'allowed_origin: field required',
    );
    assert.equal(describeErrorBody({ message: 'Rate limited' }), 'Rate limited');
    assert.equal(describeErrorBody('<html>'), undefined);
  });

  it('redacts secrets and token-shaped strings', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    assert.equal(redact(`bad ${jwt} and s3cret!`, ['s3cret!']), 'bad [redacted] and [redacted]');
  });
});
