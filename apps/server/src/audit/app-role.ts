// Makes every pooled connection work as the restricted `portico_app` role (migration 007), which
// cannot UPDATE, DELETE or TRUNCATE audit_event. Connections already open are switched on their
// next checkout. Without the role (it could not be created), the trail relies on its trigger.
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/pool.js';

export const APP_ROLE = 'portico_app';
const switched = new WeakSet<pg.PoolClient>();
const enabledPools = new WeakSet<pg.Pool>();

export async function useAppRole(db: Database, logger?: Logger): Promise<boolean> {
  if (enabledPools.has(db.pool)) return true;
  const { rows } = await db.query<{ ok: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AND pg_has_role(current_user, $1, 'MEMBER') AS ok`,
    [APP_ROLE],
  ).catch(() => ({ rows: [{ ok: false }] }));
  if (!rows[0]?.ok) {
    logger?.warn(`database role ${APP_ROLE} is not available: the audit trail is protected by its append-only trigger only`);
    return false;
  }
  enabledPools.add(db.pool);
  db.pool.on('acquire', (client) => {
    if (switched.has(client)) return;
    switched.add(client);
    // Queued on the client before the caller's first statement (pg runs a client's queries in order).
    client.query(`SET ROLE ${APP_ROLE}`).catch((err: Error) => logger?.error({ err: { message: err.message } }, 'SET ROLE failed'));
  });
  return true;
}
