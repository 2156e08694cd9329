import { AirbyteConnect } from './components/airbyte-connect.js';
import { adopted, adoptStandIns } from './loader/adopt.js';

/**
 * Registers `<airbyte-connect>` once. When the loader registered its stand-in, that becomes the real element
 * instead. A page that loads the widget twice (two script tags, two bundles) gets a console warning, never an
 * error, and keeps the first definition.
 */
export function defineAirbyteConnect(tag = 'airbyte-connect'): void {
  const existing = customElements.get(tag);
  if (tag === 'airbyte-connect' && (adoptStandIns() || adopted())) return;
  if (!existing) customElements.define(tag, AirbyteConnect);
  else if (existing !== AirbyteConnect) {
    console.warn(`<${tag}> is already defined by another copy of airbyte-connect; keeping the first one.`);
  }
}
