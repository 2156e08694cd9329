import { decodeBase64 } from './base64.js';
import { TokenError } from './token-error.js';

/** What the widget knows from a token, read without verifying it (the API verifies). */
export interface TokenSession {
  /** The scoped JWT sent as the Bearer token. */
  readonly jwt: string;
  /** The end user's workspace, when the token says. */
  readonly workspaceId?: string;
  /** Expiry in epoch milliseconds, from the JWT's `exp`. */
  readonly expiresAt?: number;
}

const WORKSPACE_CLAIM = 'io.airbyte.auth.workspace_scope';
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON that `base64` encodes, else undefined. */
function decodeJson(base64: string): unknown {
  try {
    return JSON.parse(decodeBase64(base64) ?? '');
  } catch {
    return undefined;
  }
}

function workspaceFromUrl(widgetUrl: unknown): string | undefined {
  if (typeof widgetUrl !== 'string') return undefined;
  try {
    return new URL(widgetUrl).searchParams.get('workspaceId') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a widget token (base64 or base64url JSON `{token, widgetUrl}`) or a bare scoped JWT.
 * Throws a TokenError with a message that is safe to show; an expired token is `token_expired`.
 */
export function readToken(input: string, now = Date.now()): TokenSession {
  const raw = input.trim();
  let jwt = raw;
  let widgetUrl: unknown;
  if (!JWT_SHAPE.test(raw)) {
    const payload = decodeJson(raw);
    if (!isRecord(payload) || typeof payload.token !== 'string') {
      throw new TokenError('invalid_token', 'The widget token is not valid.');
    }
    jwt = payload.token.trim();
    widgetUrl = payload.widgetUrl;
  }
  const claims = JWT_SHAPE.test(jwt) ? decodeJson(jwt.split('.')[1]!) : undefined;
  if (!isRecord(claims)) {
    throw new TokenError('invalid_token', 'The access token inside the widget token is not valid.');
  }
  const scope = claims[WORKSPACE_CLAIM];
  const scopedWorkspace = isRecord(scope) && typeof scope.workspaceId === 'string' ? scope.workspaceId : undefined;
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  if (expiresAt !== undefined && expiresAt <= now) {
    throw new TokenError('token_expired', 'The session has expired.');
  }
  return { jwt, workspaceId: scopedWorkspace ?? workspaceFromUrl(widgetUrl), expiresAt };
}
