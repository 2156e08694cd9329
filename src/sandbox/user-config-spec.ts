// Deriving what the end user fills in from a connector's spec and the operator's defaults (contract §4.2):
// every top-level key the defaults provide leaves `required` and the form, unless OAuth needs it.
import { clone, isObject, type JsonObject } from './json.js';
import type { UserConfigSpec } from './template.js';

export function deriveUserConfigSpec(connector: UserConfigSpec, defaults: JsonObject): UserConfigSpec {
  const spec = clone(connector.connectionSpecification);
  const keep = oauthKeys(connector.advanced_auth);
  const provided = Object.keys(defaults).filter((key) => !keep.has(key));
  if (Array.isArray(spec.required)) spec.required = spec.required.filter((key) => !provided.includes(key as string));
  if (isObject(spec.properties)) {
    for (const key of provided) delete spec.properties[key];
  }
  const derived: UserConfigSpec = { connectionSpecification: spec };
  if (connector.advanced_auth) derived.advanced_auth = clone(connector.advanced_auth);
  return derived;
}

/** Top-level config keys the OAuth flow reads or writes: its predicate and every `path_in_connector_config`. */
function oauthKeys(advancedAuth: JsonObject | undefined): Set<string> {
  const keys = new Set<string>();
  if (!advancedAuth) return keys;
  const predicate = advancedAuth.predicate_key;
  if (Array.isArray(predicate) && typeof predicate[0] === 'string') keys.add(predicate[0]);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (isObject(node)) {
      const path = node.path_in_connector_config;
      if (Array.isArray(path) && typeof path[0] === 'string') keys.add(path[0]);
      Object.values(node).forEach(visit);
    }
  };
  visit(advancedAuth.oauth_config_specification);
  return keys;
}
