// The two OAuth calls of ApiClient and the same-tab flow, against a real sandbox. The browser parts the same-tab
// flow needs (location, history, sessionStorage) are small fakes here; the popup flow runs in a real browser
// (popup.browser.test.ts). The person on the consent page is played with a form post, as the page's button does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError } from '../../src/api/api-error.js';
import { ApiClient, type ApiClientOptions } from '../../src/api/client.js';
import { asOAuthError, OAuthError } from '../../src/oauth/oauth-error.js';
import { completeRedirect, startRedirect, takeRedirectReturn } from '../../src/oauth/redirect-return.js';
import { createState } from '../../src/oauth/state.js';
import { withoutSecrets } from '../../src/oauth/without-secrets.js';
import { applyAuthValues, authInputs } from '../../src/spec/auth.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import { readToken } from '../../src/token/session.js';
import { createTemplate, startTestSandbox, TEST_ORIGIN, type TestSandbox } from '../support/sandbox-node.js';
import { OAUTH_ADVANCED_AUTH, OAUTH_SPEC } from './oauth-spec.js';

const model = buildFormModel(OAUTH_SPEC, OAUTH_ADVANCED_AUTH);
const form = { subdomain: 'acme', credentials: { auth_type: 'oauth2.0' } };

/** Answers the consent page as the person would (the page's own form post: no Origin from another page). */
async function decide(consentUrl: string, decision: 'allow' | 'deny'): Promise<URL> {
  const response = await fetch(consentUrl, { method: 'POST', body: new URLSearchParams({ decision }), redirect: 'manual' });
  assert.equal(response.status, 303);
  return new URL(response.headers.get('location')!);
}

const rejectsWith = (promise: Promise<unknown>, check: (e: any) => void) =>
  assert.rejects(promise, (e: unknown) => (check(e), true));

describe('OAuth through ApiClient, against the sandbox', () => {
  let sandbox: TestSandbox;
  let templateId: string;
  let tag: string;
  let callbackUrl: string;

  before(async () => {
    sandbox = await startTestSandbox();
    ({ template: { id: templateId }, tag } = await createTemplate(sandbox, OAUTH_SPEC, {
      user_config_spec: { connectionSpecification: OAUTH_SPEC, advanced_auth: OAUTH_ADVANCED_AUTH },
    }));
    callbackUrl = `${sandbox.apiBaseUrl}/sources/oauth/callback`;
  });
  after(() => sandbox.close());

  /** A client for a new end user, calling from TEST_ORIGIN as the host page's browser would. */
  async function client(options: Partial<ApiClientOptions> = {}) {
    const session = readToken(await sandbox.widgetToken({ selected_source_template_tags: [tag] }));
    const calls: string[] = [];
    const api = new ApiClient({
      baseUrl: sandbox.apiBaseUrl,
      token: async () => session.jwt,
      fetch: (url, init) => {
        calls.push(String(url));
        return fetch(url, { ...init, headers: { ...(init?.headers as object), origin: TEST_ORIGIN } });
      },
      retry: { baseDelayMs: 5 },
      ...options,
    });
    return { api, session, calls };
  }

  it('signs in: consent URL, allow, complete → a value for every output path, which a source then saves', async () => {
    const { api, session } = await client();
    const state = createState();
    const consentUrl = await api.oauthConsentUrl({ templateId, redirectUrl: callbackUrl, state, inputs: authInputs(model, form) });
    assert.equal(new URL(consentUrl).origin, sandbox.url);
    const back = await decide(consentUrl, 'allow');
    assert.equal(back.origin + back.pathname, callbackUrl);
    assert.equal(back.searchParams.get('state'), state);
    const values = await api.completeOAuth({
      templateId,
      redirectUrl: callbackUrl,
      query: { state, code: back.searchParams.get('code')! },
    });
    assert.deepEqual(values.map((v) => JSON.stringify(v.path)).sort(), model.auth!.outputPaths.map((p) => JSON.stringify(p)).sort());
    for (const v of values) assert.equal(typeof v.value, 'string');
    const created = await api.createSource({
      workspace_id: session.workspaceId,
      source_template_id: templateId,
      source_config: applyAuthValues(form, values),
    });
    assert.deepEqual(created.source_config.credentials, {
      auth_type: 'oauth2.0',
      client_id: '**********',
      client_secret: '**********',
      refresh_token: '**********',
    });
  });

  it('a state registers once (why consent-url is not repeated): the same state again is a 409', async () => {
    const { api } = await client();
    const state = createState();
    await api.oauthConsentUrl({ templateId, redirectUrl: callbackUrl, state });
    await rejectsWith(api.oauthConsentUrl({ templateId, redirectUrl: callbackUrl, state }), (e) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 'conflict');
      assert.equal(e.operation, 'oauth_consent_url');
    });
  });

  it('refuses a redirect URL on another origin with a validation error naming it', async () => {
    const { api } = await client();
    await rejectsWith(
      api.oauthConsentUrl({ templateId, redirectUrl: 'https://evil.example/cb', state: createState() }),
      (e) => assert.equal(e.code, 'validation_error'),
    );
  });

  it('hands the 400 body’s `error` to the caller: invalid_state → expired, access_denied → denied, invalid_grant → failed', async () => {
    const { api } = await client();
    const start = async () => {
      const state = createState();
      return { state, consentUrl: await api.oauthConsentUrl({ templateId, redirectUrl: callbackUrl, state }) };
    };
    const complete = (state: string, query: Record<string, string>) =>
      api.completeOAuth({ templateId, redirectUrl: callbackUrl, query: { state, ...query } });
    const expectReason = (promise: Promise<unknown>, reason: string, oauth: string) =>
      rejectsWith(promise, (e) => {
        assert.ok(e instanceof ApiError);
        assert.equal(e.status, 400);
        assert.equal(e.operation, 'complete_oauth');
        assert.equal(e.reason, reason);
        assert.ok(e.detail);
        assert.equal(asOAuthError(e).reason, oauth);
      });

    const a = await start();
    const code = (await decide(a.consentUrl, 'allow')).searchParams.get('code')!;
    await complete(a.state, { code });
    await expectReason(complete(a.state, { code }), 'invalid_state', 'expired'); // single use

    const b = await start();
    const denied = await decide(b.consentUrl, 'deny');
    await expectReason(complete(b.state, { error: denied.searchParams.get('error')! }), 'access_denied', 'denied');

    const c = await start();
    await decide(c.consentUrl, 'allow');
    await expectReason(complete(c.state, { code: 'not-the-code' }), 'invalid_grant', 'failed');

    await expectReason(complete(createState(), { code: 'x' }), 'invalid_state', 'expired');
  });

  it('same tab: leaves with a secret-free record, comes back to the page’s own URL and completes', async () => {
    const { api } = await client();
    const page = fakeBrowser(`${TEST_ORIGIN}/settings/sources?tab=new#top`);
    try {
      const value = { ...form, credentials: { auth_type: 'oauth2.0', client_secret: 'typed-secret' } };
      await startRedirect({ api, templateId, sourceId: 'src-1', inputs: authInputs(model, value), values: withoutSecrets(model, value) });
      assert.equal(new URL(page.assigned!).origin, sandbox.url);
      const stored = [...page.storage.values()].join();
      assert.doesNotMatch(stored, /typed-secret/);
      assert.equal(takeRedirectReturn(), undefined, 'nothing to take before the provider answered');

      const back = await decide(page.assigned!, 'allow');
      assert.equal(back.origin + back.pathname, `${TEST_ORIGIN}/settings/sources`);
      page.goTo(`${back.href}&keep=%20me#frag`);
      const taken = takeRedirectReturn()!;
      assert.ok(taken);
      // The page's own query and hash as they were when it left; what the provider added is gone.
      assert.equal(page.url.href, `${TEST_ORIGIN}/settings/sources?tab=new#top`);
      assert.equal(page.storage.size, 0, 'the record is used up');
      assert.equal(takeRedirectReturn(), undefined);
      assert.deepEqual(taken.record.values, { subdomain: 'acme', credentials: { auth_type: 'oauth2.0' } });
      assert.equal(taken.record.templateId, templateId);
      assert.equal(taken.record.sourceId, 'src-1');
      assert.equal(taken.query.state, taken.record.state);

      const values = await completeRedirect(api, taken);
      assert.equal(values.length, 3);
    } finally {
      page.restore();
    }
  });

  it('same tab: a denied sign-in comes back as denied, without a call', async () => {
    const { api, calls } = await client();
    const page = fakeBrowser(`${TEST_ORIGIN}/connect`);
    try {
      await startRedirect({ api, templateId, inputs: authInputs(model, form), values: withoutSecrets(model, form) });
      page.goTo((await decide(page.assigned!, 'deny')).href);
      const taken = takeRedirectReturn()!;
      assert.equal(taken.query.error, 'access_denied');
      assert.equal(page.url.href, `${TEST_ORIGIN}/connect`);
      const before = calls.length;
      await rejectsWith(completeRedirect(api, taken), (e) => assert.equal(e.reason, 'denied'));
      assert.equal(calls.length, before);
    } finally {
      page.restore();
    }
  });

  it('same tab: a failed consent request saves nothing and says failed', async () => {
    const { api } = await client();
    const page = fakeBrowser(`${TEST_ORIGIN}/connect`);
    try {
      await rejectsWith(startRedirect({ api, templateId: 'no-such-template', inputs: authInputs(model, form), values: withoutSecrets(model, form) }), (e) => {
        assert.ok(e instanceof OAuthError);
        assert.equal(e.reason, 'failed');
        assert.equal((e.cause as ApiError).code, 'not_found');
      });
      assert.equal(page.storage.size, 0);
      assert.equal(page.assigned, undefined);
    } finally {
      page.restore();
    }
  });
});

describe('takeRedirectReturn leaves foreign pages alone', () => {
  const record = (state: string, savedAt = Date.now()) =>
    JSON.stringify({ state, templateId: 't', values: {}, redirectUrl: 'http://x/', savedAt });

  it('no record, another state, or no code/error: undefined and nothing touched', () => {
    const state = createState();
    for (const [url, saved] of [
      [`http://x/?code=c&state=${state}`, undefined],
      [`http://x/?code=c&state=other`, record(state)],
      [`http://x/?state=${state}`, record(state)],
      [`http://x/?code=c`, record(state)],
      [`http://x/?code=c&state=${state}`, 'not json'],
    ] as const) {
      const page = fakeBrowser(url);
      try {
        if (saved) page.storage.set('airbyte-connect:oauth', saved);
        assert.equal(takeRedirectReturn(), undefined, url);
        assert.equal(page.url.href, url);
        assert.equal(page.storage.size, saved ? 1 : 0);
      } finally {
        page.restore();
      }
    }
  });

  it('drops a record older than 15 minutes, leaving the URL', () => {
    const state = createState();
    const url = `http://x/?code=c&state=${state}`;
    const page = fakeBrowser(url);
    try {
      page.storage.set('airbyte-connect:oauth', record(state, Date.now() - 16 * 60_000));
      assert.equal(takeRedirectReturn(), undefined);
      assert.equal(page.storage.size, 0);
      assert.equal(page.url.href, url);
    } finally {
      page.restore();
    }
  });

  it('removes exactly code, state, error and error_description', () => {
    const state = createState();
    const page = fakeBrowser(`http://x/p?a=1&error=access_denied&state=${state}&error_description=No%20thanks&b=2&codes=3&b=4#h?code=1`);
    try {
      page.storage.set('airbyte-connect:oauth', record(state));
      assert.deepEqual(takeRedirectReturn()!.query, { state, code: undefined, error: 'access_denied' });
      assert.equal(page.url.href, 'http://x/p?a=1&b=2&codes=3&b=4#h?code=1');
    } finally {
      page.restore();
    }
  });
});

describe('OAuth calls are not repeated blindly', () => {
  const answer = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  function fake(respond: (n: number) => Response | Promise<Response>) {
    const fresh: boolean[] = [];
    let n = 0;
    const api = new ApiClient({
      baseUrl: 'https://api.test/api/v1/embedded',
      token: async (f) => (fresh.push(f), 'jwt'),
      fetch: async () => respond(++n),
      retry: { baseDelayMs: 1 },
    });
    return { api, fresh, calls: () => n };
  }
  const consent = (api: ApiClient) =>
    api.oauthConsentUrl({ templateId: 't', redirectUrl: 'https://api.test/cb', state: createState() });
  const complete = (api: ApiClient) =>
    api.completeOAuth({ templateId: 't', redirectUrl: 'https://api.test/cb', query: { state: 's', code: 'c' } });

  it('consent-url: a 503 or a dropped connection is reported after one attempt', async () => {
    const busy = fake(() => answer(503, { detail: 'busy' }));
    await rejectsWith(consent(busy.api), (e) => assert.equal(e.code, 'server_error'));
    assert.equal(busy.calls(), 1);
    const dropped = fake(() => Promise.reject(new TypeError('fetch failed')));
    await rejectsWith(consent(dropped.api), (e) => assert.equal(e.code, 'network_error'));
    assert.equal(dropped.calls(), 1);
  });

  it('complete: a lost answer is never repeated (the code is single-use)', async () => {
    const dropped = fake(() => Promise.reject(new TypeError('fetch failed')));
    await rejectsWith(complete(dropped.api), (e) => assert.equal(e.code, 'network_error'));
    assert.equal(dropped.calls(), 1);
    const busy = fake(() => answer(502, {}));
    await rejectsWith(complete(busy.api), (e) => assert.equal(e.code, 'server_error'));
    assert.equal(busy.calls(), 1);
  });

  it('both: a refused token gets its one fresh try', async () => {
    const c = fake((n) => (n == 1 ? answer(401, { detail: 'expired' }) : answer(200, { values: [{ path: ['a'], value: 'v' }] })));
    assert.deepEqual(await complete(c.api), [{ path: ['a'], value: 'v' }]);
    assert.deepEqual(c.fresh, [false, true]);
  });

  it('only an http(s) consent URL is accepted: the popup is sent there', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'not a url']) {
      const c = fake(() => answer(200, { consent_url: url }));
      await rejectsWith(consent(c.api), (e) => assert.equal(e.code, 'invalid_response'));
    }
    const ok = fake(() => answer(200, { consent_url: 'https://provider.test/auth?x=1' }));
    assert.equal(await consent(ok.api), 'https://provider.test/auth?x=1');
  });

  it('complete: answers of the wrong shape are invalid_response; a 400 without `error` has no reason', async () => {
    const bad = fake(() => answer(200, { values: [{ path: 'a.b', value: 1 }] }));
    await rejectsWith(complete(bad.api), (e) => assert.equal(e.code, 'invalid_response'));
    const plain = fake(() => answer(400, { detail: 'nope' }));
    await rejectsWith(complete(plain.api), (e) => {
      assert.equal(e.reason, undefined);
      assert.equal(e.detail, 'nope');
    });
  });
});

/** Just enough of a browser page for the same-tab flow: location, history, sessionStorage. */
function fakeBrowser(href: string) {
  const page = {
    url: new URL(href),
    assigned: undefined as string | undefined,
    storage: new Map<string, string>(),
    goTo: (to: string) => void (page.url = new URL(to)),
    restore: () => {
      for (const name of names) delete (globalThis as any)[name];
    },
  };
  const location = {
    get href() { return page.url.href; },
    get origin() { return page.url.origin; },
    get pathname() { return page.url.pathname; },
    get search() { return page.url.search; },
    get hash() { return page.url.hash; },
    assign: (to: string) => void (page.assigned = to),
  };
  const history = { state: null, replaceState: (_: unknown, __: string, to: string) => void (page.url = new URL(to, page.url)) };
  const sessionStorage = {
    getItem: (k: string) => page.storage.get(k) ?? null,
    setItem: (k: string, v: string) => void page.storage.set(k, String(v)),
    removeItem: (k: string) => void page.storage.delete(k),
  };
  const globals = { location, history, sessionStorage };
  const names = Object.keys(globals);
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(globalThis, name, { value, configurable: true });
  return page;
}
