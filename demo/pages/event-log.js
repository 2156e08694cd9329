// The event log beside each demo page: one entry per widget event, newest first, with its detail as JSON.
export const WIDGET_EVENTS = [
  'airbyte-ready',
  'airbyte-template-select',
  'airbyte-check',
  'airbyte-source-created',
  'airbyte-source-updated',
  'airbyte-source-deleted',
  'airbyte-error',
  'airbyte-token-expired',
  'airbyte-close',
];

export function showEvents(target, log) {
  for (const type of WIDGET_EVENTS) {
    target.addEventListener(type, (event) => addEntry(log, type, event.detail));
  }
}

export function addEntry(log, title, detail) {
  const entry = document.createElement('article');
  entry.className = 'entry';
  const heading = document.createElement('p');
  heading.className = 'entry-title';
  heading.textContent = `${new Date().toLocaleTimeString()} ${title}`;
  const body = document.createElement('pre');
  body.textContent = JSON.stringify(detail ?? {}, errorsAsObjects, 2);
  entry.append(heading, body);
  log.prepend(entry);
}

// JSON.stringify turns an Error into {}; keep its name and message.
function errorsAsObjects(_key, value) {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}
