import { FieldKind as K } from './model.js';
import type { Field, OneOfNode } from './model.js';
import { fillFields } from './initial-value.js';
import { copy, isObj, own, type Obj } from './util.js';

export { selectedBranchIndex } from './util.js';

/** Whether a kept value has the right shape for the field it moves into (else the default is used). */
const fits = (f: Field, v: unknown) =>
  f.kind == K.Object || f.kind == K.OneOf
    ? isObj(v)
    : f.kind == K.List || f.kind == K.ObjectList
      ? Array.isArray(v)
      : f.kind == K.Json || typeof v != 'object' || v === null;

/**
 * The value after choosing branch `index` (spec-dialect §3.5): values whose keys the new branch also has are kept,
 * the discriminator is set, and the new branch's defaults fill whatever is still unset. A kept value must have
 * the shape of its new field (an object for an object or oneOf, a list for a list, else a plain value).
 */
export function switchBranch(node: OneOfNode, current: unknown, index: number): Record<string, unknown> {
  const b = node.branches[index]!;
  const kept: Obj = { [node.discriminator]: b.value };
  for (const f of b.fields) {
    const v = own(current, f.key);
    if (v !== undefined && f.kind != K.Const && fits(f, v)) kept[f.key] = copy(v);
  }
  return fillFields(b.fields, kept);
}
