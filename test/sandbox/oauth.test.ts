// OAuth sign-in (sandbox extension), API side: consent-url, complete, and the TTL test setting.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { nameBasedId } from '../../src/sandbox/ids.js';
import { readSandboxOptions } from '../../src/sandbox/index.js';
import { ORIGIN, startTestSandbox, unique, type TestSandbox } from './helpers.js';

const CONSENT_URL = '/api/v1/embedded/sources/oauth/consent-url';
const COMPLETE = '/api/v1/embedded/sources/oauth/complete';
const SETTINGS = '/api/v1/sandbox/oauth/settings';
const GITHUB = nameBasedId('template:source-github');
const ZENDESK = nameBasedId('template:source-zendesk-support');
const FAKER = nameBasedId('template:source-faker');
const EXPIRED = 'This sign-in has expired or was already used. Start again.';

/** What the widget generates: 43 base64url characters. */
const newState = () => randomBytes(32).toString('base64url');

let sandbox: TestSandbox;
let operator: string;
let callbackUrl: string;

before(async () => {
  sandbox = await startTestSandbox();
  operator = await sandbox.operatorToken();
  callbackUrl = `${sandbox.url}/api/v1/embedded/sources/oauth/callback`;
});
after(() => sandbox.close());
afterEach(async () => {
  await sandbox.call('DELETE', SETTINGS, { token: operator });
  await sandbox.call('DELETE', '/api/v1/sandbox/faults', { token: operator });
});

interface SignIn {
  state: string;
  consentUrl: string;
  templateId: string;
}

/** POST consent-url with sensible defaults; `body` overrides them. */
const askConsentUrl = (token: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  sandbox.call('POST', CONSENT_URL, {
    token,
    headers,
    body: { source_template_id: GITHUB, redirect_url: callbackUrl, state: newState(), ...body },
  });

async function startSignIn(token: string, templateId = GITHUB): Promise<SignIn> {
  const state = newState();
  const answer = await askConsentUrl(token, { source_template_id: templateId, state });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return { state, consentUrl: answer.body.consent_url, templateId };
}

/** Answers the consent page as the user would, and returns where the browser is sent. */
async function decide(consentUrl: string, decision: 'allow' | 'deny'): Promise<URL> {
  const response = await fetch(consentUrl, { method: 'POST', body: new URLSearchParams({ decision }), redirect: 'manual' });
  assert.equal(response.status, 303);
  return new URL(response.headers.get('location')!);
}

/** A sign-in the user allowed: the query the provider sends back. */
async function allowedSignIn(token: string, templateId = GITHUB) {
  const signIn = await startSignIn(token, templateId);
  const back = await decide(signIn.consentUrl, 'allow');
  return { ...signIn, code: back.searchParams.get('code')!, query: Object.fromEntries(back.searchParams) };
}

const complete = (token: string, query: Record<string, string>, extra: Record<string, unknown> = {}) =>
  sandbox.call('POST', COMPLETE, { token, body: { source_template_id: GITHUB, redirect_url: callbackUrl, query, ...extra } });

const issueLocs = (body: { detail: { loc: unknown[] }[] }) => body.detail.map((issue) => issue.loc.join('.'));

describe('POST /embedded/sources/oauth/consent-url', () => {
  it('answers with a consent URL on the sandbox holding an opaque request id, not the state', async () => {
    const token = await sandbox.scopedToken(unique('consent'));
    const state = newState();
    const answer = await askConsentUrl(token, { state });
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body), ['consent_url']);
    const url = new URL(answer.body.consent_url);
    assert.equal(`${url.origin}${url.pathname}`, `${sandbox.url}/api/v1/sandbox/oauth/consent`);
    const request = url.searchParams.get('request')!;
    assert.match(request, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!answer.body.consent_url.includes(state), 'the state stays between the widget and the sandbox');
  });

  it('accepts a redirect URL on the requesting page’s origin (same-tab fallback), keeping its query', async () => {
    const token = await sandbox.scopedToken(unique('same-tab'), { allowed_origin: ORIGIN });
    const redirect = `${ORIGIN}/settings/sources?tab=new`;
    const answer = await askConsentUrl(token, { redirect_url: redirect }, { origin: ORIGIN });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.headers.get('access-control-allow-origin'), ORIGIN);
    const back = await decide(answer.body.consent_url, 'allow');
    assert.equal(`${back.origin}${back.pathname}`, `${ORIGIN}/settings/sources`);
    assert.equal(back.searchParams.get('tab'), 'new');
  });

  it('takes the OAuth inputs of the template and checks them against the connector spec', async () => {
    const token = await sandbox.scopedToken(unique('inputs'));
    const ok = await askConsentUrl(token, { source_template_id: ZENDESK, oauth_input_configuration: { subdomain: 'acme' } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const wrong = await askConsentUrl(token, { source_template_id: ZENDESK, oauth_input_configuration: { subdomain: 'Not A Subdomain', region: 'eu' } });
    assert.equal(wrong.status, 422);
    assert.deepEqual(issueLocs(wrong.body).sort(), [
      'body.oauth_input_configuration.region',
      'body.oauth_input_configuration.subdomain',
    ]);
  });

  it('answers 404 for a template the organisation does not have', async () => {
    const token = await sandbox.scopedToken(unique('unknown'));
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const answer = await askConsentUrl(token, { source_template_id: id });
      assert.equal(answer.status, 404);
      assert.deepEqual(answer.body, { detail: 'Source template not found' });
    }
  });

  it('answers 422 naming source_template_id for a template without advanced_auth', async () => {
    const token = await sandbox.scopedToken(unique('no-oauth'));
    const answer = await askConsentUrl(token, { source_template_id: FAKER });
    assert.equal(answer.status, 422);
    assert.deepEqual(issueLocs(answer.body), ['body.source_template_id']);
  });

  it('answers 422 naming redirect_url for anything but the sandbox or the requesting origin', async () => {
    const token = await sandbox.scopedToken(unique('redirect'), { allowed_origin: ORIGIN });
    const refused = [
      'https://evil.example.test/callback',
      'http://app.example.test:3001/callback', // another port is another origin
      `${ORIGIN.replace('http:', 'https:')}/callback`,
      'javascript:alert(1)',
      '/api/v1/embedded/sources/oauth/callback',
      `${callbackUrl}#fragment`,
      callbackUrl.replace('://', '://user:pw@'),
    ];
    for (const redirect of refused) {
      const answer = await askConsentUrl(token, { redirect_url: redirect }, { origin: ORIGIN });
      assert.equal(answer.status, 422, redirect);
      assert.deepEqual(issueLocs(answer.body), ['body.redirect_url'], redirect);
    }
    // Without an Origin header (a server calling), only the sandbox itself is a valid target.
    const serverSide = await askConsentUrl(token, { redirect_url: `${ORIGIN}/page` });
    assert.equal(serverSide.status, 422);
  });

  it('registers a state once: the same state again is 409, while a refused request does not use it up', async () => {
    const token = await sandbox.scopedToken(unique('reuse'));
    const state = newState();
    assert.equal((await askConsentUrl(token, { state, redirect_url: 'https://evil.example.test/' })).status, 422);
    assert.equal((await askConsentUrl(token, { state })).status, 200);
    const again = await askConsentUrl(token, { state });
    assert.equal(again.status, 409);
    assert.equal(typeof again.body.detail, 'string');
    const otherUser = await askConsentUrl(await sandbox.scopedToken(unique('reuse-other')), { state });
    assert.equal(otherUser.status, 409);
  });

  it('answers 422 naming state when it is missing or malformed', async () => {
    const token = await sandbox.scopedToken(unique('state'));
    const missing = await sandbox.call('POST', CONSENT_URL, { token, body: { source_template_id: GITHUB, redirect_url: callbackUrl } });
    assert.equal(missing.status, 422);
    assert.deepEqual(issueLocs(missing.body), ['body.state']);
    for (const state of ['a'.repeat(31), 'a'.repeat(129), `${'a'.repeat(40)} !`, `${'a'.repeat(40)}.+/`, 12345678901234567890]) {
      const answer = await askConsentUrl(token, { state });
      assert.equal(answer.status, 422, String(state));
      assert.deepEqual([...new Set(issueLocs(answer.body))], ['body.state'], String(state));
    }
  });

  it('needs an end user’s scoped token', async () => {
    const noToken = await sandbox.call('POST', CONSENT_URL, { body: { source_template_id: GITHUB, redirect_url: callbackUrl, state: newState() } });
    assert.equal(noToken.status, 401);
    assert.equal((await askConsentUrl('not-a-jwt')).status, 401);
    assert.equal((await askConsentUrl(`${await sandbox.scopedToken(unique('forged'))}x`)).status, 401);
    assert.equal((await askConsentUrl(operator)).status, 403);
  });

  it('obeys fault injection like every end-user endpoint', async () => {
    const token = await sandbox.scopedToken(unique('fault'));
    await sandbox.call('POST', '/api/v1/sandbox/faults', { token: operator, body: { path: CONSENT_URL, status: 503 } });
    assert.equal((await askConsentUrl(token)).status, 503);
    assert.equal((await askConsentUrl(token)).status, 200);
  });
});

describe('POST /embedded/sources/oauth/complete', () => {
  it('answers with a value for every OAuth output path, once', async () => {
    const token = await sandbox.scopedToken(unique('complete'));
    const signIn = await allowedSignIn(token);
    const answer = await complete(token, signIn.query);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(
      answer.body.values.map((entry: { path: string[] }) => entry.path),
      [
        ['credentials', 'access_token'],
        ['credentials', 'client_id'],
        ['credentials', 'client_secret'],
      ],
    );
    for (const { value } of answer.body.values) assert.equal(typeof value, 'string');

    const second = await complete(token, (await allowedSignIn(token)).query);
    const valueAt = (body: { values: { path: string[]; value: string }[] }, key: string) =>
      body.values.find((entry) => entry.path.at(-1) === key)!.value;
    assert.equal(valueAt(second.body, 'client_id'), valueAt(answer.body, 'client_id'), 'the OAuth app’s id is stable');
    assert.notEqual(valueAt(second.body, 'access_token'), valueAt(answer.body, 'access_token'), 'tokens are fresh');
    assert.notEqual(valueAt(second.body, 'client_secret'), valueAt(answer.body, 'client_secret'));
  });

  it('refuses a replayed state with invalid_state', async () => {
    const token = await sandbox.scopedToken(unique('replay-state'));
    const signIn = await allowedSignIn(token);
    assert.equal((await complete(token, signIn.query)).status, 200);
    const replay = await complete(token, signIn.query);
    assert.equal(replay.status, 400);
    assert.deepEqual(replay.body, { detail: EXPIRED, error: 'invalid_state' });
  });

  it('refuses a replayed code (another sign-in’s) with invalid_grant and spends the state', async () => {
    const token = await sandbox.scopedToken(unique('replay-code'));
    const first = await allowedSignIn(token);
    assert.equal((await complete(token, first.query)).status, 200);
    const second = await allowedSignIn(token);
    const replay = await complete(token, { state: second.state, code: first.code });
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, 'invalid_grant');
    assert.equal(typeof replay.body.detail, 'string');
    assert.equal((await complete(token, second.query)).body.error, 'invalid_state', 'the state is spent');
  });

  it('refuses a missing code, or another redirect URL than the sign-in’s, with invalid_grant', async () => {
    const token = await sandbox.scopedToken(unique('no-code'));
    const noCode = await complete(token, { state: (await allowedSignIn(token)).state });
    assert.equal(noCode.body.error, 'invalid_grant');
    const otherRedirect = await complete(token, (await allowedSignIn(token)).query, { redirect_url: `${callbackUrl}?other=1` });
    assert.equal(otherRedirect.body.error, 'invalid_grant');
  });

  it('refuses an expired sign-in (TTL set to 0 by the test setting) with invalid_state', async () => {
    const token = await sandbox.scopedToken(unique('expired'));
    const signIn = await allowedSignIn(token);
    const set = await sandbox.call('POST', SETTINGS, { token: operator, body: { state_ttl_ms: 0 } });
    assert.deepEqual(set.body, { state_ttl_ms: 0 });
    const answer = await complete(token, signIn.query);
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, { detail: EXPIRED, error: 'invalid_state' });
  });

  it('refuses another end user’s token (another workspace; the sandbox serves one organisation) and another template', async () => {
    const owner = await sandbox.scopedToken(unique('owner'));
    const signIn = await allowedSignIn(owner);
    const stranger = await sandbox.scopedToken(unique('stranger'));
    assert.deepEqual((await complete(stranger, signIn.query)).body, { detail: EXPIRED, error: 'invalid_state' });
    const otherTemplate = await complete(owner, signIn.query, { source_template_id: ZENDESK });
    assert.equal(otherTemplate.body.error, 'invalid_state');
    assert.equal((await complete(owner, signIn.query)).status, 200, 'the rightful owner can still finish');
  });

  it('reports a denied sign-in as access_denied and spends the state', async () => {
    const token = await sandbox.scopedToken(unique('denied'));
    const signIn = await startSignIn(token);
    const back = await decide(signIn.consentUrl, 'deny');
    assert.deepEqual(Object.fromEntries(back.searchParams), { error: 'access_denied', state: signIn.state });
    const answer = await complete(token, Object.fromEntries(back.searchParams));
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'access_denied');
    assert.equal(typeof answer.body.detail, 'string');
    assert.equal((await complete(token, Object.fromEntries(back.searchParams))).body.error, 'invalid_state');
  });

  it('refuses an unknown state, and needs a scoped token', async () => {
    const token = await sandbox.scopedToken(unique('unknown-state'));
    assert.deepEqual((await complete(token, { state: newState(), code: 'x' })).body, { detail: EXPIRED, error: 'invalid_state' });
    const missing = await sandbox.call('POST', COMPLETE, { token, body: { source_template_id: GITHUB, redirect_url: callbackUrl, query: {} } });
    assert.equal(missing.status, 422);
    assert.equal((await complete('', { state: newState() })).status, 401);
    assert.equal((await complete('not-a-jwt', { state: newState() })).status, 401);
    assert.equal((await complete(operator, { state: newState() })).status, 403);
  });
});

describe('/sandbox/oauth/settings', () => {
  it('reads, sets and resets the sign-in lifetime (operator token only)', async () => {
    assert.deepEqual((await sandbox.call('GET', SETTINGS, { token: operator })).body, { state_ttl_ms: 600_000 });
    assert.deepEqual((await sandbox.call('POST', SETTINGS, { token: operator, body: { state_ttl_ms: 1234 } })).body, { state_ttl_ms: 1234 });
    assert.deepEqual((await sandbox.call('GET', SETTINGS, { token: operator })).body, { state_ttl_ms: 1234 });
    const reset = await sandbox.call('DELETE', SETTINGS, { token: operator });
    assert.equal(reset.status, 200);
    assert.deepEqual(reset.body, { state_ttl_ms: 600_000 });
    const scoped = await sandbox.scopedToken(unique('settings'));
    assert.equal((await sandbox.call('POST', SETTINGS, { token: scoped, body: { state_ttl_ms: 0 } })).status, 403);
    assert.equal((await sandbox.call('POST', SETTINGS, { body: { state_ttl_ms: 0 } })).status, 401);
  });

  it('refuses unknown settings and negative lifetimes with 422', async () => {
    for (const body of [{ state_ttl: 0 }, { state_ttl_ms: -1 }, { state_ttl_ms: 1.5 }]) {
      const answer = await sandbox.call('POST', SETTINGS, { token: operator, body });
      assert.equal(answer.status, 422, JSON.stringify(body));
    }
  });

  it('takes its default from SANDBOX_OAUTH_STATE_TTL_MS', () => {
    assert.equal(readSandboxOptions({ SANDBOX_OAUTH_STATE_TTL_MS: '5000' }).oauthStateTtlMs, 5000);
    assert.equal(readSandboxOptions({}).oauthStateTtlMs, undefined);
    assert.throws(() => readSandboxOptions({ SANDBOX_OAUTH_STATE_TTL_MS: 'soon' }), /SANDBOX_OAUTH_STATE_TTL_MS.*"soon"/);
  });
});
