// Rate limits: X-RateLimit-* on every answer, 429 with Retry-After past the limit, one bucket per organisation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RateLimiter } from '../../src/sandbox/rate-limit.js';
import { ORIGIN, startTestSandbox, unique, type TestSandbox } from './helpers.js';

const LIMIT = 5;

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox({ rateLimit: LIMIT });
});
after(() => sandbox.close());

describe('rate limits over HTTP', () => {
  it('counts an organisation’s requests and answers 429 with Retry-After past the limit, readable by browsers', async () => {
    const operator = await sandbox.operatorToken(); // anonymous bucket: 1
    const minted = await sandbox.call('POST', '/api/v1/embedded/widget-token', {
      token: operator,
      body: { workspace_name: unique('limited'), allowed_origin: ORIGIN },
    }); // organisation bucket: 1
    assert.equal(minted.headers.get('x-ratelimit-remaining'), String(LIMIT - 1));
    const token = JSON.parse(Buffer.from(minted.body.token, 'base64').toString('utf8')).token;

    const remaining: string[] = [];
    for (let i = 0; i < LIMIT - 1; i++) {
      const answer = await sandbox.call('GET', '/api/v1/embedded/sources', { token, headers: { origin: ORIGIN } });
      assert.equal(answer.status, 200);
      remaining.push(answer.headers.get('x-ratelimit-remaining')!);
    }
    assert.deepEqual(remaining, ['3', '2', '1', '0']);

    const limited = await sandbox.call('GET', '/api/v1/embedded/sources', { token, headers: { origin: ORIGIN } });
    assert.equal(limited.status, 429);
    assert.equal(typeof limited.body.detail, 'string');
    assert.equal(limited.headers.get('x-ratelimit-limit'), String(LIMIT));
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    const now = Date.now() / 1000;
    assert.ok(reset > now && reset <= now + 3600 && Number.isInteger(reset), `reset ${reset}`);
    assert.equal(limited.headers.get('access-control-allow-origin'), ORIGIN);

    const operatorToo = await sandbox.call('GET', '/api/v1/integrations/templates/sources', { token: operator });
    assert.equal(operatorToo.status, 429, 'the operator shares the organisation’s bucket');
  });

  it('counts unauthenticated requests in their own bucket', async () => {
    // The organisation is limited by now; the anonymous bucket has used 1 of 5.
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await sandbox.call('GET', '/api/v1/health')).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
  });
});

describe('RateLimiter windows', () => {
  it('starts counting afresh when the clock enters the next hour', () => {
    let now = Date.UTC(2026, 0, 1, 10, 59, 0);
    const limiter = new RateLimiter(1, () => now);
    assert.equal(limiter.hit('org').retryAfter, undefined);
    const limited = limiter.hit('org');
    assert.equal(limited.retryAfter, 60);
    assert.equal(limited.reset, Date.UTC(2026, 0, 1, 11, 0, 0) / 1000);
    now = Date.UTC(2026, 0, 1, 11, 0, 1);
    assert.equal(limiter.hit('org').retryAfter, undefined);
  });
});
