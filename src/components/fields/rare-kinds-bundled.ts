import { enFields, jsonControl, objectList, radioCards } from './rare-kinds.js';
import type { RareKinds } from './rare-kinds-file.js';

/**
 * The single-file build's `rareKindsFile` (swapped in by vite.config.ts): the rare kinds are part of the bundle.
 * An inlined `import()` would cost more than it saves there: the bundler then wraps every module it reaches in a
 * lazy initialiser.
 */
export const rareKindsFile = async (): Promise<RareKinds> => ({ jsonControl, objectList, radioCards, enFields });
