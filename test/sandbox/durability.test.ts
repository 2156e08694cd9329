// Durability: the sandbox command, killed with SIGKILL in the middle of a burst of creates, loses no create it
// answered with a 2xx, never leaves a half-written source, and comes back on the same data directory (taking over
// the dead process's lock) with its signing key, so tokens minted before the crash still work. Two crash cycles:
// the second one crashes a sandbox that itself recovered from a crash.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/sandbox/db/client.js';
import { TEST_SPEC } from '../support/sandbox-node.js';
import { spawnSandbox, type SandboxProcess } from '../support/sandbox-process.js';

const CLIENT_ID = 'durability-client';
const CLIENT_SECRET = 'durability-secret';
const MASK = '**********';
const BURST = { total: 200, concurrency: 8, killAfter: 60 };
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The cluster state PostgreSQL keeps in global/pg_control (an int32 after the system identifier, the control
 * version and the catalog version): 1 = shut down cleanly, 6 = in production. A database killed while in
 * production must replay its WAL on the next start (crash recovery).
 */
const DB_SHUTDOWNED = 1;
const DB_IN_PRODUCTION = 6;
const clusterState = () => readFileSync(join(dataDir, 'pgdata', 'global', 'pg_control')).readInt32LE(16);

let dataDir: string;
const running = new Set<SandboxProcess>();

before(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sandbox-durability-'));
});

after(async () => {
  for (const sandbox of running) await sandbox.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<SandboxProcess> {
  const sandbox = await spawnSandbox({
    env: {
      SANDBOX_DATA_DIR: dataDir,
      SANDBOX_CLIENT_ID: CLIENT_ID,
      SANDBOX_CLIENT_SECRET: CLIENT_SECRET,
      SANDBOX_RATE_LIMIT: '1000000',
      SANDBOX_SLOW_CHECK_MS: '0',
    },
  });
  running.add(sandbox);
  void sandbox.exited.then(() => running.delete(sandbox));
  return sandbox;
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function ok(base: string, method: string, path: string, token?: string, body?: unknown) {
  const answer = await call(base, method, path, token, body);
  if (answer.status < 200 || answer.status > 299) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The config of burst create number n: every field of TEST_SPEC set to a value unique to n. */
const configFor = (n: number) => ({
  host: `db-${n}.burst.test`,
  port: 1000 + n,
  password: `secret-${n}`,
  ssl: n % 2 === 0,
  schemas: ['public', `s${n}`],
  mode: n % 2 === 0 ? 'safe' : 'fast',
});
const nameFor = (n: number) => `burst-${n}`;
const numberOf = (name: string) => {
  const match = /^burst-(\d+)$/.exec(name);
  assert.ok(match, `unexpected source name ${JSON.stringify(name)}`);
  return Number(match[1]);
};

interface BurstResult {
  /** Creates answered with a 2xx before the kill: number → source id. */
  answered: Map<number, string>;
  /** Every create sent (answered, failed by the kill, or in flight). */
  sent: Set<number>;
  /** Creates still in flight when the SIGKILL was sent. */
  inFlightAtKill: number;
}

/**
 * Sends BURST.total creates, BURST.concurrency at a time, numbered from `first`, and SIGKILLs the sandbox as soon as
 * BURST.killAfter of them have been answered. Any non-2xx answer, or any failure before the kill, fails the test.
 */
async function burstAndKill(sandbox: SandboxProcess, token: string, templateId: string, first: number): Promise<BurstResult> {
  const answered = new Map<number, string>();
  const sent = new Set<number>();
  const problems: string[] = [];
  let next = first;
  let inFlight = 0;
  let inFlightAtKill = -1;
  const worker = async () => {
    while (inFlightAtKill < 0 && next < first + BURST.total) {
      const n = next++;
      sent.add(n);
      inFlight++;
      try {
        const response = await fetch(`${sandbox.url}/api/v1/embedded/sources`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: nameFor(n), source_template_id: templateId, source_config: configFor(n) }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await response.text();
        if (!response.ok) {
          problems.push(`create ${n}: ${response.status} ${text.slice(0, 200)}`);
        } else {
          answered.set(n, (JSON.parse(text) as { id: string }).id);
          if (answered.size === BURST.killAfter && inFlightAtKill < 0) {
            inFlightAtKill = inFlight - 1;
            sandbox.child.kill('SIGKILL');
          }
        }
      } catch (error) {
        // Requests cut off by the kill fail; nothing may fail before it.
        if (inFlightAtKill < 0) problems.push(`create ${n}: ${(error as Error).message}`);
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: BURST.concurrency }, worker));
  assert.deepEqual(problems, [], `the burst failed before the kill:\n${sandbox.output()}`);
  assert.ok(inFlightAtKill >= 0, `the burst ended (${answered.size} answered) before the kill`);
  const { signal } = await sandbox.exited;
  assert.equal(signal, 'SIGKILL');
  return { answered, sent, inFlightAtKill };
}

/** Checks every answered create through the API with the pre-crash token, and that every listed source is whole. */
async function verifyThroughApi(base: string, token: string, templateId: string, answered: Map<number, string>, sent: Set<number>) {
  for (const [n, id] of answered) {
    const read = await call(base, 'GET', `/api/v1/embedded/sources/${id}`, token);
    assert.equal(read.status, 200, `source ${n} (${id}), answered 2xx before the crash, is gone: ${JSON.stringify(read.body)}`);
    assert.equal(read.body.name, nameFor(n));
    assert.equal(read.body.source_template.id, templateId);
    assert.deepEqual(read.body.source_config, { ...configFor(n), password: MASK });
  }
  const listed = (await ok(base, 'GET', '/api/v1/embedded/sources', token)).data as { id: string; name: string }[];
  const listedIds = new Set(listed.map((source) => source.id));
  for (const id of answered.values()) assert.ok(listedIds.has(id), `source ${id} is missing from the list`);
  // Creates cut off by the kill may or may not have committed; whichever did must be whole.
  for (const item of listed) {
    const n = numberOf(item.name);
    assert.ok(sent.has(n), `source ${item.name} was never sent`);
    const read = await call(base, 'GET', `/api/v1/embedded/sources/${item.id}`, token);
    assert.equal(read.status, 200);
    assert.equal(read.body.source_template.id, templateId);
    assert.deepEqual(read.body.source_config, { ...configFor(n), password: MASK }, `source ${item.name} is half-written`);
  }
  return listed;
}

describe('sandbox durability under SIGKILL', { timeout: 240_000 }, () => {
  it('loses no answered create and leaves no half-written source, across two crashes', async (t) => {
    const began = Date.now();
    const first = await start();
    const operator = (await ok(first.url, 'POST', '/api/v1/account/applications/token', undefined, { client_id: CLIENT_ID, client_secret: CLIENT_SECRET }))
      .access_token as string;
    const template = await ok(first.url, 'POST', '/api/v1/integrations/templates/sources', operator, {
      name: 'Burst DB',
      tags: ['burst'],
      user_config_spec: { connectionSpecification: TEST_SPEC },
    });
    const token = (await ok(first.url, 'POST', '/api/v1/embedded/scoped-token', operator, { workspace_name: 'durability' })).token as string;

    // Crash 1.
    const one = await burstAndKill(first, token, template.id, 0);
    t.diagnostic(`crash 1: ${one.answered.size} creates answered, ${one.sent.size} sent, ${one.inFlightAtKill} in flight at the SIGKILL`);
    assert.ok(one.inFlightAtKill > 0, 'the kill hit while creates were in flight');
    const lockPath = join(dataDir, 'sandbox.lock');
    assert.equal(readFileSync(lockPath, 'utf8').trim(), String(first.pid), 'the dead sandbox left its lock behind');
    assert.equal(clusterState(), DB_IN_PRODUCTION, 'the database was killed running, so the restart recovers from its WAL');

    // Restart on the same directory: the stale lock is taken over, the data and signing key are there.
    const second = await start();
    assert.equal(readFileSync(lockPath, 'utf8').trim(), String(second.pid), 'the new sandbox took the lock over');
    const afterOne = await verifyThroughApi(second.url, token, template.id, one.answered, one.sent);
    const sameTemplate = await call(second.url, 'GET', `/api/v1/integrations/templates/sources/${template.id}`, operator);
    assert.equal(sameTemplate.status, 200, 'the operator token from before the crash still works');

    // Crash 2, on the recovered database.
    const two = await burstAndKill(second, token, template.id, 1000);
    t.diagnostic(`crash 2: ${two.answered.size} creates answered, ${two.sent.size} sent, ${two.inFlightAtKill} in flight at the SIGKILL`);
    assert.ok(two.inFlightAtKill > 0, 'the kill hit while creates were in flight');
    assert.equal(clusterState(), DB_IN_PRODUCTION);

    const third = await start();
    const answered = new Map([...one.answered, ...two.answered]);
    const sent = new Set([...one.sent, ...two.sent]);
    const listed = await verifyThroughApi(third.url, token, template.id, answered, sent);
    assert.ok(listed.length >= afterOne.length + two.answered.size);
    // Still writable after recovery.
    const later = await call(third.url, 'POST', '/api/v1/embedded/sources', token, {
      name: nameFor(5000),
      source_template_id: template.id,
      source_config: configFor(5000),
    });
    assert.equal(later.status, 200, JSON.stringify(later.body));
    sent.add(5000);
    answered.set(5000, later.body.id);
    const stopped = await third.stop('SIGTERM');
    assert.equal(stopped.code, 0, third.output());
    assert.ok(!existsSync(lockPath), 'a clean shutdown releases the lock');
    assert.equal(clusterState(), DB_SHUTDOWNED, 'SIGTERM shuts the database down cleanly');

    // The rows themselves: nothing the API might hide (a source without its template, a partial config).
    const db = await openDatabase(dataDir);
    try {
      const { rows } = await db.pg.query<{ id: string; name: string; template_id: string; config: unknown }>(
        'SELECT id, name, template_id, config FROM sources ORDER BY seq',
      );
      assert.equal(rows.length, listed.length + 1, 'every stored source is listed');
      const stored = new Map(rows.map((row) => [row.id, row]));
      for (const [n, id] of answered) assert.equal(stored.get(id)?.name, nameFor(n), `source ${n} is stored`);
      for (const row of rows) {
        const n = numberOf(row.name);
        assert.ok(sent.has(n));
        assert.equal(row.template_id, template.id);
        assert.deepEqual(row.config, configFor(n), `source ${row.name} is stored whole, secret included`);
      }
      t.diagnostic(`${rows.length} sources stored (${answered.size} answered 2xx); ${Date.now() - began} ms in all`);
    } finally {
      await db.close();
    }
  });
});
