// OAuth test settings (sandbox extension, operator token only): /api/v1/sandbox/oauth/settings.
import { Hono } from 'hono';
import { requireOperator } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import type { JsonObject } from '../json.js';
import type { OAuthGrants } from '../oauth/grants.js';
import { readBody } from '../request.js';

interface SettingsBody {
  state_ttl_ms?: number;
}

const settingsSchema: JsonObject = {
  type: 'object',
  additionalProperties: false, // a misspelt setting would otherwise silently do nothing
  properties: { state_ttl_ms: { type: 'integer', minimum: 0, maximum: 86_400_000 } },
};

export function oauthSettingRoutes(_deps: Deps, grants: OAuthGrants): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = '/sandbox/oauth/settings';
  const current = () => ({ state_ttl_ms: grants.ttlMs });

  app.get(path, (c) => {
    requireOperator(c);
    return c.json(current());
  });

  app.post(path, async (c) => {
    requireOperator(c);
    const body = await readBody<SettingsBody>(c, settingsSchema);
    if (body.state_ttl_ms !== undefined) grants.setTtl(body.state_ttl_ms);
    return c.json(current());
  });

  app.delete(path, (c) => {
    requireOperator(c);
    grants.resetTtl();
    return c.json(current());
  });

  return app;
}
