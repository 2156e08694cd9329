import { safeLinkUrl } from './safe-url.js';

/** Tags kept from spec descriptions; everything else is unwrapped to its text. */
const ALLOWED = new Set(['A', 'B', 'STRONG', 'I', 'EM', 'CODE', 'BR', 'P', 'UL', 'OL', 'LI', 'PRE', 'SPAN']);
/** Tags whose content is never text for a reader. SVG and MathML are dropped by namespace. */
const DROPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'TITLE']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const MARKDOWN = /`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

function link(href: string, text: string): Node {
  const a = document.createElement('a');
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = text;
  return a;
}

/** Text with backtick code spans and Markdown links turned into elements; the rest stays text. */
function markdown(text: string, into: Node): void {
  let last = 0;
  for (const match of text.matchAll(MARKDOWN)) {
    into.appendChild(document.createTextNode(text.slice(last, match.index)));
    if (match[1] !== undefined) {
      const code = document.createElement('code');
      code.textContent = match[1];
      into.appendChild(code);
    } else {
      const href = safeLinkUrl(match[3]!);
      into.appendChild(href ? link(href, match[2]!) : document.createTextNode(match[0]));
    }
    last = match.index + match[0].length;
  }
  into.appendChild(document.createTextNode(text.slice(last)));
}

function copy(from: Node, into: Node): void {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      markdown(child.textContent ?? '', into);
    } else if (child instanceof Element) {
      if (child.namespaceURI !== HTML_NS || DROPPED.has(child.tagName)) continue;
      if (!ALLOWED.has(child.tagName)) {
        copy(child, into);
      } else if (child.tagName === 'A') {
        const href = safeLinkUrl(child.getAttribute('href'));
        if (href) into.appendChild(link(href, child.textContent ?? ''));
        else copy(child, into);
      } else {
        // A fresh element of the same name, with no attributes at all: nothing to run, nothing to style.
        const clean = document.createElement(child.tagName.toLowerCase());
        copy(child, clean);
        into.appendChild(clean);
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
