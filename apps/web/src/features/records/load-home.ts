// Home: what needs the patient's attention first, asked of the server only as far as the screen
// shows it, in one batch request. New results come from the newest lab reports' result references
// and release dates (new = released lately and not opened by this account,
// features/records/opened-results.ts, asked beside the batch), so no Observation is downloaded;
// upcoming visits are the next few; the health summary is three counts (`_summary=count`).
// bench/home-load.ts sends homeBatch, so the benchmark asks what the app asks.
import type { Appointment, Bundle, DiagnosticReport } from '@medplum/fhirtypes';
import { countOf, matchesOf, searchBatch, searchBatchBundle, type BatchSearch } from '../../fhir-client/batch.js';
import { forPatient } from '../../fhir-client/fhir.js';
import { ApiError } from '../../fhir-client/http.js';
import { newestFirst } from './format-common.js';
import { loadOpenedResults, type IsNewResult, type OpenedResults } from './opened-results.js';
import { upcomingOnly, upcomingSearch } from './upcoming-visits.js';

/** Lab reports whose results are checked for "new": the same window Home has always used. */
export const HOME_REPORTS = 10;
/** Home lists the next three visits. */
export const HOME_APPOINTMENTS = 3;
/** Panels listed in the "new results" card. */
export const HOME_NEW_PANELS = 5;

/** Condition clinical statuses the Health summary lists as current problems. */
const CURRENT_PROBLEM_STATUSES = 'active,recurrence,relapse';

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
      params: upcomingSearch(patient, now, HOME_APPOINTMENTS),
    },
    problems: { type: 'Condition', params: { patient, 'clinical-status': CURRENT_PROBLEM_STATUSES, _summary: 'count' } },
    medicines: { type: 'MedicationRequest', params: { patient, status: 'active', _summary: 'count' } },
    allergies: { type: 'AllergyIntolerance', params: { patient, 'clinical-status': 'active', _summary: 'count' } },
  } satisfies Record<string, BatchSearch>;
}

/** The one request Home makes after the session: its searches as a FHIR batch. */
export const homeBatch = (patientId: string, now: Date): Bundle => searchBatchBundle(Object.values(homeSearches(patientId, now)));

export interface HomeData {
  /** The newest lab reports, trimmed to what the card reads (`_elements`). */
  reports: DiagnosticReport[];
  appointments: Appointment[];
  summary: { problems: number; medicines: number; allergies: number };
  /** Which results this account has opened (the server's answer, saved offline with the rest). */
  opened: OpenedResults;
}

export async function loadHome(patientId: string, signal?: AbortSignal): Promise<HomeData> {
  const now = new Date();
  const [[reports, appointments, problems, medicines, allergies], opened] = await Promise.all([
    searchBatch(Object.values(homeSearches(patientId, now)), signal),
    loadOpenedResults(patientId, signal),
  ]);
  return {
    opened,
    reports: forPatient(matchesOf<DiagnosticReport>(searchset(reports)), patientId),
    appointments: upcomingOnly(matchesOf<Appointment>(searchset(appointments, true)), patientId, now, HOME_APPOINTMENTS),
    summary: { problems: countOf(searchset(problems)), medicines: countOf(searchset(medicines)), allergies: countOf(searchset(allergies)) },
  };
}

const EMPTY: Bundle = { resourceType: 'Bundle', type: 'searchset', entry: [] };

/** A failed entry fails Home, except where `optional`: a server without that search has nothing to show. */
function searchset(result: Bundle | ApiError, optional = false): Bundle {
  if (!(result instanceof ApiError)) return result;
  if (optional && (result.kind === 'invalid' || result.kind === 'not-found' || result.kind === 'forbidden')) return EMPTY;
  throw result;
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

/** A report's release: when its results were issued (FHIR R4 DiagnosticReport.issued). */
const releasedAt = (r: DiagnosticReport) => r.issued ?? reportDate(r);

/** Which of the newest reports hold new results: released lately and not opened yet. */
export function newResultsIn(reports: DiagnosticReport[], isNew: IsNewResult): NewResults {
  const seen = new Set<string>();
  const panels: NewResults['panels'] = [];
  // Newest first, so a result listed by two reports counts once, with the newer one.
  for (const report of newestFirst(reports, reportDate)) {
    let newResults = 0;
    for (const ref of report.result ?? []) {
      const id = observationIdOf(ref.reference);
      if (!id || seen.has(id)) continue;
      seen.add(id);
      if (isNew(id, releasedAt(report))) newResults++;
    }
    if (newResults > 0) panels.push({ report, date: reportDate(report), newResults });
  }
  return { count: panels.reduce((n, p) => n + p.newResults, 0), panels };
}
