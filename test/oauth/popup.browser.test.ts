// The popup sign-in in a real browser against the real sandbox: a real popup window, the sandbox's consent page
// (clicked by the `oauth-popup` server command, as a person would) and its callback page posting back.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ApiClient } from '../../src/api/client.js';
import { authorize } from '../../src/oauth/authorize.js';
import { callbackUrl } from '../../src/oauth/callback-url.js';
import { OAuthError } from '../../src/oauth/oauth-error.js';
import { openPopup } from '../../src/oauth/popup.js';
import { OAUTH_MESSAGE, waitForPopupResult } from '../../src/oauth/popup-result.js';
import { createState } from '../../src/oauth/state.js';
import { applyAuthValues, authInputs } from '../../src/spec/auth.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import { readToken } from '../../src/token/session.js';
import { operator, sandboxInfo, uniqueName, widgetToken } from '../support/browser.js';
import { OAUTH_ADVANCED_AUTH, OAUTH_SPEC } from './oauth-spec.js';

const model = buildFormModel(OAUTH_SPEC, OAUTH_ADVANCED_AUTH);
const form = { subdomain: 'acme', credentials: { auth_type: 'oauth2.0' } };
const key = (p: readonly unknown[]) => JSON.stringify(p);

let apiBaseUrl: string;
let sandboxOrigin: string;
let templateId: string;
let tag: string;

before(async () => {
  ({ apiBaseUrl, url: sandboxOrigin } = await sandboxInfo());
  tag = uniqueName('oauth');
  const result = await operator('POST', '/api/v1/integrations/templates/sources', {
    name: uniqueName('OAuth DB'),
    tags: [tag],
    user_config_spec: { connectionSpecification: OAUTH_SPEC, advanced_auth: OAUTH_ADVANCED_AUTH },
  });
  expect(result.status).to.be.below(300);
  templateId = result.body.id;
});

afterEach(async () => {
  await operator('DELETE', '/api/v1/sandbox/oauth/settings');
  window.open('', 'airbyte-connect-oauth')?.close(); // never leave a popup for the next test
});

/** An API client for a new end user; `beforeComplete` runs just before the complete call leaves. */
async function client(beforeComplete?: () => Promise<void>) {
  const session = readToken(await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] }));
  const api = new ApiClient({
    baseUrl: apiBaseUrl,
    token: async () => session.jwt,
    fetch: async (url, init) => {
      if (String(url).endsWith('/oauth/complete')) await beforeComplete?.();
      return fetch(url, init);
    },
  });
  return { api, session };
}

const decide = (decision: 'allow' | 'deny') => executeServerCommand('oauth-popup', { decision });

async function failure(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(OAuthError);
    return error as OAuthError;
  }
  throw new Error('expected the sign-in to fail');
}

/** The popup has left about:blank for the (cross-origin) consent page. */
const onConsentPage = (popup: Window) =>
  waitUntil(() => {
    try {
      return popup.location.href === 'x'; // still readable: still ours
    } catch {
      return true;
    }
  }, 'the popup never reached the consent page');

describe('openPopup', () => {
  it('opens a named 600×700 popup centred on this window', () => {
    const calls: unknown[][] = [];
    const real = window.open;
    window.open = (...args: unknown[]) => (calls.push(args), { closed: false }) as Window;
    try {
      expect(openPopup()).to.deep.equal({ closed: false });
    } finally {
      window.open = real;
    }
    const [url, name, features] = calls[0] as string[];
    expect(url).to.equal('');
    expect(name).to.equal('airbyte-connect-oauth');
    const f = Object.fromEntries(features!.split(',').map((p) => p.split('=')));
    expect(f).to.have.property('popup');
    expect(+f.width!).to.equal(600);
    expect(+f.height!).to.equal(700);
    expect(+f.left!).to.equal(Math.round(screenX + (outerWidth - 600) / 2));
    expect(+f.top!).to.equal(Math.round(screenY + (outerHeight - 700) / 2));
  });

  it('is null when the browser blocks it (null, or a window that is closed at once)', async () => {
    const real = window.open;
    try {
      window.open = () => null;
      expect(openPopup()).to.equal(null);
      window.open = () => ({ closed: true }) as Window;
      expect(openPopup()).to.equal(null);
    } finally {
      window.open = real;
    }
    const { api } = await client();
    const e = await failure(authorize({ api, apiBaseUrl, templateId, popup: null }));
    expect(e.reason).to.equal('blocked');
  });
});

describe('authorize (popup)', () => {
  it('allow: returns a value for every output path; the popup closes; a source saves with them', async () => {
    const { api, session } = await client();
    const popup = openPopup()!;
    expect(popup, 'popup').to.not.equal(null);
    const signIn = authorize({ api, apiBaseUrl, templateId, popup, inputs: authInputs(model, form) });
    await decide('allow');
    const values = await signIn;
    expect(values.map((v) => key(v.path)).sort()).to.deep.equal(model.auth!.outputPaths.map(key).sort());
    await waitUntil(() => popup.closed, 'popup closed');
    const created = await api.createSource({
      workspace_id: session.workspaceId,
      source_template_id: templateId,
      source_config: applyAuthValues(form, values),
    });
    expect((created.source_config.credentials as Record<string, unknown>).refresh_token).to.equal('**********');
  });

  it('deny: fails as denied and closes the popup', async () => {
    const { api } = await client();
    const popup = openPopup()!;
    const signIn = authorize({ api, apiBaseUrl, templateId, popup });
    await decide('deny');
    expect((await failure(signIn)).reason).to.equal('denied');
    await waitUntil(() => popup.closed);
  });

  it('closed by the person on the consent page: fails as closed', async () => {
    const { api } = await client();
    const popup = openPopup()!;
    const signIn = authorize({ api, apiBaseUrl, templateId, popup });
    await onConsentPage(popup);
    popup.close();
    expect((await failure(signIn)).reason).to.equal('closed');
  });

  it('closed before the consent URL came: fails as closed without navigating', async () => {
    const { api } = await client();
    const popup = openPopup()!;
    popup.close();
    expect((await failure(authorize({ api, apiBaseUrl, templateId, popup }))).reason).to.equal('closed');
  });

  it('no answer in time: fails as timeout and closes the popup', async () => {
    const { api } = await client();
    const popup = openPopup()!;
    const e = await failure(authorize({ api, apiBaseUrl, templateId, popup, timeoutMs: 1500 }));
    expect(e.reason).to.equal('timeout');
    expect(popup.closed).to.equal(true);
  });

  it('expired between consent and complete (sign-in lifetime set to 0): fails as expired', async () => {
    const { api } = await client(async () => void (await operator('POST', '/api/v1/sandbox/oauth/settings', { state_ttl_ms: 0 })));
    const popup = openPopup()!;
    const signIn = authorize({ api, apiBaseUrl, templateId, popup });
    await decide('allow');
    const e = await failure(signIn);
    expect(e.reason).to.equal('expired');
    expect(popup.closed).to.equal(true);
  });

  it('a refused consent request (unknown template) fails as failed, with the API error as cause, and closes the popup', async () => {
    const { api } = await client();
    const popup = openPopup()!;
    const e = await failure(authorize({ api, apiBaseUrl, templateId: 'no-such-template', popup }));
    expect(e.reason).to.equal('failed');
    expect((e.cause as { code: string }).code).to.equal('not_found');
    expect(popup.closed).to.equal(true);
  });

  it('aborted: rejects with the signal’s reason and closes the popup', async () => {
    const { api } = await client();
    const popup = openPopup()!;
    const abort = new AbortController();
    const signIn = authorize({ api, apiBaseUrl, templateId, popup, signal: abort.signal });
    await onConsentPage(popup);
    abort.abort(new Error('gone'));
    let caught: unknown;
    await signIn.catch((e) => (caught = e));
    expect((caught as Error).message).to.equal('gone');
    expect(popup.closed).to.equal(true);
  });
});

describe('waitForPopupResult', () => {
  /** Registers a state with the sandbox, so its callback page knows where to post (this page's origin). */
  async function registered(api: ApiClient): Promise<string> {
    const state = createState();
    await api.oauthConsentUrl({ templateId, redirectUrl: callbackUrl(apiBaseUrl), state });
    return state;
  }
  const callback = (state: string, code: string) =>
    `${callbackUrl(apiBaseUrl)}?${new URLSearchParams({ code, state })}`;

  it('resolves with the code from the real callback page in the popup', async () => {
    const { api } = await client();
    const state = await registered(api);
    const popup = openPopup()!;
    const result = waitForPopupResult({ popup, apiOrigin: sandboxOrigin, state });
    popup.location.replace(callback(state, 'the-code'));
    expect(await result).to.deep.equal({ state, code: 'the-code' });
  });

  it('checks origin, source, type and state of each message, one at a time', async () => {
    const popup = openPopup()!;
    const state = createState();
    const result = waitForPopupResult({ popup, apiOrigin: sandboxOrigin, state });
    const good = { origin: sandboxOrigin, source: popup, data: { type: OAUTH_MESSAGE, state, code: 'good' } };
    const variants: MessageEventInit[] = [
      { ...good, origin: location.origin },
      { ...good, origin: sandboxOrigin.replace('127.0.0.1', 'localhost') },
      { ...good, source: window },
      { ...good, source: null },
      { ...good, data: { ...good.data, type: 'airbyte-connect:other' } },
      { ...good, data: { ...good.data, state: createState() } },
      { ...good, data: { ...good.data, state: undefined } },
      { ...good, data: 'airbyte-connect:oauth' },
      { ...good, data: null },
    ];
    variants.forEach((init, i) => dispatchEvent(new MessageEvent('message', { ...init, data: init.data && typeof init.data == 'object' ? { ...init.data, code: `bad-${i}` } : init.data })));
    dispatchEvent(new MessageEvent('message', good));
    expect(await result).to.deep.equal({ state, code: 'good' });
    popup.close();
  });

  it('ignores real messages from this page, from another window, and with another sign-in’s state', async () => {
    const { api } = await client();
    const [state, otherState] = [await registered(api), await registered(api)];
    const seen: MessageEvent[] = [];
    const spy = (e: MessageEvent) => e.data?.type === OAUTH_MESSAGE && seen.push(e);
    addEventListener('message', spy);
    const popup = openPopup()!;
    const result = waitForPopupResult({ popup, apiOrigin: sandboxOrigin, state });
    let settled = false;
    result.catch(() => {}).finally(() => (settled = true));
    try {
      // This page's origin, not the popup.
      postMessage({ type: OAUTH_MESSAGE, state, code: 'forged' }, '*');
      // The right origin and state, but another window: a second popup on the real callback page.
      const other = window.open(callback(state, 'other-window'), 'airbyte-connect-other', 'popup,width=200,height=200')!;
      await waitUntil(() => seen.length == 2 && other.closed, 'the other window posted and closed');
      await new Promise((r) => setTimeout(r, 100));
      expect(settled, 'still waiting').to.equal(false);
      // The right window and origin, but another sign-in's state; the callback page then closes the popup.
      popup.location.replace(callback(otherState, 'other-state'));
      const e = await failure(result);
      expect(e.reason).to.equal('closed');
      expect(seen.map((m) => m.data.code)).to.deep.equal(['forged', 'other-window', 'other-state']);
      expect(seen[2]!.origin).to.equal(sandboxOrigin);
      expect(seen[2]!.source).to.equal(popup);
    } finally {
      removeEventListener('message', spy);
    }
  });

  it('an error in the message: access_denied → denied, anything else → failed', async () => {
    for (const [error, reason] of [['access_denied', 'denied'], ['server_error', 'failed']]) {
      const { api } = await client();
      const state = await registered(api);
      const popup = openPopup()!;
      const result = waitForPopupResult({ popup, apiOrigin: sandboxOrigin, state });
      popup.location.replace(`${callbackUrl(apiBaseUrl)}?${new URLSearchParams({ error: error!, state })}`);
      expect((await failure(result)).reason).to.equal(reason);
    }
  });

  it('times out with the given timeoutMs, closing the popup and removing its listener', async () => {
    const popup = openPopup()!;
    const before = performance.now();
    const e = await failure(waitForPopupResult({ popup, apiOrigin: sandboxOrigin, state: createState(), timeoutMs: 300 }));
    expect(e.reason).to.equal('timeout');
    expect(performance.now() - before).to.be.within(250, 2000);
    expect(popup.closed).to.equal(true);
  });

  it('an already aborted signal rejects at once', async () => {
    const popup = openPopup()!;
    const abort = new AbortController();
    abort.abort(new Error('stop'));
    let caught: unknown;
    await waitForPopupResult({ popup, apiOrigin: sandboxOrigin, state: createState(), signal: abort.signal }).catch((e) => (caught = e));
    expect((caught as Error).message).to.equal('stop');
    popup.close();
  });
});
