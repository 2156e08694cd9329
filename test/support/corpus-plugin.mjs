// A web-test-runner plugin that hands the browser the connector-spec corpus, which it cannot read from disk:
// the server command `corpus-specs` answers `[{name, dir, spec}]` for every spec in the shared fixtures
// (../shared/fixtures/connector-specs/) and in each directory listed in SPEC_CORPUS_DIR (separated like PATH);
// an unreadable directory or file comes back as `{name, dir, error}`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED_SPECS_DIR = fileURLToPath(new URL('../../../shared/fixtures/connector-specs/', import.meta.url));

/** The corpus directories: the shared fixtures, then SPEC_CORPUS_DIR's entries. */
export function corpusDirs(env = process.env) {
  return [SHARED_SPECS_DIR, ...(env.SPEC_CORPUS_DIR ?? '').split(delimiter).filter(Boolean)];
}

/** `<name>.json` files that are connection specifications (not `.advanced_auth.json` or `.meta.json`). */
export function specFiles(dir) {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.advanced_auth.json') && !file.endsWith('.meta.json'))
    .sort();
}

/**
 * Every spec of every corpus directory, as `{name, dir, spec}`. A missing directory or a file that is not JSON
 * becomes `{name, dir, error}` instead, so the test reports it as a failure and still runs the rest.
 */
export function readCorpus(dirs = corpusDirs()) {
  const specs = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      specs.push({ name: '(directory)', dir, error: `spec corpus directory not found: ${dir}` });
      continue;
    }
    for (const file of specFiles(dir)) {
      const name = file.slice(0, -'.json'.length);
      try {
        specs.push({ name, dir, spec: JSON.parse(readFileSync(join(dir, file), 'utf8')) });
      } catch (error) {
        specs.push({ name, dir, error: `${file}: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
  return specs;
}

export function corpusPlugin() {
  return {
    name: 'airbyte-connect-corpus',
    async executeCommand({ command }) {
      if (command !== 'corpus-specs') return undefined;
      return readCorpus();
    },
  };
}
