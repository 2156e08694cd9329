/**
 * Every English message that validation produces, in one catalog so a later step can translate it whole.
 * Plain words for the person filling in the form, not for engineers.
 */
export const messages = {
  required: 'Required',
  chooseOption: 'Choose an option',
  oneOfOptions: 'Options',
  number: 'Enter a number',
  wholeNumber: 'Enter a whole number',
  text: 'Enter text',
  boolean: 'Turn this on or off',
  list: 'Enter a list of values',
  invalid: 'This value isn’t valid',
  fixed: 'This value can’t be changed',
  invalidJson: 'This isn’t valid JSON. Check for missing quotes, commas or brackets.',
  min: (n: number) => `Must be at least ${n}`,
  max: (n: number) => `Must be at most ${n}`,
  greaterThan: (n: number) => `Must be greater than ${n}`,
  lessThan: (n: number) => `Must be less than ${n}`,
  /** A descriptor that is a whole sentence is shown as is; the raw pattern only when there is no descriptor. */
  pattern: (descriptor: string | undefined, pattern: string) =>
    descriptor
      ? /\s.*[.!]$/.test(descriptor)
        ? descriptor
        : `Use the format ${descriptor}`
      : `This doesn’t look right. Check the format (expected pattern: ${pattern}).`,
  minLength: (n: number) => (n == 1 ? 'Enter at least 1 character' : `Enter at least ${n} characters`),
  maxLength: (n: number) => (n == 1 ? 'Use at most 1 character' : `Use at most ${n} characters`),
  minItems: (n: number) => (n == 1 ? 'Add at least 1 value' : `Add at least ${n} values`),
  maxItems: (n: number) => (n == 1 ? 'Use at most 1 value' : `Use at most ${n} values`),
  uniqueItems: 'Remove the duplicate values',
};

export type Messages = typeof messages;
