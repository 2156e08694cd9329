// Secrets in configs: masked as "**********" in every answer, and restored from storage when a client sends
// the mask back unchanged. Both walks follow the spec: nested objects, the oneOf/anyOf branch the value
// selects, allOf parts and array items.
import { clone, isObject, type JsonObject, type JsonValue } from './json.js';

export const MASK = '**********';

type Path = (string | number)[];

/** A copy of `value` with every value the spec marks `airbyte_secret` replaced by the mask. */
export function maskSecrets(spec: JsonObject, value: JsonValue): JsonValue {
  if (isSecret(spec) && isFilled(value)) return MASK;
  if (Array.isArray(value)) return value.map((item, index) => maskWith(itemSchema(spec, index), item));
  if (!isObject(value)) return value;
  const masked: JsonObject = {};
  for (const [key, child] of Object.entries(value)) masked[key] = maskWith(propertySchema(spec, value, key), child);
  return masked;
}

const maskWith = (spec: JsonObject | undefined, value: JsonValue): JsonValue => (spec ? maskSecrets(spec, value) : clone(value));

export interface Restored {
  value: JsonValue;
  /** Where the mask was sent but no stored secret exists to put back. */
  unresolved: Path[];
}

/**
 * Puts stored secrets back wherever `submitted` holds exactly the mask at a secret position. When the submitted
 * value selects a different oneOf branch than the stored one, that branch's secrets are not carried over.
 */
export function restoreSecrets(spec: JsonObject, submitted: JsonValue, stored: JsonValue | undefined): Restored {
  const unresolved: Path[] = [];
  const walk = (node: JsonObject | undefined, value: JsonValue, old: JsonValue | undefined, path: Path): JsonValue => {
    if (!node) return clone(value);
    if (isSecret(node) && value === MASK) {
      if (old !== undefined && old !== MASK) return clone(old);
      unresolved.push(path);
      return value;
    }
    if (Array.isArray(value)) {
      const oldItems = Array.isArray(old) ? old : [];
      return value.map((item, index) => walk(itemSchema(node, index), item, oldItems[index], [...path, index]));
    }
    if (!isObject(value)) return value;
    let oldObject = isObject(old) ? old : undefined;
    if (oldObject && switchedBranch(node, value, oldObject)) oldObject = undefined;
    const restored: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      restored[key] = walk(propertySchema(node, value, key), child, oldObject?.[key], [...path, key]);
    }
    return restored;
  };
  return { value: walk(spec, submitted, stored, []), unresolved };
}

/** The top-level keys of `value` that the spec describes (all of them when the spec lists no properties). */
export function keepSpecProperties(spec: JsonObject, value: JsonObject): JsonObject {
  const described = schemaParts(spec, value).some((part) => isObject(part.properties));
  if (!described) return clone(value);
  const kept: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (propertySchema(spec, value, key)) kept[key] = clone(child);
  }
  return kept;
}

function switchedBranch(node: JsonObject, value: JsonObject, old: JsonObject): boolean {
  const now = branchOf(node, value);
  const before = branchOf(node, old);
  return now !== undefined && before !== undefined && now !== before;
}

const isSecret = (node: JsonObject): boolean => node.airbyte_secret === true;
const isFilled = (value: JsonValue): boolean => value !== null && value !== '';

/** The schema of `key` inside `value`; when several parts describe it, one that marks it secret wins. */
function propertySchema(node: JsonObject, value: JsonObject, key: string): JsonObject | undefined {
  const candidates = schemaParts(node, value)
    .map((part) => (isObject(part.properties) ? part.properties[key] : undefined))
    .filter(isObject);
  return candidates.find(isSecret) ?? candidates[0];
}

function itemSchema(node: JsonObject, index: number): JsonObject | undefined {
  if (isObject(node.items)) return node.items;
  if (Array.isArray(node.items) && isObject(node.items[index])) return node.items[index];
  return undefined;
}

/** The node itself, its allOf parts, and the branch `value` selects (every branch when none is evident). */
function schemaParts(node: JsonObject, value: JsonObject): JsonObject[] {
  const parts = [node, ...asSchemas(node.allOf)];
  const selected = branchOf(node, value);
  return [...parts, ...(selected ? [selected] : branches(node))];
}

/**
 * The oneOf/anyOf branch whose discriminators (properties with a `const` or a one-value `enum`) all equal the
 * value's; the only branch when there is just one; otherwise undefined.
 */
export function branchOf(node: JsonObject, value: JsonObject): JsonObject | undefined {
  const options = branches(node);
  if (options.length === 1) return options[0];
  return options.find((branch) => {
    const fixed = discriminators(branch);
    return fixed.length > 0 && fixed.every(([key, expected]) => value[key] === expected);
  });
}

function discriminators(branch: JsonObject): [string, JsonValue][] {
  if (!isObject(branch.properties)) return [];
  const fixed: [string, JsonValue][] = [];
  for (const [key, property] of Object.entries(branch.properties)) {
    if (!isObject(property)) continue;
    if (property.const !== undefined) fixed.push([key, property.const]);
    else if (Array.isArray(property.enum) && property.enum.length === 1) fixed.push([key, property.enum[0]!]);
  }
  return fixed;
}

const branches = (node: JsonObject): JsonObject[] => [...asSchemas(node.oneOf), ...asSchemas(node.anyOf)];
const asSchemas = (value: JsonValue | undefined): JsonObject[] => (Array.isArray(value) ? value.filter(isObject) : []);
