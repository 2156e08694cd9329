import type { Translate } from '../../i18n/translate.js';
import type { ValuePath } from '../../spec/model.js';
import type { FormState } from '../form-state.js';
import type { AuthView } from './auth-control.js';

/** What every field renderer needs: the form's state and a way to ask the element to render again. */
export interface FieldContext {
  readonly state: FormState;
  /** Editing a saved source: secrets arrive masked and must stay untouched unless replaced. */
  readonly editing: boolean;
  /**
   * Controls call it on every input, so that what a `.value` or `.checked` binding last set is what the control
   * holds: Lit compares with that, and rewrites a control only when the state moved elsewhere.
   */
  readonly update: () => void;
  /** The element's words, in its current locale. */
  readonly t: Translate;
  /** Sign-in for a template with `advanced_auth`, while its predicate holds. */
  readonly auth?: AuthView;
}

/** A DOM id for a value path: stable across renders, free of spaces so it works in idref lists. */
export function idFor(prefix: string, path: ValuePath): string {
  return `${prefix}-${path.map((part) => String(part).replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(36)}`)).join('.')}`;
}

// The helpers below need no Lit, and are tiny: the rare kinds' chunk, which imports nothing, carries its own copy
// of them rather than have the element lend them (see field-kit.ts).

/** aria-invalid for the control at `path`: whether an error shows there now. */
export function invalid(path: ValuePath, ctx: FieldContext): 'true' | 'false' {
  return ctx.state.errorAt(path) ? 'true' : 'false';
}

/** Leaving a control, or a choice made: from now on its errors show. */
export function touched(path: ValuePath, ctx: FieldContext): () => void {
  return () => {
    ctx.state.touch(path);
    ctx.update();
  };
}

/** The list at `path`, or an empty one. */
export function listValue(ctx: FieldContext, path: ValuePath): unknown[] {
  const value = ctx.state.get(path);
  return Array.isArray(value) ? value : [];
}
