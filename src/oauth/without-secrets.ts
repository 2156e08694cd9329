// The form value as it may be kept in sessionStorage while the page visits the provider. Storage outlives the
// page and any script of the origin can read it, so only what the model describes is kept, minus every secret
// (the stored-secret mask is no secret and stays, so an edit keeps its secrets) and every sign-in output.
import { FieldKind as K, SECRET_MASK } from '../spec/model.js';
import type { Field, FormModel, ValuePath } from '../spec/model.js';
import { childPath, childValue, copy, selectedBranchIndex, type Obj } from '../spec/util.js';

export function withoutSecrets(model: FormModel, value: unknown): Obj {
  const outputs = new Set(model.auth?.outputPaths.map((p) => JSON.stringify(p)));
  const keep = (fields: readonly Field[], v: unknown, path: ValuePath): Obj => {
    const out: Obj = {};
    for (const f of fields) {
      const p = childPath(f, path);
      const x = childValue(f, v);
      let r: unknown;
      if (x === undefined || outputs.has(JSON.stringify(p))) continue;
      if (f.kind == K.String && f.secret && x !== SECRET_MASK) continue;
      if (f.kind == K.Json && JSON.stringify(f.schema).includes('airbyte_secret')) continue;
      if (f.kind == K.Object) r = keep(f.fields, x, p);
      else if (f.kind == K.ObjectList) r = Array.isArray(x) ? x.map((item, i) => keep(f.item.fields, item, [...p, i])) : undefined;
      else if (f.kind == K.OneOf) {
        const b = f.branches[selectedBranchIndex(f, x)];
        r = b && { [f.discriminator]: b.value, ...keep(b.fields, x, p) };
      } else r = copy(x);
      if (r !== undefined) f.key ? (out[f.key] = r) : Object.assign(out, r);
    }
    return out;
  };
  return keep(model.root.fields, value, []);
}
