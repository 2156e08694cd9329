import * as z from 'zod/mini';
import type { FormModel, ValuePath } from '../spec/model.js';
import { copy } from '../spec/util.js';
import { english, type Translate } from '../i18n/translate.js';
import { pathKey } from './path-key.js';
import { inLanguage, readable, toZod } from './to-zod.js';

const schemas = new WeakMap<FormModel, ReturnType<typeof toZod>>();

/**
 * Checks a config value against the model. Returns the first message per `pathKey(path)`; empty means valid.
 * Keys the model does not declare are ignored. Messages are in the language of `t` (English by default).
 */
export function validateConfig(model: FormModel, value: unknown, t: Translate = english): Map<string, string> {
  let schema = schemas.get(model);
  if (!schema) schemas.set(model, (schema = toZod(model)));
  // Inside inLanguage as a whole: zod makes an issue's message when the issues are first read, not during parsing.
  return inLanguage(t, () => {
    // null-prototype copy: a property called `toString` or `constructor` is read as data, never inherited
    const result = z.safeParse(schema!, readable(model, copy(value, true)), { error: () => t('v.invalid') });
    const errors = new Map<string, string>();
    if (!result.success)
      for (const issue of result.error.issues) {
        const key = pathKey(issue.path as ValuePath);
        if (!errors.has(key)) errors.set(key, issue.message);
      }
    return errors;
  });
}
