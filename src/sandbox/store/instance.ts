// The sandbox's identity, made once and kept: its organisation, operator, and token-signing key.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/client.js';
import { newId } from '../ids.js';

export interface Instance {
  organizationId: string;
  operatorId: string;
  signingKey: Uint8Array;
}

export async function loadInstance(db: Queryable): Promise<Instance> {
  // Generated in JS with crypto-grade randomness; ON CONFLICT keeps the first one ever written.
  await db.query(
    `INSERT INTO sandbox_instance (id, organization_id, operator_id, signing_key)
     VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING`,
    [newId(), newId(), randomBytes(32).toString('base64')],
  );
  const { rows } = await db.query<{ organization_id: string; operator_id: string; signing_key: string }>(
    'SELECT organization_id, operator_id, signing_key FROM sandbox_instance WHERE id = 1',
  );
  const row = rows[0]!;
  return {
    organizationId: row.organization_id,
    operatorId: row.operator_id,
    signingKey: new Uint8Array(Buffer.from(row.signing_key, 'base64')),
  };
}
