import { addEnglish } from '../../i18n/translate.js';
import type { Field, FormModel } from '../../spec/model.js';
import { rareKindsFile, type RareKinds } from './rare-kinds-file.js';

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

/** Makes sure the code for every field kind `model` uses is here before its form shows, so that it renders at once. */
export async function loadFieldKinds(model: FormModel): Promise<void> {
  if (loaded || !needsRareKinds(model.root)) return;
  const kinds = await rareKindsFile();
  addEnglish(kinds.enFields);
  loaded = kinds;
}

/** The rare kinds' renderers, for a form that `loadFieldKinds` has prepared. */
export function rareKinds(): RareKinds {
  if (!loaded) throw new Error('A rare field kind was rendered before loadFieldKinds fetched its code.');
  return loaded;
}
