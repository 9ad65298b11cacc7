// A child's weight, length/height, BMI and head size from vital-sign Observations, in metric units,
// each placed on its reference curve (references.ts) with the percentile worked out from L, M, S.
// Pure: the screen passes the observations and the patient.
import type { Observation, Patient, Quantity } from '@medplum/fhirtypes';
import { codeIn, compareDates, LOINC } from '../format-common.js';
import { observationDate } from '../format-observation.js';
import { percentileOf, zScore } from './lms.js';
import { DAYS_PER_MONTH, referenceAt, type GrowthMeasure, type ReferenceSource, type Sex } from './references.js';

export const GROWTH_MEASURES: GrowthMeasure[] = ['weight', 'stature', 'bmi', 'headCircumference'];

// LOINC: body weight (29463-7, measured 3141-9), body height (8302-2, lying 8306-3, standing 8308-9),
// BMI (39156-5), head circumference (9843-4, by tape 8287-5).
const BY_LOINC: Record<string, GrowthMeasure> = {
  '29463-7': 'weight', '3141-9': 'weight', '8302-2': 'stature', '8306-3': 'stature', '8308-9': 'stature', '39156-5': 'bmi', '9843-4': 'headCircumference', '8287-5': 'headCircumference',
};

// Factors to the reference tables' units (kg, cm, kg/m²), by UCUM code or the unit as written.
const TO_KG: Record<string, number> = { kg: 1, g: 0.001, '[lb_av]': 0.45359237, lb: 0.45359237, lbs: 0.45359237, '[oz_av]': 0.028349523125, oz: 0.028349523125 };
const TO_CM: Record<string, number> = { cm: 1, mm: 0.1, m: 100, '[in_i]': 2.54, in: 2.54 };

export interface GrowthMeasurement {
  id: string;
  date: string;
  ageMonths: number;
  /** kg, cm or kg/m². */
  value: number;
  z: number;
  percentile: number;
  source: ReferenceSource;
}

export function growthSex(patient: Pick<Patient, 'gender'>): Sex | undefined {
  return patient.gender === 'male' || patient.gender === 'female' ? patient.gender : undefined;
}

export function ageInMonths(birthDate: string, at: string): number {
  return (Date.parse(at) - Date.parse(`${birthDate.slice(0, 10)}T00:00:00Z`)) / (DAYS_PER_MONTH * 86_400_000);
}

function metric(measure: GrowthMeasure, q: Quantity | undefined): number | undefined {
  if (q?.value === undefined || !(q.value > 0)) return undefined;
  if (measure === 'bmi') return q.value;
  const table = measure === 'weight' ? TO_KG : TO_CM;
  const factor = table[q.code ?? ''] ?? table[(q.unit ?? '').trim().toLowerCase()];
  return factor === undefined ? undefined : q.value * factor;
}

interface Raw {
  id: string;
  date: string;
  value: number;
}

/** Measurements by kind, oldest first; kinds with no measurement on a reference curve are left out. */
export function growthMeasurements(observations: Observation[], birthDate: string | undefined, sex: Sex | undefined): Map<GrowthMeasure, GrowthMeasurement[]> {
  const out = new Map<GrowthMeasure, GrowthMeasurement[]>();
  if (!birthDate || !sex) return out;
  const raw = new Map<GrowthMeasure, Raw[]>();
  for (const o of observations) {
    const measure = BY_LOINC[codeIn(o.code, LOINC) ?? ''];
    const date = observationDate(o);
    const value = measure && metric(measure, o.valueQuantity);
    if (!measure || !date || value === undefined || o.status === 'entered-in-error' || o.status === 'cancelled') continue;
    raw.set(measure, [...(raw.get(measure) ?? []), { id: o.id ?? `${measure}-${date}`, date, value }]);
  }
  // Children's charts often carry weight and height but no BMI: work it out for visits that have both.
  const bmiDays = new Set((raw.get('bmi') ?? []).map((r) => r.date.slice(0, 10)));
  const heights = new Map((raw.get('stature') ?? []).map((r) => [r.date.slice(0, 10), r.value]));
  for (const w of raw.get('weight') ?? []) {
    const day = w.date.slice(0, 10);
    const h = heights.get(day);
    if (h && !bmiDays.has(day)) raw.set('bmi', [...(raw.get('bmi') ?? []), { id: `bmi-${w.id}`, date: w.date, value: w.value / (h / 100) ** 2 }]);
  }
  for (const [measure, list] of raw) {
    const placed: GrowthMeasurement[] = [];
    for (const r of list) {
      const ageMonths = ageInMonths(birthDate, r.date);
      const ref = referenceAt(measure, sex, ageMonths);
      if (!ref) continue;
      placed.push({ ...r, ageMonths, z: zScore(r.value, ref.lms), percentile: percentileOf(r.value, ref.lms), source: ref.source });
    }
    if (placed.length) out.set(measure, placed.sort((a, b) => compareDates(a.date, b.date)));
  }
  return new Map(GROWTH_MEASURES.filter((m) => out.has(m)).map((m) => [m, out.get(m)!]));
}
