import { catalogFile } from './catalog-files.js';
import type { Catalog } from './en.js';
import type { ShippedLanguage } from './locale.js';

/**
 * The catalog of `language`. `import()` itself keeps a module once it has arrived and shares a load in flight, and
 * keeps no failure (whatwg/html#10327, as current Chromium; older engines keep it until the page reloads): the
 * next ask imports again, as `loadOnce` would. Not using `loadOnce` leaves `chunks/locale.js` importing nothing
 * from the main entry, like every on-demand chunk: one that did would run a second copy of the widget when the
 * main entry was reached through a redirect, and keep a page's bundler from dropping an unused main entry.
 */
export const loadCatalog = (language: Exclude<ShippedLanguage, 'en'>): Promise<Catalog> => catalogFile(language).then((module) => module.default);
