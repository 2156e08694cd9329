import { loadOnce } from '../loader/load-once.js';
import { catalogFile } from './catalog-files.js';
import type { Catalog } from './en.js';
import type { ShippedLanguage } from './locale.js';

const loaders = new Map<string, () => Promise<Catalog>>();

/** The catalog of `language`, loaded once per page; a failed load is forgotten so that the next ask retries. */
export function loadCatalog(language: Exclude<ShippedLanguage, 'en'>): Promise<Catalog> {
  let load = loaders.get(language);
  if (!load) loaders.set(language, (load = loadOnce(() => catalogFile(language).then((module) => module.default))));
  return load();
}
