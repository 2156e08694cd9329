// Authentication (who is calling; never rejects by itself) and the guards routes use to demand a kind of caller.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Auth, Deps } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';
import { findWorkspace } from '../store/workspaces.js';
import { verifyJwt } from './jwt.js';
import { readClaims } from './tokens.js';

export type OperatorAuth = Extract<Auth, { kind: 'operator' }>;
export type EndUserAuth = Extract<Auth, { kind: 'end_user' }>;

export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('auth', await identify(deps, c.req.header('authorization')));
    await next();
  };
}

async function identify(deps: Deps, header: string | undefined): Promise<Auth> {
  if (!header) return { kind: 'anonymous' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { kind: 'invalid', detail: 'Malformed Authorization header: expected "Bearer <token>"' };
  const verified = await verifyJwt(deps.instance.signingKey, match[1]!);
  if (!verified.ok) return { kind: 'invalid', detail: verified.detail };
  const claims = readClaims(verified.claims);
  const rejected: Auth = { kind: 'invalid', detail: 'Invalid authentication credentials' };
  if (!claims) return rejected;
  if (claims.kind === 'application') {
    if (claims.organizationId !== deps.instance.organizationId) return rejected;
    return { kind: 'operator', organizationId: claims.organizationId, operatorId: claims.operatorId };
  }
  const workspace = await findWorkspace(deps.db.pg, claims.workspaceId);
  if (!workspace) return rejected;
  return {
    kind: 'end_user',
    organizationId: workspace.organizationId,
    workspace,
    allowedOrigin: claims.allowedOrigin,
    sourceTemplates: claims.sourceTemplates,
    connectionTemplates: claims.connectionTemplates,
  };
}

/** For operator endpoints: an application token, never a scoped one. */
export function requireOperator(c: Context<AppEnv>): OperatorAuth {
  const auth = requireAuthenticated(c);
  if (auth.kind !== 'operator') {
    throw forbidden('This endpoint needs an application (operator) token; scoped end-user tokens cannot use it');
  }
  return auth;
}

/** For end-user endpoints: a scoped token, never an application token. */
export function requireEndUser(c: Context<AppEnv>): EndUserAuth {
  const auth = requireAuthenticated(c);
  if (auth.kind !== 'end_user') {
    throw forbidden('This endpoint needs a scoped (end-user) token; mint one with POST /api/v1/embedded/scoped-token');
  }
  return auth;
}

/** A `workspace_id` a client passes must be the token's own workspace. */
export function requireOwnWorkspace(auth: EndUserAuth, workspaceId: string | undefined): void {
  if (workspaceId !== undefined && workspaceId !== auth.workspace.id) throw forbidden('Access denied to this workspace');
}

function requireAuthenticated(c: Context<AppEnv>): OperatorAuth | EndUserAuth {
  const auth = c.get('auth');
  if (auth.kind === 'anonymous') throw unauthorized('Not authenticated: send "Authorization: Bearer <token>"');
  if (auth.kind === 'invalid') throw unauthorized(auth.detail);
  const organization = c.req.header('x-organization-id');
  if (organization !== undefined && organization.toLowerCase() !== auth.organizationId) {
    throw forbidden('Access denied to this organization');
  }
  return auth;
}
