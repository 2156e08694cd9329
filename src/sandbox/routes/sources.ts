// End-user source endpoints: list, create, read, update and delete the sources of the token's workspace.
import type { Transaction } from '@electric-sql/pglite';
import { Hono } from 'hono';
import { requireEndUser, requireOwnWorkspace } from '../auth/middleware.js';
import { runCheck } from '../check.js';
import type { AppEnv, Deps } from '../context.js';
import { isUniqueViolation } from '../db/client.js';
import { badRequest, conflict, invalid } from '../errors.js';
import { newId } from '../ids.js';
import type { JsonObject } from '../json.js';
import { findOwnSource, findUsableTemplate } from '../lookup.js';
import { paginate, readPageRequest } from '../pagination.js';
import { readBody } from '../request.js';
import { prepareConfig } from '../source-config.js';
import { deleteSource, insertSource, listSources, sourceNames, updateSource, type Source } from '../store/sources.js';
import type { TagMode } from '../tags.js';
import type { Template } from '../template.js';
import { sourceListItem, sourceView } from '../views.js';

interface CreateSourceBody {
  name?: string;
  workspace_id?: string;
  source_template_id?: string;
  /** Legacy duplicate of source_template_id. */
  source_config_template_id?: string;
  source_config?: JsonObject;
  /** Legacy duplicate of source_config. */
  connection_configuration?: JsonObject;
  selected_connection_template_tags?: string[];
  selected_connection_template_tags_mode?: TagMode;
}

interface UpdateSourceBody {
  name?: string;
  source_config?: JsonObject;
  connection_configuration?: JsonObject;
}

const name = { type: 'string', minLength: 1, maxLength: 256 };
const config = { type: 'object' };
const needsConfig = { anyOf: [{ required: ['source_config'] }, { required: ['connection_configuration'] }] };

const createSourceSchema: JsonObject = {
  type: 'object',
  properties: {
    name,
    workspace_id: { type: 'string' },
    source_template_id: { type: 'string' },
    source_config_template_id: { type: 'string' },
    source_config: config,
    connection_configuration: config,
    selected_connection_template_tags: { type: 'array', items: { type: 'string' } },
    selected_connection_template_tags_mode: { enum: ['any', 'all'] },
  },
  allOf: [{ anyOf: [{ required: ['source_template_id'] }, { required: ['source_config_template_id'] }] }, needsConfig],
};

const updateSourceSchema: JsonObject = {
  type: 'object',
  properties: { name, source_config: config, connection_configuration: config },
  ...needsConfig,
};

const CONFIG_LOC = ['body', 'source_config'];

export function sourceRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/embedded/sources', async (c) => {
    const auth = requireEndUser(c);
    requireOwnWorkspace(auth, c.req.query('workspace_id'));
    const page = readPageRequest(c, false);
    const sources = await listSources(deps.db.pg, auth.workspace.id);
    const templates = new Map<string, Template | undefined>();
    for (const id of new Set(sources.map((source) => source.templateId))) {
      templates.set(id, await deps.templates.find(auth.organizationId, id));
    }
    // A source whose template is gone is hidden, as Airbyte hides sources of deleted templates.
    const visible = sources.flatMap((source): [Source, Template][] => {
      const template = templates.get(source.templateId);
      return template ? [[source, template]] : [];
    });
    const { data, next } = paginate(c, visible, ([source]) => String(source.seq).padStart(16, '0'), page);
    return c.json({ data: data.map(([source, template]) => sourceListItem(source, template)), ...(next !== undefined && { next }) });
  });

  app.post('/embedded/sources', async (c) => {
    const auth = requireEndUser(c);
    const body = await readBody<CreateSourceBody>(c, createSourceSchema);
    requireOwnWorkspace(auth, body.workspace_id);
    const explicitName = readName(body.name);
    const templateId = (body.source_template_id ?? body.source_config_template_id)!;
    const template = await findUsableTemplate(deps, auth, templateId);
    const prepared = prepareConfig(deps, template, (body.source_config ?? body.connection_configuration)!, undefined, CONFIG_LOC);
    if (explicitName !== undefined) await requireFreeName(deps, auth.workspace.id, explicitName);
    await requirePassingCheck(deps, prepared.merged);
    const source = await saveNamed(deps, explicitName, async (tx) => {
      const id = newId();
      const taken = await sourceNames(tx, auth.workspace.id);
      return insertSource(tx, {
        id,
        workspaceId: auth.workspace.id,
        templateId: template.id,
        name: explicitName ?? firstFreeName(`${template.name} - ${id.slice(0, 8)}`, taken),
        config: prepared.user,
        connectionTemplates: body.selected_connection_template_tags
          ? { tags: body.selected_connection_template_tags, mode: body.selected_connection_template_tags_mode ?? 'any' }
          : auth.connectionTemplates,
      });
    });
    return c.json(sourceView(source, template));
  });

  app.get('/embedded/sources/:id', async (c) => {
    const auth = requireEndUser(c);
    const [source, template] = await findOwnSource(deps, auth, c.req.param('id'));
    return c.json(sourceView(source, template));
  });

  app.put('/embedded/sources/:id', async (c) => {
    const auth = requireEndUser(c);
    const [source, template] = await findOwnSource(deps, auth, c.req.param('id'));
    const body = await readBody<UpdateSourceBody>(c, updateSourceSchema);
    const newName = readName(body.name) ?? source.name;
    const submitted = (body.source_config ?? body.connection_configuration)!;
    const prepared = prepareConfig(deps, template, submitted, source.config, CONFIG_LOC);
    if (newName !== source.name) await requireFreeName(deps, auth.workspace.id, newName);
    await requirePassingCheck(deps, prepared.merged);
    const updated = await saveNamed(deps, newName, (tx) =>
      updateSource(tx, source.id, { name: newName, config: prepared.user }),
    );
    return c.json(sourceView(updated, template));
  });

  app.delete('/embedded/sources/:id', async (c) => {
    const auth = requireEndUser(c);
    const [source] = await findOwnSource(deps, auth, c.req.param('id'));
    await deleteSource(deps.db.pg, auth.workspace.id, source.id);
    return c.body(null, 204);
  });

  return app;
}

/** Answers 409 before the (possibly slow) check runs; the unique constraint still guards the write itself. */
async function requireFreeName(deps: Deps, workspaceId: string, name: string): Promise<void> {
  if ((await sourceNames(deps.db.pg, workspaceId)).has(name)) throw duplicateName(name);
}

/** Writes in one transaction, so a failure never leaves half a source behind. */
async function saveNamed<T>(deps: Deps, name: string | undefined, write: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await deps.db.pg.transaction(write);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

const duplicateName = (name: string | undefined) =>
  conflict(name === undefined ? 'A source with this name already exists in this workspace' : `A source named "${name}" already exists in this workspace`);

async function requirePassingCheck(deps: Deps, merged: JsonObject): Promise<void> {
  const result = await runCheck(merged, deps.options.slowCheckMs);
  if (result.status === 'failed') throw badRequest(result.message ?? 'The connection check failed');
}

function readName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!trimmed) throw invalid(['body', 'name'], 'Must not be empty', 'value_error.min_length');
  return trimmed;
}

/**
 * Like Airbyte's own API, a default name is the template's plus a short id ("Postgres - 5b5b5b5b"), so a source
 * never shares its accessible name with its template in the widget; a clash of short ids adds " (2)"…
 */
function firstFreeName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}
