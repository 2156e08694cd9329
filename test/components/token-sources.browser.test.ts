import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import { createTemplate, fault, hasButton, sandboxInfo, uniqueName, until, widgetToken } from '../support/browser.js';
import { testSpec } from './test-spec.js';

/** A tokenProvider minting widget tokens for one workspace and template, counting its calls. */
function countingProvider(workspace: string, tag: string, extra: Record<string, unknown> = {}) {
  const counter = { calls: 0 };
  const provider = () => {
    counter.calls++;
    return executeServerCommand<string, object>('sandbox-widget-token', {
      workspace_name: workspace,
      allowed_origin: location.origin,
      selected_source_template_tags: [tag],
      ...extra,
    });
  };
  return { provider, counter };
}

describe('<airbyte-connect> token sources', () => {
  it('fetches its token from token-url with a same-origin POST', async () => {
    const template = await createTemplate(testSpec);
    const { apiBaseUrl } = await sandboxInfo();
    const url = `/__test/token?workspace=${uniqueName('ws')}&tag=${template.tag}`;
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl} token-url=${url}></airbyte-connect>`);
    const ready = await oneEvent(el, 'airbyte-ready');
    expect(ready.detail.templates).to.equal(1);
  });

  it('asks tokenProvider again after a 401 and retries the refused call once', async () => {
    const template = await createTemplate(testSpec);
    const workspace = uniqueName('ws');
    const { provider, counter } = countingProvider(workspace, template.tag);
    // The workspace exists once a token was minted for it, so the fault can name it.
    await provider();
    counter.calls = 0;
    await fault({ path: '/api/v1/embedded/sources', method: 'GET', workspace_name: workspace, status: 401, body: { detail: 'Token expired' } });
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl} .tokenProvider=${provider}></airbyte-connect>`);
    const ready = await oneEvent(el, 'airbyte-ready');
    expect(ready.detail).to.deep.equal({ templates: 1, sources: 0 });
    expect(counter.calls).to.equal(2);
  });

  it('fires airbyte-token-expired when the provider cannot give a token', async () => {
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect>`);
    const expired = oneEvent(el, 'airbyte-token-expired');
    el.tokenProvider = () => Promise.reject(new Error('backend down'));
    el.reload();
    await expired;
  });

  it('resumes with updateToken() after an invalid token, without a reload', async () => {
    const template = await createTemplate(testSpec, uniqueName('Resume'));
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl} token="broken"></airbyte-connect>`);
    await until(el, () => el.shadowRoot!.querySelector('[role="alert"]') !== null, 'the error shows');
    const ready = oneEvent(el, 'airbyte-ready');
    el.updateToken(await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] }));
    await ready;
    await until(el, () => !hasButton(el, 'Try again'), 'the widget recovered');
  });
});

describe('<airbyte-connect> token lifecycle', () => {
  async function templateAndWorkspace() {
    const template = await createTemplate(testSpec);
    return { template, workspace: uniqueName('ws') };
  }

  it('several elements share one token request', async () => {
    const { template, workspace } = await templateAndWorkspace();
    const { provider, counter } = countingProvider(workspace, template.tag);
    const { apiBaseUrl } = await sandboxInfo();
    const elements = [0, 1].map(() => {
      const el = document.createElement('airbyte-connect');
      el.apiBaseUrl = apiBaseUrl;
      el.tokenProvider = provider;
      return el;
    });
    const ready = elements.map((el) => oneEvent(el, 'airbyte-ready'));
    const page = await fixture<HTMLElement>(html`<div></div>`);
    page.append(...elements);
    await Promise.all(ready);
    expect(counter.calls).to.equal(1);
  });

  it('refreshes shortly before exp on its own, and stops when the element leaves the page', async () => {
    const { template, workspace } = await templateAndWorkspace();
    // Expires in 62 s: the refresh is due 60 s before, so about 2 s from now.
    const { provider, counter } = countingProvider(workspace, template.tag, { expires_in_seconds: 62 });
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl} .tokenProvider=${provider}></airbyte-connect>`);
    await oneEvent(el, 'airbyte-ready');
    expect(counter.calls).to.equal(1);
    await until(el, () => counter.calls === 2, 'a second token is fetched before the first expires');
    el.remove();
    const after = counter.calls;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(counter.calls).to.equal(after, 'no refresh after disconnect');
  });

  it('announces a static token about to expire, and updateToken() carries on', async () => {
    const { template, workspace } = await templateAndWorkspace();
    const mint = (expires: number) =>
      widgetToken({ workspace_name: workspace, selected_source_template_tags: [template.tag], expires_in_seconds: expires });
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect>`);
    const expiring = oneEvent(el, 'airbyte-token-expiring');
    const ready = oneEvent(el, 'airbyte-ready');
    el.token = await mint(61);
    await ready;
    const { expiresAt } = (await expiring).detail;
    expect(expiresAt - Date.now()).to.be.within(50_000, 61_000);
    el.updateToken(await mint(1200));
    await el.reload();
    expect(hasButton(el, 'Connect')).to.be.true;
  });
});
