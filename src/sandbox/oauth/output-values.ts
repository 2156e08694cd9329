// What the pretend provider hands back after a sign-in: one value per OAuth output field, shaped by the connector
// spec's own schema at that field's path so that the completed config passes validation. Client ids are stable
// per template (a real OAuth app's id does not change between sign-ins); secrets and tokens are random.
import { createHash } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import type { JsonObject, JsonValue } from '../json.js';
import type { Template } from '../template.js';
import { compileSpec } from '../validation.js';
import type { OAuthField, OAuthSetup } from './advanced-auth.js';
import { randomToken } from './random.js';
import { schemaAtPath } from './schema-at-path.js';

export interface OAuthValue {
  path: string[];
  value: JsonValue;
}

/** How far ahead a fake token's expiry lies. */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;
/** Field names that hold an OAuth app's public identifier rather than a secret. */
const CLIENT_ID_NAME = /(^|_)(client_id|app_id|consumer_key)$/i;

export function fakeOAuthValues(template: Template, setup: OAuthSetup, now = Date.now()): OAuthValue[] {
  return setup.outputs.map((field) => {
    const schema =
      schemaAtPath(template.connectorSpecification, field.path, setup.predicate) ??
      schemaAtPath(template.userConfigSpec.connectionSpecification, field.path, setup.predicate) ??
      field.schema;
    return { path: [...field.path], value: fakeValue(template, field, schema, now) };
  });
}

/** The first candidate the schema accepts; when none fits, the first one (the config check then names the field). */
function fakeValue(template: Template, field: OAuthField, schema: JsonObject, now: number): JsonValue {
  const candidates = candidatesFor(template, field, schema, now);
  return candidates.find((candidate) => fits(schema, candidate)) ?? candidates[0]!;
}

function candidatesFor(template: Template, field: OAuthField, schema: JsonObject, now: number): JsonValue[] {
  if (schema.const !== undefined) return [schema.const];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return schema.default !== undefined ? [schema.default, ...schema.enum] : schema.enum;
  }
  const declared = [...(schema.default !== undefined ? [schema.default] : []), ...(Array.isArray(schema.examples) ? schema.examples : [])];
  switch (typeOf(schema)) {
    case 'boolean':
      return [...declared, true, false];
    case 'integer':
    case 'number':
      return [...declared, ...numbersWithin(schema), 1, 0];
    case 'object':
      return [...declared, {}];
    case 'array':
      return [...declared, []];
    case 'null':
      return [null];
    default: {
      const preferred = preferredStrings(template, field, schema, now);
      const strings = [...preferred, ...shapes(), ...declared.filter((value) => typeof value === 'string')];
      return strings.map((value) => fitLength(value, schema));
    }
  }
}

/** A timestamp for expiry fields, a stable id for client ids, a fresh random token for everything else. */
function preferredStrings(template: Template, field: OAuthField, schema: JsonObject, now: number): string[] {
  const expiry = new Date(now + TOKEN_LIFETIME_MS).toISOString();
  if (schema.format === 'date-time') return [expiry.replace(/\.\d{3}Z$/, 'Z'), expiry];
  if (schema.format === 'date') return [expiry.slice(0, 10)];
  const slug = field.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  if (CLIENT_ID_NAME.test(field.name)) {
    const digest = createHash('sha256').update(`${template.id}\u0000${field.name}`).digest('hex');
    return [`sandbox-${slug}-${digest.slice(0, 16)}`];
  }
  return [`sandbox-${slug}-${randomToken(24)}`];
}

/** Common string shapes, tried in turn against a pattern the preferred value does not match. */
function shapes(): string[] {
  const token = randomToken(24);
  const alphanumeric = token.replace(/[-_]/g, '');
  const hex = Buffer.from(token, 'base64url').toString('hex');
  return [
    alphanumeric,
    alphanumeric.toLowerCase(),
    alphanumeric.toUpperCase(),
    hex,
    hex.replace(/[a-f]/g, (letter) => String(letter.charCodeAt(0) % 10)),
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    'sandbox@example.com',
    'https://sandbox.example.com',
  ];
}

function numbersWithin(schema: JsonObject): number[] {
  const numbers: number[] = [];
  if (typeof schema.minimum === 'number') numbers.push(schema.minimum);
  if (typeof schema.exclusiveMinimum === 'number') numbers.push(Math.floor(schema.exclusiveMinimum) + 1);
  if (typeof schema.maximum === 'number') numbers.push(schema.maximum);
  return numbers;
}

/** Pads or trims a string to the schema's length bounds. */
function fitLength(value: string, schema: JsonObject): string {
  let fitted = value;
  if (typeof schema.minLength === 'number') {
    while (fitted.length < schema.minLength) fitted += randomToken(24).replace(/[-_]/g, '');
  }
  if (typeof schema.maxLength === 'number' && fitted.length > schema.maxLength) fitted = fitted.slice(0, schema.maxLength);
  return fitted;
}

/** The schema's first non-null type (undefined when it names none). */
function typeOf(schema: JsonObject): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const named = types.filter((type): type is string => typeof type === 'string');
  return named.find((type) => type !== 'null') ?? named[0];
}

const validators = new WeakMap<JsonObject, ValidateFunction | null>();

function fits(schema: JsonObject, value: JsonValue): boolean {
  let validate = validators.get(schema);
  if (validate === undefined) {
    try {
      validate = compileSpec(schema);
    } catch {
      validate = null; // a schema ajv cannot compile cannot judge; the first candidate stands
    }
    validators.set(schema, validate);
  }
  return validate === null || (validate(value) as boolean);
}
