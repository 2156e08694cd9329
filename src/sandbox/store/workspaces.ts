// Workspaces: one per end user (or customer) of the integrator, created on first use of its name.
import type { Queryable } from '../db/client.js';
import { newId } from '../ids.js';

export interface Workspace {
  id: string;
  organizationId: string;
  name: string;
  regionId: string;
}

interface WorkspaceRow {
  id: string;
  organization_id: string;
  name: string;
  region_id: string;
}

const toWorkspace = (row: WorkspaceRow): Workspace => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  regionId: row.region_id,
});

/** Returns the workspace with this name, creating it (in `regionId`) when it does not exist yet. */
export async function ensureWorkspace(db: Queryable, organizationId: string, name: string, regionId: string): Promise<Workspace> {
  await db.query(
    `INSERT INTO workspaces (id, organization_id, name, region_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organization_id, name) DO NOTHING`,
    [newId(), organizationId, name, regionId],
  );
  const { rows } = await db.query<WorkspaceRow>('SELECT * FROM workspaces WHERE organization_id = $1 AND name = $2', [
    organizationId,
    name,
  ]);
  return toWorkspace(rows[0]!);
}

export async function findWorkspace(db: Queryable, id: string): Promise<Workspace | undefined> {
  const { rows } = await db.query<WorkspaceRow>('SELECT * FROM workspaces WHERE id = $1', [id]);
  return rows[0] && toWorkspace(rows[0]);
}
