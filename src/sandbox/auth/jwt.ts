// HS256 JSON Web Tokens: signing, and verification that turns every failure into a readable 401 detail.
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';

export const AUDIENCE = 'airbyte-server';

export interface SignInput {
  claims: JWTPayload;
  issuer: string;
  subject: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** Header `{"alg":"HS256"}` (no `typ`) and no `iat`, like the tokens Airbyte mints. */
export function signJwt(key: Uint8Array, input: SignInput): Promise<string> {
  return new SignJWT(input.claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(input.issuer)
    .setAudience(AUDIENCE)
    .setSubject(input.subject)
    .setExpirationTime(input.expiresAt)
    .sign(key);
}

export type Verified = { ok: true; claims: JWTPayload } | { ok: false; detail: string };

export async function verifyJwt(key: Uint8Array, token: string): Promise<Verified> {
  if (token.split('.').length !== 3) return { ok: false, detail: describeNonJwt(token) };
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUDIENCE, requiredClaims: ['exp'] });
    return { ok: true, claims: payload };
  } catch (error) {
    switch ((error as { code?: string }).code) {
      case 'ERR_JWT_EXPIRED':
        return { ok: false, detail: 'Token expired' };
      case 'ERR_JWS_INVALID':
      case 'ERR_JWT_INVALID':
        return { ok: false, detail: 'Malformed token' };
      default:
        // Bad signature, another issuer's key, wrong audience or algorithm: the token is simply not ours.
        return { ok: false, detail: 'Invalid authentication credentials' };
    }
  }
}

/** Widget tokens (base64 JSON around a scoped JWT) are a common mix-up, so name that case. */
function describeNonJwt(token: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as unknown;
    if (decoded && typeof decoded === 'object' && 'token' in decoded) {
      return 'Malformed token: this is a widget token; send the scoped JWT from its "token" field instead';
    }
  } catch {
    // not a widget token either
  }
  return 'Malformed token';
}
