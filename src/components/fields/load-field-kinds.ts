import { html, nothing } from 'lit';
import { addEnglish } from '../../i18n/translate.js';
import { loadOnce } from '../../loader/load-once.js';
import { createValue } from '../../spec/initial-value.js';
import type { Field, FormModel } from '../../spec/model.js';
import { blank, childValue, selectedBranchIndex } from '../../spec/util.js';
import { pathKey } from '../../validation/path-key.js';
import { styles } from '../styles.js';
import { idFor } from './field-context.js';
import { describedBy, description, errorText, frame, hint } from './field-frame.js';
import { group, renderFields } from './group-controls.js';
import { rareKindsFile } from './rare-kinds-file.js';

/** The rare kinds' renderers. */
export type RareKinds = ReturnType<Awaited<ReturnType<typeof rareKindsFile>>['fieldKinds']>;

/**
 * The field kinds few connector specs use (lists of objects, a oneOf shown as radio cards, the JSON fallback) are
 * a chunk of their own, fetched only for a form that shows one of them. Set once fetched.
 */
let loaded: RareKinds | undefined;

/** Whether `field`, or a field inside it, is of a rare kind. Hidden fields never render, nor does what they hold. */
function needsRareKinds(field: Field): boolean {
  if (field.hidden) return false;
  switch (field.kind) {
    case 'object-list':
    case 'json':
      return true;
    case 'object':
      return field.fields.some(needsRareKinds);
    case 'one-of':
      return field.display === 'radio' || field.branches.some((branch) => branch.fields.some(needsRareKinds));
    default:
      return false;
  }
}

/**
 * Fetches the chunk and makes its renderers with what this bundle lends (the chunk imports nothing); its words
 * join the catalog, and its rules the element's stylesheet.
 */
const prepare = loadOnce(async () => {
  const kinds = await rareKindsFile();
  addEnglish(kinds.enFields);
  loaded = kinds.fieldKinds({
    sheet: styles.styleSheet,
    html,
    nothing,
    renderFields,
    group,
    frame,
    hint,
    description,
    describedBy,
    errorText,
    createValue,
    selectedBranchIndex,
    childValue,
    blank,
    pathKey,
    idFor,
  });
});

/** Makes sure the code for every field kind `model` uses is here before its form shows, so that it renders at once. */
export async function loadFieldKinds(model: FormModel): Promise<void> {
  if (!loaded && needsRareKinds(model.root)) await prepare();
}

/** The rare kinds' renderers, for a form that `loadFieldKinds` has prepared. */
export function rareKinds(): RareKinds {
  if (!loaded) throw new Error('rare field kind rendered before loadFieldKinds');
  return loaded;
}
