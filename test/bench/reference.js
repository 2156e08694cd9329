// The references of `npm run bench` in the page, each timed with the same clocks as the widget (timing.js):
// - one round trip plus one frame: the same GET the widget makes, by plain fetch, then the next painted frame
//   (the least any widget could take to show what it asked for);
// - @json-editor/json-editor (window.JSONEditor, its UMD build), a well-known vanilla JSON-Schema form library,
//   rendering the same connectionSpecification with its defaults;
// - plain DOM: the same number of labelled inputs created with createElement (the floor for a form), a plain
//   input whose handler writes a message (the floor for a keystroke), a list of buttons hidden by a handler (the
//   floor for a search), and plain elements and a native <dialog> for the heap cycles.
import { afterNextPaint, armKeyClock, once, randomFramePhase, scopedJwt } from './timing.js';

const stage = document.getElementById('stage');
const JSON_EDITOR_CONTROL = 'input, select, textarea';

/** The widget's scoped JWT and workspace, so that reference calls are the very calls the widget makes. */
async function session() {
  const jwt = scopedJwt(await window.bench.widgetToken());
  const claims = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  return { jwt, workspaceId: claims['io.airbyte.auth.workspace_scope']?.workspaceId };
}

async function get(path, jwt) {
  jwt ??= (await session()).jwt;
  const response = await fetch(path, { headers: { accept: 'application/json', authorization: `Bearer ${jwt}` }, credentials: 'omit' });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 200)}`);
  return text;
}

/** The URL of one of the widget's list calls (it sends the workspace it read from the token). */
async function listPath(list = 'source-templates') {
  const { workspaceId } = await session();
  return `/api/v1/embedded/${list}${workspaceId ? `?workspace_id=${encodeURIComponent(workspaceId)}` : ''}`;
}
const templateListPath = () => listPath('source-templates');

/** How many templates the widget will list (untimed). */
async function templateCount() {
  return JSON.parse(await get(await templateListPath())).data.length;
}

/**
 * One round trip (request sent → whole body read) plus one frame, for `path`: an API path, `'list'` for the
 * template list, or `'lists'` for both of the start view's calls at once (templates and sources), as the widget
 * makes them. `delivery` is the part after the network's last byte (resource timing's responseEnd), which any
 * client's "response → form" time includes.
 */
async function roundTripAndFrame(path) {
  const urls =
    path === 'lists' ? [await listPath('source-templates'), await listPath('sources')] : [path === 'list' ? await templateListPath() : path];
  const { jwt } = await session();
  performance.clearResourceTimings();
  await randomFramePhase();
  const start = performance.now();
  await Promise.all(urls.map((url) => get(url, jwt)));
  const answered = performance.now();
  const painted = await afterNextPaint();
  const entry = urls.length === 1 ? performance.getEntriesByName(new URL(urls[0], location.href).href).at(-1) : undefined;
  return { roundTrip: answered - start, painted: painted - start, delivery: entry ? answered - entry.responseEnd : null };
}

const specTexts = new Map();

/** The template's connectionSpecification as JSON text, fetched once (untimed): what both renderers start from. */
async function specText(templateId) {
  if (!specTexts.has(templateId)) {
    const template = JSON.parse(await get(`/api/v1/embedded/source-templates/${templateId}`));
    specTexts.set(templateId, JSON.stringify(template.user_config_spec.connectionSpecification));
  }
  return specTexts.get(templateId);
}

/**
 * json-editor renders the template's spec: from the JSON text (parsed inside the clock, as the widget parses
 * the response inside its own) until its build has finished (its `load()` promise: every editor built, values
 * set, validated) = toDom, and until that frame is painted. Its own `ready` event comes in that same frame.
 */
async function jsonEditorRender(templateId) {
  const text = await specText(templateId);
  const holder = document.createElement('div');
  stage.append(holder);
  try {
    await randomFramePhase();
    const start = performance.now();
    const editor = new window.JSONEditor(holder, { schema: JSON.parse(text) });
    await editor.promise;
    const built = performance.now();
    const painted = await afterNextPaint();
    const controls = holder.querySelectorAll(JSON_EDITOR_CONTROL).length;
    editor.destroy();
    return { toDom: built - start, painted: painted - start, controls, at: { start, built, painted } };
  } finally {
    holder.remove();
  }
}

/** The floor: `count` labelled text inputs in a form, created with createElement and appended at once. */
async function plainForm(count) {
  await randomFramePhase();
  const start = performance.now();
  const form = document.createElement('form');
  for (let i = 0; i < count; i++) {
    const field = document.createElement('div');
    const label = document.createElement('label');
    label.htmlFor = `plain-${i}`;
    label.textContent = `Field ${i + 1}`;
    const input = document.createElement('input');
    input.id = `plain-${i}`;
    input.name = `field_${i}`;
    field.append(label, input);
    form.append(field);
  }
  stage.append(form);
  const built = performance.now();
  const painted = await afterNextPaint();
  form.remove();
  return { toDom: built - start, painted: painted - start };
}

let plainKey;

/** A plain number input whose input handler shows a range message, as the widget's Port field does. */
function openPlainKeystroke(max) {
  const field = document.createElement('div');
  field.innerHTML = '<label for="plain-port">Port</label><input id="plain-port" inputmode="numeric">';
  const input = field.querySelector('input');
  input.addEventListener('input', () => {
    const value = Number(input.value);
    const message = Number.isInteger(value) && value > max ? `Must be at most ${max}.` : '';
    let error = field.querySelector('.error');
    if (message && !error) {
      error = document.createElement('p');
      error.className = 'error';
      field.append(error);
    }
    if (error && !message) error.remove();
    else if (error) error.textContent = message;
  });
  stage.append(field);
  plainKey = { field, input };
}

async function armPlainKeystroke(before) {
  const { field, input } = plainKey;
  input.focus();
  input.value = before;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await afterNextPaint();
  input.setSelectionRange(before.length, before.length);
  plainKey.result = armKeyClock(field, () => field.querySelector('.error'));
  await randomFramePhase();
}

async function plainKeystrokeResult() {
  const { toDom, painted, inputDelay } = await plainKey.result;
  return { toDom, painted, inputDelay };
}

function closePlainKeystroke() {
  plainKey?.field.remove();
  plainKey = undefined;
}

let plainList;

/** A search box over a list of one button per name; the input handler hides the buttons that do not match. */
function openPlainSearch(names) {
  const section = document.createElement('section');
  const input = document.createElement('input');
  input.type = 'search';
  input.setAttribute('aria-label', 'Search');
  const list = document.createElement('ul');
  const items = names.map((name) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = name;
    li.append(button);
    list.append(li);
    return { li, key: name.toLocaleLowerCase() };
  });
  input.addEventListener('input', () => {
    const query = input.value.trim().toLocaleLowerCase();
    for (const item of items) item.li.hidden = query !== '' && !item.key.includes(query);
  });
  section.append(input, list);
  stage.append(section);
  plainList = { section, input, list, items };
}

const visibleCount = (items) => items.reduce((n, item) => n + (item.li.hidden ? 0 : 1), 0);

async function armPlainSearch() {
  const { section, input, items } = plainList;
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await afterNextPaint();
  input.focus();
  const before = visibleCount(items);
  plainList.before = before;
  plainList.result = armKeyClock(section, () => {
    const now = visibleCount(items);
    return now !== before ? now : null;
  });
  await randomFramePhase();
}

async function plainSearchResult() {
  const { toDom, painted, inputDelay, found } = await plainList.result;
  return { toDom, painted, inputDelay, before: plainList.before, after: found };
}

function closePlainSearch() {
  plainList?.section.remove();
  plainList = undefined;
}

/** The template names the widget lists (untimed), for the plain search list. */
async function templateNames() {
  return JSON.parse(await get(await templateListPath())).data.map((template) => template.name);
}

/** Plain counterpart of the widget's mount cycles: a panel with one button per template, painted, then removed. */
async function plainMountCycles(count, buttons) {
  for (let i = 0; i < count; i++) {
    const panel = document.createElement('div');
    for (let b = 0; b < buttons; b++) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Template ${b + 1}`;
      panel.append(button);
    }
    stage.append(panel);
    await afterNextPaint();
    panel.remove();
  }
}

/** Plain counterpart of the widget's dialog cycles: a native modal <dialog> shown, painted and closed. */
async function plainDialogCycles(count) {
  const dialog = document.createElement('dialog');
  dialog.innerHTML = '<p>Plain dialog</p><button type="button">Close</button>';
  stage.append(dialog);
  for (let i = 0; i < count; i++) {
    dialog.showModal();
    await afterNextPaint();
    const closed = once(dialog, 'close');
    dialog.close();
    await closed;
  }
  dialog.remove();
}

window.reference = {
  templateCount,
  templateNames,
  roundTripAndFrame,
  jsonEditorRender,
  plainForm,
  openPlainKeystroke,
  armPlainKeystroke,
  plainKeystrokeResult,
  closePlainKeystroke,
  openPlainSearch,
  armPlainSearch,
  plainSearchResult,
  closePlainSearch,
  plainMountCycles,
  plainDialogCycles,
};
window.referenceReady = true;
