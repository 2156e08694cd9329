// The pages a browser sees during a sandbox sign-in: the pretend provider's consent page, its "expired" page,
// and the popup callback page. Each comes with the Content-Security-Policy it needs and nothing more.
import { escapeHtml, htmlDocument } from './html.js';

export interface Page {
  html: string;
  csp: string;
}

/** Paths relative to the page's own URL, so they hold wherever the sandbox is mounted. */
const CONSENT_CSS_HREF = 'consent.css';
const CALLBACK_SCRIPT_SRC = 'callback.js';

const LOCKED_DOWN = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * "Sign in to <template>", Allow and Deny. The form posts to the sandbox, which answers with a redirect to the
 * sign-in's redirect URL, so form-action must allow that origin too (browsers check redirects of a submission).
 */
export function consentPage(templateName: string, requestId: string, redirectOrigin: string): Page {
  const name = escapeHtml(templateName);
  const action = escapeHtml(`consent?request=${encodeURIComponent(requestId)}`);
  return {
    csp: `${LOCKED_DOWN}; style-src 'self'; form-action 'self' ${redirectOrigin}`,
    html: htmlDocument({
      title: `Sign in to ${templateName} – Airbyte Connect sandbox`,
      head: `<link rel="stylesheet" href="${CONSENT_CSS_HREF}">`,
      body: [
        '<main>',
        `<h1>Sign in to ${name}</h1>`,
        `<p>Allow access to your ${name} account?</p>`,
        '<p class="note">This is the Airbyte Connect sandbox’s pretend provider: no real account is involved and nothing leaves this machine.</p>',
        `<form method="post" action="${action}">`,
        '<button type="submit" name="decision" value="allow">Allow</button>',
        '<button type="submit" name="decision" value="deny">Deny</button>',
        '</form>',
        '</main>',
      ].join('\n'),
    }),
  };
}

/** For an unknown, expired, decided or spent sign-in. */
export function expiredPage(): Page {
  return {
    csp: `${LOCKED_DOWN}; style-src 'self'`,
    html: htmlDocument({
      title: 'Sign-in expired – Airbyte Connect sandbox',
      head: `<link rel="stylesheet" href="${CONSENT_CSS_HREF}">`,
      body: [
        '<main>',
        '<h1>This sign-in has expired</h1>',
        '<p>It was already used or took too long. Close this window, go back to the app and start again.</p>',
        '</main>',
      ].join('\n'),
    }),
  };
}

/** A consent form submitted from anywhere but the consent page itself. */
export function refusedPage(): Page {
  return {
    csp: `${LOCKED_DOWN}; style-src 'self'`,
    html: htmlDocument({
      title: 'Sign-in refused – Airbyte Connect sandbox',
      head: `<link rel="stylesheet" href="${CONSENT_CSS_HREF}">`,
      body: '<main>\n<h1>Sign-in refused</h1>\n<p>Answer on the sign-in page itself.</p>\n</main>',
    }),
  };
}

/** Asks to choose again when the form came without a decision. */
export function undecidedPage(): Page {
  return {
    csp: `${LOCKED_DOWN}; style-src 'self'`,
    html: htmlDocument({
      title: 'Choose Allow or Deny – Airbyte Connect sandbox',
      head: `<link rel="stylesheet" href="${CONSENT_CSS_HREF}">`,
      body: '<main>\n<h1>Choose Allow or Deny</h1>\n<p>Go back and press one of the two buttons.</p>\n</main>',
    }),
  };
}

/**
 * Where a popup sign-in returns to. The opener's origin, when known, is written into a meta tag for the
 * script (an attribute value, escaped); the script does the rest.
 */
export function callbackPage(target: string | undefined): Page {
  const meta = target === undefined ? [] : [`<meta name="airbyte-oauth-target" content="${escapeHtml(target)}">`];
  return {
    csp: `${LOCKED_DOWN}; script-src 'self'`,
    html: htmlDocument({
      title: 'Signing in – Airbyte Connect',
      head: [...meta, `<script src="${CALLBACK_SCRIPT_SRC}" defer></script>`].join('\n'),
      body: '<main>\n<h1>Signing in</h1>\n<p id="airbyte-oauth-status" role="status">Finishing sign-in…</p>\n</main>',
    }),
  };
}
