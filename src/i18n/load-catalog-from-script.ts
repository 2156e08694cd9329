import type { Catalog } from './en.js';
import type { ShippedLanguage } from './locale.js';

/**
 * The single-file build's `loadCatalog` (swapped in by vite.config.ts): a classic script cannot carry split
 * chunks, so it imports the same `locales/<language>.js` files from the folder it was itself loaded from.
 */
const base = typeof document == 'object' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;
const loaded = new Map<string, Promise<Catalog>>();

export function loadCatalog(language: Exclude<ShippedLanguage, 'en'>): Promise<Catalog> {
  let catalog = loaded.get(language);
  if (!catalog) {
    catalog = base
      ? import(/* @vite-ignore */ new URL(`locales/${language}.js`, base).href).then((module: { default: Catalog }) => module.default)
      : Promise.reject(new Error('the script’s own address is unknown'));
    catalog.catch(() => loaded.delete(language));
    loaded.set(language, catalog);
  }
  return catalog;
}
