// What a browser fetches for one built ES file: the file and everything it imports statically, followed through
// the relative imports in the built code. Dynamic `import()`s (the lazy chunks, the catalogs) are left out: they
// are fetched only when their path is taken. Shared by the size budgets test and `npm run bench`.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** `entry` and the files it imports statically, as paths relative to `distDir`, entry first. */
export function staticClosure(distDir, entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const [, specifier] of code.matchAll(STATIC_IMPORT)) visit(relative(distDir, join(dirname(join(distDir, file)), specifier)));
  };
  visit(entry);
  return [...seen];
}

/** `gzip -9` size of a built file: what the budgets measure. */
export const gzipSize = (distDir, file) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
