// Vital signs and pediatric growth. Values come from a per-patient body model (height, target BMI,
// blood-pressure baseline, growth z-scores) so successive visits trend instead of jumping around.
import type { CodeableConcept, Observation, Reference } from '@medplum/fhirtypes';
import { SYS, clamp, coding, fhirDateTime, loinc, obsCategory, qty, ref, round, usCore } from './fhir-helpers.js';
import type { Rng } from './rng.js';

export interface BodyModel {
  female: boolean;
  adultHeightCm: number;
  targetBmi: number;
  weightSlopeKgPerYear: number;
  zHeight: number;
  zWeight: number;
  zHead: number;
  bpBase: number;
  hrBase: number;
}

export function makeBodyModel(rng: Rng, female: boolean, obese: boolean): BodyModel {
  const zHeight = clamp(rng.normal(0, 0.9), -2.2, 2.2);
  return {
    female,
    adultHeightCm: (female ? 163 : 177) + 6.5 * zHeight,
    targetBmi: obese ? rng.float(31, 38) : clamp(rng.normal(25.5, 3), 19, 29.5),
    weightSlopeKgPerYear: rng.normal(0.3, 0.9),
    zHeight,
    zWeight: clamp(rng.normal(0.2, 0.9), -2.2, 2.4),
    zHead: clamp(rng.normal(0, 0.8), -2, 2),
    bpBase: rng.normal(0, 1),
    hrBase: rng.normal(0, 1),
  };
}

// WHO/CDC-like medians by age in months: [months, weight kg, length/height cm, head circumference cm].
const GROWTH: ReadonlyArray<[number, number, number, number]> = [
  [0, 3.4, 50.0, 34.5], [1, 4.4, 54.7, 37.3], [2, 5.4, 58.4, 39.1], [4, 6.8, 63.9, 41.6], [6, 7.7, 67.6, 43.3],
  [9, 8.7, 72.0, 45.0], [12, 9.5, 75.7, 46.1], [15, 10.1, 79.1, 46.8], [18, 10.8, 82.3, 47.4], [24, 12.2, 87.1, 48.3],
  [36, 14.3, 95.2, 49.5], [48, 16.3, 102.5, 50.3], [60, 18.3, 109.4, 50.8], [72, 20.5, 115.8, 51.2], [96, 25.6, 128.0, 52.0],
  [120, 31.9, 138.4, 52.7], [144, 40.0, 149.1, 53.5], [168, 50.0, 161.5, 54.5], [192, 57.5, 168.0, 55.2], [216, 62.0, 170.0, 55.6],
];

function interpolate(months: number, column: 1 | 2 | 3): number {
  if (months <= 0) return GROWTH[0][column];
  for (let i = 1; i < GROWTH.length; i++) {
    const [m1] = GROWTH[i];
    if (months <= m1) {
      const m0 = GROWTH[i - 1][0];
      const f = (months - m0) / (m1 - m0);
      return GROWTH[i - 1][column] + f * (GROWTH[i][column] - GROWTH[i - 1][column]);
    }
  }
  return GROWTH[GROWTH.length - 1][column];
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26), for z-score to percentile. */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

const percentile = (z: number) => round(clamp(normalCdf(z) * 100, 0.5, 99.5), 1);

export interface VitalContext {
  body: BodyModel;
  ageYears: number;
  ageMonths: number;
  yearsFromStart: number;
  hypertensionControl: number | null; // null: normotensive; 0 untreated .. 1 well controlled
  onBetaBlocker: boolean;
  febrile: boolean;
  lowOxygen: boolean;
  telehealth: boolean;
}

export interface VitalSummary {
  systolic?: number;
  diastolic?: number;
  heartRate?: number;
  respRate?: number;
  tempC?: number;
  spo2?: number;
  weightKg?: number;
  heightCm?: number;
  bmi?: number;
  bmiPercentile?: number;
  weightPercentile?: number;
  headCm?: number;
}

interface Builder {
  next(): string;
  patient: Reference<any>;
  encounterId: string;
  when: Date;
}

function vital(b: Builder, profile: string, code: CodeableConcept, value: Observation['valueQuantity']): Observation {
  return {
    resourceType: 'Observation',
    id: b.next(),
    meta: { profile: [usCore(profile)] },
    status: 'final',
    category: [obsCategory('vital-signs')],
    code,
    subject: b.patient,
    encounter: ref('Encounter', b.encounterId),
    effectiveDateTime: fhirDateTime(b.when),
    valueQuantity: value,
  };
}

export function vitalSigns(b: Builder, c: VitalContext, rng: Rng): { observations: Observation[]; summary: VitalSummary } {
  const out: Observation[] = [];
  const s: VitalSummary = {};
  const child = c.ageYears < 18;
  const m = c.ageMonths;
  let heightCm: number;
  let weightKg: number;
  if (child) {
    const lengthFactor = 1 + 0.038 * c.body.zHeight;
    heightCm = interpolate(m, 2) * lengthFactor * (c.body.female && m > 150 ? 0.96 : 1);
    weightKg = interpolate(m, 1) * Math.exp(0.11 * c.body.zWeight) * (c.body.female && m > 150 ? 0.93 : 1);
    // Blend into the adult body model from 16 so 17-year-olds do not jump at 18.
    if (c.ageYears > 16) {
      const f = clamp(c.ageYears - 16, 0, 1);
      heightCm = heightCm * (1 - f) + c.body.adultHeightCm * f;
    }
  } else {
    heightCm = c.body.adultHeightCm - (c.ageYears > 65 ? (c.ageYears - 65) * 0.12 : 0);
    const h = c.body.adultHeightCm / 100;
    weightKg = c.body.targetBmi * h * h + c.body.weightSlopeKgPerYear * c.yearsFromStart + rng.normal(0, 0.7);
  }
  heightCm = round(heightCm + rng.normal(0, 0.3), 1);
  weightKg = round(weightKg, child && m < 24 ? 2 : 1);
  const bmi = round(weightKg / (heightCm / 100) ** 2, 1);

  if (c.telehealth) {
    // Video visits: the patient reports what they can; weight is recorded as not performed.
    const weight = vital(b, 'us-core-body-weight', loinc('29463-7', 'Body weight'), undefined);
    delete weight.valueQuantity;
    weight.dataAbsentReason = { coding: [coding(SYS.dataAbsent, 'not-performed', 'Not Performed')], text: 'Video visit; no scale available at home' };
    out.push(weight);
    const hr = Math.round(72 + 8 * c.body.hrBase + rng.normal(0, 4));
    out.push(vital(b, 'us-core-heart-rate', loinc('8867-4', 'Heart rate'), qty(hr, '/min', 'beats/minute')));
    s.heartRate = hr;
    return { observations: out, summary: s };
  }

  if (c.ageYears >= 3) {
    let sys: number;
    if (child) sys = 96 + c.ageYears * 1.5 + 6 * c.body.bpBase;
    else {
      sys = 116 + 7 * c.body.bpBase + Math.max(0, c.ageYears - 40) * 0.35;
      if (c.hypertensionControl !== null) sys = 150 - 18 * c.hypertensionControl + 5 * c.body.bpBase;
    }
    sys = Math.round(sys + rng.normal(0, 5));
    const dia = Math.round(clamp(0.55 * sys + 12 + rng.normal(0, 4), 45, 110));
    s.systolic = sys;
    s.diastolic = dia;
    const bp = vital(b, 'us-core-blood-pressure', loinc('85354-9', 'Blood pressure panel with all children optional'), undefined);
    delete bp.valueQuantity;
    bp.component = [
      { code: loinc('8480-6', 'Systolic blood pressure'), valueQuantity: qty(sys, 'mm[Hg]', 'mmHg') },
      { code: loinc('8462-4', 'Diastolic blood pressure'), valueQuantity: qty(dia, 'mm[Hg]', 'mmHg') },
    ];
    out.push(bp);
  }
  const hrMean = m < 12 ? 130 : m < 36 ? 112 : c.ageYears < 12 ? 92 : 72;
  const hr = Math.round(hrMean + 7 * c.body.hrBase - (c.onBetaBlocker ? 8 : 0) + (c.febrile ? 12 : 0) + rng.normal(0, 4));
  const rrMean = m < 12 ? 34 : m < 36 ? 26 : c.ageYears < 12 ? 20 : 16;
  const rr = Math.round(rrMean + rng.normal(0, 1.5));
  const temp = round((c.febrile ? 38.4 : 36.8) + rng.normal(0, 0.25), 1);
  const spo2 = Math.round(clamp((c.lowOxygen ? 94 : 98) + rng.normal(0, 1), 88, 100));
  Object.assign(s, { heartRate: hr, respRate: rr, tempC: temp, spo2, weightKg, heightCm });
  out.push(vital(b, 'us-core-heart-rate', loinc('8867-4', 'Heart rate'), qty(hr, '/min', 'beats/minute')));
  out.push(vital(b, 'us-core-respiratory-rate', loinc('9279-1', 'Respiratory rate'), qty(rr, '/min', 'breaths/minute')));
  out.push(vital(b, 'us-core-body-temperature', loinc('8310-5', 'Body temperature'), qty(temp, 'Cel', 'C')));
  out.push(
    vital(
      b,
      'us-core-pulse-oximetry',
      { coding: [coding(SYS.loinc, '59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'), coding(SYS.loinc, '2708-6', 'Oxygen saturation in Arterial blood')], text: 'Oxygen saturation' },
      qty(spo2, '%'),
    ),
  );
  out.push(vital(b, 'us-core-body-weight', loinc('29463-7', 'Body weight'), qty(weightKg, 'kg')));
  out.push(vital(b, 'us-core-body-height', loinc('8302-2', 'Body height'), qty(heightCm, 'cm')));

  if (c.ageYears >= 2) {
    out.push(vital(b, 'us-core-bmi', loinc('39156-5', 'Body mass index (BMI) [Ratio]'), qty(bmi, 'kg/m2', 'kg/m2')));
    s.bmi = bmi;
  }
  if (child && c.ageYears >= 2) {
    const medianBmi = interpolate(m, 1) / (interpolate(m, 2) / 100) ** 2;
    const p = percentile(Math.log(bmi / medianBmi) / 0.12);
    s.bmiPercentile = p;
    out.push(vital(b, 'pediatric-bmi-for-age', loinc('59576-9', 'Body mass index (BMI) [Percentile] Per age and sex'), qty(p, '%')));
  }
  if (m < 36) {
    const p = percentile(c.body.zWeight - 0.5 * c.body.zHeight);
    s.weightPercentile = p;
    out.push(vital(b, 'pediatric-weight-for-height', loinc('77606-2', 'Weight-for-length Per age and sex'), qty(p, '%')));
    const head = round(interpolate(m, 3) * (1 + 0.03 * c.body.zHead) + rng.normal(0, 0.15), 1);
    s.headCm = head;
    out.push(vital(b, 'us-core-head-circumference', loinc('9843-4', 'Head Occipital-frontal circumference'), qty(head, 'cm')));
    out.push(
      vital(b, 'head-occipital-frontal-circumference-percentile', loinc('8289-1', 'Head Occipital-frontal circumference Percentile'), qty(percentile(c.body.zHead), '%')),
    );
  }
  return { observations: out, summary: s };
}
