// Form state → the `source_config` that is sent (spec-dialect §3.9 "Submit", §3.8 secrets).
import { FieldKind as K } from '../spec/model.js';
import type { Field, FormModel } from '../spec/model.js';
import { blank, copy, isObj, numeric, own, selectedBranchIndex, type Obj } from '../spec/util.js';
import { isEmpty } from './empty.js';

function fields(list: readonly Field[], v: unknown): Obj {
  const o: Obj = {};
  for (const f of list) {
    if (!f.key) return isObj((v = value(f, v))) ? v : {};
    const x = value(f, own(v, f.key));
    if (x !== undefined) o[f.key] = x;
  }
  return o;
}

/** The submitted value of one field, or undefined to leave the key out. */
function value(f: Field, v: unknown): unknown {
  if (f.kind == K.Const) return copy(f.value);
  // `required` means the key must be present; a nullable field left empty is sent as null.
  if (f.nullable && (v === null || (blank(v) && f.required))) return null;
  if (f.kind == K.Object && f.required && !isObj(v)) v = {};
  if (blank(v) || (!f.required && f.kind != K.OneOf && isEmpty(f, v))) return undefined;
  switch (f.kind) {
    case K.Number:
      return numeric(v);
    case K.List:
      return Array.isArray(v) ? v.filter((x) => !blank(x)).map((x) => (f.itemType == 'string' ? x : numeric(x))) : copy(v);
    case K.ObjectList:
      return Array.isArray(v) ? v.map((row) => fields(f.item.fields, row)) : copy(v);
    case K.Object:
      return fields(f.fields, v);
    case K.OneOf: {
      const branch = f.branches[selectedBranchIndex(f, v)]; // none without a chosen branch
      return branch && { [f.discriminator]: branch.value, ...fields(branch.fields, v) };
    }
    default:
      return copy(v);
  }
}

/**
 * What goes into `source_config`: only keys the model declares (other branches' keys dropped); blank strings,
 * undefined and empty optional objects and lists left out; numbers typed as text sent as numbers; consts and
 * discriminators always present; hidden fields' values kept; SECRET_MASK kept as is (the server restores it).
 */
export const toSubmitValue = (model: FormModel, v: unknown): Record<string, unknown> => fields(model.root.fields, v);
