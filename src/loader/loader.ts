/**
 * `airbyte-connect-loader.js`: a classic script small enough for every page. It registers `<airbyte-connect>` at
 * once, with a stand-in class, so the page can set attributes and properties and add listeners straight away;
 * the first element that connects (or the browser's first idle moment, with `data-preload`) fetches the full
 * widget from the loader's own folder, and the loader turns its stand-in into the widget's element in place (or
 * into that of a copy the page brought first: define.js, the single-file build). Nothing set early is lost:
 * attributes stay on the element and properties are taken over by Lit. The adoption code lives here, not in the
 * widget, so that pages without the loader never fetch it.
 *
 * One load however many elements or loader tags; a failed load is reported on each waiting element as
 * `airbyte-error` and tried again the next time an element connects or is asked to reload. `import()` adds no
 * script tag, so a failure leaves none behind, and the page's CSP needs nothing beyond the loader's own origin.
 */
import type { AirbyteConnect } from '../components/airbyte-connect.js';
import { adoptInPlace } from './adopt.js';
import { ADOPT, type AdoptStandIn } from './handshake.js';

const TAG = 'airbyte-connect';

if (typeof customElements == 'object' && !customElements.get(TAG)) {
  const script = document.currentScript as HTMLScriptElement | null;
  // The main entry itself, not define.js: one request instead of two in a row, and the loader adopts with its class.
  const widgetUrl = new URL('airbyte-connect.js', script?.src || location.href);
  // Elements made before a widget class adopted the stand-in, and that class.
  const waiting = new Set<HTMLElement>();
  let adoptedBy: CustomElementConstructor | undefined;
  let loading: Promise<unknown> | undefined;

  // The same URL on every attempt: a failed module fetch is not kept in the module map (whatwg/html#10327), so
  // it is fetched again, and whatever the widget imports later meets the one instance.
  const load = (): Promise<unknown> =>
    (loading ??= import(/* @vite-ignore */ widgetUrl.href).then(
      (widget: { AirbyteConnect: typeof AirbyteConnect }) => void adopt(widget.AirbyteConnect),
      (error: unknown) => {
        loading = undefined;
        for (const element of waiting)
          element.dispatchEvent(
            new CustomEvent('airbyte-error', {
              bubbles: true,
              composed: true,
              detail: { code: 'load_failed', message: `The widget could not be loaded from ${widgetUrl.href} (${String(error)}); it is tried again on the next attempt.` },
            }),
          );
      },
    ));

  // The first class to arrive adopts: the one fetched here, or one the page brought (define.js, the single-file
  // build), whose defineAirbyteConnect() calls this; a copy arriving later is told it came second.
  const adopt: AdoptStandIn = (widget) => {
    if (!adoptedBy) {
      adoptedBy = widget;
      adoptInPlace(AirbyteConnectStandIn, widget as typeof AirbyteConnect, waiting, ['show', 'close', 'updateToken', 'reload']);
      waiting.clear();
    }
    return adoptedBy === widget;
  };

  // Calls go to the superclass as it is when they run: nothing before the widget arrives, the widget's after.
  const up = (self: HTMLElement, name: string, args: unknown[] = []) =>
    (Object.getPrototypeOf(AirbyteConnectStandIn.prototype) as Record<string, ((...a: unknown[]) => void) | undefined>)[name]?.apply(self, args);

  class AirbyteConnectStandIn extends HTMLElement {
    static observedAttributes = ['token', 'token-url', 'api-base-url', 'mode', 'open', 'theme', 'locale', 'template-id', 'source-id'];
    static [ADOPT] = adopt;
    constructor() {
      super();
      if (!adoptedBy) waiting.add(this);
    }
    connectedCallback() {
      if (adoptedBy) up(this, 'connectedCallback');
      else void load();
    }
    disconnectedCallback() {
      up(this, 'disconnectedCallback');
    }
    attributeChangedCallback(...args: unknown[]) {
      up(this, 'attributeChangedCallback', args);
    }
    // Until the widget is here, the methods set what they would set, and reload() retries a failed load.
    show() {
      this.setAttribute('open', '');
    }
    close() {
      this.removeAttribute('open');
    }
    updateToken(token: string) {
      (this as { token?: string }).token = token;
    }
    reload() {
      return load();
    }
  }

  customElements.define(TAG, AirbyteConnectStandIn);
  if (script?.hasAttribute('data-preload')) (window.requestIdleCallback ?? setTimeout)(() => void load());
}
