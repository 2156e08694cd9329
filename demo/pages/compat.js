// Code written for Airbyte's widget, unchanged: fetch a widget token from our backend, then open().
import { addEntry, showEvents } from './event-log.js';

const log = document.getElementById('event-log');
let widget;

async function fetchWidgetToken() {
  const response = await fetch('/demo/token', { method: 'POST', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Could not get a widget token (${response.status})`);
  return (await response.json()).token;
}

async function openWidget() {
  const token = await fetchWidgetToken();
  if (widget) {
    widget.updateToken(token);
  } else {
    widget = new window.AirbyteEmbeddedWidget({
      token,
      onEvent: (envelope) => addEntry(log, `onEvent: ${envelope.message}`, envelope),
      // Our extension, for the local sandbox; leave it out against Airbyte's cloud.
      apiBaseUrl: '/api/v1/embedded',
    });
  }
  widget.open();
}

document.getElementById('open-widget').addEventListener('click', () => {
  openWidget().catch((error) => addEntry(log, 'could not open the widget', error));
});

// The element inside the dialog also dispatches its DOM events; they bubble up to the document.
showEvents(document, log);
