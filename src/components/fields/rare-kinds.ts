// The chunk `chunks/fields.js` (see load-field-kinds.ts): the field kinds few connector specs use, each bringing
// its styles into the shadow root when it first renders.
export { jsonControl } from './json-control.js';
export { objectList } from './object-list-control.js';
export { radioCards } from './radio-cards.js';
/** Their English words, which join the catalog (`addEnglish`) when the chunk arrives. */
export { enFields } from '../../i18n/en-fields.js';
