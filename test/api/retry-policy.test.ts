import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RETRY_POLICY, isRepeatable, isTransientStatus, retryDelayMs, serverDelayMs } from '../../src/api/retry-policy.js';

const answer = (status: number, headers: Record<string, string>) => new Response(null, { status, headers });
const now = Date.parse('2026-11-24T08:00:00Z');

describe('retry policy', () => {
  it('repeats reads, checks, updates and deletes, never a create or an OAuth step', () => {
    const calls = [
      ['GET', 'list_sources'],
      ['GET', 'get_source'],
      ['POST', 'check_source'],
      ['PUT', 'update_source'],
      ['DELETE', 'delete_source'],
    ] as const;
    for (const [method, op] of calls) assert.ok(isRepeatable(method, op), op);
    for (const op of ['create_source', 'oauth_consent_url', 'complete_oauth'] as const) assert.equal(isRepeatable('POST', op), false, op);
  });

  it('treats 408, 429 and 5xx gateway errors as transient, and client errors as final', () => {
    assert.deepEqual([408, 429, 500, 502, 503, 504].map(isTransientStatus), [true, true, true, true, true, true]);
    assert.deepEqual([400, 401, 403, 404, 409, 422, 501].map(isTransientStatus), [false, false, false, false, false, false, false]);
  });

  it('reads Retry-After as seconds or as a date', () => {
    assert.equal(serverDelayMs(answer(503, { 'retry-after': '2' }), now), 2000);
    assert.equal(serverDelayMs(answer(429, { 'retry-after': 'Tue, 24 Nov 2026 08:00:05 GMT' }), now), 5000);
    assert.equal(serverDelayMs(answer(429, { 'retry-after': 'Tue, 24 Nov 2026 07:00:00 GMT' }), now), 0);
  });

  it('uses X-RateLimit-Reset only once the limit is used up', () => {
    const reset = String(now / 1000 + 30);
    assert.equal(serverDelayMs(answer(429, { 'x-ratelimit-reset': reset }), now), 30_000);
    assert.equal(serverDelayMs(answer(503, { 'x-ratelimit-reset': reset, 'x-ratelimit-remaining': '0' }), now), 30_000);
    assert.equal(serverDelayMs(answer(503, { 'x-ratelimit-reset': reset, 'x-ratelimit-remaining': '12' }), now), undefined);
  });

  it('backs off exponentially with jitter, capped, and follows the server within the cap', () => {
    const policy = DEFAULT_RETRY_POLICY;
    assert.deepEqual([1, 2, 3].map((n) => retryDelayMs(policy, n, undefined, () => 0)), [150, 300, 600]);
    assert.deepEqual([1, 2, 3].map((n) => retryDelayMs(policy, n, undefined, () => 1)), [300, 600, 1200]);
    assert.equal(retryDelayMs(policy, 20, undefined, () => 1), policy.maxDelayMs);
    assert.equal(retryDelayMs(policy, 1, 4000), 4000);
    assert.equal(retryDelayMs(policy, 1, 3_600_000), policy.maxDelayMs);
  });
});
