// Home: what needs the patient's attention first, asked of the server only as far as the screen
// shows it. New results come from the newest lab reports' result references (a result is new until
// opened, features/records/opened-results.ts), so no Observation is downloaded; upcoming visits are
// the next few; the health summary is three counts (`_summary=count`). bench/home-load.ts replays
// homeSearches, so the benchmark asks exactly what the app asks.
import type { Appointment, DiagnosticReport, ResourceType } from '@medplum/fhirtypes';
import { forPatient, searchPage } from '../../fhir-client/fhir.js';
import { ApiError } from '../../fhir-client/http.js';
import { searchCount } from '../../fhir-client/search-count.js';
import { newestFirst } from './format-common.js';

/** Lab reports whose results are checked for "new": the same window Home has always used. */
export const HOME_REPORTS = 10;
/** Home lists the next three visits. */
export const HOME_APPOINTMENTS = 3;
/** Panels listed in the "new results" card. */
export const HOME_NEW_PANELS = 5;

/** Appointment statuses of a visit that is still to come (FHIR R4 value set appointmentstatus). */
const UPCOMING_STATUSES = 'proposed,pending,booked,arrived,checked-in,waitlist';
/** Condition clinical statuses the Health summary lists as current problems. */
const CURRENT_PROBLEM_STATUSES = 'active,recurrence,relapse';

interface Search {
  type: ResourceType;
  params: Record<string, string>;
}

/** Every search Home makes, in the order it starts them. */
export function homeSearches(patientId: string, now: Date) {
  const patient = patientId;
  return {
    reports: {
      type: 'DiagnosticReport',
      // The card reads only the panel name, date and result references.
      params: { patient, category: 'LAB', _sort: '-date', _count: String(HOME_REPORTS), _elements: 'code,effective,issued,result,subject' },
    },
    appointments: {
      type: 'Appointment',
      params: { patient, date: `ge${now.toISOString().slice(0, 19)}Z`, status: UPCOMING_STATUSES, _sort: 'date', _count: String(HOME_APPOINTMENTS) },
    },
    problems: { type: 'Condition', params: { patient, 'clinical-status': CURRENT_PROBLEM_STATUSES, _summary: 'count' } },
    medicines: { type: 'MedicationRequest', params: { patient, status: 'active', _summary: 'count' } },
    allergies: { type: 'AllergyIntolerance', params: { patient, 'clinical-status': 'active', _summary: 'count' } },
  } satisfies Record<string, Search>;
}

export interface HomeData {
  /** The newest lab reports, trimmed to what the card reads (`_elements`). */
  reports: DiagnosticReport[];
  appointments: Appointment[];
  summary: { problems: number; medicines: number; allergies: number };
}

export async function loadHome(patientId: string, signal?: AbortSignal): Promise<HomeData> {
  const now = new Date();
  const s = homeSearches(patientId, now);
  const [reports, appointments, problems, medicines, allergies] = await Promise.all([
    searchPage(s.reports.type, s.reports.params, signal),
    // A server without Appointment support has no visits to show; anything else is a real failure.
    searchPage(s.appointments.type, s.appointments.params, signal).catch((err: unknown) => {
      if (err instanceof ApiError && (err.kind === 'invalid' || err.kind === 'not-found' || err.kind === 'forbidden')) return { matches: [] as Appointment[] };
      throw err;
    }),
    searchCount(s.problems.type, s.problems.params, signal),
    searchCount(s.medicines.type, s.medicines.params, signal),
    searchCount(s.allergies.type, s.allergies.params, signal),
  ]);
  const iso = now.toISOString();
  return {
    reports: forPatient(reports.matches, patientId),
    // The server sorts and filters these; the same rules here keep Home right on a server that ignores one.
    appointments: forPatient(appointments.matches, patientId)
      .filter((a) => (a.start ?? '') >= iso && UPCOMING_STATUSES.split(',').includes(a.status))
      .sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''))
      .slice(0, HOME_APPOINTMENTS),
    summary: { problems, medicines, allergies },
  };
}

/** The Observation id a DiagnosticReport.result reference points at (relative, absolute or versioned). */
export function observationIdOf(reference: string | undefined): string | undefined {
  return /(?:^|\/)Observation\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference ?? '')?.[1];
}

export interface NewResults {
  /** New results across the reports looked at. */
  count: number;
  /** Reports with at least one new result, newest first. */
  panels: { report: DiagnosticReport; date?: string; newResults: number }[];
}

const reportDate = (r: DiagnosticReport) => r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued;

/** Which of the newest reports hold results the patient has not opened yet. */
export function newResultsIn(reports: DiagnosticReport[], isNew: (observationId: string) => boolean): NewResults {
  const seen = new Set<string>();
  const panels: NewResults['panels'] = [];
  // Newest first, so a result listed by two reports counts once, with the newer one.
  for (const report of newestFirst(reports, reportDate)) {
    let newResults = 0;
    for (const ref of report.result ?? []) {
      const id = observationIdOf(ref.reference);
      if (!id || seen.has(id)) continue;
      seen.add(id);
      if (isNew(id)) newResults++;
    }
    if (newResults > 0) panels.push({ report, date: reportDate(report), newResults });
  }
  return { count: panels.reduce((n, p) => n + p.newResults, 0), panels };
}
