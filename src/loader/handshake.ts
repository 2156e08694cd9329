/**
 * How the widget recognises the loader's stand-in: the class that `airbyte-connect-loader.js` registers as
 * `<airbyte-connect>` carries, under this key, the loader's function that turns it into a widget class's element in
 * place. `defineAirbyteConnect()` hands it its own class, so whichever copy of the widget arrives first (the one the
 * loader fetched, define.js, the single-file build) adopts the stand-in, and the adoption code stays in the loader.
 */
export const ADOPT: unique symbol = Symbol.for('airbyte-connect.adopt');

/**
 * Adopts the stand-in with `widget` unless a class adopted it before; true when the stand-in is (now) `widget`'s
 * element, false when it is another copy's.
 */
export type AdoptStandIn = (widget: CustomElementConstructor) => boolean;

/** A class registered as `<airbyte-connect>`: the loader's stand-in has the hook, any other class has not. */
export type MaybeStandIn = CustomElementConstructor & { [ADOPT]?: AdoptStandIn };
