// Test data for the JSON-Schema agreement tests: from a form model (and its raw spec), one valid config and a set of
// minimally invalid ones, each breaking exactly one rule on one field, with the path where both the client's
// validator and the sandbox's ajv must report it. Deterministic for a seed.
//
// The valid config is what the form would send (`toSubmitValue` of a form value): required fields filled, defaults
// kept (hidden fields always keep theirs), every oneOf present with a branch chosen. Seed 0 is minimal (required
// fields and defaults only, the oneOfs' default branches); seeds ≥ 1 also fill every optional field (nullable ones
// with null on seeds ≡ 2 mod 3) and rotate the oneOf branches: a oneOf whose enclosing oneOfs have R branch
// combinations takes branch (default + ⌊seed / R⌋) mod n, so seeds 0 … seedsToCoverBranches(model) − 1 use every
// visible branch of every oneOf that is not hidden (`branchUniverse`).
//
// Values come from the model: defaults and examples when they fit (seed 0 prefers them), real dates for date and
// date-time fields, the regex sampler for patterns, realistic text otherwise. Each leaf value is checked against the
// model's rules (pattern in both regex dialects, lengths, bounds, options, list sizes and uniqueness) and against the
// raw schema of that field with the sandbox's own `compileSpec`, for what the model does not carry (`format`, item
// schemas). The sandbox's check markers (`slow`, `wrong-password`, `unreachable.example`) are never produced.
//
// Invalid configs differ from the valid one at one path. Rules and where the error is expected:
// - required: the key removed → at the key (not for a nullable field: the form sends null when it is empty). A
//   required object (not a oneOf) is never absent from what the form sends (an untouched one is sent as {} plus its
//   consts), so its case is the object with everything the user can clear
//   cleared (consts, hidden fields and required sub-objects kept, then `toSubmitValue`), and the error is expected at
//   its first required leaf: in display order, the first required child that is neither hidden nor a const,
//   descending into it when it is an object (and moving on when that object has no such leaf); none → skipped.
// - type, integer, pattern, minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, enum, const,
//   minItems, maxItems, uniqueItems → at the field. itemPattern, itemEnum, itemType → at item 0 of the list.
// - format: a date or date-time field whose value keeps the pattern but is no real date (month 13) → at the field. The
//   client does not check `format` (like Airbyte's web app, spec-dialect §3.9), so these are the one rule only the
//   server enforces; the agreement test lists it as a known disagreement.
// - discriminator (a value naming no branch) and type on a oneOf → at the oneOf (the list row or the root for a oneOf
//   that is the whole value). Type on the root itself is not generated: a config is always an object.
// Left out by design, recorded in `skipped`: values the client counts as absent, because the form never sends them —
// text that is empty or only spaces, an empty list in an optional list (`minItems` 1 there), a oneOf value naming no
// branch in an optional oneOf; "required" on hidden and const fields (the form always sends those).
import { CHECK_MARKERS } from '../../src/sandbox/check.js';
import { compileSpec } from '../../src/sandbox/validation.js';
import { FieldKind as K, SECRET_MASK } from '../../src/spec/model.js';
import type {
  EnumField,
  Field,
  FormModel,
  ListField,
  NumberField,
  ObjectListField,
  ObjectNode,
  OneOfNode,
  Scalar,
  StringField,
  ValuePath,
} from '../../src/spec/model.js';
import { blank, copy, isObj, own, selectedBranchIndex } from '../../src/spec/util.js';
import { pathKey } from '../../src/validation/path-key.js';
import { toSubmitValue } from '../../src/validation/submit-value.js';
import { matchesBoth, matchingString, nonMatchingString, UnsupportedPattern } from './regex-sample.js';
import { hashString, pickOne, randomInt, seededRandom, shuffled, type Random } from './seeded-random.js';

export type Rule =
  | 'required'
  | 'type'
  | 'integer'
  | 'pattern'
  | 'minLength'
  | 'maxLength'
  | 'format'
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'enum'
  | 'const'
  | 'discriminator'
  | 'minItems'
  | 'maxItems'
  | 'uniqueItems'
  | 'itemPattern'
  | 'itemEnum'
  | 'itemType';

export const RULES: readonly Rule[] = [
  'required',
  'type',
  'integer',
  'pattern',
  'minLength',
  'maxLength',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'const',
  'discriminator',
  'minItems',
  'maxItems',
  'uniqueItems',
  'itemPattern',
  'itemEnum',
  'itemType',
];

export interface InvalidConfig {
  readonly config: Record<string, unknown>;
  /** Where both validators must report the error. */
  readonly path: ValuePath;
  readonly rule: Rule;
  readonly reason: string;
}

export interface SkippedCase {
  readonly path: ValuePath;
  readonly rule: Rule;
  readonly reason: string;
}

export interface GeneratedConfigs {
  readonly valid: Record<string, unknown>;
  /** At most `maxInvalid`, sampled round-robin over the rules so each rule present is represented. */
  readonly invalid: InvalidConfig[];
  /** How many invalid cases there were before sampling. */
  readonly invalidTotal: number;
  readonly skipped: SkippedCase[];
  /** The oneOf branches `valid` uses, as `branchKey`s. */
  readonly branches: string[];
  /** What the generator could not do (no value satisfies a field, a pattern beyond the sampler, …): should be empty. */
  readonly problems: string[];
}

export interface GenerateOptions {
  seed?: number;
  /** Cap on `invalid` (default 40). */
  maxInvalid?: number;
}

type Obj = Record<string, unknown>;
type Raw = Record<string, any> | undefined;

interface Ctx {
  readonly path: ValuePath;
  /** Inside an `airbyte_hidden` field: defaults kept, oneOfs on their default branch. */
  readonly hidden: boolean;
  /** Number of branch combinations of the rotating oneOfs around this point (see the header). */
  readonly radix: number;
}

// ---- the raw schema, walked alongside the model --------------------------------------------------------------------

/** Unwraps a one-element `allOf` like the model builder does. */
function norm(s: unknown): Raw {
  if (!isObj(s)) return undefined;
  const { allOf, ...rest } = s as Obj;
  return Array.isArray(allOf) && allOf.length == 1 && isObj(allOf[0]) ? { ...norm(allOf[0]), ...rest } : (s as Raw);
}
const rawProp = (raw: Raw, key: string): Raw => norm(isObj(raw?.properties) ? raw.properties[key] : undefined);
const rawBranch = (raw: Raw, i: number): Raw => norm(Array.isArray(raw?.oneOf) ? raw.oneOf[i] : undefined);
const rawItems = (raw: Raw): Raw => norm(raw?.items);

const validators = new WeakMap<object, ((v: unknown) => boolean) | null>();
/**
 * The sandbox's verdict on one field's value against that field's own schema (true when there is no schema or it
 * does not compile on its own). The root's `definitions`/`$defs` come along so local `$ref`s resolve.
 */
function serverAccepts(root: Raw, raw: Raw, value: unknown): boolean {
  if (!raw) return true;
  let validate = validators.get(raw);
  if (validate === undefined) {
    try {
      const defs = Object.fromEntries(['definitions', '$defs'].filter((k) => root?.[k] !== undefined).map((k) => [k, root![k]]));
      const compiled = compileSpec({ ...defs, ...raw });
      validate = (v) => compiled(v) as boolean;
    } catch {
      validate = null;
    }
    validators.set(raw, validate);
  }
  return validate ? validate(value) : true;
}

// ---- small helpers -----------------------------------------------------------------------------------------------

const DELETE = Symbol('delete');

/** A deep copy of `root` with the value at `path` replaced (or removed); [] replaces the whole value. */
export function setAt(root: Obj, path: ValuePath, value: unknown): Obj {
  if (!path.length) return copy(value) as Obj;
  const out = copy(root);
  let node: any = out;
  for (const k of path.slice(0, -1)) node = node[k];
  const last = path[path.length - 1]!;
  if (value === DELETE) delete node[last];
  else node[last] = copy(value);
  return out;
}

/** The value at `path`, or undefined. */
export function getAt(root: unknown, path: ValuePath): unknown {
  let node: any = root;
  for (const k of path)
    node = node == null ? undefined : typeof k == 'number' ? (Array.isArray(node) ? node[k] : undefined) : own(node, k);
  return node;
}

const codePoints = (s: string) => [...s].length;

/** A string the sandbox's check treats specially, anywhere in a value. */
function hasMarker(v: unknown): boolean {
  if (typeof v == 'string')
    return v === CHECK_MARKERS.slow || v === CHECK_MARKERS.wrongPassword || v.includes(CHECK_MARKERS.unreachableHost);
  if (Array.isArray(v)) return v.some(hasMarker);
  if (isObj(v)) return Object.values(v).some(hasMarker);
  return false;
}

/** Enum options the form can send: null and blank text count as "nothing chosen". */
const usableOptions = (options: readonly Scalar[]) => options.filter((o) => o !== null && !(typeof o == 'string' && blank(o)));

/** "streams.[].format = \"csv\"": a oneOf branch independent of list indices. */
export const branchKey = (path: ValuePath, value: Scalar): string =>
  `${path.map((k) => (typeof k == 'number' ? '[]' : k)).join('.')} = ${JSON.stringify(value)}`;

const visibleBranches = (f: OneOfNode): number[] => {
  const visible = f.branches.flatMap((b, i) => (b.hidden ? [] : [i]));
  return visible.length ? visible : f.branches.map((_, i) => i);
};

/** The branch the form starts with (spec-dialect §3.5): the one named by the oneOf's default, else the first. */
const defaultBranch = (f: OneOfNode): number =>
  Math.max(0, f.branches.findIndex((b) => b.value === (isObj(f.default) ? own(f.default, f.discriminator) : f.default)));

/** Whether the client requires a value (validation/to-zod.ts `slot`): required, not hidden, not nullable, not a const. */
const needed = (f: Field) => f.required && !f.hidden && !f.nullable && f.kind != K.Const;

/** Every branch that some seed chooses: visible branches of oneOfs that are neither hidden nor inside a hidden field. */
export function branchUniverse(model: FormModel): string[] {
  const out: string[] = [];
  const walk = (fields: readonly Field[], path: ValuePath) => {
    for (const f of fields) {
      if (f.hidden) continue;
      const p = f.key ? [...path, f.key] : path;
      if (f.kind == K.Object) walk(f.fields, p);
      if (f.kind == K.ObjectList) walk(f.item.fields, [...p, 0]);
      if (f.kind == K.OneOf)
        for (const i of visibleBranches(f)) {
          out.push(branchKey(p, f.branches[i]!.value));
          walk(f.branches[i]!.fields, p);
        }
    }
  };
  walk(model.root.fields, []);
  return [...new Set(out)];
}

/** How many seeds (0, 1, …) it takes for the valid configs to use every branch of `branchUniverse`. */
export function seedsToCoverBranches(model: FormModel): number {
  const combos = (fields: readonly Field[]): number =>
    Math.max(
      1,
      ...fields.map((f) =>
        f.hidden
          ? 1
          : f.kind == K.Object
            ? combos(f.fields)
            : f.kind == K.ObjectList
              ? combos(f.item.fields)
              : f.kind == K.OneOf
                ? visibleBranches(f).length * Math.max(...f.branches.map((b) => combos(b.fields)))
                : 1,
      ),
    );
  // Seed 0 leaves optional fields out, so a oneOf inside one first appears at seed 1: one more seed.
  return combos(model.root.fields) + 1;
}

// ---- dates and text ----------------------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** One random real date rendered in the shapes connector specs ask for, the likeliest first for the format. */
function dateRenderings(random: Random, format: string | undefined): string[] {
  const y = randomInt(random, 2020, 2024);
  const [mo, d] = [randomInt(random, 1, 12), randomInt(random, 1, 28)];
  const [h, mi, s] = [randomInt(random, 0, 23), randomInt(random, 0, 59), randomInt(random, 0, 59)];
  const D = `${y}-${pad(mo)}-${pad(d)}`;
  const T = `${pad(h)}:${pad(mi)}:${pad(s)}`;
  const ms = pad(randomInt(random, 0, 999), 3);
  const us = pad(randomInt(random, 0, 999_999), 6);
  const all = [`${D}T${T}Z`, `${D}T${T}.${ms}Z`, `${D}T${T}.${us}Z`, `${D}T${T}+00:00`, `${D}T${T}`, `${D} ${T}`, D, `${y}-${pad(mo)}`];
  return format == 'date' ? [D, ...all.filter((x) => x != D)] : all;
}

const looksLikeDate = (pattern: string | undefined) => !!pattern && /(\[0-9\]|\\d)\{4\}-/.test(pattern);

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const token = (random: Random, n: number) => Array.from({ length: n }, () => pickOne(random, [...ALNUM])).join('');

/** Realistic free text for a field, guessed from its key and format. */
function plainText(random: Random, key: string, format: string | undefined, secret: boolean): string {
  const k = key.toLowerCase();
  const n = randomInt(random, 1, 99);
  if (secret) return `${pickOne(random, ['sk', 'key', 'tok'])}_${token(random, 24)}`;
  if (format == 'email' || k.includes('email')) return `user${n}@example.com`;
  if (format == 'uri' || format == 'url' || /url|uri|endpoint/.test(k)) return `https://api.example.com/v${n}`;
  if (k.includes('host')) return `db${n}.example.com`;
  if (k.includes('port')) return String(pickOne(random, [5432, 3306, 1433, 8080]));
  if (/user|login/.test(k)) return `airbyte_user${n}`;
  if (/database|^db/.test(k)) return pickOne(random, ['analytics', 'warehouse', 'app_db']);
  if (k.includes('schema')) return pickOne(random, ['public', 'sales', 'events']);
  if (k.includes('region')) return pickOne(random, ['us-east-1', 'eu-west-1']);
  if (/(^|_)id$|_ids?$/.test(k)) return String(randomInt(random, 100000, 999999));
  return `${pickOne(random, ['alpha', 'bravo', 'delta', 'sample', 'value', 'north'])}-${token(random, 4)}`;
}

/** Text padded or cut to fit the lengths (never blank). */
function fitLength(s: string, min = 0, max = Infinity): string {
  let cps = [...s];
  while (cps.length < min) cps.push('x');
  if (cps.length > max) cps = cps.slice(0, max);
  const out = cps.join('');
  return out.trim() ? out : 'x'.repeat(Math.max(1, Math.min(min || 1, max)));
}

// ---- the generator -----------------------------------------------------------------------------------------------

interface TextRules {
  readonly key: string;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly secret?: boolean;
  readonly fromSpec: readonly unknown[];
}

class Generator {
  readonly random: Random;
  readonly problems: string[] = [];
  readonly branches = new Set<string>();
  readonly cases: InvalidConfig[] = [];
  readonly skipped: SkippedCase[] = [];
  private valid: Obj = {};

  constructor(
    readonly model: FormModel,
    readonly spec: unknown,
    readonly seed: number,
  ) {
    this.random = seededRandom(hashString(`airbyte-connect configs ${seed}`));
  }

  problem(path: ValuePath, text: string) {
    this.problems.push(`${pathKey(path)}: ${text}`);
  }

  serverAccepts(raw: Raw, value: unknown): boolean {
    return serverAccepts(norm(this.spec), raw, value);
  }

  // ---- the valid config ----

  validConfig(): Obj {
    const state = this.fieldsValue(this.model.root.fields, norm(this.spec), { path: [], hidden: false, radix: 1 });
    this.valid = toSubmitValue(this.model, state);
    return this.valid;
  }

  fieldsValue(fields: readonly Field[], raw: Raw, ctx: Ctx): Obj {
    const o: Obj = {};
    for (const f of fields) {
      // A field with key '' is the whole value of its object (a oneOf at the root or as list items).
      if (!f.key) return (this.fieldValue(f, raw, ctx) as Obj | undefined) ?? {};
      const v = this.fieldValue(f, rawProp(raw, f.key), { ...ctx, path: [...ctx.path, f.key], hidden: ctx.hidden || f.hidden });
      if (v !== undefined) o[f.key] = v;
    }
    return o;
  }

  /** Whether an optional field gets a value: from seed 1 on, all of them do. */
  fills(f: Field, ctx: Ctx) {
    return f.required || (!ctx.hidden && this.seed >= 1);
  }

  fieldValue(f: Field, raw: Raw, ctx: Ctx): unknown {
    switch (f.kind) {
      case K.Const:
        return copy(f.value);
      case K.OneOf:
        return this.oneOfValue(f, raw, ctx);
      case K.Object: {
        const hasDefaults = f.fields.some((c) => c.kind != K.Const && c.default !== undefined);
        return this.fills(f, ctx) || hasDefaults || ctx.hidden ? this.fieldsValue(f.fields, raw, ctx) : undefined;
      }
      case K.ObjectList:
        return this.objectListValue(f, raw, ctx);
      default:
        return this.leafValue(f, raw, ctx);
    }
  }

  oneOfValue(f: OneOfNode, raw: Raw, ctx: Ctx): Obj {
    const visible = visibleBranches(f);
    const def = defaultBranch(f);
    let i = def;
    if (!ctx.hidden) {
      const start = Math.max(0, visible.indexOf(def));
      i = visible[(start + Math.floor(this.seed / ctx.radix)) % visible.length]!;
      this.branches.add(branchKey(ctx.path, f.branches[i]!.value));
    }
    const b = f.branches[i]!;
    const rest = this.fieldsValue(b.fields, rawBranch(raw, i), { ...ctx, radix: ctx.radix * visible.length });
    return { [f.discriminator]: b.value, ...rest };
  }

  objectListValue(f: ObjectListField, raw: Raw, ctx: Ctx): unknown[] | undefined {
    if (ctx.hidden && Array.isArray(f.default)) return copy(f.default);
    if (!this.fills(f, ctx)) return undefined;
    const rows = Math.min(Math.max(f.minItems ?? 1, 1), f.maxItems ?? Infinity);
    return Array.from({ length: rows }, (_, r) => this.fieldsValue(f.item.fields, rawItems(raw), { ...ctx, path: [...ctx.path, r] }));
  }

  /** A value for a leaf field (string, number, boolean, enum, list, JSON), or undefined to leave it out. */
  leafValue(f: Field, raw: Raw, ctx: Ctx): unknown {
    const hasDefault = f.default !== undefined;
    if (ctx.hidden && hasDefault) {
      // A blank default is not sent (the form leaves blank text out), so it breaks nothing.
      if (!blank(f.default) && !this.leafOk(f, raw, f.default))
        this.problem(ctx.path, `the hidden field's default ${JSON.stringify(f.default)} breaks its own rules`);
      return copy(f.default);
    }
    if (ctx.hidden && f.required)
      this.problem(ctx.path, 'required, hidden (or inside a hidden field) and without a default: the form can never fill it in');
    if (!f.required && !hasDefault && !this.fills(f, ctx)) return undefined;
    if (f.nullable && !f.required && this.seed % 3 == 2 && this.seed >= 1) return null;
    // Seeds 1 and 2 leave defaults aside, so numbers get their boundaries tried (see `number`).
    const preferDefault = this.seed == 0 || (this.seed >= 3 && this.random() < 0.5);
    if (hasDefault && preferDefault && this.leafOk(f, raw, f.default)) return copy(f.default);
    const v = this.freshLeaf(f, raw, ctx.path);
    if (v === undefined && f.required) this.problem(ctx.path, `no value satisfies the ${f.kind} field's rules`);
    return v;
  }

  /** The model's rules for a leaf value, plus the sandbox's verdict on the field's own schema. */
  leafOk(f: Field, raw: Raw, v: unknown): boolean {
    return v !== undefined && !hasMarker(v) && this.modelOk(f, v) && this.serverAccepts(raw, v);
  }

  modelOk(f: Field, v: unknown): boolean {
    switch (f.kind) {
      case K.String:
        return this.textOk(f, v);
      case K.Number:
        return this.numberOk(f, v);
      case K.Boolean:
        return typeof v == 'boolean';
      case K.Enum:
        return usableOptions(f.options).includes(v as Scalar);
      case K.List:
        return this.listOk(f, v);
      default:
        return true;
    }
  }

  textOk(f: { pattern?: string; minLength?: number; maxLength?: number }, v: unknown): v is string {
    return (
      typeof v == 'string' &&
      !blank(v) &&
      v !== SECRET_MASK &&
      !hasMarker(v) &&
      (f.pattern === undefined || matchesBoth(f.pattern, v)) &&
      codePoints(v) >= (f.minLength ?? 0) &&
      codePoints(v) <= (f.maxLength ?? Infinity)
    );
  }

  numberOk(f: NumberField | { integer: boolean }, v: unknown): v is number {
    return typeof v == 'number' && (!f.integer || Number.isSafeInteger(v)) && this.withinBounds(f, v);
  }

  withinBounds(f: NumberField | { integer: boolean }, v: number): boolean {
    if (!Number.isFinite(v)) return false;
    const b = f as Partial<NumberField>;
    return (
      (b.minimum === undefined || v >= b.minimum) &&
      (b.maximum === undefined || v <= b.maximum) &&
      (b.exclusiveMinimum === undefined || v > b.exclusiveMinimum) &&
      (b.exclusiveMaximum === undefined || v < b.exclusiveMaximum)
    );
  }

  itemOk(f: ListField, x: unknown): boolean {
    if (f.options) return usableOptions(f.options).includes(x as Scalar);
    if (f.itemType == 'string') return this.textOk({ pattern: f.itemPattern }, x);
    return this.numberOk({ integer: f.itemType == 'integer' }, x);
  }

  listOk(f: ListField, v: unknown): boolean {
    return (
      Array.isArray(v) &&
      v.length >= (f.minItems ?? 0) &&
      v.length <= (f.maxItems ?? Infinity) &&
      (!f.uniqueItems || new Set(v.map((x) => JSON.stringify(x))).size == v.length) &&
      v.every((x) => this.itemOk(f, x))
    );
  }

  /** A newly made value that satisfies the leaf's rules (defaults and examples first on seed 0), or undefined. */
  freshLeaf(f: Field, raw: Raw, path: ValuePath): unknown {
    const ok = (v: unknown) => this.leafOk(f, raw, v);
    switch (f.kind) {
      case K.String:
        return this.text(this.textRules(f), ok, path);
      case K.Number:
        return this.number(f, raw, ok);
      case K.Boolean:
        return this.random() < 0.5;
      case K.Enum: {
        const options = usableOptions(f.options).filter(ok);
        return options.length ? (this.seed == 0 ? options[0] : pickOne(this.random, options)) : undefined;
      }
      case K.List:
        return this.list(f, raw, ok, path);
      case K.Json: {
        const candidates = [f.default, ...(f.examples ?? []), {}, [], 'x', 1, false];
        return candidates.find((c) => c !== undefined && this.serverAccepts(raw, c));
      }
      default:
        return undefined;
    }
  }

  textRules(f: StringField): TextRules {
    return { ...f, fromSpec: [f.default, ...(f.examples ?? [])] };
  }

  /** Text satisfying `ok`: spec values, real dates, pattern samples or realistic text, in a seed-dependent order. */
  text(rules: TextRules, ok: (s: string) => boolean, path: ValuePath): string | undefined {
    const spec = () => rules.fromSpec.find((s): s is string => typeof s == 'string' && ok(s));
    const dates = () =>
      rules.format == 'date' || rules.format == 'date-time' || looksLikeDate(rules.pattern)
        ? dateRenderings(this.random, rules.format).find(ok)
        : undefined;
    const sampled = () => {
      if (rules.pattern === undefined) {
        for (let i = 0; i < 20; i++) {
          const s = fitLength(plainText(this.random, rules.key, rules.format, !!rules.secret), rules.minLength, rules.maxLength);
          if (ok(s)) return s;
        }
        return undefined;
      }
      try {
        return matchingString(rules.pattern, this.random, ok);
      } catch (error) {
        if (!(error instanceof UnsupportedPattern)) throw error;
        this.problem(path, `pattern ${rules.pattern} is beyond the regex sampler (${error.message})`);
        return undefined;
      }
    };
    const order = this.seed == 0 ? [spec, dates, sampled] : [dates, sampled, spec];
    for (const source of order) {
      const s = source();
      if (s !== undefined) return s;
    }
    this.problem(path, `no text matches ${JSON.stringify(rules)}`);
    return undefined;
  }

  number(f: NumberField, raw: Raw, ok: (v: unknown) => boolean): number | undefined {
    const fromSpec = [f.default, ...(f.examples ?? [])].map((x) => (typeof x == 'string' && x.trim() ? Number(x) : x));
    const spec = fromSpec.find((x) => ok(x)) as number | undefined;
    if (this.seed == 0 && spec !== undefined) return spec;
    const int = f.integer;
    const lowest = Math.max(
      f.minimum === undefined ? -Infinity : int ? Math.ceil(f.minimum) : f.minimum,
      f.exclusiveMinimum === undefined ? -Infinity : int ? Math.floor(f.exclusiveMinimum) + 1 : f.exclusiveMinimum + 0.5,
    );
    const highest = Math.min(
      f.maximum === undefined ? Infinity : int ? Math.floor(f.maximum) : f.maximum,
      f.exclusiveMaximum === undefined ? Infinity : int ? Math.ceil(f.exclusiveMaximum) - 1 : f.exclusiveMaximum - 0.5,
    );
    const candidates: number[] = [];
    // Seeds 1 and 2 try the boundaries, which is where validators most often disagree.
    if (this.seed == 1 && Number.isFinite(lowest)) candidates.push(lowest);
    if (this.seed == 2 && Number.isFinite(highest)) candidates.push(highest);
    for (let i = 0; i < 20; i++) {
      const lo = Number.isFinite(lowest) ? lowest : Math.min(1, highest);
      const hi = Number.isFinite(highest) ? highest : lo + 100;
      const step = typeof raw?.multipleOf == 'number' && raw.multipleOf > 0 ? raw.multipleOf : undefined;
      const x = step
        ? step * randomInt(this.random, Math.ceil(lo / step), Math.floor(hi / step))
        : int
          ? randomInt(this.random, Math.ceil(lo), Math.floor(hi))
          : Math.round((lo + this.random() * (hi - lo)) * 100) / 100;
      candidates.push(x);
    }
    if (spec !== undefined) candidates.push(spec);
    return candidates.find((x) => ok(x));
  }

  list(f: ListField, raw: Raw, ok: (v: unknown) => boolean, path: ValuePath): unknown[] | undefined {
    const lo = Math.max(f.minItems ?? 0, 1);
    const n = Math.min(f.maxItems ?? Infinity, lo + (this.seed >= 1 && this.random() < 0.5 ? 1 : 0));
    let items: unknown[];
    if (f.options) {
      const options = shuffled(this.random, usableOptions(f.options));
      items = options.slice(0, n);
      while (items.length < n && !f.uniqueItems && options.length) items.push(options[items.length % options.length]);
    } else {
      items = [];
      for (let i = 0; i < n; i++) {
        const item = this.listItem(f, rawItems(raw), items, path);
        if (item === undefined) break;
        items.push(item);
      }
    }
    return ok(items) ? items : undefined;
  }

  /** An item for a list of text or numbers, different from `existing`. */
  listItem(f: ListField, raw: Raw, existing: readonly unknown[], path: ValuePath): unknown {
    const fresh = (x: unknown) => !existing.some((e) => JSON.stringify(e) === JSON.stringify(x));
    const ok = (x: unknown) => this.itemOk(f, x) && this.serverAccepts(raw, x) && fresh(x) && !hasMarker(x);
    if (f.itemType == 'string') {
      const examples = (f.examples ?? []).flatMap((e) => (Array.isArray(e) ? e : [e]));
      // The model keeps only the items' pattern; their format and lengths come from the raw item schema.
      const rules: TextRules = {
        key: f.key,
        pattern: f.itemPattern,
        format: typeof raw?.format == 'string' ? raw.format : undefined,
        minLength: typeof raw?.minLength == 'number' ? raw.minLength : undefined,
        maxLength: typeof raw?.maxLength == 'number' ? raw.maxLength : undefined,
        fromSpec: [...(Array.isArray(f.default) ? f.default : []), ...examples],
      };
      return this.text(rules, ok, [...path, existing.length]);
    }
    for (let i = 0; i < 50; i++) {
      const x = f.itemType == 'integer' ? randomInt(this.random, 1, 99999) : randomInt(this.random, 1, 9999) / 10;
      if (ok(x)) return x;
    }
    return undefined;
  }

  // ---- the invalid configs ----

  emit(rule: Rule, path: ValuePath, value: unknown, reason: string, expected: ValuePath = path) {
    this.cases.push({ config: setAt(this.valid, path, value), path: expected, rule, reason });
  }

  skip(rule: Rule, path: ValuePath, reason: string) {
    this.skipped.push({ path, rule, reason });
  }

  invalidConfigs() {
    this.fieldsCases(this.model.root.fields, norm(this.spec), this.valid, []);
  }

  fieldsCases(fields: readonly Field[], raw: Raw, parent: unknown, path: ValuePath) {
    for (const f of fields) {
      if (!f.key) this.fieldCases(f, raw, parent, path);
      else this.fieldCases(f, rawProp(raw, f.key), own(parent, f.key), [...path, f.key]);
    }
  }

  fieldCases(f: Field, raw: Raw, v: unknown, path: ValuePath) {
    const present = v !== undefined && v !== null;
    if (f.key && f.required && f.kind != K.Object) {
      if (f.hidden || f.kind == K.Const)
        this.skip('required', path, `required but ${f.hidden ? 'hidden' : 'a const'}: the form always sends it`);
      else if (f.nullable)
        this.skip('required', path, 'required and nullable: the form sends null for an empty value, never leaves the key out');
      else if (v !== undefined) this.emit('required', path, DELETE, 'required: the key is left out');
    }
    switch (f.kind) {
      case K.String:
        return this.stringCases(f, raw, present ? v : undefined, path);
      case K.Number:
        return this.numberCases(f, raw, present ? v : undefined, path);
      case K.Boolean:
        return this.emit('type', path, 'yes', 'type: text where a boolean is expected');
      case K.Enum:
        return this.enumCases(f, path);
      case K.Const:
        return this.constCases(f.value, path);
      case K.List:
        return this.listCases(f, raw, present ? v : undefined, path);
      case K.ObjectList:
        return this.objectListCases(f, raw, present ? v : undefined, path);
      case K.Object:
        return this.objectCases(f, raw, present ? v : undefined, path);
      case K.OneOf:
        return this.oneOfCases(f, raw, present ? v : undefined, path);
      default:
        return;
    }
  }

  /** A valid value for a field that the valid config leaves out, to break one rule on. */
  base(f: Field, raw: Raw, v: unknown, path: ValuePath): unknown {
    return v !== undefined ? v : this.freshLeaf(f, raw, path);
  }

  stringCases(f: StringField, raw: Raw, v: unknown, path: ValuePath) {
    this.emit('type', path, 12345, 'type: a number where text is expected');
    const b = this.base(f, raw, v, path);
    if (typeof b != 'string') return void this.problem(path, 'no valid text to start the invalid cases from');
    if (f.pattern !== undefined) {
      const lengthOk = (s: string) => codePoints(s) >= (f.minLength ?? 0) && codePoints(s) <= (f.maxLength ?? Infinity) && !hasMarker(s);
      const bad = nonMatchingString(f.pattern, b, this.random, lengthOk);
      if (bad === undefined) this.problem(path, `no text found that fails ${f.pattern}`);
      else this.emit('pattern', path, bad, `pattern: ${JSON.stringify(bad)} does not match ${f.pattern}`);
    }
    if (f.minLength !== undefined && f.minLength >= 2) {
      const short = fitLength([...b].slice(0, f.minLength - 1).join(''), 0, f.minLength - 1);
      this.emit('minLength', path, short, `minLength: ${codePoints(short)} characters, ${f.minLength} needed`);
    } else if (f.minLength == 1) this.skip('minLength', path, 'the only shorter text is empty, which the client counts as absent');
    if (f.format == 'date' || f.format == 'date-time') {
      // Month 13: still the pattern's digits, but no real date. Only `format` is broken, which the client does not check.
      const bad = b.replace(/^(\d{4})-\d{2}/, '$1-13');
      if (bad != b && this.textOk(f, bad) && !this.serverAccepts(raw, bad))
        this.emit('format', path, bad, `format: ${JSON.stringify(bad)} is no real ${f.format}`);
    }
    if (f.maxLength !== undefined) {
      const long = fitLength(b, f.maxLength + 1);
      this.emit('maxLength', path, long, `maxLength: ${codePoints(long)} characters, at most ${f.maxLength}`);
    }
  }

  numberCases(f: NumberField, raw: Raw, v: unknown, path: ValuePath) {
    this.emit('type', path, 'not-a-number', 'type: text where a number is expected');
    const b = this.base(f, raw, v, path);
    if (typeof b != 'number') return void this.problem(path, 'no valid number to start the invalid cases from');
    if (f.integer) {
      const x = this.withinBounds(f, b + 0.5) ? b + 0.5 : b - 0.5;
      this.emit('integer', path, x, `integer: ${x} is not a whole number`);
    }
    const int = (x: number, down: boolean) => (f.integer ? (down ? Math.floor(x) : Math.ceil(x)) : x);
    if (f.minimum !== undefined) this.emit('minimum', path, int(f.minimum, false) - 1, `minimum: below ${f.minimum}`);
    if (f.maximum !== undefined) this.emit('maximum', path, int(f.maximum, true) + 1, `maximum: above ${f.maximum}`);
    if (f.exclusiveMinimum !== undefined)
      this.emit('exclusiveMinimum', path, int(f.exclusiveMinimum, true), `exclusiveMinimum: not above ${f.exclusiveMinimum}`);
    if (f.exclusiveMaximum !== undefined)
      this.emit('exclusiveMaximum', path, int(f.exclusiveMaximum, false), `exclusiveMaximum: not below ${f.exclusiveMaximum}`);
  }

  /** A value of the options' kind that is none of them. */
  notAnOption(options: readonly Scalar[]): Scalar {
    if (options.length && options.every((o) => typeof o == 'number')) return Math.max(...(options as number[])) + 1;
    let s = 'not-an-option';
    while (options.includes(s)) s += '-x';
    return s;
  }

  enumCases(f: EnumField, path: ValuePath) {
    const bad = this.notAnOption(f.options);
    this.emit('enum', path, bad, `enum: ${JSON.stringify(bad)} is not one of ${JSON.stringify(f.options)}`);
  }

  constCases(value: unknown, path: ValuePath) {
    const bad =
      typeof value == 'string'
        ? `${value}-changed`
        : typeof value == 'number'
          ? value + 1
          : typeof value == 'boolean'
            ? !value
            : 'changed';
    this.emit('const', path, bad, `const: ${JSON.stringify(bad)} instead of ${JSON.stringify(value)}`);
  }

  listCases(f: ListField, raw: Raw, v: unknown, path: ValuePath) {
    this.emit('type', path, 'not-a-list', 'type: text where a list is expected');
    let b = this.base(f, raw, v, path);
    if (!Array.isArray(b) || !b.length) b = this.list(f, raw, (x) => this.leafOk(f, raw, x), path);
    if (!Array.isArray(b) || !b.length) return void this.problem(path, 'no valid non-empty list to start the invalid cases from');
    const list = b as unknown[];
    if (f.minItems !== undefined && f.minItems >= 1) {
      const short = list.slice(0, f.minItems - 1);
      if (short.length || f.required) this.emit('minItems', path, short, `minItems: ${short.length} items, ${f.minItems} needed`);
      else this.skip('minItems', path, 'an empty optional list counts as absent for the client (and is not sent)');
    }
    if (f.maxItems !== undefined) {
      const long = [...list];
      while (long.length <= f.maxItems) {
        const item = f.options
          ? usableOptions(f.options).find((o) => !long.includes(o)) ?? (f.uniqueItems ? undefined : long[0])
          : this.listItem(f, rawItems(raw), long, path);
        if (item === undefined) break;
        long.push(item);
      }
      if (long.length > f.maxItems) this.emit('maxItems', path, long, `maxItems: ${long.length} items, at most ${f.maxItems}`);
      else this.skip('maxItems', path, 'not enough distinct items to exceed maxItems');
    }
    if (f.uniqueItems) this.emit('uniqueItems', path, [...list, list[0]], `uniqueItems: ${JSON.stringify(list[0])} twice`);
    const item0 = (x: unknown) => [x, ...list.slice(1)];
    const at0 = [...path, 0];
    if (f.options) {
      const bad = this.notAnOption(f.options);
      this.emit('itemEnum', path, item0(bad), `itemEnum: ${JSON.stringify(bad)} is not an option`, at0);
    } else if (f.itemType == 'string') {
      if (f.itemPattern !== undefined) {
        const bad = nonMatchingString(f.itemPattern, String(list[0]), this.random, (s) => !list.includes(s) && !hasMarker(s));
        if (bad === undefined) this.problem(path, `no item text found that fails ${f.itemPattern}`);
        else this.emit('itemPattern', path, item0(bad), `itemPattern: ${JSON.stringify(bad)} does not match ${f.itemPattern}`, at0);
      }
    } else this.emit('itemType', path, item0('not-a-number'), `itemType: text in a list of ${f.itemType}s`, at0);
  }

  objectListCases(f: ObjectListField, raw: Raw, v: unknown, path: ValuePath) {
    this.emit('type', path, 'not-a-list', 'type: text where a list is expected');
    const rows = Array.isArray(v) ? v : [];
    if (f.minItems !== undefined && f.minItems >= 1) {
      const short = rows.slice(0, f.minItems - 1);
      if (short.length || f.required) this.emit('minItems', path, short, `minItems: ${short.length} rows, ${f.minItems} needed`);
      else this.skip('minItems', path, 'an empty optional list counts as absent for the client (and is not sent)');
    }
    if (f.maxItems !== undefined && rows.length) {
      const long = [...rows];
      while (long.length <= f.maxItems) long.push(rows[0]);
      this.emit('maxItems', path, long, `maxItems: ${long.length} rows, at most ${f.maxItems}`);
    }
    if (rows.length) this.fieldsCases(f.item.fields, rawItems(raw), rows[0], [...path, 0]);
  }

  objectCases(f: ObjectNode, raw: Raw, v: unknown, path: ValuePath) {
    if (f.key && f.required && !f.hidden) {
      const emptied = toSubmitValue(this.model, setAt(this.valid, path, untouched(f.fields, v)));
      const leaf = firstRequiredLeaf(f.fields, path);
      const reason = 'required: the object is sent empty ({} and its consts), as the form sends an untouched required object';
      if (leaf) this.cases.push({ config: emptied, path: leaf, rule: 'required', reason });
      else this.skip('required', path, 'a required object without required fields: the form always sends {}, which is valid');
    } else if (f.key && f.required) this.skip('required', path, 'required but hidden: the form always sends it');
    this.emit('type', path, 'not-an-object', 'type: text where an object is expected');
    if (isObj(v)) this.fieldsCases(f.fields, raw, v, path);
  }

  oneOfCases(f: OneOfNode, raw: Raw, v: unknown, path: ValuePath) {
    if (!isObj(v)) return void this.problem(path, 'the oneOf has no value in the valid config');
    if (needed(f)) {
      let bad: Scalar = 'not-a-branch';
      while (f.branches.some((b) => b.value === bad)) bad += '-x';
      const reason = `discriminator: ${f.discriminator} = ${JSON.stringify(bad)} names no branch`;
      this.emit('discriminator', path, { ...v, [f.discriminator]: bad }, reason);
      if (path.length) this.emit('type', path, 'not-an-object', 'type: text where an object (a oneOf choice) is expected');
    } else {
      this.skip('discriminator', path, 'an optional oneOf naming no branch counts as absent for the client (and is not sent)');
    }
    const i = selectedBranchIndex(f, v);
    if (i >= 0) this.fieldsCases(f.branches[i]!.fields, rawBranch(raw, i), v, path);
  }

  /** At most `max`, round-robin over the rules (each rule's cases in a seed-shuffled order), in rule order. */
  sample(max: number): InvalidConfig[] {
    const groups = RULES.map((rule) => shuffled(this.random, this.cases.filter((c) => c.rule == rule)));
    const out: InvalidConfig[] = [];
    for (let round = 0; out.length < max && groups.some((g) => g.length > round); round++)
      for (const g of groups) if (g.length > round && out.length < max) out.push(g[round]!);
    return out;
  }
}

/** An object with nothing the user can clear left in it: consts and hidden fields kept, required objects likewise. */
function untouched(fields: readonly Field[], v: unknown): Obj {
  const o: Obj = {};
  for (const c of fields) {
    const x = own(v, c.key);
    if (!c.key || x === undefined) continue;
    if (c.kind == K.Const || c.hidden) o[c.key] = copy(x);
    else if (c.kind == K.Object && c.required) o[c.key] = untouched(c.fields, x);
  }
  return o;
}

/** Where a required object sent empty gets its first error: its first required leaf in display order. */
function firstRequiredLeaf(fields: readonly Field[], path: ValuePath): ValuePath | undefined {
  for (const c of fields) {
    if (!c.key || !c.required || c.hidden || c.kind == K.Const) continue;
    const p = [...path, c.key];
    if (c.kind != K.Object) return p;
    const inner = firstRequiredLeaf(c.fields, p);
    if (inner) return inner;
  }
  return undefined;
}

/** One valid config and its minimally invalid variants; see the header for the rules. */
export function generateConfigs(model: FormModel, spec: unknown, options: GenerateOptions = {}): GeneratedConfigs {
  const g = new Generator(model, spec, options.seed ?? 0);
  const valid = g.validConfig();
  g.invalidConfigs();
  return {
    valid,
    invalid: g.sample(options.maxInvalid ?? 40),
    invalidTotal: g.cases.length,
    skipped: g.skipped,
    branches: [...g.branches],
    problems: g.problems,
  };
}
