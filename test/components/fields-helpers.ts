// Shared by the fields-*.browser.test.ts files: open a form for a small inline spec against the real sandbox,
// move through it with the keyboard only, and read what the widget sends.
import { oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import { FormState } from '../../src/components/form-state.js';
import { accessibleName, button, createTemplate, hasButton, heading, mount, sandboxInfo, uniqueName, until, widgetToken } from '../support/browser.js';

/** The form for `properties` (an object spec), opened directly: one template, no source. */
export async function openForm(properties: Record<string, unknown>, required: string[] = [], extra: Record<string, unknown> = {}) {
  const template = await createTemplate({ type: 'object', required, properties, ...extra });
  const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] });
  const el = await mount(token);
  await until(el, () => heading(el) === template.name, 'the form opens');
  return { el, token, template };
}

/** Records what the widget sends, and lets every request through to the real sandbox unchanged. */
export function recordRequests() {
  const sent: { method: string; url: string; body: any }[] = [];
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ method: init?.method ?? 'GET', url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return original(input, init);
  };
  return { sent, restore: () => void (window.fetch = original) };
}

/** The element inside the shadow root that has focus. */
export const focused = (el: AirbyteConnect): Element | null => el.shadowRoot!.activeElement;

/** Presses keys one by one (`Tab`, `Enter`, `Space`, `ArrowDown`, `Shift+Tab`, `Control+a`, …), waiting for renders. */
export async function press(el: AirbyteConnect, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    const [main, ...modifiers] = key.split('+').reverse();
    for (const modifier of modifiers) await sendKeys({ down: modifier });
    await sendKeys({ press: main! });
    for (const modifier of modifiers) await sendKeys({ up: modifier });
    await el.updateComplete;
  }
}

/** Types text with real key presses into whatever has focus. */
export async function typeKeys(el: AirbyteConnect, text: string): Promise<void> {
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Presses Tab (or Shift+Tab with `back`) until focus is on `target`; fails after 60 presses. */
export async function tabTo(el: AirbyteConnect, target: Element | (() => Element), back = false): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const want = typeof target === 'function' ? target() : target;
    if (focused(el) === want) return;
    await press(el, back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${accessibleName(typeof target === 'function' ? target() : target)}`);
}

/** Clicks "Connect" with the keyboard and resolves with the `source_config` the widget POSTed. */
export async function connectWithKeyboard(el: AirbyteConnect, recorder: ReturnType<typeof recordRequests>) {
  const created = oneEvent(el, 'airbyte-source-created');
  await tabTo(el, () => button(el, 'Connect'));
  await press(el, 'Enter');
  const { source } = (await created).detail;
  const body = recorder.sent.filter((r) => r.method === 'POST' && /\/sources$/.test(r.url)).at(-1)!.body;
  return { source, config: body.source_config as Record<string, unknown> };
}

/** After a successful connect: back to the list, then open the saved source for editing. */
export async function reopen(el: AirbyteConnect, name: string): Promise<void> {
  await until(el, () => hasButton(el, 'Done'), 'the success view shows');
  button(el, 'Done').click();
  await until(el, () => hasButton(el, name), 'the source is listed');
  button(el, name).click();
  await until(el, () => hasButton(el, 'Save changes'), 'the edit form opens');
}

/** The live form state of the open form (a private detail read for assertions only). */
export function formState(el: AirbyteConnect): FormState {
  // The form view keeps the state; the rendered controls are its only public face, so reach it through Lit's
  // render: the element's view holds the open form.
  const view = (el as unknown as { view: { form?: { state: FormState } } }).view;
  if (!(view.form?.state instanceof FormState)) throw new Error('no open form');
  return view.form.state;
}

/** Fires a paste of `text` at the focused control, the way a browser does (ClipboardEvent with DataTransfer). */
export async function paste(el: AirbyteConnect, text: string): Promise<void> {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const target = focused(el)!;
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  const handled = !target.dispatchEvent(event);
  // A paste nobody handled inserts the text, as the browser would.
  if (!handled && target instanceof HTMLInputElement) {
    target.setRangeText(text, target.selectionStart ?? 0, target.selectionEnd ?? 0, 'end');
    target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

/** Saves a source straight through the API (bypassing the form), e.g. with a value the form would not offer. */
export async function saveSource(token: string, templateId: string, config: Record<string, unknown>): Promise<{ id: string; name: string }> {
  const { apiBaseUrl } = await sandboxInfo();
  const response = await fetch(`${apiBaseUrl}/sources`, {
    method: 'POST',
    headers: { authorization: `Bearer ${JSON.parse(atob(token)).token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ source_template_id: templateId, source_config: config }),
  });
  if (!response.ok) throw new Error(`source: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The edit form of a source saved through the API with `config`. */
export async function openSaved(
  properties: Record<string, unknown>,
  required: string[],
  config: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const template = await createTemplate({ type: 'object', required, properties, ...extra });
  const token = await widgetToken({ workspace_name: uniqueName('ws'), selected_source_template_tags: [template.tag] });
  const source = await saveSource(token, template.id, config);
  const el = await mount(token);
  button(el, source.name).click();
  await until(el, () => hasButton(el, 'Save changes'), 'the edit form opens');
  return { el, token, template, source };
}
