import { loadOnce } from '../loader/load-once.js';

/** The sign-in chunk (`chunks/oauth.js`), fetched on first use. */
export type OAuthFlow = typeof import('./index.js');

export const loadOAuth = loadOnce<OAuthFlow>(() => import('./index.js'));
