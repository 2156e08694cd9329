// Generic HTTP behaviour: error bodies for unknown paths, malformed and oversized bodies; headers on every answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSandbox, unique, type TestSandbox } from './helpers.js';

let sandbox: TestSandbox;
before(async () => {
  sandbox = await startTestSandbox();
});
after(() => sandbox.close());

describe('HTTP behaviour', () => {
  it('answers unknown paths with 404 {detail} and rate-limit headers', async () => {
    for (const path of ['/api/v1/nothing-here', '/', '/api/v1/embedded/sources/x/y']) {
      const answer = await sandbox.call('GET', path);
      assert.equal(answer.status, 404, path);
      assert.equal(typeof answer.body.detail, 'string');
      assert.ok(answer.headers.get('x-ratelimit-limit'));
      assert.ok(answer.headers.get('x-ratelimit-remaining'));
      assert.ok(answer.headers.get('x-ratelimit-reset'));
    }
  });

  it('answers malformed JSON with 400 {detail} that never quotes the body', async () => {
    const token = await sandbox.scopedToken(unique('http'));
    for (const rawBody of ['{"source_config": ', '{"source_config": {"password": hunter2}}']) {
      const answer = await sandbox.call('POST', '/api/v1/embedded/sources', { token, rawBody });
      assert.equal(answer.status, 400);
      assert.match(answer.body.detail, /JSON/);
      assert.doesNotMatch(answer.body.detail, /hunter2/);
    }
  });

  it('answers a missing body with 422 at loc ["body"]', async () => {
    const answer = await sandbox.call('POST', '/api/v1/account/applications/token');
    assert.equal(answer.status, 422);
    assert.deepEqual(answer.body.detail, [{ loc: ['body'], msg: 'Required', type: 'value_error.missing' }]);
  });

  it('answers bodies over 1 MiB with 413 {detail}, and accepts bodies just under it', async () => {
    const token = await sandbox.scopedToken(unique('http'));
    const padding = 'x'.repeat(1024 * 1024);
    const tooBig = await sandbox.call('POST', '/api/v1/embedded/sources/check', { token, rawBody: JSON.stringify({ padding }) });
    assert.equal(tooBig.status, 413);
    assert.equal(typeof tooBig.body.detail, 'string');

    const fits = await sandbox.call('POST', '/api/v1/embedded/sources/check', {
      token,
      rawBody: JSON.stringify({ padding: padding.slice(0, 1000 * 1000) }),
    });
    assert.equal(fits.status, 422, 'read and validated, not refused for size');
  });

  it('reports its health', async () => {
    const answer = await sandbox.call('GET', '/api/v1/health');
    assert.deepEqual([answer.status, answer.body], [200, { available: true }]);
  });
});
