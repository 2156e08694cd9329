/** The single-script build: registers the element and sets `window.AirbyteEmbeddedWidget` for drop-in use. */
import { AirbyteEmbeddedWidget } from './compat/airbyte-embedded-widget.js';

export * from './define.js';

(globalThis as { AirbyteEmbeddedWidget?: unknown }).AirbyteEmbeddedWidget ??= AirbyteEmbeddedWidget;
