// The catalogs the bench runs against: the shared connector specs (../shared/fixtures/connector-specs/, added
// to the sandbox's built-in catalog, as SANDBOX_CATALOG would), and the same grown to 1,000 templates with
// generated definitions in a temporary catalog directory, for the list and search figures at scale.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_SPECS_DIR, specFiles } from '../support/corpus-plugin.mjs';

export { SHARED_SPECS_DIR };

/** Every shared spec: its file key, display name, size, and the id the sandbox gives its template. */
export async function sharedSpecs() {
  const { nameBasedId } = await import('../../src/sandbox/ids.ts');
  return specFiles(SHARED_SPECS_DIR).map((file) => {
    const key = file.slice(0, -'.json'.length);
    const metaPath = join(SHARED_SPECS_DIR, `${key}.meta.json`);
    const meta = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : {};
    return { key, name: meta.name ?? key, bytes: readFileSync(join(SHARED_SPECS_DIR, file)).length, templateId: nameBasedId(`template:${key}`) };
  });
}

/** How many templates the sandbox lists with these extra catalog directories (built-in ones included). */
export async function catalogSize(extraDirs) {
  const { loadCatalog } = await import('../../src/sandbox/catalog.ts');
  return loadCatalog(extraDirs).templates.length;
}

/**
 * A temporary catalog directory that brings the shared catalog to `total` templates: small real specs
 * (Sentry's) under names cycled from the shared connectors' ("GitHub 7"), without icons, so the list and the
 * search work on realistic names. Returns the directory and a `remove()` for the end of the run.
 */
export async function generatedCatalog(total) {
  const existing = await catalogSize([SHARED_SPECS_DIR]);
  const names = (await sharedSpecs()).map((spec) => spec.name);
  const spec = readFileSync(join(SHARED_SPECS_DIR, 'source-sentry.json'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'airbyte-connect-bench-catalog-'));
  for (let i = 0; i < total - existing; i++) {
    const key = `source-bench-${String(i + 1).padStart(4, '0')}`;
    writeFileSync(join(dir, `${key}.json`), spec);
    writeFileSync(join(dir, `${key}.meta.json`), JSON.stringify({ name: `${names[i % names.length]} ${Math.floor(i / names.length) + 2}` }));
  }
  const size = await catalogSize([SHARED_SPECS_DIR, dir]);
  if (size !== total) throw new Error(`the generated catalog has ${size} templates, not ${total}`);
  return { dir, templates: size, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
