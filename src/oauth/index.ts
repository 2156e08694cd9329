/**
 * Signing in, as one chunk: fetched when a form for a template with `advanced_auth` opens (or on a return from a
 * same-tab sign-in), so forms without it never load it. It is built on its own, with no import of the main bundle,
 * so the single-file build can fetch the very same file from beside itself; the element lends what it owns (Lit,
 * its API client, its words). The popup opens in the click on the chunk's own button, so it needs nothing more.
 */
export { signInKit } from './sign-in-kit.js';
/** Its English words, which the element adds to its catalog (`addEnglish`) when the chunk arrives. */
export { enSignIn } from '../i18n/en-sign-in.js';
