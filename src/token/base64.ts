/** Decodes standard or URL-safe base64, padding optional, as UTF-8. Returns undefined when it is not base64. */
export function decodeBase64(input: string): string | undefined {
  const normalised = input.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(normalised) || normalised.length % 4 === 1) return undefined;
  try {
    const binary = atob(normalised + '='.repeat((4 - (normalised.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
