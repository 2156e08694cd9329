import type { html, nothing } from 'lit';
import type { createValue } from '../../spec/initial-value.js';
import type { blank, childValue, selectedBranchIndex } from '../../spec/util.js';
import type { pathKey } from '../../validation/path-key.js';
import type { idFor } from './field-context.js';
import type { describedBy, description, errorText, frame, hint } from './field-frame.js';
import type { group, renderFields } from './group-controls.js';

/**
 * What the main bundle lends the rare kinds' chunk (`chunks/fields.js`, see load-field-kinds.ts), which imports
 * nothing: Lit, and the helpers every other field kind uses too. A field inside a rare kind therefore renders
 * through the very `renderFields` that rendered the rare kind, whatever URL the main bundle came from. Helpers the
 * sign-in chunk also uses are lent rather than bundled: both chunks are built in one pass, which would otherwise
 * move them into a third file.
 */
export interface FieldKit {
  /**
   * The element's stylesheet, which every element's shadow root has adopted: the rare kinds' rules join it, so that
   * they apply at once everywhere (undefined where a browser cannot adopt stylesheets: Lit then uses <style>).
   */
  readonly sheet: CSSStyleSheet | undefined;
  readonly html: typeof html;
  readonly nothing: typeof nothing;
  readonly renderFields: typeof renderFields;
  readonly group: typeof group;
  readonly frame: typeof frame;
  readonly hint: typeof hint;
  readonly description: typeof description;
  readonly describedBy: typeof describedBy;
  readonly errorText: typeof errorText;
  readonly createValue: typeof createValue;
  readonly selectedBranchIndex: typeof selectedBranchIndex;
  readonly childValue: typeof childValue;
  readonly blank: typeof blank;
  readonly pathKey: typeof pathKey;
  readonly idFor: typeof idFor;
}
