// Reads a patient's whole chart through a FhirRepository, so the access door (the session's
// policy) decides what is reachable and every search is audited like any FHIR API search.
import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';
import { FhirError } from '#fhir/outcomes.js';
import type { FhirRepository } from '../fhir/repository.js';
import { searchResources } from '../fhir/search/search.js';

/** Patient-compartment types the summary covers, with the search parameter that names the patient. */
export const CHART_TYPES = [
  'Condition', 'AllergyIntolerance', 'MedicationRequest', 'MedicationStatement', 'Immunization', 'Observation',
  'DiagnosticReport', 'Procedure', 'Encounter', 'CarePlan', 'Goal', 'DocumentReference',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];
export type Chart = { patient: Patient } & { [K in ChartType]: Extract<Resource, { resourceType: K }>[] };

/** At most this many pages of 500 per type: a chart is small; this bounds a pathological one. */
const MAX_PAGES = 40;

async function searchAll(repo: FhirRepository, type: string, patientId: string): Promise<Resource[]> {
  const out: Resource[] = [];
  let query: [string, string][] = [['patient', patientId], ['_count', '500']];
  for (let page = 0; page < MAX_PAGES; page++) {
    const bundle: Bundle = await searchResources(repo, type, query, { strict: false });
    for (const e of bundle.entry ?? []) if (e.search?.mode === 'match' && e.resource?.resourceType === type) out.push(e.resource);
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    const cursor = next ? new URL(next).searchParams.get('_cursor') : null;
    if (!cursor) break;
    query = [['patient', patientId], ['_count', '500'], ['_cursor', cursor]];
  }
  return out;
}

export async function readChart(repo: FhirRepository, patientId: string): Promise<Chart> {
  const version = await repo.read('Patient', patientId);
  const chart = { patient: JSON.parse(version.content as string) as Patient } as Chart;
  for (const type of CHART_TYPES) {
    try {
      (chart as unknown as Record<string, Resource[]>)[type] = await searchAll(repo, type, patientId);
    } catch (err) {
      // A type this policy may not search (e.g. a narrower consent) is left out of the summary.
      if (err instanceof FhirError && (err.status === 403 || err.status === 400)) (chart as unknown as Record<string, Resource[]>)[type] = [];
      else throw err;
    }
  }
  return chart;
}
