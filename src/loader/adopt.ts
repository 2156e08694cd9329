import { ReactiveElement } from 'lit';
import { AirbyteConnect } from '../components/airbyte-connect.js';
import { handshake } from './handshake.js';

type StandIn = typeof AirbyteConnect & { observedAttributes: string[]; finalize(): void };

/** Whether `<airbyte-connect>` is the loader's stand-in and has become the real element. */
export const adopted = (): boolean => Boolean(handshake()?.adopted);

/**
 * Turns the loader's stand-in into the real element, in place: the registered class becomes a subclass of
 * `AirbyteConnect`, so elements made from now on are real ones, and each element made before is constructed
 * again onto itself, then given its attributes and connected as if it had just been upgraded. Returns false
 * when no stand-in is waiting.
 */
export function adoptStandIns(): boolean {
  const shake = handshake();
  if (!shake || shake.adopted || customElements.get('airbyte-connect') !== shake.element) return false;
  const standIn = shake.element as StandIn;
  Object.setPrototypeOf(standIn, AirbyteConnect);
  Object.setPrototypeOf(standIn.prototype, AirbyteConnect.prototype);
  for (const name of shake.standIns) delete (standIn.prototype as unknown as Record<string, unknown>)[name];
  standIn.finalize();
  shake.adopted = true;
  for (const element of shake.waiting) {
    constructOnto(element, standIn);
    for (const name of standIn.observedAttributes)
      if (element.hasAttribute(name)) (element as AirbyteConnect).attributeChangedCallback(name, null, element.getAttribute(name));
    if (element.isConnected) (element as AirbyteConnect).connectedCallback();
  }
  shake.waiting.clear();
  return true;
}

/**
 * Runs the element's constructors on an element that already exists. For that moment Lit's base class stands on
 * a constructor that returns the element instead of HTMLElement's, which would make a new one: every field and
 * constructor step from Lit up to AirbyteConnect then applies to `element` itself (properties the page set early
 * are kept by Lit, as on any upgrade).
 */
function constructOnto(element: HTMLElement, standIn: StandIn): void {
  const base = Object.getPrototypeOf(ReactiveElement) as object;
  function Existing() {
    return element;
  }
  Object.setPrototypeOf(ReactiveElement, Existing);
  try {
    Reflect.construct(AirbyteConnect, [], standIn);
  } finally {
    Object.setPrototypeOf(ReactiveElement, base);
  }
}
