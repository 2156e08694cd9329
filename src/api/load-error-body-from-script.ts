import { importBeside } from '../loader/from-script.js';
import type * as ErrorBody from './error-body.js';
import { errorBodyLater } from './error-body-later.js';

/** The single-file build's reader of error bodies (swapped in by vite.config.ts): `chunks/error-body.js`, from beside the script. */
export const readErrorBodyLater = errorBodyLater(() => importBeside<typeof ErrorBody>('chunks/error-body.js'));
