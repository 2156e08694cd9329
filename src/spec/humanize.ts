const UPPER = new Set('api aws csv dns id ip jdbc json jwt sql ssh ssl uri url'.split(' '));

/** A label from a property key: `start_date` → "Start date", `apiKey` → "API key". */
export function humanize(key: string): string {
  const text = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => (UPPER.has((w = w.toLowerCase())) ? w.toUpperCase() : w))
    .join(' ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : key;
}
