/**
 * Signing in, as one chunk: fetched when a form for a template with `advanced_auth` opens (or on a return from a
 * same-tab sign-in), so forms without it never load it. It is built on its own, with no import of the main bundle,
 * so the single-file build can fetch the very same file from beside itself; Lit is lent by the element. Only
 * `openPopup`, which must run inside the click, stays in the main bundle.
 */
export { authControl } from '../components/fields/auth-control.js';
export { applyAuthValues, authActive, authComplete, authHidden, authInputs } from '../spec/auth.js';
export { withAuth } from '../spec/build-model.js';
export { authorize } from './authorize.js';
export { completeRedirect, startRedirect, takeRedirectReturn } from './redirect-return.js';
export { withoutSecrets } from './without-secrets.js';
