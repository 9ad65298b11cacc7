// A patient opened one of their lab results: remembered per account, so the result stops being
// "new" on every device they use. The first opening counts; opening it again changes nothing.
import type { Queryable } from '../db/pool.js';

export async function markResultOpened(db: Queryable, accountId: string, observationId: string): Promise<void> {
  await db.query(
    'INSERT INTO result_opened (account_id, observation_id) VALUES ($1, $2) ON CONFLICT (account_id, observation_id) DO NOTHING',
    [accountId, observationId],
  );
}
