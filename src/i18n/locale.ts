// Resolving a locale other than plain English (its canonical form, its catalog, its direction): part of
// `chunks/locale.js`. Plain English is recognised in the main bundle (plain-english.ts).

/** The languages whose catalogs ship with the widget. */
export const SHIPPED_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'ja'] as const;
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

/** Languages written right to left, for engines without `Intl.Locale#getTextInfo`. */
const RTL = /^(ar|arc|ckb|dv|fa|he|iw|ks|ku|ps|sd|syr|ug|ur|yi)$/;

/** `tag` in canonical form (`pt-br` → `pt-BR`), or undefined when it is not a well-formed BCP 47 tag. */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  try {
    return tag ? Intl.getCanonicalLocales(tag.trim())[0] : undefined;
  } catch {
    return undefined;
  }
}

/** Which shipped catalog serves `locale`: its language's (`de-AT` → `de`), or none (English words then). */
export function catalogLanguage(locale: string): ShippedLanguage | undefined {
  const language = locale.split('-')[0]!.toLowerCase();
  return SHIPPED_LANGUAGES.find((shipped) => shipped === language);
}

/** The writing direction of `locale`, whether or not a catalog exists for it. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    const info = (Intl.Locale.prototype as { getTextInfo?: () => { direction?: string } }).getTextInfo
      ? (new Intl.Locale(locale) as unknown as { getTextInfo(): { direction?: string } }).getTextInfo()
      : undefined;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  } catch {
    // A tag Intl.Locale rejects: fall through to the list.
  }
  return RTL.test(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}
