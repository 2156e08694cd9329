// The two static files the OAuth pages load (external, so the pages need no inline style or script). Kept as
// strings rather than files so every build of the sandbox carries them.

/** The consent page's look: plain, legible, with a visible focus ring. */
export const CONSENT_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; padding: 2rem 1rem; }
main { max-width: 28rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
.note { opacity: 0.8; font-size: 0.9rem; }
form { display: flex; gap: 0.75rem; margin-top: 1.5rem; }
button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 0.375rem; border: 1px solid currentColor; background: transparent; color: inherit; cursor: pointer; }
button[value="allow"] { background: #4f46e5; border-color: #4f46e5; color: #fff; }
button:focus-visible { outline: 3px solid #818cf8; outline-offset: 2px; }
`;

/**
 * The popup callback page's script. It posts the provider's answer to the window that opened the popup, addressed
 * to the exact origin the server wrote into the page (never "*"), then closes the popup. Without an opener or a
 * target it only tells the user they may close the window.
 */
export const CALLBACK_SCRIPT = `(function () {
  'use strict';
  var meta = document.querySelector('meta[name="airbyte-oauth-target"]');
  var target = meta ? meta.getAttribute('content') : null;
  var query = new URLSearchParams(window.location.search);
  var status = document.getElementById('airbyte-oauth-status');
  if (window.opener && target) {
    var data = { type: 'airbyte-connect:oauth', state: query.get('state') || '' };
    if (query.has('code')) data.code = query.get('code');
    if (query.has('error')) data.error = query.get('error');
    try {
      window.opener.postMessage(data, target);
      window.close();
    } catch (error) {
      // The opener navigated elsewhere; nothing more to do here than tell the user.
    }
  }
  if (status) status.textContent = 'You can close this window.';
})();
`;
