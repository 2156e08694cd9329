/** A link we will render: http(s) only, absolute unless a `base` resolves it. */
export function safeLinkUrl(value: string | null | undefined, base?: string): string | undefined {
  const text = value?.trim();
  if (!text) return undefined; // blank: no link (it would resolve to the base itself)
  try {
    const url = new URL(text, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An icon URL we will load: http(s), or an inline data image. Anything else (javascript:, file:…) is dropped. */
export function safeIconUrl(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && /^data:image\//i.test(trimmed) ? trimmed : safeLinkUrl(value, globalThis.location?.href);
}
