import { importBeside } from '../loader/from-script.js';
import type { Catalog } from './en.js';
import type { ShippedLanguage } from './locale.js';

/** The single-file build's `catalogFile` (swapped in by vite.config.ts): the same `locales/<language>.js`, from beside the script. */
export const catalogFile = (language: Exclude<ShippedLanguage, 'en'>) => importBeside<{ default: Catalog }>(`locales/${language}.js`);
