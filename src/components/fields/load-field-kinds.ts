import type { FormModel } from '../../spec/model.js';

/**
 * Makes sure the code for every field kind `model` uses is here before its form shows. (Stub: every kind is in
 * the main bundle for now.)
 */
export async function loadFieldKinds(_model: FormModel): Promise<void> {}
