// A Provenance about a patient's Observation is that patient's health data, yet the R4 patient
// CompartmentDefinition ties Provenance to a patient only through `Provenance.target` pointing at
// the Patient itself. US Core asks servers to return Provenance with `_revinclude=Provenance:target`
// to patient-scoped apps (US Core 6.1.0 "Basic Provenance"), so a Provenance without a patient of
// its own joins the compartments of the resources it targets (found in the same write or stored).
import type { Queryable } from '../db/pool.js';
import type { PreparedResource } from '../fhir/prepare.js';

// Part of the repository's write path (FhirRepository.writePrepared), under the writer's policy and
// audit: it reads only the targets' compartments (patient ids), not their content.
export async function inheritTargetCompartments(sql: Queryable, items: readonly { prepared: PreparedResource }[]): Promise<void> {
  const orphans = items.filter((i) => i.prepared.resource.resourceType === 'Provenance' && i.prepared.compartments.length === 0);
  if (orphans.length === 0) return;
  const inBatch = new Map(items.map((i) => [`${i.prepared.resource.resourceType}/${i.prepared.resource.id}`, i.prepared.compartments]));
  const targetsOf = (p: PreparedResource) =>
    p.rows.reference.filter((r) => r.param === 'target' && r.targetType && r.targetId).map((r) => `${r.targetType}/${r.targetId}`);
  const stored = [...new Set(orphans.flatMap((o) => targetsOf(o.prepared)))].filter((key) => !inBatch.has(key));
  const found = new Map<string, string[]>();
  if (stored.length > 0) {
    const { rows } = await sql.query<{ key: string; compartments: string[] }>(
      `SELECT r.resource_type || '/' || r.id AS key, r.compartments FROM fhir_resource r
       JOIN unnest($1::text[], $2::text[]) AS w(t, i) ON r.resource_type = w.t AND r.id = w.i WHERE NOT r.deleted`,
      [stored.map((k) => k.split('/')[0]), stored.map((k) => k.split('/')[1])],
    );
    for (const row of rows) found.set(row.key, row.compartments);
  }
  for (const { prepared } of orphans) {
    const ids = new Set(targetsOf(prepared).flatMap((key) => inBatch.get(key) ?? found.get(key) ?? []));
    prepared.compartments = [...ids].sort();
  }
}
