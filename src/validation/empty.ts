import { FieldKind as K, type Field } from '../spec/model.js';
import { blank, isObj, own } from '../spec/util.js';

/**
 * Nothing the user entered: blank, an empty list, or an object whose fields (consts aside) are all empty.
 * An optional field in this state is neither validated nor submitted.
 */
export const isEmpty = (f: Field, v: unknown): boolean =>
  blank(v) ||
  (f.kind == K.Object
    ? isObj(v) && f.fields.every((c) => c.kind == K.Const || isEmpty(c, own(v, c.key)))
    : (f.kind == K.List || f.kind == K.ObjectList) && Array.isArray(v) && !v.length);
