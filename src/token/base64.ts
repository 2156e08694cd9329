/** Decodes standard or URL-safe base64, padding optional, as UTF-8. Returns undefined when it is not base64. */
export function decodeBase64(input: string): string | undefined {
  const normalised = input.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  // atob takes base64 without its padding, and refuses a length no encoding gives; it would also skip whitespace.
  if (!/^[A-Za-z0-9+/]*$/.test(normalised)) return undefined;
  try {
    const binary = atob(normalised);
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
