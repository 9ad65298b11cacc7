// Loaders for the records screens: FHIR searches for the signed-in patient, shaped for display.
// Each result is saved encrypted for offline reading by cachedLoad (features/offline).
import type {
  AllergyIntolerance, Appointment, CareTeam, Condition, DiagnosticReport, DocumentReference, Encounter, Goal, Immunization,
  MedicationRequest, Observation, Patient, Procedure, Resource,
} from '@medplum/fhirtypes';
import { forPatient, patientSearch, read, searchPage } from '../../fhir-client/fhir.js';
import { upcomingOnly, upcomingSearch } from './upcoming-visits.js';
import { LOINC, codeIn, newestFirst, periodStart } from './format-common.js';
import { loincOf, observationDate } from './format-observation.js';

const hasCategory = (categories: { coding?: { code?: string }[] }[] | undefined, code: string) =>
  (categories ?? []).some((c) => c.coding?.some((x) => x.code === code));

export interface ResultGroup {
  report?: DiagnosticReport;
  results: Observation[];
  date?: string;
}

export interface ResultDetail {
  observation: Observation;
  history: Observation[];
  report?: DiagnosticReport;
}

export async function loadResultDetail(patientId: string, id: string, signal?: AbortSignal): Promise<ResultDetail> {
  const observation = await read('Observation', id, signal);
  const loinc = loincOf(observation);
  const history = loinc ? (await patientSearch('Observation', patientId, { code: `${LOINC}|${loinc}`, _sort: 'date' }, signal)).filter((o) => loincOf(o) === loinc) : [observation];
  const reports = await patientSearch('DiagnosticReport', patientId, { result: `Observation/${id}` }, signal).catch(() => [] as DiagnosticReport[]);
  const report = reports.find((r) => r.result?.some((x) => x.reference?.endsWith(`Observation/${id}`)));
  return { observation, history, report };
}

export async function loadMedications(patientId: string, signal?: AbortSignal): Promise<MedicationRequest[]> {
  return newestFirst(await patientSearch('MedicationRequest', patientId, {}, signal), (r) => r.authoredOn);
}

// LOINC codes of the vital signs profile (FHIR R4 observation-vitalsigns).
export const VITALS: Record<string, string> = {
  '85354-9': 'bp', '29463-7': 'weight', '39156-5': 'bmi', '8867-4': 'heartRate', '8310-5': 'temperature', '59408-5': 'spo2', '2708-6': 'spo2', '8302-2': 'height', '9843-4': 'headCirc',
  // Pediatric growth percentiles (features/records/growth.ts).
  '59576-9': 'growth', '77606-2': 'growth', '8289-1': 'growth',
};

export interface HealthSummary {
  conditions: Condition[];
  allergies: AllergyIntolerance[];
  immunizations: Immunization[];
  vitals: Observation[];
  procedures: Procedure[];
  careTeams: CareTeam[];
  goals: Goal[];
  patient: Patient;
}

export async function loadHealthSummary(patientId: string, signal?: AbortSignal): Promise<HealthSummary> {
  const soft = <T,>(p: Promise<T[]>) => p.catch(() => [] as T[]);
  const [patient, conditions, allergies, immunizations, vitals, procedures, careTeams, goals] = await Promise.all([
    read('Patient', patientId, signal),
    patientSearch('Condition', patientId, {}, signal),
    patientSearch('AllergyIntolerance', patientId, {}, signal),
    patientSearch('Immunization', patientId, {}, signal),
    patientSearch('Observation', patientId, { category: 'vital-signs', _sort: 'date' }, signal),
    soft(patientSearch('Procedure', patientId, {}, signal)),
    soft(patientSearch('CareTeam', patientId, {}, signal)),
    soft(patientSearch('Goal', patientId, {}, signal)),
  ]);
  return {
    patient,
    conditions: newestFirst(conditions, (c) => c.onsetDateTime ?? c.recordedDate),
    allergies,
    immunizations: newestFirst(immunizations, (i) => i.occurrenceDateTime),
    vitals: vitals.filter((o) => hasCategory(o.category, 'vital-signs') && VITALS[codeIn(o.code, LOINC) ?? '']),
    procedures: newestFirst(procedures, (p) => p.performedDateTime ?? p.performedPeriod?.start),
    careTeams,
    goals,
  };
}

export interface VisitList {
  encounters: Encounter[];
  appointments: Appointment[];
}

/** Visits booked ahead that the Visits screen lists; a clinic rarely books a patient further. */
const VISITS_AHEAD = 20;

export async function loadVisits(patientId: string, signal?: AbortSignal): Promise<VisitList> {
  const now = new Date();
  const [encounters, appointments] = await Promise.all([
    patientSearch('Encounter', patientId, { _sort: '-date' }, signal),
    patientSearch('Appointment', patientId, upcomingSearch(patientId, now, VISITS_AHEAD), signal).catch(() => [] as Appointment[]),
  ]);
  return {
    encounters: newestFirst(encounters, (e) => periodStart(e.period)),
    appointments: upcomingOnly(appointments, patientId, now, VISITS_AHEAD),
  };
}

export interface VisitDetail {
  encounter: Encounter;
  notes: DocumentReference[];
  /** The visit's lab reports with their results (absent in copies saved offline before). */
  labs?: ResultGroup[];
}

export async function loadVisitDetail(patientId: string, id: string, signal?: AbortSignal): Promise<VisitDetail> {
  const [encounter, notes, labs] = await Promise.all([
    read('Encounter', id, signal),
    patientSearch('DocumentReference', patientId, { encounter: `Encounter/${id}` }, signal),
    // A lab report note restates these; the screen shows them as results (features/records/lab-report-note.ts).
    searchPage('DiagnosticReport', { patient: patientId, encounter: `Encounter/${id}`, category: 'LAB', _include: 'DiagnosticReport:result' }, signal)
      .then(({ matches, included }) => resultGroups(forPatient(matches, patientId), included))
      .catch(() => [] as ResultGroup[]),
  ]);
  return { encounter, notes: notes.filter((d) => d.context?.encounter?.some((e) => e.reference?.endsWith(`Encounter/${id}`))), labs };
}

/** Reports with the results a search included (`_include=DiagnosticReport:result`), newest first. */
function resultGroups(reports: DiagnosticReport[], included: Resource[]): ResultGroup[] {
  const byId = new Map(included.filter((r): r is Observation => r.resourceType === 'Observation').map((o) => [o.id, o]));
  const groups: ResultGroup[] = [];
  for (const report of reports) {
    const results = (report.result ?? []).map((r) => byId.get(r.reference?.split('/').pop() ?? '')).filter((o): o is Observation => Boolean(o));
    if (results.length) groups.push({ report, results, date: report.effectiveDateTime ?? report.issued ?? observationDate(results[0]) });
  }
  return newestFirst(groups, (g) => g.date);
}

export async function loadDocuments(patientId: string, signal?: AbortSignal): Promise<DocumentReference[]> {
  return newestFirst(await patientSearch('DocumentReference', patientId, {}, signal), (d) => d.date);
}

/** Home shows only the newest panels, so it asks for one page of reports with their results. */
const HOME_REPORTS = 10;

export async function loadRecentLabResults(patientId: string, signal?: AbortSignal): Promise<ResultGroup[]> {
  const { matches, included } = await searchPage(
    'DiagnosticReport',
    { patient: patientId, category: 'LAB', _sort: '-date', _count: String(HOME_REPORTS), _include: 'DiagnosticReport:result' },
    signal,
  );
  return resultGroups(forPatient(matches, patientId), included);
}
