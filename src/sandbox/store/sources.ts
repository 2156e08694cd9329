// End users' sources, always addressed within their workspace.
import type { Queryable } from '../db/client.js';
import type { JsonObject } from '../json.js';
import type { TagFilter } from '../tags.js';

export interface Source {
  id: string;
  /** Insertion order; the stable sort key of source lists. */
  seq: number;
  workspaceId: string;
  templateId: string;
  name: string;
  /** The end user's own values with secrets in clear; template defaults are not included. */
  config: JsonObject;
  connectionTemplates: TagFilter;
  createdAt: string;
  updatedAt: string;
}

interface SourceRow {
  id: string;
  seq: string | number;
  workspace_id: string;
  template_id: string;
  name: string;
  config: JsonObject;
  connection_template_tags: string[];
  connection_template_tags_mode: TagFilter['mode'];
  created_at: Date;
  updated_at: Date;
}

const toSource = (row: SourceRow): Source => ({
  id: row.id,
  seq: Number(row.seq),
  workspaceId: row.workspace_id,
  templateId: row.template_id,
  name: row.name,
  config: row.config,
  connectionTemplates: { tags: row.connection_template_tags, mode: row.connection_template_tags_mode },
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listSources(db: Queryable, workspaceId: string): Promise<Source[]> {
  const { rows } = await db.query<SourceRow>('SELECT * FROM sources WHERE workspace_id = $1 ORDER BY seq', [workspaceId]);
  return rows.map(toSource);
}

export async function findSource(db: Queryable, workspaceId: string, id: string): Promise<Source | undefined> {
  const { rows } = await db.query<SourceRow>('SELECT * FROM sources WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return rows[0] && toSource(rows[0]);
}

export async function sourceNames(db: Queryable, workspaceId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM sources WHERE workspace_id = $1', [workspaceId]);
  return new Set(rows.map((row) => row.name));
}

export async function insertSource(
  db: Queryable,
  source: Pick<Source, 'id' | 'workspaceId' | 'templateId' | 'name' | 'config' | 'connectionTemplates'>,
): Promise<Source> {
  const { rows } = await db.query<SourceRow>(
    `INSERT INTO sources (id, workspace_id, template_id, name, config, connection_template_tags, connection_template_tags_mode)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7) RETURNING *`,
    [
      source.id,
      source.workspaceId,
      source.templateId,
      source.name,
      JSON.stringify(source.config),
      JSON.stringify(source.connectionTemplates.tags),
      source.connectionTemplates.mode,
    ],
  );
  return toSource(rows[0]!);
}

export async function updateSource(db: Queryable, id: string, changes: { name: string; config: JsonObject }): Promise<Source> {
  const { rows } = await db.query<SourceRow>(
    'UPDATE sources SET name = $2, config = $3::jsonb, updated_at = now() WHERE id = $1 RETURNING *',
    [id, changes.name, JSON.stringify(changes.config)],
  );
  return toSource(rows[0]!);
}

export async function deleteSource(db: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM sources WHERE workspace_id = $1 AND id = $2', [workspaceId, id]);
  return (result.affectedRows ?? 0) > 0;
}
