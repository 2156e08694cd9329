// The sandbox under a bounded load on loopback: listing templates and creating sources for ~3 s each at a fixed
// concurrency answers every request with a 2xx. Prints requests, req/s and latency percentiles; asserts
// correctness only (no errors, work was done, the creates really exist), never speed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatLoadTable, runLoad, type LoadResult } from '../support/load.js';
import { createTemplate, startTestSandbox, type TestSandbox } from '../support/sandbox-node.js';

const DURATION_MS = 3_000;
const CONCURRENCY = 10;

let sandbox: TestSandbox;
let token: string;
let templateId: string;
const results: { name: string; result: LoadResult }[] = [];

before(async () => {
  sandbox = await startTestSandbox();
  templateId = (await createTemplate(sandbox)).template.id;
  token = await sandbox.scopedToken();
});

after(async () => {
  if (results.length) console.log(`\nSandbox load (${CONCURRENCY} concurrent, ~${DURATION_MS / 1000} s each, loopback)\n${formatLoadTable(results)}\n`);
  await sandbox?.close();
});

const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

function assertClean(name: string, result: LoadResult): void {
  assert.equal(result.errors, 0, `${name}: ${result.errors} of ${result.requests} failed, e.g. ${result.errorSamples.join(' | ')}`);
  assert.ok(result.requests > 0, `${name}: no request completed`);
}

describe('sandbox under load', { timeout: 60_000 }, () => {
  it('lists source templates with no errors', async (t) => {
    const result = await runLoad({
      durationMs: DURATION_MS,
      concurrency: CONCURRENCY,
      request: (signal) => fetch(`${sandbox.apiBaseUrl}/source-templates`, { headers: headers(), signal }),
    });
    results.push({ name: 'GET /source-templates', result });
    t.diagnostic(`${result.requests} requests, ${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
    assertClean('GET /source-templates', result);
  });

  it('creates sources with no errors, and every one is stored', async (t) => {
    const result = await runLoad({
      durationMs: DURATION_MS,
      concurrency: CONCURRENCY,
      request: (signal, index) =>
        fetch(`${sandbox.apiBaseUrl}/sources`, {
          method: 'POST',
          headers: headers(),
          signal,
          body: JSON.stringify({
            source_template_id: templateId,
            source_config: { host: `db-${index}.example.test`, port: 5432, password: `pw-${index}` },
          }),
        }),
    });
    results.push({ name: 'POST /sources', result });
    t.diagnostic(`${result.requests} requests, ${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
    assertClean('POST /sources', result);

    const listed = await fetch(`${sandbox.apiBaseUrl}/sources`, { headers: headers() });
    assert.equal(listed.status, 200);
    const { data } = (await listed.json()) as { data: { id: string }[] };
    assert.equal(data.length, result.requests, 'one stored source per answered create');
    assert.equal(new Set(data.map((source) => source.id)).size, data.length, 'source ids are unique');
  });
});
