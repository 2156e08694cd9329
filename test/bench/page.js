// The widget side of `npm run bench` in the page (see suite.mjs): loaded next to the built widget
// (/dist/define.js) on the demo server's origin. Every time is taken here, with performance.now() and the page's
// own timeline; the references it is compared with live in reference.js and use the same clocks (timing.js).
// Plain browser JavaScript: the page loads this file as it is, without a build step.
import { afterNextPaint, armKeyClock, benchCalibrationSpin, once, randomFramePhase, whenFound } from './timing.js';

const FORM_CONTROL = 'form input, form select, form textarea';
const TEMPLATE_TILE = '[part~="template"]';
const API_BASE = '/api/v1/embedded';
const stage = document.getElementById('stage');
let token;

/** The widget token our demo backend mints for this page's origin (one for the whole run). */
async function widgetToken() {
  if (token) return token;
  const response = await fetch('/demo/token', { method: 'POST', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/demo/token: ${response.status} ${await response.text()}`);
  token = (await response.json()).token;
  return token;
}

/** Fails on the errors the element reports; otherwise the bench would time an error view. */
function failOnError(el) {
  let failure;
  el.addEventListener('airbyte-error', (event) => (failure = new Error(`airbyte-error: ${JSON.stringify(event.detail)}`)));
  return () => {
    if (failure) throw failure;
  };
}

/** A new element pointed at the demo server's sandbox; not yet in the page, token not yet set. */
function createWidget(attributes = {}) {
  const el = document.createElement('airbyte-connect');
  el.setAttribute('api-base-url', API_BASE);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** Mounts an element with the token and waits for both lists to be shown (`airbyte-ready`). */
async function mountReady(attributes) {
  const el = createWidget(attributes);
  el.token = await widgetToken();
  const check = failOnError(el);
  const ready = once(el, 'airbyte-ready');
  stage.append(el);
  await ready;
  check();
  return { el, check };
}

/**
 * Token set → template list interactive. The element is mounted first without a token (so it is defined,
 * rendered and idle), then the clock starts as the token is set: the element reads it, calls both lists at
 * once, and renders them. Stops when `expected` template buttons are in the DOM and when that frame is painted.
 */
async function tokenToList(expected) {
  const el = createWidget();
  const check = failOnError(el);
  stage.append(el);
  await el.updateComplete;
  await afterNextPaint();
  const root = el.shadowRoot;
  const value = await widgetToken();
  try {
    await randomFramePhase();
    const start = performance.now();
    el.token = value;
    const shown = await whenFound(root, () => root.querySelectorAll(TEMPLATE_TILE).length >= expected);
    const painted = await afterNextPaint();
    check();
    return {
      toDom: shown.at - start,
      painted: painted - start,
      templates: root.querySelectorAll(TEMPLATE_TILE).length,
      at: { start, shown: shown.at, painted },
    };
  } finally {
    el.remove();
  }
}

/**
 * Mounts a fresh element deep-linked to `templateId` and times, from the moment the template is chosen
 * (`airbyte-template-select`, after the lists have loaded), until the form's first control is in the DOM and
 * until that frame has been painted. The template GET's own resource-timing entry splits the total into the
 * fetch (choice → last byte of the response) and the render (last byte → painted: JSON parse, response check,
 * form model, initial value, validation, Lit render, then waiting for the next frame, style, layout, paint);
 * `renderToDom` stops at the first control in the DOM, before any frame.
 */
async function openTemplate(templateId) {
  performance.clearResourceTimings();
  const el = createWidget({ 'template-id': templateId });
  el.token = await widgetToken();
  const check = failOnError(el);
  let chosenAt;
  el.addEventListener('airbyte-template-select', () => (chosenAt = performance.now()), { once: true });
  const ready = once(el, 'airbyte-ready');
  await randomFramePhase();
  stage.append(el);
  try {
    await ready;
    const root = el.shadowRoot;
    const control = await whenFound(root, () => root.querySelector(FORM_CONTROL));
    const painted = await afterNextPaint();
    check();
    if (chosenAt === undefined) throw new Error('airbyte-template-select never fired');
    const path = `/source-templates/${templateId}`;
    const entry = performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith(path))
      .at(-1);
    if (!entry) throw new Error(`no resource timing entry for ${path}`);
    return {
      total: painted - chosenAt,
      toControl: control.at - chosenAt,
      fetch: entry.responseEnd - chosenAt,
      render: painted - entry.responseEnd,
      renderToDom: control.at - entry.responseEnd,
      controls: root.querySelectorAll(FORM_CONTROL).length,
      /** The same moments on the page's clock, for the CPU profile's windows (profile.mjs). */
      at: { responseEnd: entry.responseEnd, control: control.at, painted },
    };
  } finally {
    el.remove();
  }
}

function labelled(root, title) {
  const inputs = Array.from(root.querySelectorAll(FORM_CONTROL)).filter((c) =>
    Array.from(c.labels ?? []).some((label) => label.textContent.replace(/\s+/g, ' ').trim() === title),
  );
  if (inputs.length !== 1) throw new Error(`expected one control labelled "${title}", found ${inputs.length}`);
  return inputs[0];
}

let keyForm;

/** Opens `templateId`'s form, and touches the control labelled `title` so that its errors show as one types. */
async function openKeystrokeForm(templateId, title) {
  const { el, check } = await mountReady({ 'template-id': templateId });
  const root = el.shadowRoot;
  await whenFound(root, () => root.querySelector(FORM_CONTROL));
  const input = labelled(root, title);
  input.focus();
  input.blur();
  await el.updateComplete;
  keyForm = { el, root, input, check };
}

function errorOf(input) {
  return input.closest('.field')?.querySelector('.error') ?? null;
}

/**
 * Puts `before` in the control (a valid value: no message), focuses it with the caret at the end, and arms
 * the clock: the next keydown starts it; the message element appearing and then being painted stop it.
 */
async function armKeystroke(before) {
  const { el, input, root } = keyForm;
  input.focus();
  input.value = before;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  await afterNextPaint();
  if (errorOf(input)) throw new Error(`"${before}" already shows a message: ${errorOf(input).textContent}`);
  input.setSelectionRange(before.length, before.length);
  keyForm.result = armKeyClock(root, () => errorOf(input));
  await randomFramePhase();
}

async function keystrokeResult() {
  const { toDom, painted, inputDelay, found } = await keyForm.result;
  keyForm.check();
  return { toDom, painted, inputDelay, message: found.textContent.trim() };
}

function closeKeystrokeForm() {
  keyForm?.el.remove();
  keyForm = undefined;
}

let searchView;

/** Mounts an element on its start view (every template listed) for the search keystroke. */
async function openSearch() {
  const { el, check } = await mountReady();
  const root = el.shadowRoot;
  const input = root.querySelector('input[part~="search"]');
  if (!input) throw new Error('no search box on the start view');
  searchView = { el, root, input, check };
  return { templates: root.querySelectorAll(TEMPLATE_TILE).length };
}

/** Empties the search box (every template shown), focuses it, and arms the clock for the next key press. */
async function armSearch() {
  const { el, root, input } = searchView;
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  await afterNextPaint();
  input.focus();
  const before = root.querySelectorAll(TEMPLATE_TILE).length;
  searchView.before = before;
  searchView.result = armKeyClock(root, () => {
    const now = root.querySelectorAll(TEMPLATE_TILE).length;
    return now !== before ? now : null;
  });
  await randomFramePhase();
}

async function searchResult() {
  const { toDom, painted, inputDelay, found } = await searchView.result;
  searchView.check();
  return { toDom, painted, inputDelay, before: searchView.before, after: found };
}

function closeSearch() {
  searchView?.el.remove();
  searchView = undefined;
}

/** `count` times: a new element is mounted, shows both lists (`airbyte-ready`) and a painted frame, and is removed. */
async function mountCycles(count) {
  for (let i = 0; i < count; i++) {
    const { el } = await mountReady();
    await afterNextPaint();
    el.remove();
  }
  return stage.childElementCount;
}

let dialogWidget;

/** One element in dialog mode, lists loaded, opened and closed `count` times (each open painted). */
async function dialogCycles(count) {
  dialogWidget ??= (await mountReady({ mode: 'dialog' })).el;
  const el = dialogWidget;
  for (let i = 0; i < count; i++) {
    el.show();
    await el.updateComplete;
    await afterNextPaint();
    if (!el.shadowRoot.querySelector('dialog')?.open) throw new Error('the dialog did not open');
    const closed = once(el, 'airbyte-close');
    el.close();
    await closed;
  }
}

function closeDialogWidget() {
  dialogWidget?.remove();
  dialogWidget = undefined;
}

let flowWidget;

/** Mounts an element for a user flow (driven by Playwright from Node) and waits until both lists are shown. */
async function mountFlow() {
  flowWidget = (await mountReady()).el;
}

/** Resolves with the detail of the flow element's next `type` event. */
async function nextFlowEvent(type, timeoutMs = 10_000) {
  const event = await once(flowWidget, type, timeoutMs);
  return JSON.parse(JSON.stringify(event.detail));
}

function closeFlow() {
  flowWidget?.remove();
  flowWidget = undefined;
}

window.bench = {
  widgetToken,
  calibrate: () => benchCalibrationSpin(5),
  tokenToList,
  openTemplate,
  openKeystrokeForm,
  armKeystroke,
  keystrokeResult,
  closeKeystrokeForm,
  openSearch,
  armSearch,
  searchResult,
  closeSearch,
  mountCycles,
  dialogCycles,
  closeDialogWidget,
  mountFlow,
  nextFlowEvent,
  closeFlow,
};
window.benchReady = true;
