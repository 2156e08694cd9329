// What an OAuth sign-in means for the current form value (spec-dialect §3.10). Pure: no DOM, no Lit.
import { FieldKind as K } from './model.js';
import type { Field, FormModel, ValuePath } from './model.js';
import { blank, isObj, own, selectedBranchIndex } from './util.js';

/** One value the sign-in produced, for the config at `path`. */
export interface AuthValue {
  readonly path: ValuePath;
  readonly value: unknown;
}

/** The same key as validation's `pathKey` (this layer sits below validation and cannot import it). */
const key = (p: ValuePath) => JSON.stringify(p);

/** The value at a path (own properties and list indices only), else undefined. */
export const valueAt = (value: unknown, path: ValuePath): unknown =>
  path.reduce<unknown>((v, k) => (typeof k == 'number' ? (Array.isArray(v) ? v[k] : undefined) : own(v, k)), value);

/** The field a path names at this value: through the chosen oneOf branch, else the first branch that has it. */
export const fieldAt = (model: FormModel, path: ValuePath, value: unknown): Field | undefined =>
  findField(model.root.fields, path, value);

function findField(fields: readonly Field[], path: ValuePath, value: unknown): Field | undefined {
  for (const f of fields) {
    // A field with key '' is a oneOf standing for its parent's whole value: look through it, not at it.
    const found = !f.key
      ? below(f, path, value)
      : f.key !== path[0]
        ? undefined
        : path.length == 1
          ? f
          : below(f, path.slice(1), own(value, f.key));
    if (found) return found;
  }
  return undefined;
}

/** The field at `path` inside `f`, whose value is `value`. */
function below(f: Field, path: ValuePath, value: unknown): Field | undefined {
  if (f.kind == K.Object) return findField(f.fields, path, value);
  if (f.kind == K.ObjectList && typeof path[0] == 'number') return findField(f.item.fields, path.slice(1), valueAt(value, [path[0]]));
  if (f.kind != K.OneOf) return undefined;
  const i = selectedBranchIndex(f, value);
  for (const b of i < 0 ? f.branches : [f.branches[i]!]) {
    const found = findField(b.fields, path, value);
    if (found) return found;
  }
  return undefined;
}

/** The sign-in is offered: the spec has one, and its predicate (if any) holds at the current value. */
export function authActive(model: FormModel, value: unknown): boolean {
  const p = model.auth?.predicate;
  return !!model.auth && (!p || valueAt(value, p.path) === p.value);
}

/** The path is one the sign-in fills in. */
export const isAuthOutput = (model: FormModel, path: ValuePath): boolean =>
  !!model.auth?.outputPaths.some((p) => key(p) == key(path));

/** Keys (as `pathKey` makes them) of the fields to hide now: the sign-in's outputs, unless `always_show`. */
export const authHidden = (model: FormModel, value: unknown): ReadonlySet<string> =>
  new Set(
    authActive(model, value)
      ? model.auth!.outputPaths.filter((p) => !fieldAt(model, p, value)?.alwaysShow).map(key)
      : [],
  );

/** The `oauth_input_configuration` to send: each input the provider needs, when it has a value. */
export const authInputs = (model: FormModel, value: unknown): Record<string, unknown> =>
  Object.fromEntries(
    (model.auth?.inputPaths ?? []).map((i) => [i.name, valueAt(value, i.path)]).filter((e) => !blank(e[1])),
  );

/** Every value the sign-in fills in is there (true when the spec has no sign-in). */
export const authComplete = (model: FormModel, value: unknown): boolean =>
  (model.auth?.outputPaths ?? []).every((p) => !blank(valueAt(value, p)));

/** Writes one value at a path without changing `value`; missing containers are created. */
function setAt(value: unknown, [k, ...rest]: ValuePath, v: unknown): unknown {
  const c: any = Array.isArray(value) ? [...value] : isObj(value) ? { ...value } : typeof k == 'number' ? [] : {};
  c[k!] = rest.length ? setAt(Object.hasOwn(c, k!) ? c[k!] : undefined, rest, v) : v;
  return c;
}

/** The form value with the sign-in's results written in; entries with unusable paths are skipped. */
export const applyAuthValues = <T>(value: T, values: readonly AuthValue[]): T =>
  values.reduce<any>((acc, e) => (e.path.length && !e.path.includes('__proto__') ? setAt(acc, e.path, e.value) : acc), value);
