/**
 * What the loader (`airbyte-connect-loader.js`) leaves for the full widget: the class it registered as
 * `<airbyte-connect>`, the elements made before the widget arrived, and the stand-in methods to drop once it has.
 * Both sides find it under one global symbol, so any number of loader tags and copies meet in one place.
 */
export interface LoaderHandshake {
  readonly element: CustomElementConstructor;
  readonly waiting: Set<HTMLElement>;
  readonly standIns: readonly string[];
  adopted?: boolean;
}

export const HANDSHAKE = Symbol.for('airbyte-connect.loader');

export const handshake = (): LoaderHandshake | undefined => (globalThis as { [HANDSHAKE]?: LoaderHandshake })[HANDSHAKE];
