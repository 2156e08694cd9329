// The connector catalog: directories of definitions (`<name>.json` = a connectionSpecification, optional
// `<name>.advanced_auth.json` and `<name>.meta.json`), each of which becomes a built-in source template.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameBasedId, isUuid } from './ids.js';
import { isObject, type JsonObject } from './json.js';
import type { Template } from './template.js';

export const BUILTIN_CATALOG_DIR = fileURLToPath(new URL('./catalog/', import.meta.url));

export interface Catalog {
  templates: Template[];
  findTemplate(id: string): Template | undefined;
  /** The catalog connector with this definition id, used to derive operator templates' specs. */
  findByDefinitionId(definitionId: string): Template | undefined;
}

interface Meta {
  name?: string;
  icon?: string;
  sourceDefinitionId?: string;
  tags?: string[];
}

/**
 * Loads the built-in directory (skipped when absent) and then each extra directory (which must exist).
 * A definition whose file name was already seen replaces the earlier one and keeps its id.
 */
export function loadCatalog(extraDirs: readonly string[], builtinDir = BUILTIN_CATALOG_DIR): Catalog {
  const byKey = new Map<string, Template>();
  const dirs = existsSync(builtinDir) ? [builtinDir, ...extraDirs] : extraDirs;
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`Catalog directory not found: "${dir}"`);
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.json') || file.endsWith('.advanced_auth.json') || file.endsWith('.meta.json')) continue;
      const key = file.slice(0, -'.json'.length);
      byKey.set(key, loadDefinition(dir, key));
    }
  }
  const templates = [...byKey.values()];
  const byId = new Map(templates.map((template) => [template.id, template]));
  const byDefinition = new Map(templates.map((template) => [template.sourceDefinitionId, template]));
  return {
    templates,
    findTemplate: (id) => byId.get(id),
    findByDefinitionId: (id) => byDefinition.get(id),
  };
}

function loadDefinition(dir: string, key: string): Template {
  const specPath = join(dir, `${key}.json`);
  const spec = readJsonObject(specPath);
  const authPath = join(dir, `${key}.advanced_auth.json`);
  const advancedAuth = existsSync(authPath) ? readJsonObject(authPath) : undefined;
  const metaPath = join(dir, `${key}.meta.json`);
  const meta = existsSync(metaPath) ? readMeta(metaPath) : {};
  const stamp = statSync(specPath).mtime.toISOString();
  return {
    id: nameBasedId(`template:${key}`),
    organizationId: null,
    name: meta.name ?? humanise(key),
    icon: meta.icon ?? null,
    tags: meta.tags ?? [],
    sourceDefinitionId: meta.sourceDefinitionId ?? nameBasedId(`definition:${key}`),
    partialDefaultConfig: {},
    userConfigSpec: advancedAuth
      ? { connectionSpecification: spec, advanced_auth: advancedAuth }
      : { connectionSpecification: spec },
    connectorSpecification: spec,
    mode: 'REPLICATION',
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** "source-google-sheets" → "Google Sheets". */
export function humanise(fileName: string): string {
  return fileName
    .replace(/^source-/, '')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

function readJsonObject(path: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Catalog file "${path}" is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) throw new Error(`Catalog file "${path}" must hold a JSON object`);
  return parsed;
}

function readMeta(path: string): Meta {
  const raw = readJsonObject(path);
  const problem = (field: string, expected: string) =>
    new Error(`Catalog file "${path}": "${field}" must be ${expected}`);
  const meta: Meta = {};
  if (raw.name !== undefined) {
    if (typeof raw.name !== 'string' || !raw.name.trim()) throw problem('name', 'a non-empty string');
    meta.name = raw.name;
  }
  if (raw.icon !== undefined && raw.icon !== null) {
    if (typeof raw.icon !== 'string') throw problem('icon', 'a string (a URL)');
    meta.icon = raw.icon;
  }
  if (raw.sourceDefinitionId !== undefined) {
    if (typeof raw.sourceDefinitionId !== 'string' || !isUuid(raw.sourceDefinitionId)) throw problem('sourceDefinitionId', 'a UUID');
    meta.sourceDefinitionId = raw.sourceDefinitionId.toLowerCase();
  }
  if (raw.tags !== undefined) {
    if (!Array.isArray(raw.tags) || !raw.tags.every((tag) => typeof tag === 'string')) throw problem('tags', 'an array of strings');
    meta.tags = raw.tags as string[];
  }
  return meta;
}
