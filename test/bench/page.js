// The in-page half of `npm run bench` (see run.mjs): loaded next to the built widget (/dist/define.js)
// on the demo server's origin. Every time is taken here, with performance.now() and the page's own timeline.
// Plain browser JavaScript: the page loads this file as it is, without a build step.

const FORM_CONTROL = 'form input, form select, form textarea';
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

/**
 * When the frame that shows the current DOM has been rendered: a requestAnimationFrame callback runs just
 * before that frame's style, layout and paint, and a message posted from it is handled right after them.
 */
function afterNextPaint() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/** Resolves with performance.now() as soon as `find()` returns something, checked on every DOM change. */
function whenFound(root, find, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const found = find();
    if (found) return resolve({ at: performance.now(), found });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out waiting for the DOM'));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const match = find();
      if (!match) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve({ at, found: match });
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

function once(target, type, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
    target.addEventListener(type, (event) => (clearTimeout(timer), resolve(event)), { once: true });
  });
}

/** Fails on the errors the element reports; otherwise the bench would time an error view. */
function failOnError(el) {
  let failure;
  el.addEventListener('airbyte-error', (event) => (failure = new Error(`airbyte-error: ${JSON.stringify(event.detail)}`)));
  return () => {
    if (failure) throw failure;
  };
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
  const el = document.createElement('airbyte-connect');
  el.setAttribute('api-base-url', '/api/v1/embedded');
  el.setAttribute('template-id', templateId);
  el.token = await widgetToken();
  const check = failOnError(el);
  let chosenAt;
  el.addEventListener('airbyte-template-select', () => (chosenAt = performance.now()), { once: true });
  const ready = once(el, 'airbyte-ready');
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
  const el = document.createElement('airbyte-connect');
  el.setAttribute('api-base-url', '/api/v1/embedded');
  el.setAttribute('template-id', templateId);
  el.token = await widgetToken();
  const check = failOnError(el);
  const ready = once(el, 'airbyte-ready');
  stage.append(el);
  await ready;
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
  const { el, input } = keyForm;
  input.focus();
  input.value = before;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  await afterNextPaint();
  if (errorOf(input)) throw new Error(`"${before}" already shows a message: ${errorOf(input).textContent}`);
  input.setSelectionRange(before.length, before.length);
  keyForm.result = new Promise((resolve, reject) => {
    window.addEventListener(
      'keydown',
      (event) => {
        const handledAt = performance.now();
        // A trusted event's timeStamp is when the key event was created; fall back to when it reached us.
        const keyAt = event.timeStamp > 0 && event.timeStamp <= handledAt ? event.timeStamp : handledAt;
        whenFound(keyForm.root, () => errorOf(input), 5_000)
          .then(async ({ at, found }) => {
            const painted = await afterNextPaint();
            resolve({ toMessage: at - keyAt, toPainted: painted - keyAt, dispatchDelay: handledAt - keyAt, message: found.textContent.trim() });
          })
          .catch(reject);
      },
      { capture: true, once: true },
    );
  });
}

async function keystrokeResult() {
  const result = await keyForm.result;
  keyForm.check();
  return result;
}

function closeKeystrokeForm() {
  keyForm?.el.remove();
  keyForm = undefined;
}

window.bench = { widgetToken, openTemplate, openKeystrokeForm, armKeystroke, keystrokeResult, closeKeystrokeForm };
window.benchReady = true;
