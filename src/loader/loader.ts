/**
 * `airbyte-connect-loader.js`: a classic script small enough for every page. It registers `<airbyte-connect>` at
 * once, with a stand-in class, so the page can set attributes and properties and add listeners straight away;
 * the first element that connects (or the browser's first idle moment, with `data-preload`) fetches the full
 * widget from the loader's own folder, which then turns every stand-in into the real element in place. Nothing
 * set early is lost: attributes stay on the element and properties are taken over by Lit.
 *
 * One load however many elements or loader tags; a failed load is reported on each waiting element as
 * `airbyte-error` and tried again the next time an element connects or is asked to reload. `import()` adds no
 * script tag, so a failure leaves none behind, and the page's CSP needs nothing beyond the loader's own origin.
 */
import { HANDSHAKE, type LoaderHandshake } from './handshake.js';

const TAG = 'airbyte-connect';

if (typeof customElements == 'object' && !customElements.get(TAG)) {
  const script = document.currentScript as HTMLScriptElement | null;
  // The main entry itself, not define.js: one request instead of two in a row, and the loader registers it.
  const widgetUrl = new URL('airbyte-connect.js', script?.src || location.href);
  let loading: Promise<unknown> | undefined;

  // The same URL on every attempt: a failed module fetch is not kept in the module map (whatwg/html#10327), so
  // it is fetched again, and whatever the widget imports later meets the one instance.
  const load = (): Promise<unknown> =>
    (loading ??= import(/* @vite-ignore */ widgetUrl.href).then(
      (widget: { defineAirbyteConnect(): void }) => widget.defineAirbyteConnect(),
      (error: unknown) => {
        loading = undefined;
        for (const element of state.waiting)
          element.dispatchEvent(
            new CustomEvent('airbyte-error', {
              bubbles: true,
              composed: true,
              detail: { code: 'load_failed', message: `The widget could not be loaded from ${widgetUrl.href} (${String(error)}); it is tried again on the next attempt.` },
            }),
          );
      },
    ));

  // Calls go to the superclass as it is when they run: nothing before the widget arrives, the widget's after.
  const up = (self: HTMLElement, name: string, args: unknown[] = []) =>
    (Object.getPrototypeOf(AirbyteConnectStandIn.prototype) as Record<string, ((...a: unknown[]) => void) | undefined>)[name]?.apply(self, args);

  class AirbyteConnectStandIn extends HTMLElement {
    static observedAttributes = ['token', 'token-url', 'api-base-url', 'mode', 'open', 'theme', 'locale', 'template-id', 'source-id'];
    constructor() {
      super();
      if (!state.adopted) state.waiting.add(this);
    }
    connectedCallback() {
      if (state.adopted) up(this, 'connectedCallback');
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

  const state: LoaderHandshake = { element: AirbyteConnectStandIn, waiting: new Set(), standIns: ['show', 'close', 'updateToken', 'reload'] };
  (globalThis as { [HANDSHAKE]?: LoaderHandshake })[HANDSHAKE] = state;
  customElements.define(TAG, AirbyteConnectStandIn);
  if (script?.hasAttribute('data-preload')) (window.requestIdleCallback ?? setTimeout)(() => void load());
}
