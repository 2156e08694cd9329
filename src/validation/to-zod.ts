// FormModel → zod/mini schema, and the config as that schema reads it. Every message comes from the i18n catalog,
// resolved when an issue is raised.
import * as z from 'zod/mini';
import { FieldKind as K, SECRET_MASK } from '../spec/model.js';
import type { Field, FormModel, ObjectNode, Scalar } from '../spec/model.js';
import { blank, isObj, numeric, regex, selectedBranchIndex } from '../spec/util.js';
import { isEmpty } from './empty.js';
import { list, object as fields, ofType, optional, parsePart, string } from '../api/zod-types.js';
import { english, type Params, type TextKey, type Translate } from '../i18n/translate.js';

type Z = z.ZodMiniType;

/**
 * The translator of the validation running now. Messages are made when an issue is raised and a parse is
 * synchronous, so one schema per model serves every locale.
 */
let say: Translate = english;

/** Runs `parse` with messages in the language of `t`. */
export function inLanguage<T>(t: Translate, parse: () => T): T {
  const outer = say;
  say = t;
  try {
    return parse();
  } finally {
    say = outer;
  }
}

/** A message, made when needed. */
const M = (key: TextKey, params?: Params) => () => say(key, params);
type Check = z.core.$ZodCheck<any>;

/** A message for a failed check. */
const msg = (m: () => string) => ({ error: m });
/** A message for a wrong type; an absent value reads as "Required". */
const typed = (key: TextKey) => ({ error: (i: { input?: unknown }) => say(i.input === undefined ? 'v.required' : key) });

/** A limit the spec may set: the limit, how a measured value compares to it, and the message if it does not. */
type Limit = [limit: number | undefined, ok: (n: number, limit: number) => boolean, key: TextKey];
const atLeast = (n: number, limit: number) => n >= limit;
const atMost = (n: number, limit: number) => n <= limit;

/** A check (made by `check`) for each limit that the spec sets, in order. */
const limits = (check: (ok: (n: number) => boolean, m: () => string) => Check, ...all: Limit[]): Check[] =>
  all.flatMap(([limit, ok, key]) => (limit === undefined ? [] : [check((n) => ok(n, limit), M(key, { n: limit }))]));

/** A check on a string that a stored, masked secret always passes (the server keeps the stored secret). */
const textCheck = (f: { secret?: boolean }, ok: (s: string) => boolean, m: () => string) =>
  z.refine<string>((s) => (f.secret && s === SECRET_MASK) || ok(s), msg(m));

function text(f: { secret?: boolean; minLength?: number; maxLength?: number }, pattern?: string, descriptor?: string) {
  const c: Check[] = [];
  const re = regex(pattern);
  if (re) c.push(textCheck(f, (s) => re.test(s), () =>
        descriptor
          ? /\s.*[.!]$/.test(descriptor) // a whole sentence is shown as it is
            ? descriptor
            : say('v.format', { format: descriptor })
          : say('v.pattern', { pattern: pattern! })) as Check);
  const length = (ok: (n: number) => boolean, m: () => string) => textCheck(f, (s) => ok([...s].length), m) as Check;
  return string(typed('v.text')).check(...c, ...limits(length, [f.minLength, atLeast, 'v.minLength'], [f.maxLength, atMost, 'v.maxLength']));
}

/** A check on a number, as a refine: zod's own comparison checks would each add a class to the bundle. */
const bound = (ok: (n: number) => boolean, m: () => string) => z.refine<number>(ok, msg(m)) as Check;

function number(integer: boolean, f: { minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number } = {}) {
  // As zod's z.int(): a fraction stops the checks that follow (`abort`); an unsafe integer does not.
  const whole = M('v.wholeNumber');
  const c: Check[] = integer
    ? [z.refine(Number.isInteger, { ...msg(whole), abort: true }) as Check, bound(Number.isSafeInteger, whole)]
    : [];
  return ofType<number>(Number.isFinite, typed(integer ? 'v.wholeNumber' : 'v.number')).check(
    ...c,
    ...limits(
      bound,
      [f.minimum, atLeast, 'v.min'],
      [f.maximum, atMost, 'v.max'],
      [f.exclusiveMinimum, (n, limit) => n > limit, 'v.greaterThan'],
      [f.exclusiveMaximum, (n, limit) => n < limit, 'v.lessThan'],
    ),
  );
}

/**
 * A list's size limit. Like zod's own length checks it still runs when an item failed (`when`), so both the item
 * and the list get their message.
 */
const size = (ok: (n: number) => boolean, m: () => string) =>
  z.refine<unknown[]>((a) => ok(a.length), { ...msg(m), when: (p) => Array.isArray(p.value) }) as Check;

/** A list of `item`s within `f`'s size limits, then with the `more` checks. */
function listOf(item: Z, f: { minItems?: number; maxItems?: number }, ...more: Check[]) {
  const c = limits(size, [f.minItems, atLeast, 'v.minItems'], [f.maxItems, atMost, 'v.maxItems']);
  return list(item, typed('v.list')).check(...c, ...more);
}

const shape = (fields: readonly Field[]) => Object.fromEntries(fields.map((f) => [f.key, slot(f)]));

/** An object node; a node whose only field has key '' is that oneOf itself. */
function object(node: ObjectNode): Z {
  const self = node.fields.find((f) => !f.key);
  return self ? slot(self) : fields(shape(node.fields), typed('v.invalid'));
}

/** A present value of field `f`. */
function inner(f: Field): Z {
  switch (f.kind) {
    case K.String:
      return text(f, f.pattern, f.patternDescriptor);
    case K.Number:
      return number(f.integer, f);
    case K.Boolean:
      return ofType((v) => v === true || v === false, typed('v.boolean'));
    case K.Enum:
      return ofType((v) => f.options.includes(v as Scalar), typed('v.chooseOption'));
    case K.Const:
      return z.custom((v) => JSON.stringify(v) === JSON.stringify(f.value), msg(M('v.fixed')));
    case K.List: {
      const item = f.options
        ? ofType((v) => f.options!.includes(v as Scalar), msg(M('v.chooseOption')))
        : f.itemType == 'string'
          ? text({}, f.itemPattern, f.patternDescriptor)
          : number(f.itemType == 'integer');
      // Passes at once when the spec asks for no uniqueness.
      const unique = (a: unknown[]) => !f.uniqueItems || new Set(a.map((v) => JSON.stringify(v))).size == a.length;
      return listOf(item as Z, f, z.refine(unique, msg(M('v.uniqueItems'))) as Check);
    }
    case K.ObjectList:
      return listOf(object(f.item), f);
    case K.Object:
      return object(f);
    case K.OneOf: {
      const options = f.branches.map((b) => fields(shape(b.fields))); // the discriminator is no branch field
      // A discriminated union by hand (zod's own costs more bytes than this): the discriminator picks the branch,
      // whose issues keep their paths and messages, each with `continue` so that no check after it is skipped.
      return z.custom().check((p) => {
        const i = selectedBranchIndex(f, p.value);
        if (i < 0) p.issues.push({ code: 'custom', message: say('v.chooseOption'), input: p.value, continue: true });
        else for (const issue of parsePart(options[i]!, p.value).issues) p.issues.push({ ...issue, continue: true });
      });
    }
    default: // Json: any value
      return z.custom((v) => v !== undefined, msg(M('v.required')));
  }
}

/** Whether field `f` must have a value: required, and not hidden, nullable or a const. */
const needed = (f: Field) => f.required && !f.hidden && !f.nullable && f.kind != K.Const;

/** A field as a property of its parent; absent (see `readable`) is an error only when the field is needed. */
const slot = (f: Field): Z => (needed(f) ? inner(f) : optional(inner(f)));

/** The zod/mini schema of a whole config, as `readable` gives it. */
export const toZod = (model: FormModel): Z => object(model.root);

/**
 * Field `f`'s value as its schema reads it. Blank values (and, for optional fields, empty lists and objects) are
 * absent (undefined); a oneOf without a chosen branch is absent; numbers typed as text are read as numbers. A needed
 * object that is absent is read as {} so the message lands on its required fields.
 */
function read(f: Field, v: unknown): unknown {
  if (f.kind == K.OneOf) {
    const branch = f.branches[selectedBranchIndex(f, v)]; // none without a chosen branch
    return branch && fill(branch.fields, v);
  }
  const need = needed(f);
  // {} without a prototype, as validateConfig's copy: a field called `toString` is absent, not inherited
  if (blank(v) || (!need && isEmpty(f, v))) return need && f.kind == K.Object ? node(f, Object.create(null)) : undefined;
  return f.kind == K.Number
    ? numeric(v)
    : f.kind == K.Object
      ? node(f, v)
      : f.kind == K.List && !f.options && f.itemType != 'string' && Array.isArray(v)
        ? v.map(numeric)
        : f.kind == K.ObjectList && Array.isArray(v)
          ? v.map((row) => node(f.item, row))
          : v;
}

/** Reads the fields of object `v` in place. */
function fill(fields: readonly Field[], v: unknown): unknown {
  if (isObj(v)) for (const f of fields) v[f.key] = read(f, v[f.key]);
  return v;
}

/** An object node's value; a node whose only field has key '' is that oneOf itself. */
function node(n: ObjectNode, v: unknown): unknown {
  const self = n.fields.find((f) => !f.key);
  return self ? read(self, v) : fill(n.fields, v);
}

/**
 * A config as `toZod`'s schema reads it, made from `v` in place (so give it a copy): normalising the value first
 * takes the place of a zod transform before each field (zod/mini's pipe and transform would add their classes).
 */
export const readable = (model: FormModel, v: unknown): unknown => node(model.root, v);
