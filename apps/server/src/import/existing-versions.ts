// Current versions of many resources in one round trip, locked in key order so that concurrent
// import workers writing shared resources (organisations, practitioners) queue instead of deadlocking.
// The import compares them with what it brings (unchanged resources keep their version), so it is a
// read of health data: audited once per call with every patient touched, not once per resource.
import type { FhirRepository } from '../fhir/repository.js';
import { toStoredVersion, type StoredVersion } from '../fhir/store/resource-store.js';

export async function readCurrentMany(repo: FhirRepository, keys: { type: string; id: string }[], lock = true): Promise<Map<string, StoredVersion>> {
  const found = new Map<string, StoredVersion>();
  if (keys.length === 0) return found;
  const { rows } = await repo.sql.query(
    `SELECT r.resource_type, r.id, r.version_id, r.last_updated, r.deleted, r.content, r.compartments
     FROM fhir_resource r JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON r.resource_type = k.t AND r.id = k.i
     ORDER BY r.resource_type, r.id${lock ? ' FOR UPDATE OF r' : ''}`,
    [keys.map((k) => k.type), keys.map((k) => k.id)],
  );
  const patients = new Set<string>();
  for (const row of rows) {
    const v = toStoredVersion(row);
    found.set(`${v.resourceType}/${v.id}`, v);
    for (const p of v.compartments) patients.add(p);
  }
  if (found.size > 0) repo.audit('R', 'read', [...found.keys()], [...patients], true, `import: ${found.size} stored resources compared`);
  return found;
}
