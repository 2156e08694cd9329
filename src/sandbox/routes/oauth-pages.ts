// The browser side of a sandbox sign-in (sandbox extension): the pretend provider's consent page and the popup
// callback page, with their stylesheet and script. These are navigations, so no bearer token is involved.
import { Hono, type Context } from 'hono';
import type { AppEnv, Deps } from '../context.js';
import { CALLBACK_SCRIPT, CONSENT_CSS } from '../oauth/assets.js';
import type { OAuthGrants } from '../oauth/grants.js';
import { pageHeaders } from '../oauth/html.js';
import { callbackPage, consentPage, expiredPage, refusedPage, undecidedPage, type Page } from '../oauth/pages.js';
import { publicBase } from '../request.js';

const ASSET_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };

export function oauthPageRoutes(deps: Deps, grants: OAuthGrants): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/sandbox/oauth/consent', async (c) => {
    const grant = grants.awaitingConsent(c.req.query('request') ?? '');
    if (!grant) return sendPage(c, expiredPage(), 400);
    const template = await deps.templates.find(grant.organizationId, grant.templateId);
    return sendPage(c, consentPage(template?.name ?? 'your account', grant.requestId, new URL(grant.redirectUrl).origin), 200, {
      // The consent page must not be framed (a framed Allow button invites clickjacking).
      'X-Frame-Options': 'DENY',
      // Keeps the form post's Origin header intact while the request id in the URL stays on this origin.
      'Referrer-Policy': 'same-origin',
    });
  });

  app.post('/sandbox/oauth/consent', async (c) => {
    // Only the consent page itself may answer: a registered host page must not approve on the user's behalf.
    const origin = c.req.header('origin');
    const own = [new URL(publicBase(deps, c)).origin, new URL(c.req.url).origin];
    if (origin !== undefined && !own.includes(origin)) return sendPage(c, refusedPage(), 403);
    const decision = await readDecision(c);
    if (decision !== 'allow' && decision !== 'deny') {
      return sendPage(c, grants.awaitingConsent(c.req.query('request') ?? '') ? undecidedPage() : expiredPage(), 400);
    }
    const grant = grants.decide(c.req.query('request') ?? '', decision);
    if (!grant) return sendPage(c, expiredPage(), 400);
    const target = new URL(grant.redirectUrl);
    if (decision === 'allow') target.searchParams.set('code', grant.code!);
    else target.searchParams.set('error', 'access_denied');
    target.searchParams.set('state', grant.state);
    return c.body(null, 303, { Location: target.toString(), 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  });

  app.get('/sandbox/oauth/consent.css', (c) => c.body(CONSENT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', ...ASSET_HEADERS }));

  app.get('/embedded/sources/oauth/callback', (c) => {
    const target = grants.callbackTarget(c.req.query('state') ?? '');
    // The URL carries the code: the page's own requests (its script) must not repeat it in a Referer.
    return sendPage(c, callbackPage(target), 200, { 'Referrer-Policy': 'no-referrer' });
  });

  app.get('/embedded/sources/oauth/callback.js', (c) =>
    c.body(CALLBACK_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', ...ASSET_HEADERS }),
  );

  return app;
}

/** The form's `decision` field; undefined for anything unreadable. */
async function readDecision(c: Context<AppEnv>): Promise<unknown> {
  try {
    return (await c.req.parseBody()).decision;
  } catch {
    return undefined; // a malformed form body is as good as no answer
  }
}

function sendPage(c: Context<AppEnv>, page: Page, status: 200 | 400 | 403, extra: Record<string, string> = {}): Response {
  return c.body(page.html, status, { ...pageHeaders(page.csp), ...extra });
}
