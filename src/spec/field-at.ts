import { FieldKind as K, type Field, type FormModel, type ValuePath } from './model.js';
import { own, selectedBranchIndex } from './util.js';

/**
 * The field that stands at `path` in `value` now: through objects, the chosen branch of a oneOf and the rows a
 * list has. Undefined when nothing does (a branch left behind, a row removed).
 */
export function fieldAt(model: FormModel, value: unknown, path: ValuePath): Field | undefined {
  return among(model.root.fields, value, path);
}

function among(fields: readonly Field[], parent: unknown, path: ValuePath): Field | undefined {
  for (const field of fields) {
    // A field keyed '' (a oneOf that is its parent's whole value) takes no step of its own.
    const found = field.key === '' ? inside(field, parent, path) : field.key === path[0] ? inside(field, own(parent, field.key), path.slice(1)) : undefined;
    if (found) return found;
  }
  return undefined;
}

function inside(field: Field, value: unknown, rest: ValuePath): Field | undefined {
  if (!rest.length) return field;
  if (field.kind === K.Object) return among(field.fields, value, rest);
  if (field.kind === K.OneOf) {
    const branch = field.branches[selectedBranchIndex(field, value)];
    return branch && among(branch.fields, value, rest);
  }
  const [row, ...after] = rest;
  if (field.kind === K.ObjectList && Array.isArray(value) && typeof row === 'number' && row < value.length) return inside(field.item, value[row], after);
  return undefined;
}
