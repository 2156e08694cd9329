// Finding what an end user may see; whatever they may not see does not exist for them (404).
import type { EndUserAuth } from './auth/middleware.js';
import type { Deps } from './context.js';
import { notFound } from './errors.js';
import { isUuid } from './ids.js';
import { findSource, type Source } from './store/sources.js';
import type { Template } from './template.js';

/** A source of the caller's workspace with its template (a source whose template is gone counts as gone). */
export async function findOwnSource(deps: Deps, auth: EndUserAuth, id: string): Promise<[Source, Template]> {
  const source = isUuid(id) ? await findSource(deps.db.pg, auth.workspace.id, id) : undefined;
  const template = source && (await deps.templates.find(auth.organizationId, source.templateId));
  if (!source || !template) throw notFound('Source not found');
  return [source, template];
}

/** A template the caller's token may use (its tag filter applies). */
export async function findUsableTemplate(deps: Deps, auth: EndUserAuth, id: string): Promise<Template> {
  const template = await deps.templates.find(auth.organizationId, id, auth.sourceTemplates);
  if (!template) throw notFound('Source template not found');
  return template;
}
