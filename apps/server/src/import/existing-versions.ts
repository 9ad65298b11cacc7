// Current versions of many resources in one round trip, locked in key order so that concurrent
// import workers writing shared resources (organisations, practitioners) queue instead of deadlocking.
import type { Queryable } from '../db/pool.js';
import { toStoredVersion, type StoredVersion } from '../fhir/store/resource-store.js';

export async function readCurrentMany(db: Queryable, keys: { type: string; id: string }[], lock = true): Promise<Map<string, StoredVersion>> {
  const found = new Map<string, StoredVersion>();
  if (keys.length === 0) return found;
  const { rows } = await db.query(
    `SELECT r.resource_type, r.id, r.version_id, r.last_updated, r.deleted, r.content, r.compartments
     FROM fhir_resource r JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON r.resource_type = k.t AND r.id = k.i
     ORDER BY r.resource_type, r.id${lock ? ' FOR UPDATE OF r' : ''}`,
    [keys.map((k) => k.type), keys.map((k) => k.id)],
  );
  for (const row of rows) {
    const v = toStoredVersion(row);
    found.set(`${v.resourceType}/${v.id}`, v);
  }
  return found;
}
