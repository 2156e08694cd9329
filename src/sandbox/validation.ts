// JSON-Schema validation with ajv, reported as FastAPI-style issues with readable English messages.
// Two ajv instances: a lenient one for connector specs (they carry Airbyte keywords such as airbyte_secret)
// and a strict one for the sandbox's own request bodies.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { invalid, unprocessable, type Issue } from './errors.js';
import { isObject, type JsonObject } from './json.js';
import { parseOrigin } from './origin.js';
import type { Template } from './template.js';

const specAjv = new Ajv({
  allErrors: true,
  strict: false,
  verbose: true,
  logger: false, // unknown formats in connector specs are ignored; there is nothing to tell anyone
  addUsedSchema: false, // specs may share $id values; never register them globally
  unicodeRegExp: false, // connector patterns are written for non-unicode regex engines
  // `format` is an annotation, as JSON Schema reads it by default and Airbyte's form treats it: the `pattern`
  // beside it says what is accepted (some specs pair `format: date` with a month pattern that no date satisfies).
  validateFormats: false,
});

const bodyAjv = new Ajv({ allErrors: true, verbose: true });
addFormats(bodyAjv, ['uuid']);
bodyAjv.addFormat('origin', (value: string) => parseOrigin(value) !== undefined);

/** Compiles a connectionSpecification; throws when the spec itself is broken. */
export function compileSpec(spec: JsonObject): ValidateFunction {
  // Some specs name a meta-schema ajv does not know (e.g. an https URL); the spec's content is draft-07 either way.
  const { $schema: _ignored, ...schema } = spec;
  return specAjv.compile(schema);
}

/** Validates merged configs against templates' full connector specs, compiling each spec once. */
export class ConfigValidator {
  private readonly cache = new Map<string, ValidateFunction>();

  /** Issues located under `locPrefix`, e.g. ['body', 'source_config']; empty when the config is valid. */
  validate(template: Template, config: JsonObject, locPrefix: (string | number)[]): Issue[] {
    const key = `${template.id}@${template.updatedAt}`;
    let validate = this.cache.get(key);
    if (!validate) {
      validate = compileSpec(template.connectorSpecification);
      this.cache.set(key, validate);
    }
    return validate(config) ? [] : toIssues(validate.errors ?? [], locPrefix);
  }
}

/** Validates a request body (or query) against a schema and returns it typed; throws a 422 otherwise. */
export function checkBody<T>(schema: JsonObject, value: unknown, locPrefix: (string | number)[] = ['body']): T {
  if (value === undefined) throw invalid(locPrefix, 'Required', 'value_error.missing');
  let validate = bodyValidators.get(schema);
  if (!validate) {
    validate = bodyAjv.compile(schema);
    bodyValidators.set(schema, validate);
  }
  if (!validate(value)) throw unprocessable(toIssues(validate.errors ?? [], locPrefix));
  return value as T;
}
const bodyValidators = new WeakMap<JsonObject, ValidateFunction>();

/** Turns ajv errors into issues, keeping only the oneOf branch the value evidently meant. */
export function toIssues(errors: ErrorObject[], locPrefix: (string | number)[]): Issue[] {
  const issues = new Map<string, Issue>();
  for (const error of keepChosenBranches(errors)) {
    const issue = describe(error);
    const full = { ...issue, loc: [...locPrefix, ...issue.loc] };
    issues.set(JSON.stringify([full.loc, full.type]), full);
  }
  return [...issues.values()];
}

/**
 * With allErrors, a failed oneOf/anyOf reports every branch's errors. For each such node (outermost first),
 * choose the branch whose discriminator (a const or single enum) the value matches and that fails least,
 * and drop the other branches' errors; with no such branch, report the node itself.
 */
function keepChosenBranches(errors: ErrorObject[]): ErrorObject[] {
  let remaining = errors.filter((error) => error.keyword !== 'if');
  const combinators = remaining
    .filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const combinator of combinators) {
    if (!remaining.includes(combinator)) continue;
    const prefix = `${combinator.schemaPath}/`;
    const byBranch = new Map<number, ErrorObject[]>();
    for (const error of remaining) {
      if (!error.schemaPath.startsWith(prefix)) continue;
      const branch = Number.parseInt(error.schemaPath.slice(prefix.length), 10);
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), error]);
    }
    const branchErrors = new Set([...byBranch.values()].flat());
    const discriminator = discriminatorOf(combinator.schema);
    const plausible = [...byBranch.values()]
      .filter((list) => !list.some((error) => isDiscriminatorError(error, combinator.instancePath, discriminator)))
      .sort((a, b) => a.length - b.length);
    const tooManyMatches = Array.isArray(combinator.params.passingSchemas);
    const chosen = tooManyMatches ? undefined : plausible[0];
    remaining = remaining.filter((error) => !branchErrors.has(error) || chosen?.includes(error));
    if (chosen) remaining = remaining.filter((error) => error !== combinator);
  }
  return remaining;
}

/** A branch property's constant value: its `const`, or its one-value `enum`. */
function constantOf(property: unknown): { value: unknown } | undefined {
  if (!isObject(property)) return undefined;
  if ('const' in property) return { value: property.const };
  return Array.isArray(property.enum) && property.enum.length === 1 ? { value: property.enum[0] } : undefined;
}

/**
 * The property that tells a oneOf's branches apart: constant in every branch, with a different value in each
 * (the same rule the widget's form model uses). Other constants inside a branch are ordinary fields.
 */
function discriminatorOf(branches: unknown): string | undefined {
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const first = isObject(branches[0]) && isObject(branches[0].properties) ? Object.keys(branches[0].properties) : [];
  return first.find((key) => {
    const values = branches.map((branch) =>
      isObject(branch) && isObject(branch.properties) ? constantOf(branch.properties[key]) : undefined,
    );
    return values.every(Boolean) && new Set(values.map((v) => JSON.stringify(v!.value))).size === values.length;
  });
}

/**
 * A failed constant on the branch's discriminator: the value chose another branch. Without a discriminator,
 * any failed constant on a direct property counts.
 */
function isDiscriminatorError(error: ErrorObject, parentPath: string, discriminator: string | undefined): boolean {
  const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
  if (error.keyword !== 'const' && !(error.keyword === 'enum' && allowed?.length === 1)) return false;
  if (!error.instancePath.startsWith(`${parentPath}/`)) return false;
  const rest = error.instancePath.slice(parentPath.length);
  if (discriminator === undefined) return rest.lastIndexOf('/') === 0;
  return rest === `/${discriminator.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** One ajv error as a FastAPI issue (loc relative to the validated value). */
function describe(error: ErrorObject): Issue {
  const loc = pointerToLoc(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const parent = isObject(error.parentSchema) ? error.parentSchema : {};
  switch (error.keyword) {
    case 'required':
      return { loc: [...loc, String(params.missingProperty)], msg: 'Required', type: 'value_error.missing' };
    case 'dependencies':
    case 'dependentRequired':
      return {
        loc: [...loc, String(params.missingProperty)],
        msg: `Required when ${String(params.property)} is given`,
        type: 'value_error.missing',
      };
    case 'additionalProperties':
      return { loc: [...loc, String(params.additionalProperty)], msg: 'Unknown field', type: 'value_error.extra' };
    case 'type': {
      const types = String(params.type).split(',');
      return { loc, msg: `Must be ${types.map(withArticle).join(' or ')}`, type: `type_error.${types[0]}` };
    }
    case 'minimum':
      return { loc, msg: `Must be at least ${params.limit}`, type: 'value_error.minimum' };
    case 'exclusiveMinimum':
      return { loc, msg: `Must be greater than ${params.limit}`, type: 'value_error.exclusive_minimum' };
    case 'maximum':
      return { loc, msg: `Must be at most ${params.limit}`, type: 'value_error.maximum' };
    case 'exclusiveMaximum':
      return { loc, msg: `Must be less than ${params.limit}`, type: 'value_error.exclusive_maximum' };
    case 'multipleOf':
      return { loc, msg: `Must be a multiple of ${params.multipleOf}`, type: 'value_error.multiple_of' };
    case 'minLength':
      return {
        loc,
        msg: params.limit === 1 ? 'Must not be empty' : `Must be at least ${params.limit} characters long`,
        type: 'value_error.min_length',
      };
    case 'maxLength':
      return { loc, msg: `Must be at most ${params.limit} characters long`, type: 'value_error.max_length' };
    case 'pattern': {
      const hint = typeof parent.pattern_descriptor === 'string' ? ` (${parent.pattern_descriptor})` : '';
      return { loc, msg: `Must match the pattern ${params.pattern}${hint}`, type: 'value_error.pattern' };
    }
    case 'format':
      return { loc, msg: formatMessage(String(params.format)), type: 'value_error.format' };
    case 'enum':
      return { loc, msg: `Must be one of: ${(params.allowedValues as unknown[]).map(show).join(', ')}`, type: 'value_error.enum' };
    case 'const':
      return { loc, msg: `Must be ${show(params.allowedValue)}`, type: 'value_error.const' };
    case 'minItems':
      return { loc, msg: `Must have at least ${plural(Number(params.limit), 'item')}`, type: 'value_error.min_items' };
    case 'maxItems':
      return { loc, msg: `Must have at most ${plural(Number(params.limit), 'item')}`, type: 'value_error.max_items' };
    case 'uniqueItems':
      return { loc, msg: 'Must not contain the same item twice', type: 'value_error.unique_items' };
    case 'minProperties':
      return { loc, msg: `Must have at least ${plural(Number(params.limit), 'field')}`, type: 'value_error.min_properties' };
    case 'maxProperties':
      return { loc, msg: `Must have at most ${plural(Number(params.limit), 'field')}`, type: 'value_error.max_properties' };
    case 'oneOf':
    case 'anyOf': {
      if (Array.isArray(params.passingSchemas)) return { loc, msg: 'Matches more than one option', type: 'value_error.one_of' };
      const titles = (Array.isArray(error.schema) ? error.schema : [])
        .map((branch) => (isObject(branch) && typeof branch.title === 'string' ? branch.title : undefined))
        .filter((title): title is string => title !== undefined);
      const options = titles.length ? `: ${titles.join(', ')}` : '';
      return { loc, msg: `Must match one of the options${options}`, type: 'value_error.one_of' };
    }
    case 'not':
      return { loc, msg: 'Must not match the excluded form', type: 'value_error.not' };
    default: {
      const text = error.message ?? 'is invalid';
      return { loc, msg: text[0]!.toUpperCase() + text.slice(1), type: `value_error.${error.keyword}` };
    }
  }
}

function formatMessage(format: string): string {
  switch (format) {
    case 'date':
      return 'Must be a valid date (YYYY-MM-DD)';
    case 'date-time':
      return 'Must be a valid date and time (YYYY-MM-DDTHH:mm:ssZ)';
    case 'uuid':
      return 'Must be a UUID';
    case 'origin':
      return 'Must be an origin: scheme://host[:port] with no path, no trailing slash and no wildcard';
    default:
      return `Must be a valid ${format}`;
  }
}

/** "/credentials/0/key" → ['credentials', 0, 'key'] (JSON-pointer escapes undone). */
function pointerToLoc(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

const withArticle = (type: string): string =>
  ({ object: 'an object', array: 'a list', integer: 'a whole number', null: 'empty' })[type] ?? `a ${type}`;
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
const show = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));
