import { loadOnce } from '../loader/load-once.js';
import type { wordsFor as chunkWordsFor } from './locale-words.js';

/** `chunks/locale.js`, fetched the first time a page asks for a locale other than plain English. */
const localeChunk = loadOnce(() => import('./locale-words.js'));

/** `wordsFor` from the chunk (see locale-words.ts); rejects only when the chunk does not arrive, which the next ask retries. */
export const wordsFor: typeof chunkWordsFor = (asked, pageLang) => localeChunk().then((chunk) => chunk.wordsFor(asked, pageLang));
