// Reading a template's `advanced_auth` (spec-dialect §3.10): which branch of the config means "OAuth", which
// config fields the provider needs from the user, and which fields a completed sign-in fills in.
import { isObject, type JsonObject, type JsonValue } from '../json.js';
import type { Template } from '../template.js';

export interface OAuthField {
  /** The property's name in the advanced_auth spec, e.g. "refresh_token". */
  name: string;
  /** Where its value lives in the connector config, e.g. ["credentials", "refresh_token"]. */
  path: string[];
  /** The advanced_auth property itself (often just a type): the fallback when the connector spec lacks the path. */
  schema: JsonObject;
}

export interface Predicate {
  /** Config path of the value that says "OAuth selected", e.g. ["credentials", "auth_type"]. */
  key: string[];
  value: JsonValue;
}

export interface OAuthSetup {
  predicate?: Predicate;
  /** Fields the user fills in before signing in (e.g. a Zendesk subdomain): the consent-url inputs. */
  userInputs: OAuthField[];
  /** Fields a completed sign-in fills in: the provider's tokens first, then the server-held client credentials. */
  outputs: OAuthField[];
}

/** The template's OAuth setup, or undefined when its spec carries no usable advanced_auth. */
export function readOAuthSetup(template: Template): OAuthSetup | undefined {
  const advancedAuth = template.userConfigSpec.advanced_auth;
  if (!isObject(advancedAuth) || !isObject(advancedAuth.oauth_config_specification)) return undefined;
  const config = advancedAuth.oauth_config_specification;
  const key = advancedAuth.predicate_key;
  const hasPredicate = isPath(key) && key.length > 0 && advancedAuth.predicate_value !== undefined;
  return {
    ...(hasPredicate && { predicate: { key: [...key], value: advancedAuth.predicate_value! } }),
    userInputs: fieldsOf(config.oauth_user_input_from_connector_config_specification),
    outputs: [
      ...fieldsOf(config.complete_oauth_output_specification),
      ...fieldsOf(config.complete_oauth_server_output_specification),
    ],
  };
}

/** One field per property; a property without a usable path goes to the config key of its own name. */
function fieldsOf(spec: JsonValue | undefined): OAuthField[] {
  if (!isObject(spec) || !isObject(spec.properties)) return [];
  return Object.entries(spec.properties).flatMap(([name, property]): OAuthField[] => {
    if (!isObject(property)) return [];
    const path = property.path_in_connector_config;
    return [{ name, path: isPath(path) && path.length > 0 ? [...path] : [name], schema: property }];
  });
}

const isPath = (value: JsonValue | undefined): value is string[] =>
  Array.isArray(value) && value.every((segment) => typeof segment === 'string');
