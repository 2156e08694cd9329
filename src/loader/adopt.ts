import type { AirbyteConnect } from '../components/airbyte-connect.js';

type Widget = typeof AirbyteConnect;
type StandIn = Widget & { observedAttributes: string[]; finalize(): void };

/**
 * Turns the loader's stand-in class into `widget`'s element, in place: the registered class becomes a subclass of
 * `widget`, so elements made from now on are real ones; its early methods are dropped, so the widget's own answer;
 * and each element made before is constructed again onto itself, then given its attributes and connected as if it
 * had just been upgraded. It lives in the loader, so that pages without one never fetch it.
 */
export function adoptInPlace(standIn: CustomElementConstructor, widget: Widget, elements: Iterable<HTMLElement>, earlyMethods: readonly string[]): void {
  const adopted = standIn as StandIn;
  Object.setPrototypeOf(adopted, widget);
  Object.setPrototypeOf(adopted.prototype, widget.prototype);
  for (const name of earlyMethods) delete (adopted.prototype as unknown as Record<string, unknown>)[name];
  adopted.finalize();
  for (const element of elements) {
    constructOnto(element, widget, adopted);
    for (const name of adopted.observedAttributes)
      if (element.hasAttribute(name)) (element as AirbyteConnect).attributeChangedCallback(name, null, element.getAttribute(name));
    if (element.isConnected) (element as AirbyteConnect).connectedCallback();
  }
}

/**
 * Runs the widget's constructors on an element that already exists. For that moment the class in its chain that
 * extends HTMLElement (Lit's ReactiveElement, found rather than assumed, so any copy of Lit will do) stands on a
 * constructor that returns the element instead of HTMLElement's, which would make a new one: every field and
 * constructor step from there up to the widget then applies to `element` itself (properties the page set early
 * are kept by Lit, as on any upgrade).
 */
function constructOnto(element: HTMLElement, widget: Widget, newTarget: StandIn): void {
  let base: object = widget;
  while (Object.getPrototypeOf(base) !== HTMLElement) base = Object.getPrototypeOf(base) as object;
  function Existing() {
    return element;
  }
  Object.setPrototypeOf(base, Existing);
  try {
    Reflect.construct(widget, [], newTarget);
  } finally {
    Object.setPrototypeOf(base, HTMLElement);
  }
}
