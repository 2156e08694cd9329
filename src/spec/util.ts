// Small JSON helpers shared by the spec engine and validation. No DOM, no Lit.
import type { Field, OneOfNode, ValuePath } from './model.js';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property only: a property called `constructor` or `toString` is data, not the prototype's. */
export const own = (o: unknown, k: string): unknown => (isObj(o) && Object.hasOwn(o, k) ? o[k] : undefined);

/** Deep copy of a JSON value; `bare` makes null-prototype objects. `__proto__` keys are dropped. */
export function copy<T>(v: T, bare?: boolean): T {
  if (Array.isArray(v)) return v.map((x) => copy(x, bare)) as T;
  if (!isObj(v)) return v;
  const o: Obj = bare ? Object.create(null) : {};
  for (const k of Object.keys(v)) if (k !== '__proto__') o[k] = copy(v[k], bare);
  return o as T;
}

/** Nothing entered: undefined, null, or a string of only whitespace. */
export const blank = (v: unknown): boolean => v == null || (typeof v === 'string' && !v.trim());

/** A decimal number typed as text, else undefined. */
export const toNumber = (s: string): number | undefined =>
  /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(s) ? +s : undefined;

/** A value as submitted and validated: a number typed as text becomes that number; anything else stays. */
export const numeric = (v: unknown): unknown => (typeof v == 'string' ? (toNumber(v) ?? v) : v);

/**
 * Compiles a spec `pattern` without flags, as Airbyte's form and the server's validator read it (with the `u`
 * flag only when it compiles no other way); undefined if it does not compile at all.
 */
export function regex(p: unknown): RegExp | undefined {
  if (typeof p == 'string')
    for (const flags of ['', 'u']) {
      try {
        return new RegExp(p, flags);
      } catch {}
    }
  return undefined;
}

/**
 * A field's value inside its parent's value. A field whose `key` is '' stands for the parent value itself
 * (a root-level oneOf, or a list whose items are a oneOf): it has no property of its own.
 */
export const childValue = (f: Field, parent: unknown): unknown => (f.key ? own(parent, f.key) : parent);
export const childPath = (f: Field, path: ValuePath): ValuePath => (f.key ? [...path, f.key] : path);

/** The oneOf branch whose discriminator value equals `value[discriminator]`, else -1. */
export const selectedBranchIndex = (node: OneOfNode, value: unknown): number => {
  const v = own(value, node.discriminator);
  return v === undefined ? -1 : node.branches.findIndex((b) => b.value === v);
};
