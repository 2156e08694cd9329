/** The rare field kinds' chunk, `chunks/fields.js` (see load-field-kinds.ts). */
export type RareKindsFile = typeof import('./rare-kinds.js');

/** Fetches `chunks/fields.js` (load-field-kinds.ts fetches it once). */
export const rareKindsFile = (): Promise<RareKindsFile> => import('./rare-kinds.js');
