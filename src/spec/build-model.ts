// connectionSpecification (JSON Schema + Airbyte keywords) → FormModel. Pure: no DOM, no Lit.
// Rules follow shared/reference/spec-dialect.md §3; anything the form cannot render degrades to a JsonField.
// Decisions beyond Airbyte's own behaviour:
// - An `enum` wins over integer/number (a dropdown, as Airbyte renders it), so numeric enums keep their options.
// - A oneOf that is a whole value (spec root, or an array's `items`) becomes the only field, with key '', of an
//   object node (the root, or the object list's item); see `childValue`/`childPath` in util.ts.
// - Discriminator: among the first branch's properties in natural key order, the first that is a scalar const
//   (or one-value enum + default) in every branch with a different value in each; none → JsonField.
// - `$ref`, `anyOf`, multi-element `allOf`, multi-type arrays, non-scalar enums, lists of non-scalars → JsonField.
// - `__proto__` properties are ignored (they cannot be set safely on plain objects).
// - `pattern` is kept if it compiles with the `u` flag or, failing that, without; validation compiles it the same way.
import { FieldKind as K } from './model.js';
import type { Field, FieldBase, FormModel, JsonReason, ObjectNode, OneOfBranch, Scalar } from './model.js';
import { humanize } from './humanize.js';
import { parseAuth } from './parse-auth.js';
import { SpecError } from './spec-error.js';
import { isObj, regex, type Obj } from './util.js';

type S = Record<string, any>;

const str = (v: unknown) => (typeof v == 'string' ? v : undefined);
const num = (v: unknown) => (typeof v == 'number' && isFinite(v) ? v : undefined);
const count = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined);
const isScalar = (v: unknown): v is Scalar => v === null || /^[sbn]/.test(typeof v);
/** A keyword that holds one value or a list of them (`type`, `examples`), as a list. */
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Drops undefined members so models compare and print cleanly. */
const strip = <T>(o: T): T => Object.fromEntries(Object.entries(o as Obj).filter((e) => e[1] !== undefined)) as T;

/** Unwraps a one-element `allOf` (a pydantic artefact) into the node; the node's own keys win. */
function norm(s: unknown): S | undefined {
  if (!isObj(s)) return undefined;
  const { allOf, ...rest } = s;
  return Array.isArray(allOf) && allOf.length == 1 && isObj(allOf[0]) ? { ...norm(allOf[0]), ...rest } : s;
}

/** `const`, or a one-value `enum` with a `default` (Airbyte reads that as const = default). */
function constOf(s: S | undefined): { v: unknown } | undefined {
  if (!s) return undefined;
  if ('const' in s) return { v: s.const };
  if (Array.isArray(s.enum) && s.enum.length == 1 && 'default' in s) return { v: s.default };
  return undefined;
}

// The seven date patterns Airbyte names when a field has a pattern but no pattern_descriptor (§3.4).
const M = '[0-9]{4}-[0-9]{2}';
const D = M + '-[0-9]{2}';
const T = 'T[0-9]{2}:[0-9]{2}:[0-9]{2}';
const DATES: [string, string][] = [
  [D, 'YYYY-MM-DD'],
  [D + T + 'Z', 'YYYY-MM-DDTHH:mm:ssZ'],
  [D + T, 'YYYY-MM-DDTHH:mm:ss'],
  [D + T.replace('T', ' '), 'YYYY-MM-DD HH:mm:ss'],
  [D + T + '.[0-9]{3}Z', 'YYYY-MM-DDTHH:mm:ss.SSSZ'],
  [D + T + '.[0-9]{6}Z', 'YYYY-MM-DDTHH:mm:ss.SSSSSSZ'],
  [M, 'YYYY-MM'],
];
const descriptor = (s: S | undefined): string | undefined =>
  str(s?.pattern_descriptor) ?? DATES.find(([p]) => str(s?.pattern)?.replace(/\\\./g, '.').includes(`^${p}$`))?.[1];

/** Airbyte's sibling order (§3.2): required-like first, then integer `order`, then natural key order. */
const requiredLike = (f: Field) =>
  +(f.required || f.alwaysShow || f.kind == K.OneOf || f.kind == K.Object || f.kind == K.Const);
/** Natural key order: `item2` before `item10`. */
const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const byAirbyteOrder = (a: Field, b: Field) =>
  requiredLike(b) - requiredLike(a) || (a.order ?? Infinity) - (b.order ?? Infinity) || natural(a.key, b.key);

/** A schema's `properties`, {} when it has none that are usable. */
const propsOf = (s: S): S => (isObj(s.properties) ? s.properties : {});

function fields(s: S, skip?: string): Field[] {
  const props = propsOf(s);
  const req = Array.isArray(s.required) ? s.required : [];
  return Object.keys(props)
    .filter((k) => k != skip && k != '__proto__')
    .map((k) => build(k, props[k], req.includes(k)))
    .sort(byAirbyteOrder);
}

function base(key: string, s: S, required: boolean, nullable: boolean): FieldBase {
  const ex = s.examples ?? s.example;
  return {
    key,
    title: str(s.title) || humanize(key),
    description: str(s.description),
    required,
    hidden: s.airbyte_hidden === true,
    alwaysShow: s.always_show === true,
    nullable,
    order: Number.isInteger(s.order) ? s.order : undefined,
    group: str(s.group),
    default: s.default,
    examples: ex === undefined ? undefined : asList(ex),
    patternDescriptor: descriptor(s),
    readOnly: s.readOnly === true,
  };
}

const json = (b: FieldBase, schema: unknown, reason: JsonReason, of?: string): Field => strip({ ...b, kind: K.Json, reason, of, schema });

/** One property's schema → its field. `parentType` is the type a oneOf branch inherits from its parent. */
function build(key: string, raw: unknown, required: boolean, parentType?: unknown): Field {
  const s = norm(raw);
  if (!s) return json(base(key, {}, required, false), raw, 'json.notObject');
  const all = asList(s.type);
  const ts = all.filter((t) => t != 'null');
  const nullable = ts.length < all.length;
  const b = base(key, s, required, nullable);
  const type =
    ts.length > 1 ? ts.join('/') : (ts[0] ?? (all.length ? 'null' : (parentType ?? (s.items ? 'array' : s.properties && 'object'))));
  return strip(kind());

  function kind(): Field {
    if (hasOneOf(s!)) return oneOf(b, s!, type ?? 'object');
    if ('$ref' in s! || 'anyOf' in s! || 'allOf' in s!)
      return json(b, raw, 'json.combination');
    const c = constOf(s);
    if (c) return { ...b, kind: K.Const, value: c.v };
    if (type == 'boolean') return { ...b, kind: K.Boolean };
    if (type == 'array') return list(b, s!, raw);
    if (type == 'object') return object(b, s!);
    const options = s!.enum;
    if (Array.isArray(options) && options.length)
      return options.every(isScalar)
        ? // `enum` constrains null too: a type array that allows null does not make null valid unless it is listed.
          { ...b, kind: K.Enum, options, nullable: b.nullable && options.includes(null) }
        : json(b, raw, 'json.choices');
    if (type == 'integer' || type == 'number') {
      // draft-04: a boolean exclusiveMinimum/Maximum makes minimum/maximum exclusive
      const lowOpen = s!.exclusiveMinimum === true, highOpen = s!.exclusiveMaximum === true;
      return {
        ...b,
        kind: K.Number,
        integer: type == 'integer',
        minimum: lowOpen ? undefined : num(s!.minimum),
        maximum: highOpen ? undefined : num(s!.maximum),
        exclusiveMinimum: num(lowOpen ? s!.minimum : s!.exclusiveMinimum),
        exclusiveMaximum: num(highOpen ? s!.maximum : s!.exclusiveMaximum),
      };
    }
    if (type == 'string' || type === undefined)
      return {
        ...b,
        kind: K.String,
        secret: s!.airbyte_secret === true,
        multiline: s!.multiline === true,
        format: str(s!.format),
        pattern: regex(s!.pattern) && s!.pattern,
        minLength: count(s!.minLength),
        maxLength: count(s!.maxLength),
      };
    return json(b, raw, 'json.type', String(type));
  }
}

const hasOneOf = (s: S) => Array.isArray(s.oneOf) && s.oneOf.length > 0;

/**
 * An object node. One that is itself a oneOf (the root, or a list's items; `build` reads any other oneOf first) has
 * that oneOf as its only child, with key ''.
 */
const object = (b: FieldBase, s: S): ObjectNode => ({
  ...b,
  kind: K.Object,
  fields: hasOneOf(s) ? [build('', s, true, 'object')] : fields(s),
});

function list(b: FieldBase, s: S, raw: unknown): Field {
  const it = norm(s.items); // `item: "string"` (sentry) or no items at all: a list of strings
  const options = it?.enum ?? s.enum;
  const itemType = (asList(it?.type).find((t) => t != 'null') ??
    (typeof options?.[0] == 'number' ? 'number' : 'string')) as string;
  const sizes = { minItems: count(s.minItems), maxItems: count(s.maxItems) };
  if (it && (itemType == 'object' || it.properties || it.oneOf)) {
    const ib = { ...base('', it, true, false), title: str(it.title) || b.title };
    return { ...b, kind: K.ObjectList, item: strip(object(ib, it)), ...sizes };
  }
  if (!['string', 'integer', 'number'].includes(itemType))
    return json(b, raw, 'json.list', String(itemType));
  if (Array.isArray(options) && !options.every(isScalar)) return json(b, raw, 'json.choices');
  return {
    ...b,
    kind: K.List,
    itemType,
    options: Array.isArray(options) && options.length ? options : undefined,
    itemPattern: regex(it?.pattern) && it!.pattern,
    patternDescriptor: b.patternDescriptor ?? descriptor(it),
    ...sizes,
    uniqueItems: s.uniqueItems === true,
  } as Field;
}

function oneOf(b: FieldBase, s: S, parentType: unknown): Field {
  const branches = (s.oneOf as unknown[]).map(norm);
  const isObject = (x: S | undefined) =>
    x && (asList(x.type).find((t) => t != 'null') ?? (x.properties ? 'object' : parentType)) == 'object';
  if (!branches.every(isObject)) return json(b, s, 'json.branch');
  // The discriminator: a property constant in every branch, with a different plain value in each.
  const keys = Object.keys(propsOf(branches[0]!)).sort(natural);
  let values: Scalar[] = [];
  const discriminator = keys.find((k) => {
    values = branches.map((x) => constOf(norm(propsOf(x!)[k]))?.v) as Scalar[];
    return values.every(isScalar) && new Set(values).size == values.length; // undefined (no const) is no scalar
  });
  if (discriminator === undefined) return json(b, s, 'json.noDiscriminator');
  return {
    ...b,
    kind: K.OneOf,
    discriminator,
    display: s.display_type == 'radio' ? 'radio' : 'dropdown',
    branches: branches.map((x, i) =>
      strip<OneOfBranch>({
        title: str(x!.title) || String(values[i]),
        description: str(x!.description),
        value: values[i]!,
        fields: fields(x!, discriminator),
        hidden: x!.airbyte_hidden === true || undefined,
      }),
    ),
  };
}

/**
 * Builds the form model from a template's `user_config_spec` parts: `connectionSpecification`, and `advanced_auth`
 * (ignored when unreadable). Throws SpecError only when the spec is not an object schema at all.
 */
export function buildFormModel(connectionSpecification: unknown, advancedAuth?: unknown): FormModel {
  return withAuth(buildForm(connectionSpecification), advancedAuth);
}

/** `model` with the sign-in `advancedAuth` describes, if it is usable. */
export function withAuth(model: FormModel, advancedAuth: unknown): FormModel {
  const auth = parseAuth(advancedAuth);
  return auth ? { ...model, auth } : model;
}

/**
 * The form model without its sign-in: what the widget's main bundle builds, so that reading `advanced_auth` can
 * live in the sign-in chunk (which adds it with `withAuth`).
 */
export function buildForm(connectionSpecification: unknown): FormModel {
  const s = norm(connectionSpecification);
  const ts = asList(s?.type);
  if (!s || (ts.length && !ts.includes('object'))) throw new SpecError('The connector spec is not an object schema.');
  const b = base('', s, true, false);
  const root = strip(object(b, s));
  const groups = (Array.isArray(s.groups) ? s.groups : [])
    .filter((g: unknown) => isObj(g) && typeof g.id == 'string')
    .map((g: S) => strip({ id: g.id as string, title: str(g.title) }));
  return { root, groups };
}
