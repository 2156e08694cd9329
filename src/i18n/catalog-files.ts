import type { Catalog } from './en.js';
import type { ShippedLanguage } from './locale.js';

/**
 * Each non-English catalog is its own small file, fetched only when a page asks for that language. Bundlers see
 * these imports and split them out; the published build names them `locales/<language>.js`.
 */
const files: Record<Exclude<ShippedLanguage, 'en'>, () => Promise<{ default: Catalog }>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  pt: () => import('./locales/pt.js'),
  ja: () => import('./locales/ja.js'),
};

export const catalogFile = (language: Exclude<ShippedLanguage, 'en'>) => files[language]();
