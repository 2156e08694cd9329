import { noChange, type CSSResult, type ReactiveElement } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

/**
 * On an element, `${adoptStyles(sheet)}` adds `sheet` to the shadow root of the Lit element that renders it, the
 * first time: the way code fetched later brings its own styles. A constructed stylesheet, not a <style>, so a page
 * whose CSP has no 'unsafe-inline' applies it too.
 */
class AdoptStyles extends Directive {
  render(_styles: CSSResult) {
    return noChange;
  }

  override update(part: ElementPart, [styles]: [CSSResult]) {
    const root = (part.options?.host as ReactiveElement | undefined)?.renderRoot;
    const sheet = styles.styleSheet;
    if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return noChange;
  }
}

export const adoptStyles = directive(AdoptStyles);
