// Vital signs: groups observations by kind and makes blood pressure chartable. Pure.
import type { Observation } from '@medplum/fhirtypes';
import { LOINC, codeIn, compareDates } from './format-common.js';
import { observationDate } from './format-observation.js';
import { vitalUnitText, vitalValueText } from '#plain-words/quantity.js';

export const VITAL_KINDS = ['bp', 'weight', 'bmi', 'heartRate', 'temperature', 'spo2', 'height', 'headCirc'] as const;
export type VitalKind = (typeof VITAL_KINDS)[number];

const BY_LOINC: Record<string, VitalKind> = {
  '85354-9': 'bp', '29463-7': 'weight', '39156-5': 'bmi', '8867-4': 'heartRate', '8310-5': 'temperature', '59408-5': 'spo2', '2708-6': 'spo2', '8302-2': 'height', '9843-4': 'headCirc',
};
const SYSTOLIC = '8480-6';

export function vitalKind(o: Observation): VitalKind | undefined {
  return BY_LOINC[codeIn(o.code, LOINC) ?? ''];
}

function component(o: Observation, loinc: string) {
  return o.component?.find((c) => codeIn(c.code, LOINC) === loinc)?.valueQuantity;
}

/** Blood pressure has its numbers in components; the chart plots the top (systolic) number. */
export function chartable(o: Observation): Observation {
  if (vitalKind(o) !== 'bp') return o;
  const sys = component(o, SYSTOLIC);
  return { ...o, valueQuantity: sys, referenceRange: [{ low: { value: 90 }, high: { value: 120 } }] };
}

/** Units and values in the reader's words live with the printed record's, in plain-words. */
export { vitalUnitText, vitalValueText };

export function groupVitals(observations: Observation[]): Map<VitalKind, Observation[]> {
  const groups = new Map<VitalKind, Observation[]>();
  for (const o of observations) {
    const kind = vitalKind(o);
    if (!kind) continue;
    groups.set(kind, [...(groups.get(kind) ?? []), o]);
  }
  for (const list of groups.values()) list.sort((a, b) => compareDates(observationDate(a), observationDate(b)));
  return groups;
}
