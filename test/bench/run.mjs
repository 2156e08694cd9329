// `npm run bench`: measures what the performance issue budgets, prints markdown tables and writes
// bench-results/bench.json. First the gzip -9 size of each built file; then (suite.mjs), in Debian's Chromium
// against the demo server on 127.0.0.1, every timing beside a reference from the same run (one round trip plus
// one frame, @json-editor/json-editor, plain DOM) with ratios, the requests each user flow sends against the
// contract's minimum, retained heap after mount and dialog cycles, and the sandbox's throughput beside a bare
// node:http server. `npm run bench -- --per-spec` also prints every spec's row. Exits non-zero when anything
// fails, when a flow sends more requests than the minimum or repeats one, or when it runs past its time limit.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sizeReport, sizeTables } from './sizes.mjs';

// Under five minutes on the 2-core reference machine, failure message included (a run takes about 2½).
const TIME_LIMIT_MS = 280_000;
const started = Date.now();

setTimeout(() => {
  console.error(`bench: still running after ${TIME_LIMIT_MS / 1000} s; giving up`);
  process.exit(1);
}, TIME_LIMIT_MS).unref();

if (['airbyte-connect.js', 'airbyte-connect.iife.js', 'airbyte-connect-loader.js', 'server.js'].some((file) => !existsSync(`dist/${file}`))) {
  execSync('npm run --silent build', { stdio: 'inherit' });
}

const sizes = sizeReport();
console.log(sizeTables(sizes));

const results = { date: new Date().toISOString(), node: process.version, sizes };
function write() {
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', JSON.stringify(results, null, 2));
  console.log('\nwrote bench-results/bench.json');
}

try {
  // Loaded here, after the build: it starts the demo server, which serves dist/.
  const { runSuite, suiteReport } = await import('./suite.mjs');
  const timings = await runSuite();
  Object.assign(results, timings);
  console.log(suiteReport(timings, { perSpec: process.argv.includes('--per-spec') }));
  console.log(`\nper-spec figures are in bench-results/bench.json; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  write();
  if (timings.failures.length) {
    console.error(`\nbench failed:\n${timings.failures.join('\n')}`);
    process.exitCode = 1;
  }
} catch (error) {
  results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write();
  console.error(`\nbench failed: ${results.error}`);
  process.exitCode = 1;
}
// Nothing should be left running, but a stray handle must not keep the bench (or CI) waiting.
process.exit();
