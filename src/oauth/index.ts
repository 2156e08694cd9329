/**
 * Signing in, as one chunk that the widget fetches on the first click of "Authenticate with …" (or on a return
 * from a same-tab sign-in). Only `openPopup`, which must run inside the click, stays in the main bundle.
 */
export { authorize } from './authorize.js';
export { completeRedirect, startRedirect, takeRedirectReturn } from './redirect-return.js';
