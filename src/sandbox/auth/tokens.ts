// The sandbox's two kinds of token: application (operator) tokens and scoped (end-user) tokens.
import type { JWTPayload } from 'jose';
import { isObject } from '../json.js';
import type { TagFilter, TagMode } from '../tags.js';
import type { Instance } from '../store/instance.js';
import { signJwt } from './jwt.js';

/** Lifetime of application tokens, fixed by the contract. */
export const APPLICATION_TOKEN_TTL_SECONDS = 900;

const TYPE_APPLICATION = 'io.airbyte.auth.application_v1';
const TYPE_EMBEDDED = 'io.airbyte.auth.embedded_v1';
const CLAIM_ORGANIZATION = 'io.airbyte.auth.organization_scope';
const CLAIM_WORKSPACE = 'io.airbyte.auth.workspace_scope';
/** Sandbox claim: the origin a widget token was minted for; browsers elsewhere are refused. */
const CLAIM_ALLOWED_ORIGIN = 'io.airbyte.auth.allowed_origin';
/** Sandbox claim: the widget token's template tag filters. */
const CLAIM_TEMPLATE_FILTERS = 'io.airbyte.auth.template_filters';

export type TokenClaims =
  | { kind: 'application'; organizationId: string; operatorId: string }
  | {
      kind: 'scoped';
      workspaceId: string;
      allowedOrigin?: string;
      sourceTemplates: TagFilter;
      connectionTemplates: TagFilter;
    };

const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function mintApplicationToken(instance: Instance, issuer: string): Promise<string> {
  return signJwt(instance.signingKey, {
    claims: {
      typ: TYPE_APPLICATION,
      roles: ['ORGANIZATION_ADMIN'],
      [CLAIM_ORGANIZATION]: { organizationId: instance.organizationId },
    },
    issuer,
    subject: instance.operatorId,
    expiresAt: nowSeconds() + APPLICATION_TOKEN_TTL_SECONDS,
  });
}

export interface ScopedTokenInput {
  workspaceId: string;
  /** `act.sub`: the integrator's id for the end user, or the workspace id. */
  actor: string;
  ttlSeconds: number;
  allowedOrigin?: string;
  sourceTemplates?: TagFilter;
  connectionTemplates?: TagFilter;
}

export async function mintScopedToken(instance: Instance, issuer: string, input: ScopedTokenInput): Promise<string> {
  const claims: JWTPayload = {
    typ: TYPE_EMBEDDED,
    roles: ['EMBEDDED_END_USER'],
    act: { sub: input.actor },
    [CLAIM_WORKSPACE]: { workspaceId: input.workspaceId },
  };
  if (input.allowedOrigin) claims[CLAIM_ALLOWED_ORIGIN] = input.allowedOrigin;
  const filters = { source: input.sourceTemplates, connection: input.connectionTemplates };
  if (filters.source?.tags.length || filters.connection?.tags.length) claims[CLAIM_TEMPLATE_FILTERS] = filters;
  return signJwt(instance.signingKey, {
    claims,
    issuer,
    subject: instance.operatorId,
    expiresAt: nowSeconds() + input.ttlSeconds,
  });
}

/** Reads verified claims; undefined when they do not describe a token this sandbox mints. */
export function readClaims(claims: JWTPayload): TokenClaims | undefined {
  if (claims.typ === TYPE_APPLICATION) {
    const scope = claims[CLAIM_ORGANIZATION];
    if (!isObject(scope) || typeof scope.organizationId !== 'string' || typeof claims.sub !== 'string') return undefined;
    return { kind: 'application', organizationId: scope.organizationId, operatorId: claims.sub };
  }
  if (claims.typ === TYPE_EMBEDDED) {
    const scope = claims[CLAIM_WORKSPACE];
    if (!isObject(scope) || typeof scope.workspaceId !== 'string') return undefined;
    const origin = claims[CLAIM_ALLOWED_ORIGIN];
    const filters = isObject(claims[CLAIM_TEMPLATE_FILTERS]) ? claims[CLAIM_TEMPLATE_FILTERS] : {};
    return {
      kind: 'scoped',
      workspaceId: scope.workspaceId,
      allowedOrigin: typeof origin === 'string' ? origin : undefined,
      sourceTemplates: readFilter(filters.source),
      connectionTemplates: readFilter(filters.connection),
    };
  }
  return undefined;
}

function readFilter(value: unknown): TagFilter {
  if (!isObject(value) || !Array.isArray(value.tags)) return { tags: [], mode: 'any' };
  const tags = value.tags.filter((tag): tag is string => typeof tag === 'string');
  const mode: TagMode = value.mode === 'all' ? 'all' : 'any';
  return { tags, mode };
}
