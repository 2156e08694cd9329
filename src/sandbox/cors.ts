// Browser access. A token bound to an origin (every widget token) works only from that origin; other
// browser requests need an origin some widget token was minted for (or the sandbox's own origin).
// Requests without an Origin header (server to server) are judged by their token alone.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from './context.js';
import { isRegisteredOrigin } from './store/origins.js';

const ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const ALLOW_HEADERS = 'Authorization, Content-Type, X-Organization-Id';
const EXPOSE_HEADERS = 'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

export function cors(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) return next();
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    const allowed = preflight ? await isKnownOrigin(deps, c, origin) : await mayCall(deps, c, origin);
    if (!allowed) {
      const refusal = c.json({ detail: 'Origin not allowed' }, 403);
      refusal.headers.set('Vary', 'Origin');
      return refusal;
    }
    if (preflight) {
      const answer = c.body(null, 204);
      answer.headers.set('Access-Control-Allow-Origin', origin);
      answer.headers.set('Access-Control-Allow-Methods', ALLOW_METHODS);
      answer.headers.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
      answer.headers.set('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      answer.headers.set('Vary', 'Origin');
      return answer;
    }
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', origin);
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    c.res.headers.append('Vary', 'Origin');
  };
}

/** An origin-bound token decides alone; anything else needs a known origin. */
async function mayCall(deps: Deps, c: Context<AppEnv>, origin: string): Promise<boolean> {
  const auth = c.get('auth');
  if (auth.kind === 'end_user' && auth.allowedOrigin) return auth.allowedOrigin === origin;
  return isKnownOrigin(deps, c, origin);
}

async function isKnownOrigin(deps: Deps, c: Context<AppEnv>, origin: string): Promise<boolean> {
  if (origin === new URL(c.req.url).origin) return true;
  if (deps.options.publicUrl && origin === new URL(deps.options.publicUrl).origin) return true;
  return isRegisteredOrigin(deps.db.pg, deps.instance.organizationId, origin);
}
