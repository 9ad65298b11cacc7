// Failed-attempt throttling shared by every app node (the counters are rows in PostgreSQL).
// Keys are counted whether or not an account exists, so the answer never tells whether an email is
// registered. After `freeFailures` failures the key is blocked for 1, 2, 4, … minutes (at most
// `maxLockMinutes`); counters reset after a quiet `windowMinutes`, a success, or a staff unlock.
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/pool.js';
import { normalizeEmail } from './accounts.js';

export interface ThrottleRule {
  freeFailures: number;
  windowMinutes: number;
  maxLockMinutes: number;
}

export const RULES = {
  email: { freeFailures: 4, windowMinutes: 60, maxLockMinutes: 60 },
  ip: { freeFailures: 50, windowMinutes: 15, maxLockMinutes: 15 },
  code: { freeFailures: 4, windowMinutes: 60, maxLockMinutes: 60 },
  // Emails sent on request (self-enrollment, password reset) per IP address.
  mail: { freeFailures: 10, windowMinutes: 60, maxLockMinutes: 60 },
} satisfies Record<string, ThrottleRule>;

export const emailKey = (email: string) => `email:${createHash('sha256').update(normalizeEmail(email)).digest('hex')}`;
export const ipKey = (ip: string | undefined, scope = 'auth') => `ip:${scope}:${ip ?? 'unknown'}`;

/** Seconds until the key may try again, or 0. */
export async function blockedFor(db: Queryable, key: string): Promise<number> {
  const { rows } = await db.query<{ s: string | null }>(
    'SELECT ceil(extract(epoch FROM locked_until - now()))::int AS s FROM auth_throttle WHERE key = $1 AND locked_until > now()',
    [key],
  );
  return rows[0]?.s ? Number(rows[0].s) : 0;
}

/** Counts one failure (or one use, for `mail`) and locks the key once past the free allowance. */
export async function recordFailure(db: Queryable, key: string, rule: ThrottleRule): Promise<void> {
  await db.query(
    `INSERT INTO auth_throttle AS t (key, failures, window_start, updated_at) VALUES ($1, 1, now(), now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.updated_at < now() - make_interval(mins => $2) THEN 1 ELSE t.failures + 1 END,
       window_start = CASE WHEN t.updated_at < now() - make_interval(mins => $2) THEN now() ELSE t.window_start END,
       updated_at = now()`,
    [key, rule.windowMinutes],
  );
  await db.query(
    `UPDATE auth_throttle SET locked_until = now() + make_interval(mins => LEAST($3, power(2, failures - $2 - 1)::int))
     WHERE key = $1 AND failures > $2`,
    [key, rule.freeFailures, rule.maxLockMinutes],
  );
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM auth_throttle WHERE key = $1', [key]);
}
