import type { ValuePath } from '../spec/model.js';

/** An unambiguous string key for a value path (`["a",0]` and `["a","0"]` differ). */
export const pathKey = (path: ValuePath): string => JSON.stringify(path);
