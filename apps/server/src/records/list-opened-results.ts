// The results an account opened while they could still be "new": a result released more than
// `days` ago is not new whether opened or not, and it cannot have been opened before its release,
// so openings older than that window (plus a day for clocks) are never needed.
import type { Queryable } from '../db/pool.js';

/** More than a patient opens in any window; the newest are kept. */
const MOST_OPENED = 5000;

export async function listOpenedResults(db: Queryable, accountId: string, days: number): Promise<string[]> {
  const { rows } = await db.query<{ observation_id: string }>(
    `SELECT observation_id FROM result_opened
     WHERE account_id = $1 AND opened_at > now() - make_interval(days => $2::int)
     ORDER BY opened_at DESC LIMIT $3`,
    [accountId, days + 1, MOST_OPENED],
  );
  return rows.map((r) => r.observation_id);
}
