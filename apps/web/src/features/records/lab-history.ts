// The Test results screen's data: the patient's lab results a page at a time, newest first, each
// page with the reports that list them (`_revinclude`), shaped into groups by report/panel.
// Paging by result (not by report) keeps results that belong to no report in date order too.
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { forPatient, searchNextPage, searchPage } from '../../fhir-client/fhir.js';
import { newestFirst } from './format-common.js';
import { observationDate } from './format-observation.js';
import type { ResultGroup } from './load-records.js';

/** Results per page: a few phone screens, and a panel rarely spans more than two pages. */
export const LAB_PAGE_SIZE = 30;

export interface LabPage {
  results: Observation[];
  reports: DiagnosticReport[];
  next?: string;
}

export interface LabHistory {
  /** Groups ready to show, in the order they came: newest first within each page. */
  groups: ResultGroup[];
  /** Groups cut by the page boundary, kept back one page so a panel never shows half its results. */
  held: HeldGroup[];
  next?: string;
}

interface HeldGroup extends ResultGroup {
  key: string;
}

export const EMPTY_HISTORY: LabHistory = { groups: [], held: [] };

export async function loadLabPage(patientId: string, next: string | undefined, signal?: AbortSignal): Promise<LabPage> {
  const page = next
    ? await searchNextPage('Observation', next, signal)
    : await searchPage('Observation', { patient: patientId, category: 'laboratory', _sort: '-date', _count: String(LAB_PAGE_SIZE), _revinclude: 'DiagnosticReport:result' }, signal);
  const results = forPatient(page.matches, patientId).filter(isLab);
  const reports = forPatient(page.included.filter((r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport'), patientId);
  return { results, reports, next: page.next };
}

/** The first page, as the screen shows it (saved for offline reading under the screen's key). */
export async function loadLabHistory(patientId: string, signal?: AbortSignal): Promise<LabHistory> {
  return addLabPage(EMPTY_HISTORY, await loadLabPage(patientId, undefined, signal));
}

const isLab = (o: Observation) => (o.category ?? []).some((c) => c.coding?.some((x) => x.code === 'laboratory'));
const idOf = (reference: string | undefined) => reference?.split('/').pop() ?? '';
const reportDate = (report: DiagnosticReport, results: Observation[]) => report.effectiveDateTime ?? report.effectivePeriod?.start ?? report.issued ?? observationDate(results[0]);

/**
 * Adds a page to what is shown. A lab report's results share its date, so they sit together in the
 * newest-first order; only the groups at the end of a page can be cut, and the next page completes
 * them. Such groups wait one page (never longer, in case a listed result never comes: another
 * category, or not readable); a result whose group is already shown joins it.
 */
export function addLabPage(history: LabHistory, page: LabPage): LabHistory {
  const shown = history.groups.map((g) => ({ ...g, results: [...g.results] }));
  const shownByKey = new Map(shown.map((g) => [groupKey(g.report, g.date), g]));
  const seen = new Set([...shown, ...history.held].flatMap((g) => g.results.map((o) => o.id)));
  const reportOf = new Map<string, DiagnosticReport>();
  for (const report of page.reports) for (const r of report.result ?? []) if (!reportOf.has(idOf(r.reference))) reportOf.set(idOf(r.reference), report);

  const pending = new Map<string, HeldGroup & { waited: boolean }>(history.held.map((g) => [g.key, { ...g, results: [...g.results], waited: true }]));
  for (const o of page.results) {
    if (!o.id || seen.has(o.id)) continue;
    seen.add(o.id);
    const report = reportOf.get(o.id) ?? [...pending.values()].find((g) => g.report?.result?.some((r) => idOf(r.reference) === o.id))?.report;
    // Results outside a report are grouped by day, so the list still reads like the lab's reports.
    const key = groupKey(report, observationDate(o));
    const already = shownByKey.get(key);
    if (already) {
      already.results = inReportOrder(already.report, [...already.results, o]);
      continue;
    }
    const group = pending.get(key) ?? { key, report, results: [], waited: false };
    group.results.push(o);
    pending.set(key, group);
  }

  const last = page.results[page.results.length - 1];
  const lastKey = last ? groupKey(undefined, observationDate(last)) : undefined;
  const ready: ResultGroup[] = [];
  const held: HeldGroup[] = [];
  for (const { waited, ...group } of pending.values()) {
    const cut = group.report ? (group.report.result ?? []).some((r) => !seen.has(idOf(r.reference))) : group.key === lastKey;
    if (page.next && cut && !waited) held.push(group);
    else ready.push({ report: group.report, results: inReportOrder(group.report, group.results), date: group.report ? reportDate(group.report, group.results) : dayOf(observationDate(group.results[0])) });
  }
  return { groups: [...shown, ...newestFirst(ready, (g) => g.date)], held, next: page.next };
}

const dayOf = (date: string | undefined) => date?.slice(0, 10) || undefined;

function groupKey(report: DiagnosticReport | undefined, date: string | undefined): string {
  return report?.id ? `report:${report.id}` : `day:${dayOf(date) ?? ''}`;
}

/** A panel's results in the order the lab listed them (DiagnosticReport.result). */
function inReportOrder(report: DiagnosticReport | undefined, results: Observation[]): Observation[] {
  if (!report?.result) return results;
  const position = new Map(report.result.map((r, i) => [idOf(r.reference), i]));
  return [...results].sort((a, b) => (position.get(a.id ?? '') ?? Number.MAX_SAFE_INTEGER) - (position.get(b.id ?? '') ?? Number.MAX_SAFE_INTEGER));
}
