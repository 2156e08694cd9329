import { importBeside } from '../loader/from-script.js';
import type { Catalog } from './en.js';
import type { ShippedLanguage } from './locale.js';

/** The single-file build's `loadCatalog` (swapped in by vite.config.ts): the same `locales/<language>.js` files. */
const loaded = new Map<string, Promise<Catalog>>();

export function loadCatalog(language: Exclude<ShippedLanguage, 'en'>): Promise<Catalog> {
  let catalog = loaded.get(language);
  if (!catalog) {
    catalog = importBeside<{ default: Catalog }>(`locales/${language}.js`).then((module) => module.default);
    catalog.catch(() => loaded.delete(language));
    loaded.set(language, catalog);
  }
  return catalog;
}
