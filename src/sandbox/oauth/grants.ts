// Sign-ins in progress (sandbox extension). Kept in memory, like faults: each lives minutes, and a restart only
// makes the sign-ins in flight expire, which the widget already handles ("start again").
// Life of a grant: registered by consent-url → decided on the consent page (allow mints a code) → spent by complete.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { JsonObject } from '../json.js';
import { randomToken } from './random.js';

export interface GrantRequest {
  /** The widget's state: the grant's key, good for one sign-in only. */
  state: string;
  templateId: string;
  organizationId: string;
  workspaceId: string;
  /** Normalised (URL.href). */
  redirectUrl: string;
  /** The Origin the consent URL was asked from; where the popup callback page may post the result. */
  requestingOrigin?: string;
  /** The oauth_input_configuration values. */
  inputs: JsonObject;
}

export interface Grant extends GrantRequest {
  /** The opaque id in the consent URL (not the state, which the consent page never needs to see). */
  requestId: string;
  createdAt: number;
  decision?: 'allow' | 'deny';
  /** The single-use authorization code, minted on allow. */
  code?: string;
  /** Set once complete has accepted the state, whatever the outcome. */
  spent: boolean;
}

export type OAuthError = 'invalid_state' | 'access_denied' | 'invalid_grant';

export type Redemption = { ok: true; grant: Grant } | { ok: false; error: OAuthError };

export interface RedeemClaim {
  state: string;
  organizationId: string;
  workspaceId: string;
  templateId: string;
  redirectUrl: string;
  code?: string;
  error?: string;
}

/** How long a grant is remembered after it was made, so its state cannot be registered again meanwhile. */
const RETENTION_MS = 24 * 60 * 60 * 1000;

export class OAuthGrants {
  private readonly byState = new Map<string, Grant>();
  private readonly byRequest = new Map<string, Grant>();
  private ttl: number;

  constructor(
    /** The configured lifetime of a grant; the test setting can override it until reset. */
    readonly defaultTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ttl = defaultTtlMs;
  }

  get ttlMs(): number {
    return this.ttl;
  }

  /** Applies to grants already made too, so a test can expire a pending sign-in at once. */
  setTtl(ms: number): void {
    this.ttl = ms;
  }

  resetTtl(): void {
    this.ttl = this.defaultTtlMs;
  }

  /** Registers a sign-in; undefined when the state was seen before. */
  register(request: GrantRequest): Grant | undefined {
    this.forgetOld();
    if (this.byState.has(request.state)) return undefined;
    const grant: Grant = { ...request, inputs: structuredClone(request.inputs), requestId: randomToken(), createdAt: this.now(), spent: false };
    this.byState.set(grant.state, grant);
    this.byRequest.set(grant.requestId, grant);
    return grant;
  }

  /** The grant awaiting the user's decision on the consent page; undefined once expired, decided or spent. */
  awaitingConsent(requestId: string): Grant | undefined {
    const grant = this.byRequest.get(requestId);
    return grant && !grant.decision && !grant.spent && !this.expired(grant) ? grant : undefined;
  }

  /** Records the user's decision, once; allowing mints the code the redirect carries. */
  decide(requestId: string, decision: 'allow' | 'deny'): Grant | undefined {
    const grant = this.awaitingConsent(requestId);
    if (!grant) return undefined;
    grant.decision = decision;
    if (decision === 'allow') grant.code = randomToken();
    return grant;
  }

  /** Where the popup callback page may post the result: the origin that asked for the consent URL. */
  callbackTarget(state: string): string | undefined {
    return this.byState.get(state)?.requestingOrigin;
  }

  /**
   * Checks a returning sign-in and spends its state. A claim that does not match the grant's binding (another
   * workspace, template or redirect target) leaves the grant alone for its rightful owner.
   */
  redeem(claim: RedeemClaim): Redemption {
    const grant = this.byState.get(claim.state);
    const bound =
      grant !== undefined &&
      grant.organizationId === claim.organizationId &&
      grant.workspaceId === claim.workspaceId &&
      grant.templateId === claim.templateId;
    if (!grant || !bound || grant.spent || this.expired(grant)) return { ok: false, error: 'invalid_state' };
    grant.spent = true;
    if (claim.error !== undefined) return { ok: false, error: 'access_denied' };
    const codeMatches = grant.decision === 'allow' && claim.code !== undefined && sameSecret(claim.code, grant.code!);
    if (!codeMatches || claim.redirectUrl !== grant.redirectUrl) return { ok: false, error: 'invalid_grant' };
    return { ok: true, grant };
  }

  private expired(grant: Grant): boolean {
    return this.now() - grant.createdAt >= this.ttl;
  }

  private forgetOld(): void {
    const horizon = this.now() - Math.max(this.ttl, RETENTION_MS);
    for (const grant of this.byState.values()) {
      if (grant.createdAt >= horizon) continue;
      this.byState.delete(grant.state);
      this.byRequest.delete(grant.requestId);
    }
  }
}

/** Constant-time comparison, so timing reveals nothing about the code. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
