// Where a sign-in may return to: only the sandbox itself (the popup callback page) or the page that asked
// (same-tab fallback), so a consent URL can never be used to send a code to a third party.
import { invalid } from '../errors.js';

const LOC = ['body', 'redirect_url'];

/** The normalised redirect URL (URL.href), or a 422 naming redirect_url. */
export function checkRedirectUrl(value: string, allowedOrigins: readonly string[]): string {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalid(LOC, 'Must be an absolute http(s) URL', 'value_error.url');
  }
  if (url.username || url.password) throw invalid(LOC, 'Must not carry a user name or password', 'value_error.url');
  // OAuth 2.0 (RFC 6749 §3.1.2) forbids fragments in redirection endpoints.
  if (url.hash || value.includes('#')) throw invalid(LOC, 'Must not have a #fragment', 'value_error.url');
  if (!allowedOrigins.includes(url.origin)) {
    throw invalid(
      LOC,
      `Must be on the sandbox's own origin or on the origin of the requesting page (${allowedOrigins.join(', ')}), not ${url.origin}`,
      'value_error.redirect_origin',
    );
  }
  return url.href;
}

/** The normalised form of a URL (for comparing), or the text itself when it is not one. */
export function normaliseUrl(value: string): string {
  return parseUrl(value)?.href ?? value;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
