import { importBeside } from '../loader/from-script.js';
import type { OAuthFlow } from './load.js';

/** The single-file build's `loadOAuth` (swapped in by vite.config.ts): the same `chunks/oauth.js`, from beside the script. */
let flow: Promise<OAuthFlow> | undefined;

export function loadOAuth(): Promise<OAuthFlow> {
  return (flow ??= importBeside<OAuthFlow>('chunks/oauth.js').catch((error: unknown) => {
    flow = undefined;
    throw error;
  }));
}
