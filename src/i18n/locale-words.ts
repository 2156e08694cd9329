// The chunk `chunks/locale.js`: what a locale other than plain English needs, fetched only when a page asks for
// one (see locale-words-file.ts). Plain English is settled in the main bundle without it (plain-english.ts).
import type { Catalog } from './en.js';
import { loadCatalog } from './load-catalog.js';
import { canonicalLocale, catalogLanguage, textDirection, type ShippedLanguage } from './locale.js';

/** How the widget speaks the locale a page asked for. */
export interface LocaleWords {
  /** The locale, canonical: it formats numbers and dates and picks plural forms, whatever the words. */
  readonly locale: string;
  /** Its writing direction, whether or not a catalog serves it. */
  readonly dir: 'ltr' | 'rtl';
  /** The language of the shipped catalog that serves it, when one does and it arrived. */
  readonly language?: ShippedLanguage;
  /** That catalog; without one the words are English (or the page's `messages`). */
  readonly catalog?: Catalog;
  /** Why the words are English although another language was asked for: the `locale_unavailable` message. */
  readonly failure?: string;
}

/**
 * The words for the element's `locale` or else the page's `lang`: the first of them that is a well-formed tag (a
 * malformed `locale` is reported in the console), else English. Settles once the catalog is here, never rejects.
 */
export async function wordsFor(asked: string | null, pageLang: string | null | undefined): Promise<LocaleWords> {
  const locale = canonicalLocale(asked) ?? canonicalLocale(pageLang) ?? 'en';
  if (asked && !canonicalLocale(asked)) console.warn(`<airbyte-connect>: locale "${asked}" is not a BCP 47 tag; using ${locale}.`);
  const dir = textDirection(locale);
  const language = catalogLanguage(locale);
  if (!language || language === 'en') return { locale, dir, language };
  try {
    return { locale, dir, language, catalog: await loadCatalog(language) };
  } catch (error) {
    return { locale, dir, failure: `The ${language} messages could not be loaded (${String((error as Error)?.message ?? error)}); showing English.` };
  }
}
