// The job table (migration 008) as a queue: enqueue, claim with FOR UPDATE SKIP LOCKED (so nodes
// never take the same job), renew the lease while working, finish. A job whose lease ran out (its
// node died) is claimable again; a node that stops cleanly hands its jobs back at once.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool.js';

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface JobRow {
  id: string;
  kind: string;
  owner: string;
  payload: unknown;
  status: JobStatus;
  progress: string | null;
  result: unknown;
  error: string | null;
  attempts: number;
  locked_by: string | null;
  lease_until: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  expires_at: string | null;
}

export async function enqueueJob(db: Queryable, kind: string, owner: string, payload: unknown): Promise<string> {
  const id = randomUUID();
  await db.query('INSERT INTO job (id, kind, owner, payload) VALUES ($1, $2, $3, $4)', [id, kind, owner, JSON.stringify(payload)]);
  return id;
}

export async function findJob(db: Queryable, id: string): Promise<JobRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const { rows } = await db.query<JobRow>('SELECT * FROM job WHERE id = $1', [id]);
  return rows[0];
}

/**
 * Claims the oldest job of the given kinds that is queued, or running under a lease that ran out.
 * The row lock is held only for this statement; from then on the lease says who owns the job.
 */
export async function claimJob(db: Queryable, node: string, kinds: string[], leaseMs: number, maxAttempts = 3): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(
    `UPDATE job SET status = 'running', locked_by = $1, lease_until = now() + make_interval(secs => $3::float8 / 1000),
            attempts = attempts + 1, started_at = coalesce(started_at, now()), progress = NULL
     WHERE id = (SELECT id FROM job
                 WHERE kind = ANY($2::text[]) AND (status = 'queued' OR (status = 'running' AND lease_until < now()))
                 ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
     RETURNING *`,
    [node, kinds, leaseMs],
  );
  const job = rows[0];
  if (job && job.attempts > maxAttempts) {
    // A job that took its nodes down again and again is given up rather than retried forever.
    await failJob(db, job.id, node, `gave up after ${maxAttempts} attempts`, leaseMs);
    return undefined;
  }
  return job;
}

/** Renews the lease and records progress; false when the job is no longer ours (cancelled, or taken over). */
export async function heartbeat(db: Queryable, id: string, node: string, leaseMs: number, progress?: string): Promise<boolean> {
  const r = await db.query(
    `UPDATE job SET lease_until = now() + make_interval(secs => $3::float8 / 1000), progress = coalesce($4, progress)
     WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
    [id, node, leaseMs, progress ?? null],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function completeJob(db: Queryable, id: string, node: string, result: unknown, keepMs: number): Promise<boolean> {
  const r = await db.query(
    `UPDATE job SET status = 'completed', result = $3, progress = NULL, finished_at = now(), lease_until = NULL,
            expires_at = now() + make_interval(secs => $4::float8 / 1000)
     WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
    [id, node, JSON.stringify(result ?? null), keepMs],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function failJob(db: Queryable, id: string, node: string, error: string, keepMs: number): Promise<void> {
  await db.query(
    `UPDATE job SET status = 'failed', error = $3, finished_at = now(), lease_until = NULL,
            expires_at = now() + make_interval(secs => $4::float8 / 1000)
     WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
    [id, node, error.slice(0, 2000), keepMs],
  );
}

/** Hands a job back to the queue (a node shutting down cleanly): another node takes it at once. */
export async function releaseJob(db: Queryable, id: string, node: string): Promise<void> {
  await db.query(
    `UPDATE job SET status = 'queued', locked_by = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0)
     WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
    [id, node],
  );
}

/** Deletes a job (cancel); what it produced goes with it (ON DELETE CASCADE). */
export async function deleteJob(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query('DELETE FROM job WHERE id = $1', [id]);
  return (r.rowCount ?? 0) > 0;
}

/** Deletes finished jobs past their expiry, with their outputs. */
export async function deleteExpiredJobs(db: Queryable): Promise<number> {
  const r = await db.query('DELETE FROM job WHERE expires_at < now()');
  return r.rowCount ?? 0;
}
