// The chunk `chunks/fields.js` (see load-field-kinds.ts): the field kinds few connector specs use. It imports
// nothing: the main bundle lends Lit and its field helpers (`FieldKit`), so the chunk never loads a second copy of
// the main bundle, and the single-file build could fetch the very same file.
import type { FieldKit } from './field-kit.js';
import { jsonControl } from './json-control.js';
import { objectList } from './object-list-control.js';
import { radioCards } from './radio-cards.js';
import { fieldRules } from './rare-styles.js';

/** The renderers, made with what the main bundle lends; their styles join the element's stylesheet. Called once. */
export function fieldKinds(kit: FieldKit) {
  for (const rule of fieldRules) kit.sheet?.insertRule(rule, kit.sheet.cssRules.length);
  return { jsonControl: jsonControl(kit), objectList: objectList(kit), radioCards: radioCards(kit) };
}
/** Their English words, which join the catalog (`addEnglish`) when the chunk arrives. */
export { enFields } from '../../i18n/en-fields.js';
