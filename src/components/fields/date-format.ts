// Date fields (spec-dialect §3.4): which native picker a `format: date | date-time` field gets, and the exact text
// its `pattern` wants. Pure: no DOM, no Lit. Times are UTC wall-clock times, whatever the browser's zone.

/** A picker: the native input type, and for date-times the digits of the seconds fraction (0, 3 or 6). */
export interface DateKind {
  readonly type: 'date' | 'month' | 'datetime-local';
  readonly digits: number;
}

/** The picker for a string field, or undefined when it is not a date. */
export function dateKind(format?: string, pattern = ''): DateKind | undefined {
  if (format !== 'date' && format !== 'date-time') return undefined;
  const p = pattern.replace(/^\^\$\|/, '');
  if (p == '^[0-9]{4}-[0-9]{2}$') return { type: 'month', digits: 0 };
  // A date-time whose pattern has no time part is written as a date.
  if (format == 'date' || (p && !p.includes('T'))) return { type: 'date', digits: 0 };
  return { type: 'datetime-local', digits: /\{3\}Z\$$/.test(p) ? 3 : /\{6\}Z\$$/.test(p) ? 6 : 0 };
}

const DATE = /^(\d{4})-(\d\d)(?:-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?)?\s*(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * A typed, picked or stored date, read leniently (`2024-05`, `2024-05-06`, `2024-05-06 07:08`,
 * `…T07:08:09.123+02:00`; no zone means UTC), written the way the pattern wants it (or, with `native`, the way the
 * native input wants it: no `Z`, at most milliseconds). Undefined when it is not a date.
 */
export function toPattern(text: string, kind: DateKind, native?: boolean): string | undefined {
  const m = DATE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d = '01', h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = m;
  const wall = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  const time = Date.parse(wall + 'Z');
  // Rejects impossible dates (Feb 30, hour 25): the round trip would not give the same text.
  if (isNaN(time) || new Date(time).toISOString().slice(0, 19) != wall) return undefined;
  const offset = zone.toUpperCase() == 'Z' ? 0 : (zone[0] == '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(-2));
  const iso = new Date(time - offset * 60000).toISOString();
  if (kind.type != 'datetime-local') return iso.slice(0, kind.type == 'month' ? 7 : 10);
  const digits = native ? kind.digits && 3 : kind.digits;
  return iso.slice(0, 19) + (digits ? '.' + fraction.padEnd(digits, '0').slice(0, digits) : '') + (native ? '' : 'Z');
}

/** A stored value as the native input's value (`YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDTHH:mm:ss[.SSS]`), else ''. */
export const toNative = (value: unknown, kind: DateKind): string =>
  (typeof value == 'string' && toPattern(value, kind, true)) || '';
