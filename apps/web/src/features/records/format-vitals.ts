// Vital signs: groups observations by kind and makes blood pressure chartable. Pure.
import type { Observation, Quantity } from '@medplum/fhirtypes';
import type { Messages } from '../../i18n/en.js';
import { LOINC, codeIn, compareDates } from './format-common.js';
import { observationDate, unitText, type NumberFormatter } from './format-observation.js';

export const VITAL_KINDS = ['bp', 'weight', 'bmi', 'heartRate', 'temperature', 'spo2', 'height', 'headCirc'] as const;
export type VitalKind = (typeof VITAL_KINDS)[number];

const BY_LOINC: Record<string, VitalKind> = {
  '85354-9': 'bp', '29463-7': 'weight', '39156-5': 'bmi', '8867-4': 'heartRate', '8310-5': 'temperature', '59408-5': 'spo2', '2708-6': 'spo2', '8302-2': 'height', '9843-4': 'headCirc',
};
const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

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

/** The words for vital-sign units that differ by language (i18n summary.units). */
export type VitalUnitWords = Messages['summary']['units'];

// UCUM codes (unitsofmeasure.org) of the vital signs profile, as a patient reads them. The unit
// text beside the code is free text ("C", "beats/minute" from some feeds), so the code wins; a
// quantity with only text is matched on the same spellings.
const PRINTED: Record<string, string | ((w: VitalUnitWords) => string)> = {
  cel: '°C', degc: '°C', c: '°C', '°c': '°C',
  '[degf]': '°F', degf: '°F', f: '°F', '°f': '°F',
  'mm[hg]': 'mmHg', mmhg: 'mmHg',
  'kg/m2': 'kg/m²', 'kg/m^2': 'kg/m²', 'kg/m²': 'kg/m²',
  '/min': (w) => w.beatsPerMinute, '{beats}/min': (w) => w.beatsPerMinute, 'beats/minute': (w) => w.beatsPerMinute, 'beats/min': (w) => w.beatsPerMinute, bpm: (w) => w.beatsPerMinute,
  kg: 'kg', g: 'g', '[lb_av]': 'lb', lb: 'lb', lbs: 'lb', '[oz_av]': 'oz', oz: 'oz',
  cm: 'cm', m: 'm', '[in_i]': (w) => w.inch, in: (w) => w.inch,
};

/** "°C", "beats a minute", "kg/m²", in the reader's language; another unit as the record prints it. */
export function vitalUnitText(q: Quantity | undefined, words: VitalUnitWords): string {
  for (const key of [q?.code, q?.unit]) {
    const printed = key ? PRINTED[key.trim().toLowerCase()] : undefined;
    if (printed) return typeof printed === 'string' ? printed : printed(words);
  }
  return unitText(q);
}

export function vitalValueText(o: Observation, formatNumber: NumberFormatter, words: VitalUnitWords): string | undefined {
  if (vitalKind(o) === 'bp') {
    const sys = component(o, SYSTOLIC)?.value;
    const dia = component(o, DIASTOLIC)?.value;
    return sys !== undefined && dia !== undefined ? `${formatNumber(sys, 0)}/${formatNumber(dia, 0)} mmHg` : undefined;
  }
  const q = o.valueQuantity;
  if (q?.value === undefined) return undefined;
  const value = formatNumber(q.value, 1);
  const percent = q.code === '%' || q.unit?.trim() === '%';
  if (percent) return words.percent(value);
  const unit = vitalUnitText(q, words);
  return `${value}${unit ? ` ${unit}` : ''}`;
}

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
