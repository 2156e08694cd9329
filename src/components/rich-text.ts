import { safeLinkUrl } from './safe-url.js';

/** Tags kept from spec descriptions (and safe links); everything else is unwrapped to its text. */
const ALLOWED = new Set(['B', 'STRONG', 'I', 'EM', 'CODE', 'BR', 'P', 'UL', 'OL', 'LI', 'PRE', 'SPAN']);
/** Tags whose content is never text for a reader. SVG and MathML are dropped too: their elements are no HTMLElement. */
const DROPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'TITLE']);
const MARKDOWN = /`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

function link(href: string, text: string): Node {
  return Object.assign(document.createElement('a'), { href, target: '_blank', rel: 'noopener noreferrer', textContent: text });
}

/** Text with backtick code spans and Markdown links turned into elements; the rest stays text (append makes it a Text node). */
function markdown(text: string, into: ParentNode): void {
  let last = 0;
  for (const match of text.matchAll(MARKDOWN)) {
    into.append(text.slice(last, match.index));
    if (match[1] !== undefined) {
      const code = document.createElement('code');
      code.textContent = match[1];
      into.append(code);
    } else {
      const href = safeLinkUrl(match[3]!);
      into.append(href ? link(href, match[2]!) : match[0]);
    }
    last = match.index + match[0].length;
  }
  into.append(text.slice(last));
}

function copy(from: Node, into: ParentNode): void {
  // Nothing is ever moved out of `from`: its live child list stays as it was while we walk it.
  for (const child of from.childNodes) {
    if (child instanceof Text) {
      markdown(child.data, into);
    } else if (child instanceof HTMLElement && !DROPPED.has(child.tagName)) {
      const href = child.tagName === 'A' && safeLinkUrl(child.getAttribute('href'));
      if (href) {
        into.append(link(href, child.textContent ?? ''));
      } else if (ALLOWED.has(child.tagName)) {
        // A fresh element of the same name, with no attributes at all: nothing to run, nothing to style.
        const clean = document.createElement(child.localName);
        copy(child, clean);
        into.append(clean);
      } else {
        // Unwrapped to its content (so is a link we will not render).
        copy(child, into);
      }
    }
  }
}

/**
 * Turns an untrusted description (HTML from a spec, Markdown-ish text) into safe DOM: an allow-list of
 * formatting tags with no attributes, links only to http(s) and opened in a new tab without an opener.
 * DOMParser builds an inert document: nothing in it runs or loads while we read it.
 */
export function richText(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(source, 'text/html');
  copy(parsed.body, fragment);
  return fragment;
}
