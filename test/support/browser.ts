// Browser-side helpers: reach the real sandbox through the test runner's server commands, mount the
// element, and find controls the way a person (or a screen reader) does, by role and accessible name.
import { executeServerCommand } from '@web/test-runner-commands';
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { AirbyteConnect } from '../../src/components/airbyte-connect.js';
import '../../src/define.js';

export interface SandboxInfo {
  url: string;
  apiBaseUrl: string;
}

let info: SandboxInfo | undefined;
export async function sandboxInfo(): Promise<SandboxInfo> {
  info ??= (await executeServerCommand('sandbox-info')) as SandboxInfo;
  return info;
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

export async function operator(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  return (await executeServerCommand('sandbox-operator', { method, path, body })) as { status: number; body: any };
}

export async function widgetToken(body: Record<string, unknown>): Promise<string> {
  return (await executeServerCommand('sandbox-widget-token', { allowed_origin: location.origin, ...body })) as string;
}

/** Injects a fault into the sandbox for one workspace (see the README's sandbox test settings). */
export async function fault(body: Record<string, unknown>): Promise<{ clear: () => Promise<void> }> {
  const result = await operator('POST', '/api/v1/sandbox/faults', body);
  if (result.status !== 201) throw new Error(`fault: ${result.status} ${JSON.stringify(result.body)}`);
  return { clear: async () => void (await operator('DELETE', `/api/v1/sandbox/faults/${result.body.id}`)) };
}

/** A template of our own, visible only to tokens carrying its tag, so tests never see each other's data. */
export async function createTemplate(
  spec: unknown,
  name = uniqueName('Test DB'),
  tag = uniqueName('tag'),
  advancedAuth?: unknown,
): Promise<{ id: string; name: string; tag: string }> {
  const result = await operator('POST', '/api/v1/integrations/templates/sources', {
    name,
    tags: [tag],
    user_config_spec: { connectionSpecification: spec, ...(advancedAuth ? { advanced_auth: advancedAuth } : {}) },
  });
  if (result.status >= 300) throw new Error(`template: ${result.status} ${JSON.stringify(result.body)}`);
  return { id: result.body.id, name, tag };
}

/** Lists the workspace's sources straight from the API, to check what really got saved. */
export async function sourcesOf(token: string): Promise<{ id: string; name: string }[]> {
  const { apiBaseUrl } = await sandboxInfo();
  const jwt = JSON.parse(atob(token)).token;
  const response = await fetch(`${apiBaseUrl}/sources`, { headers: { authorization: `Bearer ${jwt}` } });
  return (await response.json()).data;
}

export async function mount(token: string, attrs: { templateId?: string; mode?: string } = {}): Promise<AirbyteConnect> {
  const { apiBaseUrl } = await sandboxInfo();
  const element = await fixture<AirbyteConnect>(html`<airbyte-connect
    api-base-url=${apiBaseUrl}
    mode=${attrs.mode ?? 'inline'}
    template-id=${attrs.templateId ?? ''}
  ></airbyte-connect>`);
  if (!attrs.templateId) element.removeAttribute('template-id');
  const ready = oneEvent(element, 'airbyte-ready');
  element.token = token;
  await ready;
  await element.updateComplete;
  return element;
}

function root(element: AirbyteConnect): ShadowRoot {
  return element.shadowRoot!;
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name of a control, for the naming patterns the widget uses. */
export function accessibleName(control: Element): string {
  const label = control.getAttribute('aria-label');
  if (label) return label;
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(' ').map((id) => text(control.getRootNode() instanceof ShadowRoot ? (control.getRootNode() as ShadowRoot).getElementById(id) : null)).join(' ');
  if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement) {
    return Array.from(control.labels ?? []).map((l) => text(l)).join(' ');
  }
  if (control instanceof HTMLFieldSetElement) return text(control.querySelector(':scope > legend'));
  const clone = control.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return text(clone);
}

function visible(element: Element): boolean {
  return !element.closest('[hidden]') && element.getClientRects().length > 0;
}

export function button(element: AirbyteConnect, name: string): HTMLButtonElement {
  const found = Array.from(root(element).querySelectorAll('button')).filter((b) => accessibleName(b) === name && visible(b));
  if (found.length !== 1) throw new Error(`expected one button "${name}", found ${found.length}: ${buttonNames(element).join(' | ')}`);
  return found[0]!;
}

export function buttonNames(element: AirbyteConnect): string[] {
  return Array.from(root(element).querySelectorAll('button')).map(accessibleName);
}

export function hasButton(element: AirbyteConnect, name: string): boolean {
  return Array.from(root(element).querySelectorAll('button')).some((b) => accessibleName(b) === name && visible(b));
}

export function control<T extends HTMLElement = HTMLInputElement>(element: AirbyteConnect, label: string): T {
  const found = Array.from(root(element).querySelectorAll('input, select, textarea')).filter(
    (c) => accessibleName(c) === label,
  );
  if (found.length !== 1) throw new Error(`expected one control labelled "${label}", found ${found.length}`);
  return found[0] as T;
}

/** Types into a text control the way a user's input does: value, then an input event. */
export async function type(element: AirbyteConnect, label: string, value: string): Promise<void> {
  const input = control(element, label);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('blur'));
  await element.updateComplete;
}

export async function click(element: AirbyteConnect, name: string): Promise<void> {
  button(element, name).click();
  await element.updateComplete;
}

export function errorFor(element: AirbyteConnect, label: string): string | undefined {
  const input = control(element, label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const messages = ids.map((id) => root(element).getElementById(id)).filter((n) => n?.classList.contains('error'));
  return messages.length ? text(messages[0]) : undefined;
}

export function heading(element: AirbyteConnect): string {
  return text(root(element).querySelector('h2[tabindex]') ?? root(element).querySelector('h2'));
}

export function alertText(element: AirbyteConnect): string {
  return text(root(element).querySelector('[role="alert"]'));
}

export function statusText(element: AirbyteConnect): string {
  return text(root(element).querySelector('[role="status"][aria-live]'));
}

export async function until(element: AirbyteConnect, predicate: () => boolean, message: string): Promise<void> {
  await waitUntil(async () => {
    await element.updateComplete;
    return predicate();
  }, message, { timeout: 8000 });
}
