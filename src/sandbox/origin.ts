// Web origins as the widget-token endpoint accepts them: scheme://host[:port], nothing more.

/** The normalised origin (lower-case host, default port dropped), or undefined when `value` is not a bare origin. */
export function parseOrigin(value: string): string | undefined {
  if (value.includes('*') || value.endsWith('/')) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  return bare && web && /^https?:\/\/[^/?#]+$/i.test(value) ? url.origin : undefined;
}
