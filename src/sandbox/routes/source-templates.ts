// End-user template endpoints: what the widget offers, narrowed by the widget token's tag filter.
import { Hono } from 'hono';
import { requireEndUser, requireOwnWorkspace } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import { notFound } from '../errors.js';
import { paginate, readPageRequest } from '../pagination.js';
import { readTagQuery } from '../request.js';
import { matchesTags } from '../tags.js';
import { templateSortKey } from '../template.js';
import { templateListItem, templateView } from '../views.js';

export function sourceTemplateRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/embedded/source-templates', async (c) => {
    const auth = requireEndUser(c);
    requireOwnWorkspace(auth, c.req.query('workspace_id'));
    // Extension: `tags`/`tags_mode` narrow the list further, as on the operator endpoint.
    const query = readTagQuery(c);
    const page = readPageRequest(c, false);
    const templates = (await deps.templates.list(auth.organizationId)).filter(
      (template) => matchesTags(template.tags, auth.sourceTemplates) && matchesTags(template.tags, query),
    );
    const { data, next } = paginate(c, templates, templateSortKey, page);
    return c.json({ data: data.map(templateListItem), ...(next !== undefined && { next }) });
  });

  app.get('/embedded/source-templates/:id', async (c) => {
    const auth = requireEndUser(c);
    const template = await deps.templates.find(auth.organizationId, c.req.param('id'), auth.sourceTemplates);
    if (!template) throw notFound('Source template not found');
    return c.json(templateView(template));
  });

  return app;
}
