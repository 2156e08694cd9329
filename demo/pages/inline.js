// Everything the inline page needs: show the element's events as they happen.
import { showEvents } from './event-log.js';

showEvents(document.querySelector('airbyte-connect'), document.getElementById('event-log'));
