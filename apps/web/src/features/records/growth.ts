// Pediatric growth percentiles (LOINC 59576-9 BMI-for-age, 77606-2 weight-for-length, 8289-1 head
// circumference percentile), as recorded by the clinic. The app does not compute percentiles
// itself: it shows the ones in the record, over the child's age. Pure.
import type { Observation } from '@medplum/fhirtypes';
import { LOINC, codeIn } from './format-common.js';
import { observationDate } from './format-observation.js';

export const GROWTH_CODES = { '59576-9': 'bmiForAge', '77606-2': 'weightForLength', '8289-1': 'headCircumference' } as const;
export type GrowthKind = (typeof GROWTH_CODES)[keyof typeof GROWTH_CODES];
/** The reference lines drawn on every chart (CDC/WHO charts mark the 5th, 50th and 95th). */
export const REFERENCE_PERCENTILES = [5, 50, 95] as const;

export interface GrowthPoint {
  ageYears: number;
  percentile: number;
  date: string;
  id: string;
}

export function growthKind(o: Observation): GrowthKind | undefined {
  return GROWTH_CODES[codeIn(o.code, LOINC) as keyof typeof GROWTH_CODES];
}

export function ageInYears(birthDate: string, at: string): number {
  return (Date.parse(at) - Date.parse(`${birthDate.slice(0, 10)}T00:00:00Z`)) / (365.25 * 86_400_000);
}

/** Percentile points by kind, oldest first; kinds with no usable point are left out. */
export function growthSeries(observations: Observation[], birthDate: string | undefined): Map<GrowthKind, GrowthPoint[]> {
  const out = new Map<GrowthKind, GrowthPoint[]>();
  if (!birthDate) return out;
  for (const o of observations) {
    const kind = growthKind(o);
    const date = observationDate(o);
    const value = o.valueQuantity?.value;
    if (!kind || !date || value === undefined || value < 0 || value > 100 || o.status === 'entered-in-error') continue;
    out.set(kind, [...(out.get(kind) ?? []), { ageYears: ageInYears(birthDate, date), percentile: value, date, id: o.id ?? date }]);
  }
  for (const list of out.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}
