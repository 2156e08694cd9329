// The built-in connector catalog (src/sandbox/catalog): structural checks on every definition, plus a census
// proving that, together, the definitions exercise every keyword and derived feature of Airbyte's connector-spec
// dialect (shared/reference/spec-dialect.md §7.1 and §7.2), so the widget and the sandbox are tested against the
// whole dialect even without the fixture corpus.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const CATALOG_DIR = new URL('../../src/sandbox/catalog/', import.meta.url);

// ---------------------------------------------------------------------------------------------------------------
// The coverage contract.

/** §7.1: every keyword found in the real specs (standard, Airbyte-specific, and the noise keys of §4.3). */
const EXPECTED_KEYWORDS = [
  // standard JSON Schema
  '$schema', 'type', 'title', 'description', 'properties', 'required', 'additionalProperties', 'default', 'examples',
  'format', 'const', 'pattern', 'oneOf', 'allOf', 'minimum', 'maximum', 'exclusiveMinimum', 'enum', 'items',
  'uniqueItems', 'minItems', 'minLength',
  // Airbyte annotations
  'airbyte_secret', 'airbyte_hidden', 'order', 'always_show', 'multiline', 'display_type', 'group', 'groups',
  'pattern_descriptor',
  // noise seen in real specs (§4.3): non-standard bounds, misspellings, stray keys
  'min', 'max', 'name', 'tittle', 'mininum', 'item', 'example',
] as const;

/** §7.2: derived features. */
const EXPECTED_FEATURES = [
  'type:object', 'type:string', 'type:integer', 'type:boolean', 'type:array', 'type:number',
  'type:[string,null]', 'type:[array,null]', 'type:[null,object]',
  'format:date-time', 'format:date', 'pattern+format', 'integer-bounds',
  'array-of-strings', 'array-of-objects', 'array-of-enum', 'array-of-numbers', 'array-without-items',
  'nested-oneOf', 'single-value-enum', 'discriminator-via-single-enum', 'secret+multiline', 'display_type:radio',
  'description-html', 'description-backticks', 'description-markdown-link', 'additionalProperties:false',
  'advanced_auth',
] as const;

/** Further shapes from spec-dialect.md §3–§5 that the catalog deliberately carries (our own contract). */
const EXPECTED_EXTRAS = [
  'oneOf-default-names-branch', // postgres/mysql replication_method "CDC", mysql ssl_mode "required"
  'oneOf-default-object', // file-based header_definition {"header_definition_type": "From CSV"}
  'oneOf-branch-hidden', // an airbyte_hidden branch (s3 delivery_method)
  'oneOf-branch-without-type', // branches inherit type from the parent (postgres tunnel_method)
  'oneOf-hidden-default-const', // a discriminator written as const + default
  'root-always_show', // optional root field shown expanded (password)
  'hidden-field-with-default', // airbyte_hidden knob still submitted with its default
  'enum-of-integers', // a dropdown of numbers
  'pattern-look-behind', // (?<!\.git)
  'pattern-allows-empty', // ^$|… to make a date clearable
  'pattern-month', // ^[0-9]{4}-[0-9]{2}$
  'pattern-date-microseconds', // …\.[0-9]{6}Z$
  'pattern_descriptor-without-pattern',
  'items-pattern_descriptor', // hoisted from items onto the array
  'property-named-like-keyword', // a property literally called "additionalProperties", in `required`
  'additionalProperties-subschema',
  'string-default-empty', // default ""
  'non-secret-multiline', // SQL query text area
  'examples-as-strings-on-integer', // port examples ["5432"]
  'array-of-objects-in-oneOf-in-array', // deep nesting: array → oneOf → array → oneOf
  'groups-with-titles',
  'group-without-groups', // `group` used in a spec with no `groups` array
  'advanced_auth:predicate-in-oneOf',
  'advanced_auth:root-predicate',
  'advanced_auth:no-predicate',
  'advanced_auth:user-input-from-config',
  'meta:no-icon',
  'spec:no-secrets', // source-faker: always connects
] as const;

const KNOWN_KEYWORDS = new Set<string>(EXPECTED_KEYWORDS);
const DATE_PATTERNS = new Set([
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$',
]);

// ---------------------------------------------------------------------------------------------------------------
// Loading.

interface Meta {
  name?: unknown;
  icon?: unknown;
  sourceDefinitionId?: unknown;
  tags?: unknown;
}

interface AdvancedAuth {
  auth_flow_type?: unknown;
  predicate_key?: unknown;
  predicate_value?: unknown;
  oauth_config_specification?: Record<string, Schema | undefined>;
}

interface Definition {
  name: string;
  spec: Schema;
  meta?: Meta;
  advancedAuth?: AdvancedAuth;
}

const files = readdirSync(CATALOG_DIR).sort();

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(file, CATALOG_DIR)), 'utf8'));
}

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const definitions: Definition[] = files
  .filter((file) => file.endsWith('.json') && !file.endsWith('.meta.json') && !file.endsWith('.advanced_auth.json'))
  .map((file) => {
    const name = file.slice(0, -'.json'.length);
    const spec = readJson(file);
    assert.ok(isObject(spec), `${file} must hold a JSON object`);
    const meta = files.includes(`${name}.meta.json`) ? (readJson(`${name}.meta.json`) as Meta) : undefined;
    const advancedAuth = files.includes(`${name}.advanced_auth.json`)
      ? (readJson(`${name}.advanced_auth.json`) as AdvancedAuth)
      : undefined;
    return { name, spec, meta, advancedAuth };
  });

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

// ---------------------------------------------------------------------------------------------------------------
// Walking: schema nodes are reached through properties, items, oneOf and allOf only (as in the census of §7).

interface Visit {
  node: Schema;
  path: string;
  /** Number of oneOf nodes strictly above this node. */
  oneOfAncestors: number;
  /** Set on oneOf branches: the node holding the oneOf. */
  branchOf?: Schema;
  /** Set when the node sits in an array's items somewhere above. */
  insideArray: boolean;
}

function walk(root: Schema, visit: (v: Visit) => void): void {
  const go = (node: Json | undefined, v: Omit<Visit, 'node'>): void => {
    if (!isObject(node)) return;
    visit({ ...v, node });
    const below = { oneOfAncestors: v.oneOfAncestors + (Array.isArray(node.oneOf) ? 1 : 0), insideArray: v.insideArray };
    if (isObject(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) go(child, { ...below, path: `${v.path}.${key}` });
    }
    if (isObject(node.items)) go(node.items, { ...below, path: `${v.path}[]`, insideArray: true });
    if (Array.isArray(node.oneOf)) {
      node.oneOf.forEach((branch, i) => go(branch, { ...below, path: `${v.path}<${i}>`, branchOf: node }));
    }
    if (Array.isArray(node.allOf)) {
      node.allOf.forEach((part, i) => go(part, { ...below, oneOfAncestors: v.oneOfAncestors, path: `${v.path}&${i}` }));
    }
  };
  go(root, { path: '$', oneOfAncestors: 0, insideArray: false });
}

function types(node: Schema): string[] {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type.filter((t): t is string => typeof t === 'string');
  return [];
}

const isArrayNode = (node: Schema) => types(node).includes('array');

interface Discriminator {
  key: string;
  via: 'const' | 'single-enum';
  values: Json[];
}

/** The first property that is a const (or a one-value enum with a default) in every branch, as Airbyte's form finds it. */
function discriminatorOf(oneOf: Json[]): Discriminator | undefined {
  const branches = oneOf.filter(isObject);
  const first = branches[0];
  if (!first || !isObject(first.properties)) return undefined;
  const constOf = (prop: Json | undefined): { value: Json; via: Discriminator['via'] } | undefined => {
    if (!isObject(prop)) return undefined;
    if ('const' in prop) return { value: prop.const as Json, via: 'const' };
    if (Array.isArray(prop.enum) && prop.enum.length === 1 && 'default' in prop && prop.default === prop.enum[0]) {
      return { value: prop.default as Json, via: 'single-enum' };
    }
    return undefined;
  };
  for (const key of Object.keys(first.properties)) {
    const found = branches.map((b) => (isObject(b.properties) ? constOf(b.properties[key]) : undefined));
    if (found.every((f) => f !== undefined)) {
      return { key, via: found[0]!.via, values: found.map((f) => f!.value) };
    }
  }
  return undefined;
}

function isObjectBranch(branch: Json): boolean {
  if (!isObject(branch)) return false;
  const t = types(branch);
  return t.length === 0 || t.includes('object');
}

/** Resolves a config path to the schema nodes it can land on (one per matching oneOf branch). */
function resolvePath(spec: Schema, path: readonly string[], pick?: (prefix: string[], branch: Schema) => boolean): Schema[] {
  let current: Array<{ node: Schema; prefix: string[] }> = [{ node: spec, prefix: [] }];
  for (const key of path) {
    const next: Array<{ node: Schema; prefix: string[] }> = [];
    for (const { node, prefix } of current) {
      const candidates = Array.isArray(node.oneOf)
        ? node.oneOf.filter(isObject).filter((branch) => !pick || pick(prefix, branch))
        : [node];
      for (const candidate of candidates) {
        const child = isObject(candidate.properties) ? candidate.properties[key] : undefined;
        if (isObject(child)) next.push({ node: child, prefix: [...prefix, key] });
      }
    }
    current = next;
  }
  return current.map((c) => c.node);
}

const HTML = /<(a\s+href=|b>|i>|code>|br\s*\/?>|strong>|em>)/;
const BACKTICKS = /`[^`\n]+`/;
const MARKDOWN_LINK = /\[[^\]\n]+\]\(https?:\/\/[^)\s]+\)/;

// ---------------------------------------------------------------------------------------------------------------
// Census.

interface Census {
  keywords: Map<string, Set<string>>;
  features: Map<string, Set<string>>;
}

function addTo(map: Map<string, Set<string>>, key: string, where: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(where);
}

function takeCensus(): Census {
  const census: Census = { keywords: new Map(), features: new Map() };
  for (const def of definitions) {
    const feature = (name: string) => addTo(census.features, name, def.name);
    let hasSecret = false;
    walk(def.spec, ({ node, oneOfAncestors, branchOf, insideArray, path }) => {
      for (const key of Object.keys(node)) addTo(census.keywords, key, def.name);
      const t = types(node);
      if (typeof node.type === 'string') feature(`type:${node.type}`);
      if (Array.isArray(node.type)) feature(`type:[${t.join(',')}]`);
      if (typeof node.format === 'string') feature(`format:${node.format}`);
      if (typeof node.pattern === 'string' && typeof node.format === 'string') feature('pattern+format');
      if (t.includes('integer') && ('minimum' in node || 'maximum' in node)) feature('integer-bounds');
      if (isArrayNode(node)) {
        const items = node.items;
        if (!isObject(items)) feature('array-without-items');
        else if (Array.isArray(items.enum) || Array.isArray(node.enum)) feature('array-of-enum');
        else if (items.type === 'string') feature('array-of-strings');
        else if (items.type === 'object') feature('array-of-objects');
        else if (items.type === 'integer' || items.type === 'number') feature('array-of-numbers');
        if (isObject(items) && 'pattern_descriptor' in items) feature('items-pattern_descriptor');
        if (isObject(items) && items.type === 'object' && insideArray && oneOfAncestors > 0) {
          feature('array-of-objects-in-oneOf-in-array');
        }
      }
      if (Array.isArray(node.enum) && node.enum.length === 1) feature('single-value-enum');
      if (Array.isArray(node.enum) && node.enum.length > 0 && node.enum.every((v) => Number.isInteger(v))) {
        feature('enum-of-integers');
      }
      if (Array.isArray(node.oneOf)) {
        if (oneOfAncestors > 0) feature('nested-oneOf');
        const disc = discriminatorOf(node.oneOf);
        if (disc?.via === 'single-enum') feature('discriminator-via-single-enum');
        if (typeof node.default === 'string' && disc?.values.includes(node.default)) feature('oneOf-default-names-branch');
        if (isObject(node.default)) feature('oneOf-default-object');
        if (node.oneOf.some((b) => isObject(b) && b.airbyte_hidden === true)) feature('oneOf-branch-hidden');
        if (node.oneOf.some((b) => isObject(b) && !('type' in b))) feature('oneOf-branch-without-type');
      }
      if (branchOf && isObject(node.properties)) {
        const disc = Array.isArray(branchOf.oneOf) ? discriminatorOf(branchOf.oneOf) : undefined;
        const prop = disc ? node.properties[disc.key] : undefined;
        if (isObject(prop) && 'const' in prop && 'default' in prop) feature('oneOf-hidden-default-const');
      }
      if (node.airbyte_secret === true) hasSecret = true;
      if (node.airbyte_secret === true && node.multiline === true) feature('secret+multiline');
      if (node.multiline === true && node.airbyte_secret !== true) feature('non-secret-multiline');
      if (node.display_type === 'radio') feature('display_type:radio');
      if (typeof node.description === 'string') {
        if (HTML.test(node.description)) feature('description-html');
        if (BACKTICKS.test(node.description)) feature('description-backticks');
        if (MARKDOWN_LINK.test(node.description)) feature('description-markdown-link');
      }
      if (node.additionalProperties === false) feature('additionalProperties:false');
      if (isObject(node.additionalProperties)) feature('additionalProperties-subschema');
      if (node.airbyte_hidden === true && 'default' in node && !branchOf) feature('hidden-field-with-default');
      if (node.default === '') feature('string-default-empty');
      if ('pattern_descriptor' in node && !('pattern' in node) && !(isObject(node.items) && 'pattern' in node.items)) {
        feature('pattern_descriptor-without-pattern');
      }
      if (typeof node.pattern === 'string') {
        if (node.pattern.includes('(?<!')) feature('pattern-look-behind');
        if (node.pattern.startsWith('^$|')) feature('pattern-allows-empty');
        if (node.pattern === '^[0-9]{4}-[0-9]{2}$') feature('pattern-month');
        if (node.pattern.endsWith('\\.[0-9]{6}Z$')) feature('pattern-date-microseconds');
      }
      if (t.includes('integer') && Array.isArray(node.examples) && node.examples.some((e) => typeof e === 'string')) {
        feature('examples-as-strings-on-integer');
      }
      if (path === '$') {
        if (Array.isArray(node.groups) && node.groups.some((g) => isObject(g) && typeof g.title === 'string')) {
          feature('groups-with-titles');
        }
        if (isObject(node.properties)) {
          const props = Object.values(node.properties).filter(isObject);
          if (props.some((p) => p.always_show === true)) feature('root-always_show');
          if (!Array.isArray(node.groups) && props.some((p) => typeof p.group === 'string')) feature('group-without-groups');
          const required = Array.isArray(node.required) ? node.required : [];
          if ('additionalProperties' in node.properties && required.includes('additionalProperties')) {
            feature('property-named-like-keyword');
          }
        }
      }
    });
    if (def.advancedAuth) {
      feature('advanced_auth');
      const key = def.advancedAuth.predicate_key;
      if (!Array.isArray(key)) feature('advanced_auth:no-predicate');
      else if (key.length === 1) feature('advanced_auth:root-predicate');
      else feature('advanced_auth:predicate-in-oneOf');
      if (def.advancedAuth.oauth_config_specification?.oauth_user_input_from_connector_config_specification) {
        feature('advanced_auth:user-input-from-config');
      }
    }
    if (def.meta && def.meta.icon === undefined) feature('meta:no-icon');
    if (!hasSecret) feature('spec:no-secrets');
  }
  return census;
}

// ---------------------------------------------------------------------------------------------------------------
// Tests.

describe('built-in connector catalog', () => {
  test('holds at least 10 definitions and nothing but definition files', () => {
    assert.ok(definitions.length >= 10, `only ${definitions.length} definitions`);
    const names = new Set(definitions.map((d) => d.name));
    for (const file of files) {
      const match = /^(source-[a-z0-9-]+?)(\.meta|\.advanced_auth)?\.json$/.exec(file);
      assert.ok(match, `unexpected file ${file}`);
      assert.ok(names.has(match[1]!), `${file} has no ${match[1]}.json`);
    }
  });

  for (const def of definitions) {
    describe(def.name, () => {
      test('is a draft-07 object schema that ajv compiles', () => {
        const { spec } = def;
        assert.equal(spec.$schema, 'http://json-schema.org/draft-07/schema#');
        assert.equal(spec.type, 'object');
        assert.equal(typeof spec.title, 'string');
        assert.ok(isObject(spec.properties), 'root properties');
        assert.ok(Array.isArray(spec.required), 'root required');
        const ajv = newAjv();
        assert.doesNotThrow(() => ajv.compile(spec));
      });

      test('uses only dialect keywords; required names exist; orders are integers; patterns compile', () => {
        walk(def.spec, ({ node, path }) => {
          for (const key of Object.keys(node)) {
            assert.ok(KNOWN_KEYWORDS.has(key), `${path}: keyword "${key}" is not part of the dialect (§7.1)`);
          }
          if (Array.isArray(node.required)) {
            for (const key of node.required) {
              assert.ok(isObject(node.properties) && typeof key === 'string' && key in node.properties, `${path}: required "${String(key)}" is not a property`);
            }
          }
          if ('order' in node) assert.ok(Number.isInteger(node.order), `${path}: order must be an integer`);
          for (const p of [node.pattern, isObject(node.items) ? node.items.pattern : undefined]) {
            if (typeof p === 'string') {
              assert.doesNotThrow(() => new RegExp(p), `${path}: pattern ${p}`);
              assert.doesNotThrow(() => new RegExp(p, 'u'), `${path}: pattern ${p} with the u flag`);
            }
          }
        });
      });

      test('has a title and a description on most fields, and HTML only of the safe kind', () => {
        let fields = 0;
        let titled = 0;
        let described = 0;
        walk(def.spec, ({ node, path, branchOf }) => {
          if (path === '$' || branchOf) return;
          if ('const' in node) return; // hidden discriminators need no label
          fields++;
          if (typeof node.title === 'string' || typeof node.tittle === 'string') titled++;
          if (typeof node.description === 'string') described++;
          if (typeof node.description === 'string') {
            assert.doesNotMatch(node.description, /<(script|iframe|style|img)\b|\son\w+=|javascript:/i, `${path}: unsafe HTML`);
            for (const [, href] of node.description.matchAll(/href="([^"]*)"/g)) {
              assert.match(href!, /^https:\/\//, `${path}: links must be https`);
            }
          }
        });
        assert.ok(fields > 0);
        // Items of plain arrays legitimately carry neither; everything else should be labelled.
        assert.ok(titled / fields >= 0.6, `${def.name}: only ${titled}/${fields} fields have a title`);
        assert.ok(described / fields >= 0.4, `${def.name}: only ${described}/${fields} fields have a description`);
      });

      test('every oneOf has object branches sharing a discriminator with distinct values', () => {
        walk(def.spec, ({ node, path }) => {
          if (!Array.isArray(node.oneOf)) return;
          assert.ok(node.oneOf.length >= 2, `${path}: oneOf with fewer than two branches`);
          for (const branch of node.oneOf) assert.ok(isObjectBranch(branch), `${path}: a oneOf branch is not an object`);
          const disc = discriminatorOf(node.oneOf);
          assert.ok(disc, `${path}: oneOf branches share no const (or one-value enum with default) property`);
          assert.equal(new Set(disc.values.map((v) => JSON.stringify(v))).size, disc.values.length, `${path}: duplicate discriminator values`);
          for (const branch of node.oneOf.filter(isObject)) {
            assert.ok(Array.isArray(branch.required) && branch.required.includes(disc.key), `${path}: discriminator "${disc.key}" not required in "${String(branch.title)}"`);
            assert.equal(typeof branch.title, 'string', `${path}: branch without a title`);
          }
          if (typeof node.default === 'string') {
            assert.ok(disc.values.includes(node.default), `${path}: default "${node.default}" names no branch`);
          }
        });
      });

      test('every default is valid for its own schema', () => {
        const ajv = newAjv();
        walk(def.spec, ({ node, path }) => {
          if (!('default' in node)) return;
          // Airbyte's convention: a oneOf's string default names the discriminator value of a branch (checked above).
          if (Array.isArray(node.oneOf) && typeof node.default === 'string') return;
          const { default: value, ...schema } = node;
          const validate = ajv.compile(schema);
          assert.ok(validate(value), `${path}: default ${JSON.stringify(value)} is invalid: ${ajv.errorsText(validate.errors)}`);
        });
      });

      test('has a meta with a name, a v4 UUID and a valid icon if any', () => {
        const meta = def.meta;
        assert.ok(meta, `${def.name}.meta.json is missing`);
        assert.equal(typeof meta.name, 'string');
        assert.ok((meta.name as string).trim().length > 0);
        assert.match(String(meta.sourceDefinitionId), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        if (meta.tags !== undefined) {
          assert.ok(Array.isArray(meta.tags) && meta.tags.length > 0 && meta.tags.every((t) => typeof t === 'string' && /^[a-z-]+$/.test(t)));
        }
        if (meta.icon !== undefined) {
          assert.equal(typeof meta.icon, 'string');
          const icon = meta.icon as string;
          const prefix = 'data:image/svg+xml,';
          assert.ok(icon.startsWith(prefix), 'icon must be an SVG data URI');
          const payload = icon.slice(prefix.length);
          assert.match(payload, /^[A-Za-z0-9\-_.!~*'()%]+$/, 'icon payload must be percent-encoded');
          assert.doesNotThrow(() => new URL(icon));
          const svg = decodeURIComponent(payload);
          assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>$/);
          assert.ok(Buffer.byteLength(svg) < 600, `icon is ${Buffer.byteLength(svg)} bytes`);
        }
      });

      if (def.advancedAuth) {
        test('advanced_auth paths exist in the spec', () => {
          const auth = def.advancedAuth!;
          assert.equal(auth.auth_flow_type, 'oauth2.0');
          const config = auth.oauth_config_specification;
          assert.ok(isObject(config));
          for (const part of ['complete_oauth_output_specification', 'complete_oauth_server_input_specification', 'complete_oauth_server_output_specification']) {
            assert.ok(isObject(config[part]) && isObject(config[part]!.properties), `${part} is missing`);
          }
          const key = auth.predicate_key;
          let pick: ((prefix: string[], branch: Schema) => boolean) | undefined;
          if (key !== undefined) {
            assert.ok(Array.isArray(key) && key.length > 0 && key.every((k) => typeof k === 'string'), 'predicate_key');
            assert.ok('predicate_value' in auth, 'predicate_value is missing');
            const targets = resolvePath(def.spec, key as string[]);
            assert.ok(targets.length > 0, `predicate_key ${JSON.stringify(key)} is not in the spec`);
            assert.ok(
              targets.some((t) => t.const === auth.predicate_value || (Array.isArray(t.enum) && t.enum.length === 1 && t.enum[0] === auth.predicate_value)),
              `no const ${JSON.stringify(auth.predicate_value)} at ${JSON.stringify(key)}`,
            );
            // Outputs that live next to the predicate must be in the branch the predicate selects.
            const parent = (key as string[]).slice(0, -1);
            const discKey = (key as string[])[key.length - 1]!;
            pick = (prefix, branch) =>
              JSON.stringify(prefix) !== JSON.stringify(parent) ||
              (isObject(branch.properties) && isObject(branch.properties[discKey]) && branch.properties[discKey].const === auth.predicate_value);
          } else {
            assert.ok(!('predicate_value' in auth), 'predicate_value without predicate_key');
          }
          let paths = 0;
          for (const part of ['complete_oauth_output_specification', 'complete_oauth_server_output_specification', 'oauth_user_input_from_connector_config_specification']) {
            const section = config[part];
            if (!section) continue;
            assert.ok(isObject(section.properties));
            for (const [name, prop] of Object.entries(section.properties)) {
              assert.ok(isObject(prop) && Array.isArray(prop.path_in_connector_config), `${part}.${name} has no path_in_connector_config`);
              const path = prop.path_in_connector_config as string[];
              assert.ok(resolvePath(def.spec, path, pick).length > 0, `${part}.${name}: ${JSON.stringify(path)} is not in the spec`);
              paths++;
            }
          }
          assert.ok(paths > 0);
        });
      }
    });
  }

  test('source definition ids and display names are unique', () => {
    const ids = definitions.map((d) => String(d.meta?.sourceDefinitionId));
    assert.equal(new Set(ids).size, ids.length);
    const names = definitions.map((d) => String(d.meta?.name));
    assert.equal(new Set(names).size, names.length);
  });

  test('at least five definitions describe fields with HTML', () => {
    const census = takeCensus();
    assert.ok((census.features.get('description-html')?.size ?? 0) >= 5);
  });

  describe('census: together the definitions cover the whole dialect', () => {
    const census = takeCensus();
    test('every keyword of spec-dialect.md §7.1 occurs', () => {
      const missing = EXPECTED_KEYWORDS.filter((k) => !census.keywords.has(k));
      assert.deepEqual(missing, []);
    });
    test('every derived feature of spec-dialect.md §7.2 occurs', () => {
      const missing = EXPECTED_FEATURES.filter((f) => !census.features.has(f));
      assert.deepEqual(missing, []);
    });
    test('every extra shape of our own contract occurs', () => {
      const missing = EXPECTED_EXTRAS.filter((f) => !census.features.has(f));
      assert.deepEqual(missing, []);
    });
  });

  test('the definition without secrets accepts its defaults (it is the one that always connects)', () => {
    const faker = definitions.find((d) => d.name === 'source-faker');
    assert.ok(faker);
    const config: Record<string, Json> = {};
    for (const [key, prop] of Object.entries(faker.spec.properties as Schema)) {
      if (isObject(prop) && 'default' in prop) config[key] = prop.default as Json;
    }
    const validate = newAjv().compile(faker.spec);
    assert.ok(validate(config), JSON.stringify(validate.errors));
    assert.ok(validate({}), 'an empty config must be accepted too');
  });
});
