// The small HTML documents the OAuth pages are made of. Every interpolated string passes through escapeHtml, and
// documents carry no inline script or style, so a strict Content-Security-Policy holds.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in text and in quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

export interface DocumentParts {
  /** Plain text; escaped here. */
  title: string;
  /** Already-escaped markup for <head> (meta, link, script elements). */
  head?: string;
  /** Already-escaped markup for <body>. */
  body: string;
}

export function htmlDocument(parts: DocumentParts): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    ...(parts.head ? [parts.head] : []),
    '</head>',
    '<body>',
    parts.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Headers every OAuth page carries; `csp` is the page's own policy. */
export function pageHeaders(csp: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    // Pages hold single-use ids and codes in their URLs: never cache them.
    'Cache-Control': 'no-store',
  };
}
