// OAuth sign-in (sandbox extension), browser side: the pretend provider's consent page and the popup callback page.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { after, afterEach, before, describe, it } from 'node:test';
import { nameBasedId } from '../../src/sandbox/ids.js';
import { callbackPage } from '../../src/sandbox/oauth/pages.js';
import { ORIGIN, startTestSandbox, unique, type TestSandbox } from './helpers.js';

const CONSENT_URL = '/api/v1/embedded/sources/oauth/consent-url';
const CALLBACK = '/api/v1/embedded/sources/oauth/callback';
const SETTINGS = '/api/v1/sandbox/oauth/settings';
const GITHUB = nameBasedId('template:source-github');
const HOSTILE_NAME = `<img src=x onerror=alert(1)> "Acme" & 'Co'`;

const newState = () => randomBytes(32).toString('base64url');

let sandbox: TestSandbox;
let operator: string;
let hostileTemplateId: string;

before(async () => {
  sandbox = await startTestSandbox();
  operator = await sandbox.operatorToken();
  const github = (await sandbox.call('GET', `/api/v1/integrations/templates/sources/${GITHUB}`, { token: operator })).body;
  hostileTemplateId = (await sandbox.createTemplate({ name: HOSTILE_NAME, user_config_spec: github.user_config_spec })).id;
});
after(() => sandbox.close());
afterEach(async () => {
  await sandbox.call('DELETE', SETTINGS, { token: operator });
});

/** Starts a sign-in from the host page at ORIGIN; `redirect` defaults to the sandbox's popup callback page. */
async function startSignIn(options: { templateId?: string; redirect?: string } = {}) {
  const token = await sandbox.scopedToken(unique('pages'), { allowed_origin: ORIGIN });
  const state = newState();
  const answer = await sandbox.call('POST', CONSENT_URL, {
    token,
    headers: { origin: ORIGIN },
    body: { source_template_id: options.templateId ?? GITHUB, redirect_url: options.redirect ?? `${sandbox.url}${CALLBACK}`, state },
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return { state, consentUrl: answer.body.consent_url as string };
}

const getPage = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, html: await response.text() };
};

const answerConsent = (consentUrl: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(consentUrl, { method: 'POST', body: new URLSearchParams(form), headers, redirect: 'manual' });

/** What every sandbox page must hold to: no inline script or style, a strict policy, the basics of an accessible page. */
function assertSafePage(page: { headers: Headers; html: string }) {
  assert.match(page.headers.get('content-type')!, /^text\/html; charset=utf-8/);
  const csp = page.headers.get('content-security-policy')!;
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  assert.match(page.html, /^<!doctype html>\n<html lang="en">/);
  assert.match(page.html, /<title>[^<]+<\/title>/);
  assert.match(page.html, /<h1>[^<]+<\/h1>/);
  // No <style>, no style or on* attribute in any tag, no <script> without a src.
  assert.doesNotMatch(page.html, /<style|<[^>]*\s(style|on[a-z]+)=|<script(?![^>]*\ssrc=)/i);
}

describe('GET /sandbox/oauth/consent', () => {
  it('shows "Sign in to <template>" with real Allow and Deny buttons under a strict policy', async () => {
    const { consentUrl } = await startSignIn();
    const page = await getPage(consentUrl);
    assert.equal(page.status, 200);
    assertSafePage(page);
    const csp = page.headers.get('content-security-policy')!;
    assert.match(csp, /style-src 'self'/);
    assert.match(csp, new RegExp(`form-action 'self' ${sandbox.url}(;|$)`));
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.match(page.html, /<title>Sign in to GitHub – Airbyte Connect sandbox<\/title>/);
    assert.match(page.html, /<h1>Sign in to GitHub<\/h1>/);
    assert.match(page.html, /sandbox’s pretend provider/);
    assert.match(page.html, /<form method="post" action="consent\?request=[A-Za-z0-9_-]+">/);
    assert.match(page.html, /<button type="submit" name="decision" value="allow">Allow<\/button>/);
    assert.match(page.html, /<button type="submit" name="decision" value="deny">Deny<\/button>/);
  });

  it('serves its stylesheet from the sandbox as text/css', async () => {
    const { consentUrl } = await startSignIn();
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec((await getPage(consentUrl)).html)![1]!;
    const css = await fetch(new URL(href, consentUrl));
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type')!, /^text\/css/);
    assert.match(await css.text(), /button/);
  });

  it('escapes a hostile template name everywhere it appears', async () => {
    const { consentUrl } = await startSignIn({ templateId: hostileTemplateId });
    const page = await getPage(consentUrl);
    assert.equal(page.status, 200);
    assertSafePage(page);
    const escaped = '&lt;img src=x onerror=alert(1)&gt; &quot;Acme&quot; &amp; &#39;Co&#39;';
    assert.ok(page.html.includes(`<h1>Sign in to ${escaped}</h1>`), page.html);
    assert.ok(page.html.includes(`<title>Sign in to ${escaped} – Airbyte Connect sandbox</title>`));
    assert.ok(!page.html.includes('<img'));
  });

  it('answers 400 with an "expired" page for an unknown, missing or expired request', async () => {
    const { consentUrl } = await startSignIn();
    await sandbox.call('POST', SETTINGS, { token: operator, body: { state_ttl_ms: 0 } });
    const unknown = `${sandbox.url}/api/v1/sandbox/oauth/consent?request=${randomBytes(32).toString('base64url')}`;
    for (const url of [consentUrl, unknown, `${sandbox.url}/api/v1/sandbox/oauth/consent`]) {
      const page = await getPage(url);
      assert.equal(page.status, 400, url);
      assertSafePage(page);
      assert.match(page.html, /<h1>This sign-in has expired<\/h1>/);
    }
    assert.equal((await answerConsent(consentUrl, { decision: 'allow' })).status, 400, 'nor can it be answered');
  });
});

describe('POST /sandbox/oauth/consent', () => {
  it('on Allow, sends the browser to the redirect URL with a single-use code and the state, keeping its query', async () => {
    const redirect = `${ORIGIN}/app/sources?tab=new&x=1`;
    const { state, consentUrl } = await startSignIn({ redirect });
    const answer = await answerConsent(consentUrl, { decision: 'allow' });
    assert.equal(answer.status, 303);
    const location = new URL(answer.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, `${ORIGIN}/app/sources`);
    assert.deepEqual([...location.searchParams.keys()], ['tab', 'x', 'code', 'state']);
    assert.equal(location.searchParams.get('tab'), 'new');
    assert.equal(location.searchParams.get('state'), state);
    assert.match(location.searchParams.get('code')!, /^[A-Za-z0-9_-]{43}$/);
    assert.equal((await answerConsent(consentUrl, { decision: 'allow' })).status, 400, 'a decision is final');
    assert.equal((await getPage(consentUrl)).status, 400, 'and the page is gone');
  });

  it('on Deny, sends the browser back with error=access_denied and the state, without a code', async () => {
    const { state, consentUrl } = await startSignIn();
    const answer = await answerConsent(consentUrl, { decision: 'deny' });
    assert.equal(answer.status, 303);
    const location = new URL(answer.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, `${sandbox.url}${CALLBACK}`);
    assert.deepEqual(Object.fromEntries(location.searchParams), { error: 'access_denied', state });
  });

  it('asks again, without spending the sign-in, when the form carries no decision', async () => {
    const { consentUrl } = await startSignIn();
    const answer = await answerConsent(consentUrl, { decision: 'maybe' });
    assert.equal(answer.status, 400);
    assert.match(await answer.text(), /<h1>Choose Allow or Deny<\/h1>/);
    assert.equal((await answerConsent(consentUrl, { decision: 'allow' })).status, 303);
  });

  it('refuses an answer posted from another origin (even one the organisation registered)', async () => {
    const { consentUrl } = await startSignIn();
    const answer = await answerConsent(consentUrl, { decision: 'allow' }, { origin: ORIGIN });
    assert.equal(answer.status, 403);
    assert.equal(answer.headers.get('location'), null);
    assert.equal((await answerConsent(consentUrl, { decision: 'allow' }, { origin: sandbox.url })).status, 303);
  });
});

describe('GET /embedded/sources/oauth/callback', () => {
  it('names the page that asked as the message target when the state is known', async () => {
    const { state, consentUrl } = await startSignIn();
    const location = (await answerConsent(consentUrl, { decision: 'allow' })).headers.get('location')!;
    const page = await getPage(location);
    assert.equal(page.status, 200);
    assertSafePage(page);
    assert.ok(location.includes(state));
    assert.match(page.html, new RegExp(`<meta name="airbyte-oauth-target" content="${ORIGIN}">`));
    assert.match(page.html, /<script src="callback\.js" defer><\/script>/);
    assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  });

  it('leaves the target out when the state is unknown or absent', async () => {
    for (const query of [`?state=${newState()}&code=abc`, '', '?error=access_denied']) {
      const page = await getPage(`${sandbox.url}${CALLBACK}${query}`);
      assert.equal(page.status, 200);
      assertSafePage(page);
      assert.doesNotMatch(page.html, /airbyte-oauth-target/);
    }
  });

  it('escapes the target attribute', () => {
    const { html } = callbackPage('https://a.example"><script>alert(1)</script>');
    assert.ok(html.includes('content="https://a.example&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
  });

  it('serves callback.js with a JavaScript content type', async () => {
    const response = await fetch(`${sandbox.url}${CALLBACK}.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/javascript; charset=utf-8/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('callback.js', () => {
  let script: string;
  before(async () => {
    script = await (await fetch(`${sandbox.url}${CALLBACK}.js`)).text();
  });

  /** Runs the script against a stub window and document. */
  function run(options: { search: string; target?: string; opener: boolean }) {
    const posted: [unknown, unknown][] = [];
    let closed = false;
    const status = { textContent: 'Finishing sign-in…' };
    const window = {
      location: { search: options.search },
      opener: options.opener ? { postMessage: (data: unknown, target: unknown) => posted.push([data, target]) } : null,
      close: () => {
        closed = true;
      },
    };
    const document = {
      querySelector: (selector: string) =>
        selector === 'meta[name="airbyte-oauth-target"]' && options.target !== undefined
          ? { getAttribute: (name: string) => (name === 'content' ? options.target : null) }
          : null,
      getElementById: (id: string) => (id === 'airbyte-oauth-status' ? status : null),
    };
    runInNewContext(script, { window, document, URLSearchParams });
    // Objects made inside the context have its prototypes; compare their JSON.
    return { posted: JSON.parse(JSON.stringify(posted)), closed, status: status.textContent };
  }

  it('posts {type, state, code} to the opener at exactly the target origin, then closes', () => {
    const result = run({ search: '?code=c0de&state=s7ate', target: ORIGIN, opener: true });
    assert.deepEqual(result.posted, [[{ type: 'airbyte-connect:oauth', state: 's7ate', code: 'c0de' }, ORIGIN]]);
    assert.equal(result.closed, true);
  });

  it('posts {type, state, error} for a refused sign-in', () => {
    const result = run({ search: '?error=access_denied&state=s7ate', target: ORIGIN, opener: true });
    assert.deepEqual(result.posted, [[{ type: 'airbyte-connect:oauth', state: 's7ate', error: 'access_denied' }, ORIGIN]]);
  });

  it('posts nothing without an opener or a target, and says the window can be closed', () => {
    for (const options of [{ target: ORIGIN, opener: false }, { opener: true }]) {
      const result = run({ search: '?code=c0de&state=s7ate', ...options });
      assert.deepEqual(result.posted, []);
      assert.equal(result.closed, false);
      assert.equal(result.status, 'You can close this window.');
    }
  });
});
