import { AirbyteConnect } from './components/airbyte-connect.js';

/**
 * Registers `<airbyte-connect>` once. A page that loads the widget twice (two script tags, two bundles)
 * gets a console warning, never an error, and keeps the first definition.
 */
export function defineAirbyteConnect(tag = 'airbyte-connect'): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, AirbyteConnect);
  else if (existing !== AirbyteConnect) {
    console.warn(`<${tag}> is already defined by another copy of airbyte-connect; keeping the first one.`);
  }
}
