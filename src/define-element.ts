import { AirbyteConnect } from './components/airbyte-connect.js';
import { ADOPT, type MaybeStandIn } from './loader/handshake.js';

/**
 * Registers `<airbyte-connect>` once. When the loader registered its stand-in, the loader turns it into this
 * class's element instead, unless another copy's class got there first. A page that loads the widget twice (two
 * script tags, two bundles) gets a console warning, never an error, and keeps the first definition.
 */
export function defineAirbyteConnect(tag = 'airbyte-connect'): void {
  const existing = customElements.get(tag) as MaybeStandIn | undefined;
  if (!existing) customElements.define(tag, AirbyteConnect);
  else if (existing !== AirbyteConnect && !existing[ADOPT]?.(AirbyteConnect)) {
    console.warn(`<${tag}> is already defined by another copy of airbyte-connect; keeping the first one.`);
  }
}
