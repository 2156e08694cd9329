import { enFields, fieldKinds } from './rare-kinds.js';
import type { RareKindsFile } from './rare-kinds-file.js';

/**
 * The single-file build's `rareKindsFile` (swapped in by vite.config.ts): the rare kinds are part of the bundle,
 * which spares a page that shows one a fetch more. An inlined `import()` would cost more than it saves there: the
 * bundler then wraps every module it reaches in a lazy initialiser.
 */
export const rareKindsFile = async (): Promise<RareKindsFile> => ({ fieldKinds, enFields });
