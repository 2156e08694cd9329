// The same-tab sign-in in a real browser: the URL handling of takeRedirectReturn on this page, and the whole
// trip (host page → sandbox consent page → back) in a window of its own, against the real sandbox.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { takeRedirectReturn } from '../../src/oauth/redirect-return.js';
import { createState } from '../../src/oauth/state.js';
import { buildFormModel } from '../../src/spec/build-model.js';
import { readToken } from '../../src/token/session.js';
import { operator, sandboxInfo, uniqueName, widgetToken } from '../support/browser.js';
import { OAUTH_ADVANCED_AUTH, OAUTH_SPEC } from './oauth-spec.js';
import type { RedirectHarness } from './redirect-page.js';

const KEY = 'airbyte-connect:oauth';
const model = buildFormModel(OAUTH_SPEC, OAUTH_ADVANCED_AUTH);

describe('takeRedirectReturn on a real page URL', () => {
  const original = location.href;
  afterEach(() => {
    history.replaceState(history.state, '', original);
    sessionStorage.removeItem(KEY);
  });

  const save = (state: string, savedAt = Date.now()) =>
    sessionStorage.setItem(KEY, JSON.stringify({ state, templateId: 't', values: { a: 1 }, redirectUrl: 'x', savedAt }));

  it('removes only the provider’s parameters, keeping the page’s own query (as written) and hash, in place', () => {
    const state = createState();
    save(state);
    const own = `${location.search ? location.search + '&' : '?'}tab=a%20b&x=1`;
    history.pushState(null, '', `${location.pathname}${own}&code=the-code&state=${state}&error_description=&x=2#section`);
    const length = history.length;
    const taken = takeRedirectReturn()!;
    expect(taken.query).to.deep.equal({ state, code: 'the-code', error: undefined });
    expect(taken.record.values).to.deep.equal({ a: 1 });
    expect(location.search).to.equal(`${own}&x=2`);
    expect(location.hash).to.equal('#section');
    expect(history.length).to.equal(length);
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    expect(takeRedirectReturn()).to.equal(undefined);
  });

  it('touches nothing when the state is not ours', () => {
    save(createState());
    history.pushState(null, '', `${location.pathname}?code=c&state=${createState()}`);
    const href = location.href;
    expect(takeRedirectReturn()).to.equal(undefined);
    expect(location.href).to.equal(href);
    expect(sessionStorage.getItem(KEY)).to.not.equal(null);
  });

  it('drops a stale record', () => {
    const state = createState();
    save(state, Date.now() - 15 * 60_000 - 1);
    history.pushState(null, '', `${location.pathname}?code=c&state=${state}`);
    expect(takeRedirectReturn()).to.equal(undefined);
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    expect(location.search).to.equal(`?code=c&state=${state}`);
  });
});

describe('same-tab sign-in, the whole trip', () => {
  let harness: Omit<RedirectHarness, 'done'>;
  before(async () => {
    const { apiBaseUrl } = await sandboxInfo();
    const tag = uniqueName('oauth');
    const result = await operator('POST', '/api/v1/integrations/templates/sources', {
      name: uniqueName('OAuth DB'),
      tags: [tag],
      user_config_spec: { connectionSpecification: OAUTH_SPEC, advanced_auth: OAUTH_ADVANCED_AUTH },
    });
    const jwt = readToken(await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] })).jwt;
    const value = { subdomain: 'acme', credentials: { auth_type: 'oauth2.0', client_secret: 'typed-secret' } };
    harness = { apiBaseUrl, jwt, templateId: result.body.id, model, value };
  });

  /** Opens the host page in a window of its own, plays the person on the consent page, and waits for its report. */
  async function trip(decision: 'allow' | 'deny'): Promise<Record<string, any>> {
    const report = new Promise<Record<string, any>>((done) => ((window as any).oauthHarness = { ...harness, done }));
    const page = window.open('/test/oauth/redirect-page.html?from=test#top', 'airbyte-connect-same-tab', 'popup')!;
    try {
      await executeServerCommand('oauth-popup', { decision });
      return await report;
    } finally {
      page.close();
    }
  }

  it('allow: comes back to the page with its own query and hash and without the provider’s, restores the secret-free values, completes', async () => {
    const report = await trip('allow');
    expect(report.error).to.equal(undefined);
    expect(new URL(report.href).pathname).to.equal('/test/oauth/redirect-page.html');
    expect(new URL(report.href).search).to.equal('?from=test');
    expect(new URL(report.href).hash).to.equal('#top');
    expect(report.stored).to.equal(0);
    expect(report.back.record.values).to.deep.equal({ subdomain: 'acme', credentials: { auth_type: 'oauth2.0' } });
    expect(report.back.record.sourceId).to.equal('src-1');
    expect(report.values.map((v: { path: string[] }) => v.path.join('.')).sort()).to.deep.equal([
      'credentials.client_id',
      'credentials.client_secret',
      'credentials.refresh_token',
    ]);
  });

  it('deny: comes back as denied', async () => {
    const report = await trip('deny');
    expect(report.error).to.equal('denied');
    expect(report.back.query.error).to.equal('access_denied');
    expect(new URL(report.href).search).to.equal('?from=test');
  });
});
