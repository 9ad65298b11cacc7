// Makes every pooled connection work as the restricted `portico_app` role (migration 007), which
// cannot UPDATE, DELETE or TRUNCATE audit_event. Without the role (it could not be created), the
// trail relies on its trigger.
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '../db/pool.js';

export const APP_ROLE = 'portico_app';
const enabledPools = new WeakSet<pg.Pool>();
const switched = new WeakSet<pg.ClientBase>();

async function switchRole(client: pg.ClientBase): Promise<void> {
  await client.query(`SET ROLE ${APP_ROLE}`);
  switched.add(client);
}

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
  // New connections switch before the pool hands them out (the pool awaits onConnect), so no
  // statement of the app's ever runs as the owner and none is queued behind the switch.
  db.pool.options.onConnect = switchRole;
  // Connections opened before this point (migrations, the check above) sit idle: switch each now.
  // Nothing else uses the pool yet at start-up; held together, no idle one is handed out twice.
  const held: pg.PoolClient[] = [];
  try {
    while (db.pool.idleCount > 0) {
      const client = await db.pool.connect();
      held.push(client);
      await switchRole(client);
    }
  } finally {
    for (const client of held) client.release();
  }
  // One that was checked out meanwhile switches on its next checkout, queued ahead of the caller's
  // first statement (pg runs a client's queries in order).
  db.pool.on('acquire', (client) => {
    if (switched.has(client)) return;
    switched.add(client);
    client.query(`SET ROLE ${APP_ROLE}`).catch((err: Error) => logger?.error({ err: { message: err.message } }, 'SET ROLE failed'));
  });
  return true;
}
