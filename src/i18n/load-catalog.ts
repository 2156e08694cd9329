import type { Catalog } from './en.js';
import type { ShippedLanguage } from './locale.js';

/**
 * Each non-English catalog is its own small file, fetched only when a page asks for that language. Bundlers see
 * these imports and split them out; the published build names them `locales/<language>.js`.
 */
const catalogs: Record<Exclude<ShippedLanguage, 'en'>, () => Promise<{ default: Catalog }>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  pt: () => import('./locales/pt.js'),
  ja: () => import('./locales/ja.js'),
};

const loaded = new Map<string, Promise<Catalog>>();

/** The catalog of `language`, loaded once per page; a failed load is forgotten so that the next ask retries. */
export function loadCatalog(language: Exclude<ShippedLanguage, 'en'>): Promise<Catalog> {
  let catalog = loaded.get(language);
  if (!catalog) {
    catalog = catalogs[language]().then((module) => module.default);
    catalog.catch(() => loaded.delete(language));
    loaded.set(language, catalog);
  }
  return catalog;
}
