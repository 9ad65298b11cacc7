// The staff chart's lab results as trends: one entry per test (LOINC code, else its words), its
// results oldest to newest, the tests with the newest result first. Clinicians answering a message
// or deciding a refill look for "how has this value moved", not for report after report. Pure.
import type { Observation } from '@medplum/fhirtypes';
import { LOINC, codeIn, compareDates } from '../records/format-common.js';
import { observationDate } from '../records/format-observation.js';

export interface LabTrend {
  key: string;
  latest: Observation;
  /** Oldest first, as a chart reads. */
  history: Observation[];
}

const testKey = (o: Observation) => {
  const loinc = codeIn(o.code, LOINC);
  return loinc ? `loinc:${loinc}` : `text:${(o.code?.text ?? o.code?.coding?.[0]?.display ?? '').trim().toLowerCase()}`;
};

export function labTrends(observations: Observation[]): LabTrend[] {
  const byTest = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.status === 'entered-in-error' || o.status === 'cancelled') continue;
    const key = testKey(o);
    byTest.set(key, [...(byTest.get(key) ?? []), o]);
  }
  const trends = [...byTest].map(([key, list]) => {
    const history = [...list].sort((a, b) => compareDates(observationDate(a), observationDate(b)));
    return { key, latest: history[history.length - 1], history };
  });
  return trends.sort((a, b) => compareDates(observationDate(b.latest), observationDate(a.latest)));
}
