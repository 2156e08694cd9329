// The connector spec's schema for one config path, looking through the branch OAuth selects: several oneOf
// branches often share a field name (Facebook's access_token, Zendesk's client_id), and only the predicate's
// branch says what the sign-in must produce there.
import { isObject, type JsonObject, type JsonValue } from '../json.js';
import type { Predicate } from './advanced-auth.js';

export function schemaAtPath(spec: JsonObject, path: readonly string[], predicate?: Predicate): JsonObject | undefined {
  let node: JsonObject | undefined = spec;
  for (let depth = 0; depth < path.length && node; depth++) {
    const discriminator = predicate && samePath(predicate.key.slice(0, -1), path.slice(0, depth))
      ? { key: predicate.key[predicate.key.length - 1]!, value: predicate.value }
      : undefined;
    node = childSchema(node, path[depth]!, discriminator);
  }
  return node;
}

/** The property `key` of the object `node` describes: from the node itself, its allOf, then its branches (the chosen one first). */
function childSchema(node: JsonObject, key: string, discriminator: { key: string; value: JsonValue } | undefined): JsonObject | undefined {
  const branches = [...asSchemas(node.oneOf), ...asSchemas(node.anyOf)];
  const chosen = discriminator ? branches.filter((branch) => sameValue(fixedValue(branch, discriminator.key), discriminator.value)) : [];
  const layers = [node, ...asSchemas(node.allOf), ...chosen, ...branches.filter((branch) => !chosen.includes(branch))];
  for (const layer of layers) {
    const child = isObject(layer.properties) ? layer.properties[key] : undefined;
    if (isObject(child)) return child;
  }
  return undefined;
}

/** What a branch fixes a property to: its `const`, a one-value `enum`, else its `default`. */
function fixedValue(branch: JsonObject, key: string): JsonValue | undefined {
  const property = isObject(branch.properties) ? branch.properties[key] : undefined;
  if (!isObject(property)) return undefined;
  if (property.const !== undefined) return property.const;
  if (Array.isArray(property.enum) && property.enum.length === 1) return property.enum[0];
  return property.default;
}

const samePath = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((segment, i) => segment === b[i]);
const sameValue = (a: JsonValue | undefined, b: JsonValue): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
const asSchemas = (value: JsonValue | undefined): JsonObject[] => (Array.isArray(value) ? value.filter(isObject) : []);
