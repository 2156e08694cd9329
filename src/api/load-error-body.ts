import { errorBodyLater } from './error-body-later.js';

/** Reads an error answer's body; the reader is a lazy chunk of its own. */
export const readErrorBodyLater = errorBodyLater(() => import('./error-body.js'));
