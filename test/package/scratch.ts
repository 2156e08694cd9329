// Shared by the package tests: `npm pack` of the built package and a scratch project that installs the tarball
// the way an integrator would, offline, from npm's local cache (the registry metadata and tarballs that
// installing this repository put there). Nothing is linked to the repository's own node_modules.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '../..');
export const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  module: string;
  types: string;
  exports: Record<string, string | Record<string, string>>;
  files: string[];
  sideEffects: string[];
  customElements: string;
  engines: { node: string };
};

/** Why the package tests cannot run yet, or undefined when dist/ is built. */
export function notBuilt(): string | undefined {
  const missing = ['airbyte-connect.js', 'define.js', 'react.js', 'server.js', 'node/airbyte-connect.js', 'custom-elements.json']
    .map((file) => `dist/${file}`)
    .filter((file) => !existsSync(join(repo, file)));
  return missing.length ? `${missing.join(', ')} missing: run \`npm run build\` first (npm test does)` : undefined;
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // npm_config_* variables from an enclosing `npm run` must not steer the scratch installs.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')));
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...env, NO_UPDATE_NOTIFIER: '1' }, timeout: 120_000 });
}

function check(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

export interface Packed {
  /** The temporary directory holding the tarball and the scratch project; removed by `dispose()`. */
  readonly root: string;
  readonly tarball: string;
  /** Paths inside the tarball, relative to the package root (`dist/airbyte-connect.js`, `package.json`, …). */
  readonly files: string[];
  dispose(): void;
}

/** `npm pack` of the repository as it is (dist/ must be built; no lifecycle scripts run). */
export function pack(): Packed {
  const root = mkdtempSync(join(tmpdir(), 'airbyte-connect-pack-'));
  const out = check(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', root], repo), 'npm pack');
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  return {
    root,
    tarball: join(root, info!.filename),
    files: info!.files.map((file) => file.path),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The version of a package installed in this repository (so that npm finds it in its cache). */
export function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

export interface ScratchProject {
  readonly dir: string;
  /** Runs an ES module snippet with Node in the project; throws with its output when it fails. */
  node(code: string): string;
}

/**
 * A new npm project next to the tarball, with the tarball (and `extra` packages, e.g. `react@19.3.1`) installed
 * by `npm install --offline`: dependencies come from npm's cache, never from the repository's node_modules.
 */
export function scratchProject(packed: Packed, extra: string[] = []): ScratchProject {
  const dir = join(packed.root, 'app');
  mkdirSync(dir);
  check(run('npm', ['init', '-y'], dir), 'npm init');
  const install = run('npm', ['install', packed.tarball, ...extra, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
  if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) {
    throw new Error(`npm could not install offline: a package is missing from its cache (run npm ci once with network).\n${install.stderr}`);
  }
  check(install, 'npm install of the tarball');
  return {
    dir,
    node: (code) => check(run(process.execPath, ['--input-type=module', '-e', code], dir), 'node'),
  };
}
