import * as z from 'zod/mini';
import type { FormModel, ValuePath } from '../spec/model.js';
import { copy } from '../spec/util.js';
import { messages as M } from './messages.js';
import { pathKey } from './path-key.js';
import { toZod } from './to-zod.js';

const schemas = new WeakMap<FormModel, ReturnType<typeof toZod>>();

/**
 * Checks a config value against the model. Returns the first message per `pathKey(path)`; empty means valid.
 * Keys the model does not declare are ignored.
 */
export function validateConfig(model: FormModel, value: unknown): Map<string, string> {
  let schema = schemas.get(model);
  if (!schema) schemas.set(model, (schema = toZod(model)));
  // null-prototype copy: a property called `toString` or `constructor` is read as data, never inherited
  const result = z.safeParse(schema, copy(value, true), { error: () => M.invalid });
  const errors = new Map<string, string>();
  if (!result.success)
    for (const issue of result.error.issues) {
      const key = pathKey(issue.path as ValuePath);
      if (!errors.has(key)) errors.set(key, issue.message);
    }
  return errors;
}
