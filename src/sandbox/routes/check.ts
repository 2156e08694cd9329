// POST /embedded/sources/check: validate a config and run the (simulated) connection check, synchronously.
import { Hono } from 'hono';
import { requireEndUser, requireOwnWorkspace } from '../auth/middleware.js';
import { runCheck } from '../check.js';
import type { AppEnv, Deps } from '../context.js';
import { invalid } from '../errors.js';
import type { JsonObject } from '../json.js';
import { findOwnSource, findUsableTemplate } from '../lookup.js';
import { readBody } from '../request.js';
import { prepareConfig } from '../source-config.js';

interface CheckBody {
  source_template_id?: string;
  source_id?: string;
  source_config?: JsonObject;
  /** Legacy duplicate of source_config. */
  connection_configuration?: JsonObject;
  workspace_id?: string;
}

const checkSchema: JsonObject = {
  type: 'object',
  properties: {
    source_template_id: { type: 'string' },
    source_id: { type: 'string' },
    source_config: { type: 'object' },
    connection_configuration: { type: 'object' },
    workspace_id: { type: 'string' },
  },
  anyOf: [{ required: ['source_template_id'] }, { required: ['source_id'] }],
};

const CONFIG_LOC = ['body', 'source_config'];

export function checkRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/embedded/sources/check', async (c) => {
    const auth = requireEndUser(c);
    const body = await readBody<CheckBody>(c, checkSchema);
    requireOwnWorkspace(auth, body.workspace_id);
    const submitted = body.source_config ?? body.connection_configuration;
    let merged: JsonObject;
    if (body.source_id !== undefined) {
      // Checking a saved source: masked secrets in the submitted config mean "the saved value".
      const [source, template] = await findOwnSource(deps, auth, body.source_id);
      merged = submitted
        ? prepareConfig(deps, template, submitted, source.config, CONFIG_LOC).merged
        : prepareConfig(deps, template, source.config, undefined, CONFIG_LOC).merged;
    } else {
      const template = await findUsableTemplate(deps, auth, body.source_template_id!);
      if (!submitted) throw invalid(CONFIG_LOC, 'Required', 'value_error.missing');
      merged = prepareConfig(deps, template, submitted, undefined, CONFIG_LOC).merged;
    }
    return c.json(await runCheck(merged, deps.options.slowCheckMs));
  });

  return app;
}
