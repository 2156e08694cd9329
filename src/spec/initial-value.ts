// The form's starting value: create mode (spec-dialect §3.7) or edit mode (a stored source_config).
import { FieldKind as K } from './model.js';
import type { Field, FormModel, ObjectNode, OneOfNode } from './model.js';
import { copy, isObj, own, selectedBranchIndex, type Obj } from './util.js';

/** Create mode: the branch named by the oneOf's `default` (a value, or an object holding one), else the first. */
const pick = (f: OneOfNode, d: unknown) =>
  Math.max(0, f.branches.findIndex((b) => b.value === (isObj(d) ? own(d, f.discriminator) : d)));

const seed = (d: unknown): Obj => (isObj(d) ? copy(d) : {});

/** Fills `o` as branch `i` of `f`: by default the branch `o` names, else the oneOf's default branch. */
function branchValue(f: OneOfNode, o: Obj, i = selectedBranchIndex(f, o)): Obj {
  const branch = f.branches[i < 0 ? pick(f, f.default) : i]!;
  o[f.discriminator] = branch.value;
  return fillFields(branch.fields, o);
}

/** Sets each field of `fields` in `o` to what `complete` makes of its value (unless undefined); returns `o`. */
function completeFields(fields: readonly Field[], o: Obj, complete: (f: Field, v: unknown) => unknown): Obj {
  for (const f of fields) {
    if (!f.key) return complete(f, o) as Obj; // a whole-value oneOf: its value is `o` itself
    const v = complete(f, own(o, f.key));
    if (v !== undefined) o[f.key] = v;
  }
  return o;
}

/** Create mode: a field's value `v` as it is, or what the field starts as when `v` is undefined (maybe nothing). */
function fresh(f: Field, v: unknown): unknown {
  // A whole-value oneOf (`v` is its parent object) is filled as the branch it names, else as its default branch.
  if (!f.key) return f.kind == K.OneOf ? branchValue(f, v as Obj) : v;
  if (v !== undefined) return v;
  switch (f.kind) {
    case K.Const:
      return copy(f.value);
    case K.Object:
      return fillFields(f.fields, seed(f.default));
    case K.OneOf:
      return branchValue(f, seed(f.default), pick(f, f.default));
    case K.ObjectList:
      return f.default !== undefined ? copy(f.default) : f.required ? [] : undefined;
    default:
      return copy(f.default);
  }
}

/** Create mode: sets every field of `fields` that `o` leaves undefined; returns `o`. */
export const fillFields = (fields: readonly Field[], o: Obj): Obj => completeFields(fields, o, fresh);

/** The create-mode value of an object node: use it for a new object-list row (`createValue(field.item)`). */
export const createValue = (node: ObjectNode): Record<string, unknown> => fillFields(node.fields, {});

/** Edit mode: the branch sharing most keys (and const values) with a stored value that names no branch. */
function closest(f: OneOfNode, v: Obj): number {
  const keys = Object.keys(v);
  const scores = f.branches.map(
    (b) => keys.filter((k) => b.fields.some((x) => x.key == k && (x.kind != K.Const || x.value === v[k]))).length,
  );
  const best = Math.max(...scores);
  return best > 0 ? scores.indexOf(best) : pick(f, f.default);
}

/** Edit mode: only what is missing structurally (consts, discriminators, required containers); no defaults. */
function edit(f: Field, v: unknown): unknown {
  switch (f.kind) {
    case K.Const:
      return v === undefined ? copy(f.value) : v;
    case K.Object:
      return isObj(v) ? editFields(f.fields, v) : v === undefined && f.required ? editFields(f.fields, {}) : v;
    case K.OneOf: {
      if (v === undefined && f.required) v = {};
      if (!isObj(v)) return v;
      let i = selectedBranchIndex(f, v);
      if (i < 0) v[f.discriminator] = f.branches[(i = closest(f, v))]!.value;
      return editFields(f.branches[i]!.fields, v);
    }
    case K.ObjectList:
      if (Array.isArray(v)) for (const row of v) if (isObj(row)) editFields(f.item.fields, row);
      return v === undefined && f.required ? [] : v;
    default:
      return v;
  }
}

const editFields = (fields: readonly Field[], o: Obj): Obj => completeFields(fields, o, edit);

/**
 * The form's initial value. Without `stored` (create): consts, defaults, nested objects, required object lists and
 * each oneOf's default branch. With `stored` (edit, secrets as SECRET_MASK): a deep copy of it, completed only
 * structurally; a stored value is never replaced by a default.
 */
export function initialValue(model: FormModel, stored?: Record<string, unknown>): Record<string, unknown> {
  return stored === undefined ? createValue(model.root) : editFields(model.root.fields, seed(stored));
}
