// The size half of `npm run bench`: every built file a page may fetch, its gzip -9 size against the issue's
// budgets (the loader; what the loader fetches for the common path; the single-file build), the files fetched on
// demand, and each dependency's share of the single-file build, read from its source map.
import { readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSize, staticClosure } from '../support/bundle-graph.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const KIB = 1024;

/** Which part of the bundle a source file belongs to: a dependency, or one of our layers. */
function partOf(source) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (dependency) return /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(dependency) ? 'lit' : dependency;
  const layer = /src\/([^/]+)\//.exec(source)?.[1];
  return layer ? `src/${layer}` : 'bundler glue';
}

/** Bytes of the minified file per part, attributed character by character through the source map. */
function shares(file) {
  const code = readFileSync(`${DIST}/${file}`, 'utf8');
  const map = new SourceMap(JSON.parse(readFileSync(`${DIST}/${file}.map`, 'utf8')));
  const bytes = new Map();
  const lines = code.split('\n');
  lines.forEach((line, row) => {
    let part = 'bundler glue';
    for (let column = 0; column < line.length; column++) {
      const entry = map.findEntry(row, column);
      if (entry?.generatedLine === row && entry.generatedColumn === column && entry.originalSource) part = partOf(entry.originalSource);
      bytes.set(part, (bytes.get(part) ?? 0) + 1);
    }
  });
  return bytes;
}

export function sizeReport() {
  const loader = gzipSize(DIST, 'airbyte-connect-loader.js');
  const common = staticClosure(DIST, 'airbyte-connect.js');
  const commonGzip = common.reduce((sum, file) => sum + gzipSize(DIST, file), 0);
  const iife = gzipSize(DIST, 'airbyte-connect.iife.js');
  const onDemand = [...readdirSync(`${DIST}/chunks`).map((f) => `chunks/${f}`), ...readdirSync(`${DIST}/locales`).map((f) => `locales/${f}`)].filter((f) => f.endsWith('.js'));
  const rows = [
    { what: 'loader', files: ['airbyte-connect-loader.js'], gzip: loader, budget: 2 * KIB },
    { what: 'common path the loader fetches (list, form, API client, English)', files: common, gzip: commonGzip, budget: 30 * KIB },
    { what: 'single file with everything', files: ['airbyte-connect.iife.js'], gzip: iife, budget: 35 * KIB },
    ...onDemand.map((file) => ({ what: 'fetched on demand', files: [file], gzip: gzipSize(DIST, file), budget: null })),
    { what: 'host backend helper (Node)', files: ['server.js'], gzip: gzipSize(DIST, 'server.js'), budget: null },
  ].map((row) => ({ ...row, withinBudget: row.budget === null ? null : row.gzip <= row.budget }));
  const parts = shares('airbyte-connect.iife.js');
  const total = [...parts.values()].reduce((a, b) => a + b, 0);
  const share = [...parts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([part, raw]) => ({ part, raw, gzipEstimate: Math.round((iife * raw) / total), percent: +((100 * raw) / total).toFixed(1) }));
  return { rows, share };
}

export function sizeTables({ rows, share }) {
  const lines = ['| what | files | gzip -9 bytes | budget |', '|---|---|---:|---|'];
  for (const row of rows)
    lines.push(`| ${row.what} | ${row.files.join(' + ')} | ${row.gzip} | ${row.budget === null ? '—' : `${row.budget} (${row.withinBudget ? 'within' : 'OVER'})`} |`);
  lines.push('', 'Share of the single-file build, by dependency and layer (minified bytes from its source map; gzip share estimated in proportion)', '');
  lines.push('| part | minified bytes | share | ≈ gzip bytes |', '|---|---:|---:|---:|');
  for (const part of share) lines.push(`| ${part.part} | ${part.raw} | ${part.percent} % | ${part.gzipEstimate} |`);
  return lines.join('\n');
}
