// `npm run bench`: measures what the performance issue budgets, prints a table and writes
// bench-results/bench.json. For now: the gzip -9 size of each built file (timings come later).
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGETS = { 'airbyte-connect.iife.js': 35 * 1024 };

if (!existsSync('dist/airbyte-connect.iife.js')) execSync('npm run --silent build', { stdio: 'inherit' });

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
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, sizes: rows }, null, 2));
console.log('\nwrote bench-results/bench.json');
