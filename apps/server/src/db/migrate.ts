// Plain numbered SQL migrations, forward only. Each runs in its own transaction; an advisory lock
// keeps two app nodes starting at once from applying the same file twice.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './pool.js';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK = 7_407_001;

export class MigrationError extends Error {}

export function listMigrations(dir = migrationsDir): { version: number; name: string; file: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3,}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.split('_')[0]), name: f.replace(/\.sql$/, ''), file: join(dir, f) }));
}

export async function runMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const client = await db.pool.connect();
  const applied: string[] = [];
  try {
    // A migration (or waiting for another node's) may take longer than a request may.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migration')).rows.map((r) => r.version));
    for (const migration of listMigrations(dir)) {
      if (done.has(migration.version)) continue;
      try {
        await client.query('BEGIN');
        await client.query(readFileSync(migration.file, 'utf8'));
        await client.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
        applied.push(migration.name);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`Migration ${migration.name} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
  return applied;
}
