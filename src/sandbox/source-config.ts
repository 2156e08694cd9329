// Turning what a client submits into a config a connector would accept: put back kept secrets, merge the
// template's defaults, and validate the result against the connector's full spec (else 422).
import type { Deps } from './context.js';
import { unprocessable, type Issue } from './errors.js';
import type { JsonObject } from './json.js';
import { deepMerge, MergeConflict } from './merge.js';
import { restoreSecrets } from './secrets.js';
import type { Template } from './template.js';

export interface PreparedConfig {
  /** What gets stored: the user's values with secrets in clear. */
  user: JsonObject;
  /** What a connector would receive: the template's defaults with the user's values on top. */
  merged: JsonObject;
}

export function prepareConfig(
  deps: Deps,
  template: Template,
  submitted: JsonObject,
  stored: JsonObject | undefined,
  loc: (string | number)[],
): PreparedConfig {
  const user = stored ? restoreStoredSecrets(template, submitted, stored, loc) : submitted;
  let merged: JsonObject;
  try {
    merged = deepMerge(template.partialDefaultConfig, user);
  } catch (error) {
    if (!(error instanceof MergeConflict)) throw error;
    throw unprocessable([
      {
        loc: [...loc, ...error.path],
        msg: 'Must have the same shape as the template’s default here (an object where it has an object, a plain value otherwise)',
        type: 'type_error.merge',
      },
    ]);
  }
  const issues = deps.validator.validate(template, merged, loc);
  if (issues.length) throw unprocessable(issues);
  return { user, merged };
}

/** Both specs may mark secrets (an operator's form spec can be laxer than the connector's), so walk both. */
function restoreStoredSecrets(template: Template, submitted: JsonObject, stored: JsonObject, loc: Issue['loc']): JsonObject {
  const first = restoreSecrets(template.userConfigSpec.connectionSpecification, submitted, stored);
  const second = restoreSecrets(template.connectorSpecification, first.value, stored);
  const unresolved = new Map([...first.unresolved, ...second.unresolved].map((path) => [JSON.stringify(path), path]));
  if (unresolved.size) {
    throw unprocessable(
      [...unresolved.values()].map((path) => ({
        loc: [...loc, ...path],
        msg: 'Enter this secret again: there is no saved value to keep',
        type: 'value_error.masked_secret',
      })),
    );
  }
  return second.value as JsonObject;
}
