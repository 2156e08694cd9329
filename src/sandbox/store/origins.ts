// Browser origins the organisation minted widget tokens for (the CORS allow-list).
import type { Queryable } from '../db/client.js';

export async function registerOrigin(db: Queryable, organizationId: string, origin: string): Promise<void> {
  await db.query('INSERT INTO allowed_origins (organization_id, origin) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    organizationId,
    origin,
  ]);
}

export async function isRegisteredOrigin(db: Queryable, organizationId: string, origin: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM allowed_origins WHERE organization_id = $1 AND origin = $2', [
    organizationId,
    origin,
  ]);
  return rows.length > 0;
}
