import { loadOnce } from '../../loader/load-once.js';

/** The rare field kinds' renderers: the chunk `chunks/fields.js` (see load-field-kinds.ts). */
export type RareKinds = typeof import('./rare-kinds.js');

/** Fetches `chunks/fields.js` on first use. */
export const rareKindsFile = loadOnce<RareKinds>(() => import('./rare-kinds.js'));
