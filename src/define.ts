/**
 * `airbyte-connect/define` (dist/define.js): registers `<airbyte-connect>` on import and re-exports everything
 * public, so `import { AirbyteConnect } from 'airbyte-connect/define'` both registers and types the element.
 * The main entry (`index.ts`, dist/airbyte-connect.js) registers nothing.
 *
 * It registers wherever there is a custom element registry: in browsers, and in Node, where the package's `node`
 * build loads Lit's server build and its registry (as Lit's server-side rendering expects). A runtime with no
 * registry at all is skipped instead of failing with a ReferenceError.
 */
import { defineAirbyteConnect } from './define-element.js';

// Named, not `export *`: the built main entry also exports internal bindings for its on-demand chunk, and those
// are no part of the API.
export { AirbyteConnect, AirbyteEmbeddedWidget, ApiClient, ApiError, DEFAULT_API_BASE_URL, TokenError, defineAirbyteConnect } from './index.js';
export type * from './index.js';

if (typeof customElements !== 'undefined') defineAirbyteConnect();
