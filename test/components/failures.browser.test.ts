import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import {
  alertText,
  click,
  control,
  createTemplate,
  errorFor,
  fault,
  hasButton,
  heading,
  mount,
  sandboxInfo,
  sourcesOf,
  type,
  uniqueName,
  until,
  widgetToken,
} from '../support/browser.js';
import { testSpec } from './test-spec.js';

/** Opens a filled form in a fresh workspace; returns what a fault needs to aim at it. */
async function filledForm() {
  const template = await createTemplate(testSpec);
  const workspace = uniqueName('ws');
  const token = await widgetToken({ workspace_name: workspace, selected_source_template_tags: [template.tag] });
  const el = await mount(token);
  await until(el, () => heading(el) === template.name, 'the form opens');
  await type(el, 'Host', 'db.acme.test');
  await type(el, 'Password', 'p4ss');
  return { el, workspace, token };
}

function expectFormIntact(el: AirbyteConnect) {
  expect(control(el, 'Host').value).to.equal('db.acme.test');
  expect(control(el, 'Password').value).to.equal('p4ss');
  expect(control(el, 'Port').value).to.equal('5432');
  expect(hasButton(el, 'Connect')).to.be.true;
}

async function connectExpectingError(el: AirbyteConnect) {
  const error = oneEvent(el, 'airbyte-error');
  await click(el, 'Connect');
  return (await error).detail;
}

describe('<airbyte-connect> failures keep the form and explain themselves', () => {
  it('shows a clear message and fires invalid_token for a malformed token, without throwing', async () => {
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect>`);
    const error = oneEvent(el, 'airbyte-error');
    el.token = 'definitely-not-a-token';
    expect((await error).detail.code).to.equal('invalid_token');
    await until(el, () => alertText(el).includes('not valid'), 'the message shows');
    await expect(el).to.be.accessible();
  });

  it('fires token_expired and airbyte-token-expired for an expired token', async () => {
    const { apiBaseUrl } = await sandboxInfo();
    const el = await fixture<AirbyteConnect>(html`<airbyte-connect api-base-url=${apiBaseUrl}></airbyte-connect>`);
    const expired = oneEvent(el, 'airbyte-token-expired');
    const payload = btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) - 60 })).replace(/=+$/, '');
    el.token = `eyJhbGciOiJIUzI1NiJ9.${payload}.sig`;
    await expired;
    await until(el, () => alertText(el).includes('expired'), 'the message shows');
  });

  it('on a 401 that a fresh token cannot fix: token_expired, the form intact', async () => {
    const { el, workspace } = await filledForm();
    await fault({ path: '/api/v1/embedded/sources', method: 'POST', workspace_name: workspace, status: 401, body: { detail: 'Token expired' }, times: 2 });
    const expired = oneEvent(el, 'airbyte-token-expired');
    const detail = await connectExpectingError(el);
    await expired;
    expect(detail.code).to.equal('token_expired');
    expect(detail.envelope?.message).to.equal('source_create_error');
    await until(el, () => alertText(el).includes('expired'), 'the message shows');
    expectFormIntact(el);
  });

  const statusCases: [string, Record<string, unknown>, string, string][] = [
    ['403', { status: 403, body: { detail: 'Access denied to this resource' } }, 'forbidden', 'access'],
    ['404', { status: 404, body: { detail: 'Template not found' } }, 'not_found', 'no longer exists'],
    ['500', { status: 500, body: { detail: 'Internal error' } }, 'server_error', 'server had a problem'],
    // Chrome re-sends a request once when a reused connection drops, so drop every attempt until cleared.
    ['a dropped connection', { drop: true, times: 100 }, 'network_error', 'couldn’t reach'],
  ];
  for (const [name, injected, code, words] of statusCases) {
    it(`on ${name}: says what happened, fires ${code} with the envelope, keeps every value`, async () => {
      const { el, workspace, token } = await filledForm();
      const injectedFault = await fault({ path: '/api/v1/embedded/sources', method: 'POST', workspace_name: workspace, ...injected });
      const detail = await connectExpectingError(el);
      expect(detail.code).to.equal(code);
      expect(detail.operation).to.equal('create_source');
      expect(detail.envelope).to.deep.include({ type: 'end_user_action_result', message: 'source_create_error' });
      await until(el, () => alertText(el).toLowerCase().includes(words), `the ${name} message shows`);
      expectFormIntact(el);
      await expect(el).to.be.accessible();
      // Nothing was created, and trying again works once the fault is gone.
      expect(await sourcesOf(token)).to.deep.equal([]);
      await injectedFault.clear();
      const created = oneEvent(el, 'airbyte-source-created');
      await click(el, 'Connect');
      await created;
    });
  }

  it('on a 422: puts each server message on its field and focuses the first', async () => {
    const { el, workspace } = await filledForm();
    await fault({
      path: '/api/v1/embedded/sources',
      method: 'POST',
      workspace_name: workspace,
      status: 422,
      body: { detail: [{ loc: ['body', 'source_config', 'host'], msg: 'This host is not allowed', type: 'value_error' }] },
    });
    const detail = await connectExpectingError(el);
    expect(detail.code).to.equal('validation_error');
    expect(detail.status).to.equal(422);
    await until(el, () => errorFor(el, 'Host') === 'This host is not allowed', 'the field error shows');
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'Host'));
    expectFormIntact(el);
    // Changing the field clears the server's complaint about it.
    await type(el, 'Host', 'db.acme.test');
    expect(errorFor(el, 'Host')).to.equal(undefined);
  });

  it('a failed check from the server on create keeps the form and shows its message', async () => {
    const { el } = await filledForm();
    await type(el, 'Password', 'wrong-password');
    const detail = await connectExpectingError(el);
    expect(detail.code).to.equal('bad_request');
    await until(el, () => alertText(el).includes('credentials were rejected'), 'the check message shows');
    expect(control(el, 'Password').value).to.equal('wrong-password');
  });

  it('a create whose answer is lost still ends in exactly one source, reported as created', async () => {
    const { el, workspace, token } = await filledForm();
    // The server creates the source, then the connection drops before the answer; Chrome may even re-send
    // the request once on its own, which must not make a second source.
    const lost = await fault({ path: '/api/v1/embedded/sources', method: 'POST', workspace_name: workspace, when: 'after', drop: true, times: 5 });
    const created = oneEvent(el, 'airbyte-source-created');
    await click(el, 'Connect');
    const { source } = (await created).detail;
    await lost.clear();
    expect((await sourcesOf(token)).map((s) => s.id)).to.deep.equal([source.id]);
    await until(el, () => heading(el).includes('is connected'), 'the success view shows');
  });

  it('says it is trying again while a repeatable call is retried, then carries on', async () => {
    const { el, workspace } = await filledForm();
    await fault({ path: '/api/v1/embedded/sources/check', workspace_name: workspace, status: 503, headers: { 'Retry-After': '1' }, body: { detail: 'Busy' } });
    const check = oneEvent(el, 'airbyte-check');
    await click(el, 'Test connection');
    await until(el, () => (el.shadowRoot!.querySelector('.notice')?.textContent ?? '').includes('Trying again'), 'the retry is visible');
    expect((await check).detail.status).to.equal('succeeded');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.notice')).to.equal(null);
    expectFormIntact(el);
  });
});
