// Dialog mode: the element stays closed until show(); it closes itself on "Close" or Escape.
import { showEvents } from './event-log.js';

const widget = document.querySelector('airbyte-connect');
showEvents(widget, document.getElementById('event-log'));
document.getElementById('open-widget').addEventListener('click', () => widget.show());
