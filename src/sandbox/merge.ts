// Combining a template's partial_default_config with the end user's config (contract §4.4).
import { clone, isObject, type JsonObject, type JsonValue } from './json.js';

/** Thrown when one side holds an object and the other does not at the same path. */
export class MergeConflict extends Error {
  constructor(readonly path: (string | number)[]) {
    super(`Type mismatch at ${path.join('.') || '(root)'}`);
  }
}

/** Objects merge key by key, the user's value wins for everything else, and arrays are replaced whole. */
export function deepMerge(defaults: JsonObject, user: JsonObject): JsonObject {
  return mergeObjects(defaults, user, []);
}

function mergeObjects(base: JsonObject, override: JsonObject, path: string[]): JsonObject {
  const merged = clone(base);
  for (const [key, value] of Object.entries(override)) {
    merged[key] = mergeValue(base[key], value, [...path, key]);
  }
  return merged;
}

function mergeValue(base: JsonValue | undefined, override: JsonValue, path: string[]): JsonValue {
  if (base === undefined) return clone(override);
  if (isObject(base) !== isObject(override)) throw new MergeConflict(path);
  return isObject(base) && isObject(override) ? mergeObjects(base, override, path) : clone(override);
}
