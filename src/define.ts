/** The ESM bundle's entry: everything public, and `<airbyte-connect>` registered on import. */
import { defineAirbyteConnect } from './define-element.js';

export * from './index.js';

defineAirbyteConnect();
