// The pretend product's own backend. In your app this is your server: it knows who is signed in and mints
// a widget token for that customer's workspace. The client secret stays here; the browser gets the token.
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { TokenClientError, type TokenClient } from '../src/server/index.js';

export interface HostBackendOptions {
  tokens: TokenClient;
  /** Used as `allowed_origin` when a request carries no Origin header. */
  ownOrigin: string;
}

const DEMO_USER = 'acme-demo-customer';
const USER_COOKIE = 'acme_user';

/** Our pretend sign-in: a cookie names the customer, else everyone is the same demo customer. */
function currentUser(cookie: string | undefined): string {
  return cookie && /^[\w.-]{1,64}$/.test(cookie) ? cookie : DEMO_USER;
}

export function hostBackend({ tokens, ownOrigin }: HostBackendOptions): Hono {
  const app = new Hono();

  app.post('/token', async (c) => {
    const workspaceName = currentUser(getCookie(c, USER_COOKIE));
    // The demo runs wherever you open it, so it trusts the page's origin; a real app would pin its own.
    const allowedOrigin = c.req.header('origin') ?? ownOrigin;
    try {
      const token = await tokens.widgetToken({ workspaceName, allowedOrigin });
      return c.json({ token }, 200, { 'cache-control': 'no-store' });
    } catch (error) {
      if (!(error instanceof TokenClientError)) throw error;
      // TokenClientError messages never carry secrets, so they are safe to show.
      return c.json({ detail: error.message }, 502);
    }
  });

  return app;
}
