// Token endpoints (contract §2): client credentials → application token → widget and scoped tokens.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { requireEndUser, requireOperator } from '../auth/middleware.js';
import { APPLICATION_TOKEN_TTL_SECONDS, mintApplicationToken, mintScopedToken } from '../auth/tokens.js';
import type { AppEnv, Deps } from '../context.js';
import { unauthorized } from '../errors.js';
import type { JsonObject } from '../json.js';
import { parseOrigin } from '../origin.js';
import { publicBase, readBody } from '../request.js';
import { registerOrigin } from '../store/origins.js';
import { ensureWorkspace, type Workspace } from '../store/workspaces.js';
import type { TagMode } from '../tags.js';

/** Airbyte's US region, the default for new workspaces. */
const DEFAULT_REGION_ID = '645a183f-b12b-4c6e-8ad3-99e165603450';
/** Bounds of the sandbox's `expires_in_seconds` extension. */
const MAX_TOKEN_TTL_SECONDS = 86_400;

interface ApplicationTokenBody {
  client_id: string;
  client_secret: string;
}

interface ScopedTokenBody {
  workspace_name?: string;
  customer_name?: string;
  region_id?: string;
  allowed_origin?: string;
  expires_in_seconds?: number;
}

interface WidgetTokenBody extends ScopedTokenBody {
  allowed_origin: string;
  selected_source_template_tags?: string[];
  selected_source_template_tags_mode?: TagMode;
  selected_connection_template_tags?: string[];
  selected_connection_template_tags_mode?: TagMode;
}

const applicationTokenSchema: JsonObject = {
  type: 'object',
  required: ['client_id', 'client_secret'],
  properties: { client_id: { type: 'string' }, client_secret: { type: 'string' } },
};

const workspaceName = { type: 'string', minLength: 1, maxLength: 256 };
const scopedTokenProperties: JsonObject = {
  workspace_name: workspaceName,
  customer_name: workspaceName,
  region_id: { type: 'string', format: 'uuid' },
  allowed_origin: { type: 'string', format: 'origin' },
  expires_in_seconds: { type: 'integer', minimum: 1, maximum: MAX_TOKEN_TTL_SECONDS },
};
// Newer docs call the workspace `customer_name`; either key will do.
const needsWorkspaceName = { anyOf: [{ required: ['workspace_name'] }, { required: ['customer_name'] }] };

const scopedTokenSchema: JsonObject = { type: 'object', properties: scopedTokenProperties, ...needsWorkspaceName };

const tags = { type: 'array', items: { type: 'string' } };
const tagsMode = { enum: ['any', 'all'] };
const widgetTokenSchema: JsonObject = {
  type: 'object',
  required: ['allowed_origin'],
  properties: {
    ...scopedTokenProperties,
    selected_source_template_tags: tags,
    selected_source_template_tags_mode: tagsMode,
    selected_connection_template_tags: tags,
    selected_connection_template_tags_mode: tagsMode,
  },
  ...needsWorkspaceName,
};

export function tokenRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/account/applications/token', async (c) => {
    const body = await readBody<ApplicationTokenBody>(c, applicationTokenSchema);
    if (!sameSecret(body.client_id, deps.options.clientId) || !sameSecret(body.client_secret, deps.options.clientSecret)) {
      throw unauthorized('Invalid client credentials');
    }
    return c.json({
      access_token: await mintApplicationToken(deps.instance, publicBase(deps, c)),
      token_type: 'bearer',
      expires_in: APPLICATION_TOKEN_TTL_SECONDS,
      organization_id: deps.instance.organizationId,
    });
  });

  const widgetToken = async (c: Context<AppEnv>) => {
    requireOperator(c);
    const body = await readBody<WidgetTokenBody>(c, widgetTokenSchema);
    const origin = parseOrigin(body.allowed_origin)!;
    const workspace = await prepareWorkspace(deps, body, origin);
    const token = await mintScopedToken(deps.instance, publicBase(deps, c), {
      workspaceId: workspace.id,
      actor: workspace.name,
      ttlSeconds: body.expires_in_seconds ?? deps.options.tokenTtlSeconds,
      allowedOrigin: origin,
      sourceTemplates: { tags: body.selected_source_template_tags ?? [], mode: body.selected_source_template_tags_mode ?? 'any' },
      connectionTemplates: {
        tags: body.selected_connection_template_tags ?? [],
        mode: body.selected_connection_template_tags_mode ?? 'any',
      },
    });
    const widgetUrl = new URL('embedded-widget', `${publicBase(deps, c)}/`);
    widgetUrl.searchParams.set('workspaceId', workspace.id);
    widgetUrl.searchParams.set('allowedOrigin', origin);
    // Standard base64 with padding, as Airbyte encodes it.
    const wrapped = Buffer.from(JSON.stringify({ token, widgetUrl: widgetUrl.toString() }), 'utf8').toString('base64');
    return c.json({ token: wrapped });
  };
  for (const path of ['/embedded/widget-token', '/embedded/widget_token', '/account/applications/widget-token']) {
    app.post(path, widgetToken);
  }

  const scopedToken = async (c: Context<AppEnv>) => {
    requireOperator(c);
    const body = await readBody<ScopedTokenBody>(c, scopedTokenSchema);
    const origin = body.allowed_origin === undefined ? undefined : parseOrigin(body.allowed_origin)!;
    const workspace = await prepareWorkspace(deps, body, origin);
    const token = await mintScopedToken(deps.instance, publicBase(deps, c), {
      workspaceId: workspace.id,
      actor: workspace.id,
      ttlSeconds: body.expires_in_seconds ?? deps.options.tokenTtlSeconds,
      allowedOrigin: origin,
    });
    return c.json({ token });
  };
  for (const path of ['/embedded/scoped-token', '/account/applications/scoped-token']) app.post(path, scopedToken);

  const tokenInfo = (c: Context<AppEnv>) => {
    const auth = requireEndUser(c);
    return c.json({ organization_id: auth.organizationId, workspace_id: auth.workspace.id });
  };
  for (const path of ['/embedded/scoped-token/info', '/embedded/scoped-token-info', '/embedded/organizations/current-scoped']) {
    app.get(path, tokenInfo);
  }

  return app;
}

/** Finds or creates the named workspace and, for origin-bound tokens, allows the origin for browsers. */
async function prepareWorkspace(deps: Deps, body: ScopedTokenBody, origin: string | undefined): Promise<Workspace> {
  const name = (body.workspace_name ?? body.customer_name)!;
  const organizationId = deps.instance.organizationId;
  return deps.db.pg.transaction(async (tx) => {
    const workspace = await ensureWorkspace(tx, organizationId, name, body.region_id ?? DEFAULT_REGION_ID);
    if (origin) await registerOrigin(tx, organizationId, origin);
    return workspace;
  });
}

/** Constant-time comparison, so response timing reveals nothing about the secret. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
