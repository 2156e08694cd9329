// The template's `advanced_auth` (a sibling of connectionSpecification, spec-dialect §3.10) → AuthModel.
// Anything unreadable means no sign-in rather than a wrong one: the form still works when filled in by hand.
import type { AuthModel, ValuePath } from './model.js';
import { isObj, own } from './util.js';

/** A config path: property names only; `__proto__` could reach a prototype when values are written there. */
const configPath = (p: unknown): ValuePath | undefined =>
  Array.isArray(p) && p.length && p.every((k) => typeof k == 'string' && k != '__proto__') ? p : undefined;

/** `[property name, path_in_connector_config]` of one oauth_config_specification schema; bad entries skipped. */
function paths(config: unknown, name: string): [string, ValuePath][] {
  const props = own(own(config, name), 'properties');
  return isObj(props)
    ? Object.keys(props).flatMap((k) => {
        const p = configPath(own(props[k], 'path_in_connector_config'));
        return p ? [[k, p]] : [];
      })
    : [];
}

export function parseAuth(raw: unknown): AuthModel | undefined {
  if (!isObj(raw)) return undefined;
  const config = own(raw, 'oauth_config_specification');
  const key = own(raw, 'predicate_key');
  const value = own(raw, 'predicate_value');
  const path = configPath(key);
  // A predicate we cannot read would offer the sign-in in every branch, including the API-key one.
  if (key != null && (!path || value === undefined)) return undefined;
  const seen = new Set<string>();
  const outputPaths = [
    ...paths(config, 'complete_oauth_output_specification'),
    ...paths(config, 'complete_oauth_server_output_specification'),
  ]
    .map((e) => e[1])
    .filter((p) => !seen.has(JSON.stringify(p)) && !!seen.add(JSON.stringify(p)));
  if (!outputPaths.length) return undefined; // a sign-in that fills nothing in is no sign-in
  return {
    ...(path && { predicate: { path, value } }),
    outputPaths,
    inputPaths: paths(config, 'oauth_user_input_from_connector_config_specification').map(([name, path]) => ({ name, path })),
  };
}
