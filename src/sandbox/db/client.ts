// Opens the embedded PostgreSQL (PGlite), guards its directory, and brings its schema up to date.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './lock.js';
import { migrations } from './migrations.js';

/** Anything that runs queries: the database itself or an open transaction. */
export type Queryable = Pick<PGlite, 'query'> | Transaction;

export interface Database {
  pg: PGlite;
  close(): Promise<void>;
}

export async function openDatabase(dataDir: string): Promise<Database> {
  if (dataDir === 'memory') {
    const pg = await PGlite.create();
    await migrate(pg);
    return { pg, close: () => pg.close() };
  }
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create the sandbox data directory "${dir}": ${(error as Error).message}`);
  }
  const lock = lockDataDir(dir);
  try {
    const pg = await PGlite.create(join(dir, 'pgdata'));
    await migrate(pg);
    return {
      pg,
      async close() {
        try {
          await pg.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function migrate(pg: PGlite): Promise<void> {
  await pg.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied = await pg.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(applied.rows.map((row) => row.version));
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await pg.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    });
  }
}

/** PostgreSQL's code for a unique-constraint violation. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string })?.code === '23505';
