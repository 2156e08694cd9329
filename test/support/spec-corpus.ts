// Where the connector specs for corpus tests live: the shared fixtures, the sandbox's built-in catalog, and every
// directory in SPEC_CORPUS_DIR (separated like PATH), so more specs can be run without changing the tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_CATALOG_DIR } from '../../src/sandbox/catalog.js';

export const SHARED_SPECS_DIR = fileURLToPath(new URL('../../../shared/fixtures/connector-specs/', import.meta.url));
export { BUILTIN_CATALOG_DIR };

/** The directories of SPEC_CORPUS_DIR. */
export const extraSpecDirs = (): string[] => (process.env.SPEC_CORPUS_DIR ?? '').split(delimiter).filter(Boolean);

/** Spec file names in a directory, sorted: `*.json` except `*.advanced_auth.json` and `*.meta.json`. */
export const specFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json') && !f.endsWith('.advanced_auth.json') && !f.endsWith('.meta.json'))
        .sort()
    : [];

export const readSpec = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/** Every `pattern` keyword (a string) anywhere in a spec; a property named "pattern" has a schema, not a string. */
export function collectPatterns(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => collectPatterns(n, out));
  else if (node && typeof node == 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k == 'pattern' && typeof v == 'string') out.add(v);
      else collectPatterns(v, out);
    }
  return out;
}
