// `airbyte-connect/server`: what a host backend needs to mint tokens for the widget.
export { createTokenClient } from './token-client.js';
export type {
  ScopedTokenRequest,
  TagsMode,
  TokenClient,
  TokenClientOptions,
  WidgetTokenRequest,
} from './token-client.js';
export { TokenClientError } from './token-client-error.js';
