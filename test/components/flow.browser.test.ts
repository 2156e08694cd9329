import { expect, oneEvent } from '@open-wc/testing';
import {
  alertText,
  button,
  click,
  control,
  createTemplate,
  errorFor,
  hasButton,
  heading,
  mount,
  sourcesOf,
  statusText,
  type,
  uniqueName,
  until,
  widgetToken,
} from '../support/browser.js';
import { testSpec } from './test-spec.js';

/** Records what the widget sends, and lets every request through to the real sandbox unchanged. */
function recordRequests() {
  const sent: { method: string; url: string; body: any }[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ method: init?.method ?? 'GET', url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return original(input, init);
  };
  return { sent, restore: () => (window.fetch = original) };
}

describe('<airbyte-connect> end to end against the sandbox', () => {
  it('lists, chooses, fills, tests, connects, edits (secret kept, then replaced) and deletes', async () => {
    const tag = uniqueName('tag');
    const first = await createTemplate(testSpec, uniqueName('Acme DB'), tag);
    const second = await createTemplate(testSpec, uniqueName('Other DB'), tag);
    const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] });
    const recorder = recordRequests();
    try {
      const readyEvent = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('airbyte-ready', (e) => resolve(e as CustomEvent), { once: true }),
      );
      const el = await mount(token);
      expect((await readyEvent).detail).to.deep.equal({ templates: 2, sources: 0 });
      expect(hasButton(el, first.name)).to.be.true;
      expect(hasButton(el, second.name)).to.be.true;
      await expect(el).to.be.accessible();

      // Search filters by name.
      await type(el, 'Search', 'zzz-nothing');
      expect(hasButton(el, first.name)).to.be.false;
      await type(el, 'Search', first.name.slice(0, 7));
      expect(hasButton(el, first.name)).to.be.true;
      expect(hasButton(el, second.name)).to.be.false;
      await type(el, 'Search', '');

      // Choose.
      const selected = oneEvent(el, 'airbyte-template-select');
      button(el, first.name).click();
      expect((await selected).detail).to.deep.equal({ templateId: first.id });
      await until(el, () => heading(el) === first.name, 'the form opens');
      expect(control(el, 'Port').value).to.equal('5432');
      await expect(el).to.be.accessible();

      // Submitting empty shows what is missing, focuses it, and sends nothing.
      const before = recorder.sent.length;
      await click(el, 'Connect');
      expect(errorFor(el, 'Host')).to.equal('Required');
      expect(errorFor(el, 'Password')).to.equal('Required');
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'Host'));
      expect(recorder.sent.length).to.equal(before);
      await expect(el).to.be.accessible();

      await type(el, 'Host', 'db.acme.test');
      await type(el, 'Port', '70000');
      expect(errorFor(el, 'Port')).to.contain('65535');
      await type(el, 'Port', '5433');
      expect(errorFor(el, 'Port')).to.equal(undefined);
      await type(el, 'Password', 'wrong-password');

      // Test connection: failure, then success, each announced.
      let check = oneEvent(el, 'airbyte-check');
      await click(el, 'Test connection');
      expect((await check).detail.status).to.equal('failed');
      await until(el, () => alertText(el).includes('failed'), 'the failure shows');
      expect(statusText(el)).to.contain('failed');
      await type(el, 'Password', 's3cret');
      check = oneEvent(el, 'airbyte-check');
      await click(el, 'Test connection');
      expect((await check).detail.status).to.equal('succeeded');
      await until(el, () => statusText(el).includes('succeeded'), 'the success is announced');

      // Connect: only what the user filled is sent.
      const created = oneEvent(el, 'airbyte-source-created');
      await click(el, 'Connect');
      const { source, envelope } = (await created).detail;
      expect(envelope).to.deep.include({ type: 'end_user_action_result', message: 'source_created' });
      expect(envelope.message === 'source_created' && envelope.data.id).to.equal(source.id);
      const createBody = recorder.sent.find((r) => r.method === 'POST' && r.url.endsWith('/sources'))!.body;
      expect(createBody.source_template_id).to.equal(first.id);
      expect(createBody.name).to.match(new RegExp(`^${first.name} - [0-9a-f]{8}$`));
      expect(createBody.source_config).to.deep.equal({
        host: 'db.acme.test',
        port: 5433,
        password: 's3cret',
        ssl: false,
        tunnel: { method: 'NONE' },
      });
      await until(el, () => heading(el).includes('is connected'), 'the success view shows');
      expect(el.shadowRoot!.activeElement?.tagName).to.equal('H2');
      await expect(el).to.be.accessible();
      expect((await sourcesOf(token)).map((s) => s.id)).to.deep.equal([source.id]);

      // Back at the start: the connection is listed and the template is marked as configured.
      await click(el, 'Done');
      expect(hasButton(el, source.name)).to.be.true;
      expect(button(el, first.name).getAttribute('aria-describedby')).to.equal('configured-note');
      expect(button(el, second.name).hasAttribute('aria-describedby')).to.be.false;

      // Edit without touching the secret: the mask goes back unchanged.
      button(el, source.name).click();
      await until(el, () => hasButton(el, 'Save changes'), 'the edit form opens');
      expect(control(el, 'Host').value).to.equal('db.acme.test');
      expect(control(el, 'Password').value).to.equal('');
      await expect(el).to.be.accessible();
      await type(el, 'Host', 'db2.acme.test');
      let updated = oneEvent(el, 'airbyte-source-updated');
      await click(el, 'Save changes');
      expect((await updated).detail.envelope.message).to.equal('source_updated');
      let put = recorder.sent.filter((r) => r.method === 'PUT').at(-1)!;
      expect(put.body.source_config).to.deep.include({ host: 'db2.acme.test', password: '**********' });

      // Edit again and replace the secret.
      await click(el, 'Done');
      button(el, source.name).click();
      await until(el, () => hasButton(el, 'Save changes'), 'the edit form opens again');
      expect(control(el, 'Host').value).to.equal('db2.acme.test');
      await type(el, 'Password', 'n3w-secret');
      updated = oneEvent(el, 'airbyte-source-updated');
      await click(el, 'Save changes');
      const updatedSource = (await updated).detail.source;
      put = recorder.sent.filter((r) => r.method === 'PUT').at(-1)!;
      expect(put.body.source_config.password).to.equal('n3w-secret');
      expect(updatedSource.source_config.password).to.equal('**********');

      // Delete: cancel first, then confirm.
      await click(el, 'Done');
      button(el, source.name).click();
      await until(el, () => hasButton(el, 'Delete'), 'the edit form opens for deletion');
      await click(el, 'Delete');
      expect(hasButton(el, 'Yes, delete')).to.be.true;
      await expect(el).to.be.accessible();
      await click(el, 'Cancel');
      expect(hasButton(el, 'Yes, delete')).to.be.false;
      await click(el, 'Delete');
      const deleted = oneEvent(el, 'airbyte-source-deleted');
      await click(el, 'Yes, delete');
      expect((await deleted).detail).to.deep.equal({ sourceId: source.id });
      await until(el, () => !hasButton(el, source.name) && hasButton(el, first.name), 'back at the list without it');
      expect(statusText(el)).to.contain('deleted');
      expect(await sourcesOf(token)).to.deep.equal([]);
    } finally {
      recorder.restore();
    }
  });

  it('goes straight to the form when there is exactly one template and no source', async () => {
    const template = await createTemplate(testSpec);
    const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] });
    const el = await mount(token);
    await until(el, () => heading(el) === template.name, 'the only template opens');
  });

  it('deep-links to a template with template-id', async () => {
    const tag = uniqueName('tag');
    await createTemplate(testSpec, uniqueName('A'), tag);
    const target = await createTemplate(testSpec, uniqueName('B'), tag);
    const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [tag] });
    const el = await mount(token, { templateId: target.id });
    await until(el, () => heading(el) === target.name, 'the linked template opens');
  });
});
