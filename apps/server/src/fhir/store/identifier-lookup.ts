import { reachableCondition } from '../../access/sql.js';
import type { AccessPolicy } from '../../access/policy.js';
import type { Queryable } from '../../db/pool.js';
import { indexKey } from '../indexing/index-keys.js';

/** Ids of live resources with all the given identifiers (`system|value` or `value`), within the policy. */
export async function findByIdentifier(db: Queryable, policy: AccessPolicy, resourceType: string, identifiers: string[], id?: string): Promise<string[]> {
  const params: unknown[] = [resourceType];
  const conditions = ['r.resource_type = $1', 'NOT r.deleted'];
  if (id !== undefined) {
    params.push(id);
    conditions.push(`r.id = $${params.length}`);
  }
  for (const identifier of identifiers) {
    for (const alternative of [identifier]) {
      const bar = alternative.indexOf('|');
      // Compared as the index holds them: long values as their index keys (indexing/index-keys.ts).
      const system = bar >= 0 ? indexKey(alternative.slice(0, bar)) : undefined;
      const value = indexKey(bar >= 0 ? alternative.slice(bar + 1) : alternative);
      params.push(value);
      let cond = `t.code = $${params.length}`;
      if (system !== undefined) {
        params.push(system);
        cond += system === '' ? ' AND t.system IS NULL' : ` AND t.system = $${params.length}`;
        if (system === '') params.pop();
      }
      conditions.push(`EXISTS (SELECT 1 FROM sp_token t WHERE t.resource_type = r.resource_type AND t.resource_id = r.id AND t.param = 'identifier' AND ${cond})`);
    }
  }
  conditions.push(reachableCondition(policy, 'r', params));
  const { rows } = await db.query<{ id: string }>(`SELECT r.id FROM fhir_resource r WHERE ${conditions.join(' AND ')} LIMIT 2`, params);
  return rows.map((r) => r.id);
}
