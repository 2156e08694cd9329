import { importBeside } from '../loader/from-script.js';
import { loadOnce } from '../loader/load-once.js';
import type { OAuthFlow } from './load.js';

/** The single-file build's `loadOAuth` (swapped in by vite.config.ts): the same `chunks/oauth.js`, from beside the script. */
export const loadOAuth = loadOnce(() => importBeside<OAuthFlow>('chunks/oauth.js'));
