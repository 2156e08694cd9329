/** An icon URL we will load: http(s), or an inline data image. Anything else (javascript:, file:…) is dropped. */
export function safeIconUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^data:image\//i.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed, globalThis.location?.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link we will render: absolute http(s) only. */
export function safeLinkUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
