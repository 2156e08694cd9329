import { en, type Catalog, type MessageKey } from './en.js';

/** A key as code asks for it: a plural's base name (`fixFields`) stands for its `.one` / `.other` forms. */
export type TextKey = MessageKey extends infer K ? (K extends `${infer Base}.${'one' | 'other'}` ? Base : K) : never;
/** Values put into a message: numbers and dates are formatted for the locale, strings go in as they are. */
export type Params = Readonly<Record<string, string | number | Date>>;
/** Turns a key and its values into text in one locale. */
export type Translate = (key: TextKey, params?: Params) => string;
/** Messages a page gives to replace the shipped ones (or to add a language we do not ship). */
export type MessageOverrides = Partial<Record<MessageKey, string>>;

/** English words that arrive with an on-demand chunk (the sign-in's, the rare field kinds'), kept from then on. */
const englishLater: Record<string, string> = {};

/** Adds English words shipped in an on-demand chunk to the fallback of every translator. */
export const addEnglish = (words: Readonly<Record<string, string>>): void => void Object.assign(englishLater, words);

/**
 * A translator for `locale`: the page's overrides first, then `catalog`, then English, so a missing or partial
 * catalog still shows words. Plural forms follow `Intl.PluralRules`; numbers take the locale's decimal sign but no
 * grouping, since the numbers we show are limits such as ports and years (65535, not 65,535).
 */
export function translator(locale: string, catalog: Partial<Catalog> = en, overrides: MessageOverrides | null = null): Translate {
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const text = (key: string): string | undefined => {
    for (const source of [overrides, catalog, en, englishLater] as Record<string, unknown>[]) {
      const value = source && Object.hasOwn(source, key) ? source[key] : undefined;
      if (typeof value == 'string') return value;
    }
  };
  return (key, params = {}) => {
    const count = params.count ?? params.n;
    const pluralKey = typeof count == 'number' && text(`${key}.other`) !== undefined;
    const message = (pluralKey ? (text(`${key}.${plural.select(count)}`) ?? text(`${key}.other`)) : text(key)) ?? key;
    return message.replace(/\{(\w+)\}/g, (hole, name: string) => {
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      return value === undefined ? hole : typeof value == 'number' ? number.format(value) : value instanceof Date ? date.format(value) : value;
    });
  };
}

/** English, for code that runs before any locale is known (and for tests). */
export const english: Translate = translator('en');
