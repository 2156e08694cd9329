/**
 * `airbyte-connect` (dist/airbyte-connect.js): the package's main entry, the public API. Importing it registers
 * nothing and touches no `window` or `document`; `define.ts` (`airbyte-connect/define`) registers the element,
 * or call `defineAirbyteConnect()`.
 */
export { AirbyteConnect } from './components/airbyte-connect.js';
export { AirbyteEmbeddedWidget, type EmbeddedWidgetConfig } from './compat/airbyte-embedded-widget.js';
export { ApiClient, DEFAULT_API_BASE_URL, type ApiClientOptions } from './api/client.js';
export { ApiError, type ApiErrorCode, type ApiOperation, type FieldIssue } from './api/api-error.js';
export type { CheckResult, Source, SourceSummary, SourceTemplate, TemplateSummary } from './api/schemas.js';
export type { AirbyteConnectEventDetails, AirbyteConnectEventMap, AirbyteEnvelope, AirbyteErrorDetail } from './events/event-map.js';
export { TokenError, type TokenErrorCode } from './token/token-error.js';
export { defineAirbyteConnect } from './define-element.js';
