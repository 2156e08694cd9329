// Operator template endpoints: list, read and create the organisation's source templates.
import { Hono } from 'hono';
import { requireOperator } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import { isUniqueViolation } from '../db/client.js';
import { conflict, invalid, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { JsonObject } from '../json.js';
import { paginate, readPageRequest } from '../pagination.js';
import { readBody, readTagQuery } from '../request.js';
import { insertTemplate, listTemplates } from '../store/templates.js';
import { matchesTags } from '../tags.js';
import { templateSortKey, type Template, type UserConfigSpec } from '../template.js';
import { deriveUserConfigSpec } from '../user-config-spec.js';
import { compileSpec } from '../validation.js';
import { templateView } from '../views.js';

interface CreateTemplateBody {
  name: string;
  icon?: string | null;
  tags?: string[];
  partial_default_config?: JsonObject;
  user_config_spec?: UserConfigSpec;
  source_definition_id?: string;
  actor_definition_id?: string;
  mode?: Template['mode'];
}

const createTemplateSchema: JsonObject = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 256 },
    icon: { type: ['string', 'null'] },
    tags: { type: 'array', items: { type: 'string', minLength: 1 } },
    partial_default_config: { type: 'object' },
    user_config_spec: {
      type: 'object',
      required: ['connectionSpecification'],
      properties: { connectionSpecification: { type: 'object' }, advanced_auth: { type: 'object' } },
    },
    source_definition_id: { type: 'string', format: 'uuid' },
    actor_definition_id: { type: 'string', format: 'uuid' },
    mode: { enum: ['REPLICATION', 'DIRECT'] },
  },
};

export function operatorTemplateRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/integrations/templates/sources';

  app.get(base, async (c) => {
    const auth = requireOperator(c);
    const filter = readTagQuery(c);
    const page = readPageRequest(c, true);
    const templates = (await deps.templates.list(auth.organizationId)).filter((template) => matchesTags(template.tags, filter));
    const { data, next } = paginate(c, templates, templateSortKey, page);
    return c.json({ data: data.map(templateView), next });
  });

  app.get(`${base}/:id`, async (c) => {
    const auth = requireOperator(c);
    const template = await deps.templates.find(auth.organizationId, c.req.param('id'));
    if (!template) throw notFound('Source template not found');
    return c.json(templateView(template));
  });

  app.post(base, async (c) => {
    const auth = requireOperator(c);
    const body = await readBody<CreateTemplateBody>(c, createTemplateSchema);
    const name = body.name.trim();
    if (!name) throw invalid(['body', 'name'], 'Must not be empty', 'value_error.min_length');
    const defaults = body.partial_default_config ?? {};
    const definitionId = (body.source_definition_id ?? body.actor_definition_id)?.toLowerCase();
    const connector = definitionId ? deps.templates.catalog.findByDefinitionId(definitionId) : undefined;
    if (!body.user_config_spec && !connector) {
      throw invalid(
        ['body', 'source_definition_id'],
        definitionId
          ? 'No catalog connector has this definition id; pass user_config_spec to describe the form yourself'
          : 'Required: the source_definition_id of a catalog connector, or a user_config_spec',
        definitionId ? 'value_error.unknown_definition' : 'value_error.missing',
      );
    }
    const userConfigSpec = body.user_config_spec ?? deriveUserConfigSpec(connector!.userConfigSpec, defaults);
    const connectorSpecification = connector?.connectorSpecification ?? userConfigSpec.connectionSpecification;
    if (body.user_config_spec) requireUsableSpec(body.user_config_spec.connectionSpecification, ['body', 'user_config_spec']);

    const taken = (await listTemplates(deps.db.pg, auth.organizationId)).some((template) => template.name === name);
    if (taken) throw conflict(`A source template named "${name}" already exists in this organization`);
    try {
      const template = await insertTemplate(deps.db.pg, {
        id: newId(),
        organizationId: auth.organizationId,
        name,
        icon: body.icon ?? connector?.icon ?? null,
        tags: [...new Set(body.tags ?? [])],
        sourceDefinitionId: definitionId ?? newId(),
        partialDefaultConfig: defaults,
        userConfigSpec,
        connectorSpecification,
        mode: body.mode ?? 'REPLICATION',
      });
      return c.json(templateView(template));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`A source template named "${name}" already exists in this organization`);
      throw error;
    }
  });

  return app;
}

function requireUsableSpec(spec: JsonObject, loc: string[]): void {
  try {
    compileSpec(spec);
  } catch (error) {
    throw invalid([...loc, 'connectionSpecification'], `Not a usable JSON Schema: ${(error as Error).message}`, 'value_error.schema');
  }
}
