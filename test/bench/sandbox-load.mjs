// The sandbox's requests per second and latency percentiles for listing templates (with the shared catalog and
// with 1,000 templates) and for creating sources: `npm run sandbox`'s own entry point in a child process on
// 127.0.0.1 (in-memory database, rate limit out of the way, no slow checks), loaded by the bounded loopback
// runner (test/support/load.ts: fixed concurrency, a time limit, a request cap, a per-request timeout). The
// reference is floor-server.mjs, a bare node:http process answering the same bytes, under the same load.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOAD_SETTINGS = { durationMs: 2_500, warmupMs: 500, concurrency: 8, maxRequests: 50_000, requestTimeoutMs: 5_000 };

const CLIENT = { id: 'bench-client', secret: 'bench-secret' };
const FLOOR_SERVER = fileURLToPath(new URL('./floor-server.mjs', import.meta.url));
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

/** Children must not outlive the bench, even when run.mjs gives up on its time limit and exits at once. */
function killOnExit(child) {
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
}

async function startSandboxProcess(catalogDirs) {
  const { spawnSandbox } = await import('../support/sandbox-process.ts');
  const sandbox = await spawnSandbox({
    env: {
      SANDBOX_DATA_DIR: 'memory',
      SANDBOX_CATALOG: catalogDirs.join(delimiter),
      SANDBOX_CLIENT_ID: CLIENT.id,
      SANDBOX_CLIENT_SECRET: CLIENT.secret,
      SANDBOX_RATE_LIMIT: String(1_000_000_000),
      SANDBOX_SLOW_CHECK_MS: '0',
    },
  });
  killOnExit(sandbox.child);
  return sandbox;
}

async function startFloorServer(routes) {
  const dir = mkdtempSync(join(tmpdir(), 'airbyte-connect-bench-floor-'));
  const file = join(dir, 'routes.json');
  writeFileSync(file, JSON.stringify(routes));
  const child = spawn(process.execPath, [FLOOR_SERVER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  killOnExit(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the floor server did not start: ${output}`)), 10_000);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) (clearTimeout(timer), resolve(match[1]));
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the floor server exited (${code}): ${output}`))));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A scoped token from the sandbox, minted as a host backend would. */
async function scopedToken(url) {
  const post = async (path, body, token) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const { access_token } = await post('/api/v1/account/applications/token', { client_id: CLIENT.id, client_secret: CLIENT.secret });
  return (await post('/api/v1/embedded/scoped-token', { workspace_name: 'bench-load' }, access_token)).token;
}

/** Runs a warm-up and then the timed load; every request must answer 2xx. */
async function load(name, request, settings) {
  const { runLoad } = await import('../support/load.ts');
  const options = { concurrency: settings.concurrency, maxRequests: settings.maxRequests, requestTimeoutMs: settings.requestTimeoutMs };
  await runLoad({ ...options, durationMs: settings.warmupMs, request });
  const result = await runLoad({ ...options, durationMs: settings.durationMs, request });
  if (result.errors) throw new Error(`${name}: ${result.errors} of ${result.requests} requests failed, e.g. ${result.errorSamples.join(' | ')}`);
  const round = (v) => Math.round(v * 10) / 10;
  return { requests: result.requests, errors: result.errors, rps: Math.round(result.rps), p50: round(result.p50), p95: round(result.p95), p99: round(result.p99), max: round(result.max), elapsedMs: Math.round(result.elapsedMs) };
}

const ratio = (a, b) => Math.round((a / b) * 100) / 100;

function compare(endpoint, sandbox, floor) {
  return { endpoint, sandbox, floor, ratios: { rps: ratio(sandbox.rps, floor.rps), p99: ratio(sandbox.p99, floor.p99) } };
}

/**
 * `catalogs`: [{label, dirs}] — one sandbox process each, whose template list is loaded; creates are loaded on
 * the first. `createBody`: a valid POST /sources body for a template of that catalog.
 */
export async function runSandboxLoad({ catalogs, createBody }, settings = LOAD_SETTINGS) {
  const rows = [];
  for (const [index, catalog] of catalogs.entries()) {
    const sandbox = await startSandboxProcess(catalog.dirs);
    let floor;
    try {
      const token = await scopedToken(sandbox.url);
      const headers = { accept: 'application/json', authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const listUrl = `${sandbox.url}/api/v1/embedded/source-templates`;
      const listBody = await (await fetch(listUrl, { headers })).text();
      const templates = JSON.parse(listBody).data.length;
      const routes = { 'GET /list': listBody };
      let createAnswer;
      if (index === 0) {
        const response = await fetch(`${sandbox.url}/api/v1/embedded/sources`, { method: 'POST', headers, body: JSON.stringify({ ...createBody, name: 'bench-load-probe' }) });
        createAnswer = await response.text();
        if (!response.ok) throw new Error(`POST /sources: ${response.status} ${createAnswer}`);
        routes['POST /create'] = createAnswer;
      }
      floor = await startFloorServer(routes);

      progress(`sandbox load: GET /source-templates (${templates} templates), ${settings.concurrency} concurrent, ${settings.durationMs / 1000} s, and the plain server`);
      const listed = await load('GET /source-templates', (signal) => fetch(listUrl, { headers, signal }), settings);
      const listFloor = await load('floor GET', (signal) => fetch(`${floor.url}/list`, { headers, signal }), settings);
      rows.push({ ...compare(`GET /source-templates (${templates} templates, ${Math.round(listBody.length / 1024)} KiB)`, listed, listFloor), templates, bodyBytes: listBody.length });

      if (index === 0) {
        progress(`sandbox load: POST /sources, ${settings.concurrency} concurrent, ${settings.durationMs / 1000} s, and the plain server`);
        // Names are unique across the warm-up and the timed run: the sandbox answers 409 to a name taken twice.
        let sequence = 0;
        const body = () => JSON.stringify({ ...createBody, name: `bench-load-${sequence++}` });
        const created = await load('POST /sources', (signal) => fetch(`${sandbox.url}/api/v1/embedded/sources`, { method: 'POST', headers, body: body(), signal }), settings);
        const createFloor = await load('floor POST', (signal) => fetch(`${floor.url}/create`, { method: 'POST', headers, body: body(), signal }), settings);
        rows.push({ ...compare('POST /sources (check + store)', created, createFloor), bodyBytes: createAnswer.length });
      }
    } finally {
      await floor?.stop();
      await sandbox.stop();
    }
  }
  return { settings, host: '127.0.0.1', rows };
}
