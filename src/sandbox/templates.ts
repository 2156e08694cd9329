// The templates an organisation sees: the built-in catalog plus the ones its operator created.
import type { Catalog } from './catalog.js';
import type { Database } from './db/client.js';
import { isUuid } from './ids.js';
import { findTemplate, listTemplates } from './store/templates.js';
import { matchesTags, NO_FILTER, type TagFilter } from './tags.js';
import { templateSortKey, type Template } from './template.js';

export class TemplateRegistry {
  constructor(
    private readonly db: Database,
    readonly catalog: Catalog,
  ) {}

  /** Every template of the organisation, sorted by name. */
  async list(organizationId: string): Promise<Template[]> {
    const own = await listTemplates(this.db.pg, organizationId);
    return [...this.catalog.templates, ...own].sort((a, b) => compare(templateSortKey(a), templateSortKey(b)));
  }

  /** The template, when it exists for the organisation and passes the caller's tag filter. */
  async find(organizationId: string, id: string, filter: TagFilter = NO_FILTER): Promise<Template | undefined> {
    if (!isUuid(id)) return undefined;
    const template = this.catalog.findTemplate(id) ?? (await findTemplate(this.db.pg, organizationId, id));
    return template && matchesTags(template.tags, filter) ? template : undefined;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
