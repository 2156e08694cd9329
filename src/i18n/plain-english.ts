/**
 * `tag` in canonical form (`en-gb` → `en-GB`) when it is plain English: `en` alone or with a region, whose words
 * ship in the main bundle and which is written left to right, so nothing is fetched. Undefined for any other tag,
 * English with a script or variant included, which `chunks/locale.js` resolves (and reports when malformed).
 */
export function plainEnglish(tag: string): string | undefined {
  tag = tag.trim();
  // Cheaper than Intl.getCanonicalLocales, and the same for these tags: the language in lower case, the region in upper.
  return /^en(-[a-z]{2}|-\d{3})?$/i.test(tag) ? `en${tag.slice(2).toUpperCase()}` : undefined;
}
