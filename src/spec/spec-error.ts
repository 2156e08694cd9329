/** Thrown by `buildFormModel` only when the input is not an object schema at all. */
export class SpecError extends Error {
  override name = 'SpecError';
}
