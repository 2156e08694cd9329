/**
 * The single-file build's stand-in for `adopt.ts` (swapped in by vite.config.ts): the loader fetches the ES build,
 * never this file, so there is no stand-in for it to adopt. A page with both keeps the first definition.
 */
export const adopted = (): boolean => false;
export const adoptStandIns = (): boolean => false;
