import type { ApiOperation } from './api-error.js';

/** How hard the client tries before it gives up on a call. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly limit: number;
  /** The first backoff; each retry doubles it, and a random half of each wait spreads clients apart. */
  readonly baseDelayMs: number;
  /** No single wait is longer than this, whatever the server asks. */
  readonly maxDelayMs: number;
  /** The whole call, retries included, ends by then. */
  readonly deadlineMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { limit: 3, baseDelayMs: 300, maxDelayMs: 10_000, deadlineMs: 60_000 };

/** Statuses that say "try again later" rather than "this request is wrong". */
const TRANSIENT = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a call may be repeated safely: a GET, PUT or DELETE may (HTTP's idempotent methods). A POST may not: a
 * repeated create could make a second source (ApiClient.createSource finds out what happened instead), and an OAuth
 * state and code are single-use. A check is the one POST that only reads.
 */
export function isRepeatable(method: string, operation: ApiOperation): boolean {
  return method != 'POST' || operation == 'check_source';
}

export function isTransientStatus(status: number): boolean {
  return TRANSIENT.has(status);
}

/**
 * What the server asked for: `Retry-After` (seconds or a date), else, once the rate limit is used up
 * (a 429, or `X-RateLimit-Remaining: 0`), `X-RateLimit-Reset` (epoch seconds). Every answer carries the
 * reset time, so it means "wait" only then.
 */
export function serverDelayMs(response: Response, now = Date.now()): number | undefined {
  const { headers } = response;
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const exhausted = response.status === 429 || headers.get('x-ratelimit-remaining') === '0';
  const reset = Number(headers.get('x-ratelimit-reset'));
  return exhausted && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
}

/** The wait before retry number `retry` (1-based): the server's wish, else exponential backoff with jitter. */
export function retryDelayMs(policy: RetryPolicy, retry: number, asked?: number, random = Math.random): number {
  const backoff = policy.baseDelayMs * 2 ** (retry - 1);
  return Math.min(policy.maxDelayMs, asked ?? Math.round(backoff / 2 + (random() * backoff) / 2));
}
