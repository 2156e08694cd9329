// Requests per organisation per fixed one-hour window (aligned to the clock hour), counted in memory.
// Unauthenticated requests share one anonymous bucket.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

const WINDOW_MS = 60 * 60 * 1000;
const ANONYMOUS = 'anonymous';

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window ends. */
  reset: number;
  /** Seconds to wait, set once the limit is exceeded. */
  retryAfter?: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { window: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key` and tells where the bucket stands. */
  hit(key: string): RateLimitState {
    const now = this.now();
    const window = Math.floor(now / WINDOW_MS);
    const bucket = this.buckets.get(key);
    const count = bucket?.window === window ? bucket.count + 1 : 1;
    this.buckets.set(key, { window, count });
    const end = (window + 1) * WINDOW_MS;
    const state: RateLimitState = { limit: this.limit, remaining: Math.max(0, this.limit - count), reset: end / 1000 };
    if (count > this.limit) state.retryAfter = Math.max(1, Math.ceil((end - now) / 1000));
    return state;
  }
}

/** Counts every request and puts X-RateLimit-* on every answer; runs right after authentication. */
export function countRequests(limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    const key = auth.kind === 'operator' || auth.kind === 'end_user' ? auth.organizationId : ANONYMOUS;
    const state = limiter.hit(key);
    c.set('rateLimit', state);
    await next();
    c.res.headers.set('X-RateLimit-Limit', String(state.limit));
    c.res.headers.set('X-RateLimit-Remaining', String(state.remaining));
    c.res.headers.set('X-RateLimit-Reset', String(state.reset));
    if (state.retryAfter !== undefined) c.res.headers.set('Retry-After', String(state.retryAfter));
  };
}

/** Refuses requests over the limit; runs after CORS so browsers can read the 429. */
export const enforceRateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { retryAfter } = c.get('rateLimit');
  if (retryAfter === undefined) return next();
  return c.json({ detail: `Rate limit exceeded: try again in ${retryAfter} seconds` }, 429);
};
