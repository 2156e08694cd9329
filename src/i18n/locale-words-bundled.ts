/**
 * The single-file build's `wordsFor` (swapped in by vite.config.ts for locale-words-file.ts): that build cannot
 * split, and an inlined `import()` would cost more than it saves (the bundler then wraps every module it reaches
 * in a lazy initialiser). The catalogs are still fetched from beside the script.
 */
export { wordsFor } from './locale-words.js';
