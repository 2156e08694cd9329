import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import { createTemplate, fault, hasButton, sandboxInfo, uniqueName, until, widgetToken } from '../support/browser.js';
import { testSpec } from './test-spec.js';

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
    let calls = 0;
    const provider = () => {
      calls++;
      return executeServerCommand<string, object>('sandbox-widget-token', {
        workspace_name: workspace,
        allowed_origin: location.origin,
        selected_source_template_tags: [template.tag],
      });
    };
    // The workspace exists once a token was minted for it, so the fault can name it.
    await provider();
    calls = 0;
    await fault({ path: '/api/v1/embedded/sources', method: 'GET', workspace_name: workspace, status: 401, body: { detail: 'Token expired' } });
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl} .tokenProvider=${provider}></airbyte-connect>`);
    const ready = await oneEvent(el, 'airbyte-ready');
    expect(ready.detail).to.deep.equal({ templates: 1, sources: 0 });
    expect(calls).to.equal(2);
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
