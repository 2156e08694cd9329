/**
 * The English words of signing in ("Authenticate with …"): part of the English catalog (`en.ts`), but shipped in
 * the sign-in chunk, which adds them with `addEnglish` when it arrives; no form shows them before.
 */
export const enSignIn = {
  authenticateWith: 'Authenticate with {name}',
  authenticated: 'Authenticated',
  reauthenticate: 'Re-authenticate',
  authRequired: 'Authentication required',
  authWaiting: 'Finish signing in in the window that opened.',
  'auth.blocked': 'Your browser blocked the sign-in window. Allow pop-ups for this site, or continue in this tab.',
  continueInTab: 'Continue in this tab',
  'auth.closed': 'The sign-in window was closed before you finished. Try again when you are ready.',
  'auth.denied': 'Access was not granted. Try again and choose Allow to connect.',
  'auth.expired': 'The sign-in took too long and has expired. Start it again.',
  'auth.timeout': 'No answer came from the sign-in window. Try again.',
  'auth.failed': 'Signing in did not work. Try again.',
};
