// The staff chart's reads. All go through /fhir with the staff session, so the server's access
// layer decides whether this staff member reaches the patient and audits every read as staff
// access (apps/server/test/integration/staff-chart-audit.test.ts issues the same searches). Unlike
// the patient's screens, nothing is saved for offline reading: a shared clinic computer must not
// keep other people's charts.
import type { Observation } from '@medplum/fhirtypes';
import { forPatient, searchPage } from '../../fhir-client/fhir.js';

/** Newest lab results the trends are drawn from: years of a chronic patient's labs. */
export const LAB_RESULTS = 200;

export async function loadLabResults(patientId: string, signal?: AbortSignal): Promise<{ results: Observation[]; more: boolean }> {
  const page = await searchPage('Observation', { patient: patientId, category: 'laboratory', _sort: '-date', _count: String(LAB_RESULTS) }, signal);
  return { results: forPatient(page.matches, patientId), more: Boolean(page.next) };
}

// Medicines, the health summary (problems, allergies, vaccines, vital signs), visits and documents
// use the patient screens' loaders, which take the patient's id.
export { loadDocuments, loadHealthSummary, loadMedications, loadVisits } from '../records/load-records.js';
