// The HTTP application: middleware in the order each concern needs, then one router per resource.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authenticate } from './auth/middleware.js';
import type { AppEnv, Deps } from './context.js';
import { cors } from './cors.js';
import { errorResponse } from './errors.js';
import { injectFaults } from './faults.js';
import { OAuthGrants } from './oauth/grants.js';
import { countRequests, enforceRateLimit } from './rate-limit.js';
import { checkRoutes } from './routes/check.js';
import { faultRoutes } from './routes/faults.js';
import { oauthRoutes } from './routes/oauth.js';
import { oauthPageRoutes } from './routes/oauth-pages.js';
import { oauthSettingRoutes } from './routes/oauth-settings.js';
import { operatorTemplateRoutes } from './routes/operator-templates.js';
import { sourceTemplateRoutes } from './routes/source-templates.js';
import { sourceRoutes } from './routes/sources.js';
import { tokenRoutes } from './routes/tokens.js';

const MAX_BODY_BYTES = 1024 * 1024;

export function buildApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    // Who is calling decides the rate-limit bucket, the CORS rule and the faults that apply.
    authenticate(deps),
    // Counted before anything can refuse the request, so every answer carries X-RateLimit-*.
    countRequests(deps.limiter),
    // Before the 429 and every later refusal, so browsers can read those answers.
    cors(deps),
    enforceRateLimit,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      // The unread rest of the body makes the connection unusable: tell the client not to reuse it.
      onError: (c) => c.json({ detail: 'Request body too large: the limit is 1 MiB' }, 413, { Connection: 'close' }),
    }),
    injectFaults(deps.faults),
  );

  app.get('/api/v1/health', (c) => c.json({ available: true }));
  for (const routes of [tokenRoutes, sourceTemplateRoutes, checkRoutes, sourceRoutes, operatorTemplateRoutes, faultRoutes]) {
    app.route('/api/v1', routes(deps));
  }
  // Sign-ins in progress live as long as this app (in memory: they are short-lived and single-use).
  const grants = new OAuthGrants(deps.options.oauthStateTtlMs);
  for (const routes of [oauthRoutes, oauthPageRoutes, oauthSettingRoutes]) app.route('/api/v1', routes(deps, grants));

  app.notFound((c) => c.json({ detail: 'Not Found' }, 404));
  app.onError((error, c) => errorResponse(c, error));
  return app;
}
