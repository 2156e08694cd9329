import type { AirbyteConnect } from '../components/airbyte-connect.js';
import type { AirbyteEnvelope } from '../events/event-map.js';

export interface EmbeddedWidgetConfig {
  /** The widget token your backend minted. */
  token: string;
  /** Receives `{type: "end_user_action_result", message, data | error}` for each outcome. */
  onEvent?: (event: AirbyteEnvelope | { type: string; [key: string]: unknown }) => void;
  /** Extension: the API base, for the sandbox or a proxy. Default `https://api.airbyte.ai/api/v1/embedded`. */
  apiBaseUrl?: string;
}

/**
 * Drop-in for `@airbyte-embedded/airbyte-embedded-widget` 0.4.x: same constructor and methods, but the widget
 * renders in the page as `<airbyte-connect mode="dialog">` instead of an iframe.
 */
export class AirbyteEmbeddedWidget {
  readonly #element: AirbyteConnect;

  constructor(config: EmbeddedWidgetConfig) {
    const element = document.createElement('airbyte-connect');
    element.mode = 'dialog';
    element.token = config.token;
    if (config.apiBaseUrl) element.apiBaseUrl = config.apiBaseUrl;
    if (config.onEvent) element.onEvent = config.onEvent;
    document.body.append(element);
    this.#element = element;
  }

  open(): void {
    this.#element.show();
  }

  updateToken(token: string): void {
    this.#element.updateToken(token);
  }

  destroy(): void {
    this.#element.remove();
  }
}
