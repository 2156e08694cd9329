// `npm run bench`: measures what the performance issue budgets, prints two markdown tables and writes
// bench-results/bench.json. First the gzip -9 size of each built file; then, in Debian's Chromium against the
// demo server on 127.0.0.1, the time from choosing a template to its painted form for every shared connector
// spec (and the largest one on its own), and the time from a keystroke to its validation message.
// `npm run bench -- --per-spec` also prints every spec's row. Exits non-zero when anything fails or when it
// runs past its time limit.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = { 'airbyte-connect.iife.js': 35 * 1024 };
const TIME_LIMIT_MS = 110_000;
const started = Date.now();

setTimeout(() => {
  console.error(`bench: still running after ${TIME_LIMIT_MS / 1000} s; giving up`);
  process.exit(1);
}, TIME_LIMIT_MS).unref();

if (['airbyte-connect.js', 'airbyte-connect.iife.js', 'server.js'].some((file) => !existsSync(`dist/${file}`))) {
  execSync('npm run --silent build', { stdio: 'inherit' });
}

const rows = ['airbyte-connect.js', 'airbyte-connect.iife.js', 'server.js'].map((file) => {
  const bytes = readFileSync(`dist/${file}`);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const budget = BUDGETS[file];
  return { file, raw: bytes.length, gzip, budget: budget ?? null, withinBudget: budget === undefined ? null : gzip <= budget };
});

console.log('| file | raw bytes | gzip -9 bytes | budget |');
console.log('|---|---:|---:|---|');
for (const row of rows) {
  const budget = row.budget === null ? '—' : `${row.budget} (${row.withinBudget ? 'within' : 'OVER'})`;
  console.log(`| ${row.file} | ${row.raw} | ${row.gzip} | ${budget} |`);
}

const results = { date: new Date().toISOString(), node: process.version, sizes: rows };
function write() {
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', JSON.stringify(results, null, 2));
  console.log('\nwrote bench-results/bench.json');
}

try {
  // Loaded here, after the build: it starts the demo server, which serves dist/.
  const { runRenderBench, renderTable, renderSpecTable } = await import('./render.mjs');
  const timings = await runRenderBench();
  Object.assign(results, timings);
  const m = timings.machine;
  console.log(`\nRender and input timings: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, Chromium ${m.chromium} (${m.viewport})\n`);
  console.log(renderTable(timings));
  if (process.argv.includes('--per-spec')) console.log(`\n${renderSpecTable(timings)}`);
  console.log(`\nper-spec medians and p95s are in bench-results/bench.json; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  write();
} catch (error) {
  results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write();
  console.error(`\nbench failed: ${results.error}`);
  process.exitCode = 1;
}
// Nothing should be left running, but a stray handle must not keep the bench (or CI) waiting.
process.exit();
