// Which reference applies to a child: the CDC advises the WHO standards from birth to 2 years and
// the CDC 2000 charts from 2 to 20 (MMWR Recomm Rep 2010;59(RR-9)). Head circumference is charted
// to 2 years (WHO); BMI for age from 2 years (CDC), because under 2 it is not used. Pure.
import { CDC_2_20, WHO_0_24, type LmsRow } from './lms-tables.js';
import { lmsAt, PERCENTILE_Z, valueAtZ, type Lms } from './lms.js';

export type GrowthMeasure = 'weight' | 'stature' | 'bmi' | 'headCircumference';
export type Sex = 'male' | 'female';
export type ReferenceSource = 'who' | 'cdc';

/** Days in an average Gregorian month: the CDC's divisor for turning days of age into months. */
export const DAYS_PER_MONTH = 30.4375;
export const WHO_END_MONTHS = 24;

const WHO_AGES = Array.from({ length: 25 }, (_, i) => i);
// CDC rows: 24, then the middle of each month 24.5 … 239.5, then 240 (and 240.5 for BMI).
const CDC_AGES = [24, ...Array.from({ length: 216 }, (_, i) => 24.5 + i), 240, 240.5];

interface Table {
  source: ReferenceSource;
  rows: readonly LmsRow[];
  ages: readonly number[];
}

function tableFor(measure: GrowthMeasure, sex: Sex, ageMonths: number): Table | undefined {
  if (!(ageMonths >= 0)) return undefined;
  if (ageMonths < WHO_END_MONTHS) {
    const who = measure === 'weight' ? WHO_0_24.weight : measure === 'stature' ? WHO_0_24.length : measure === 'headCircumference' ? WHO_0_24.headCircumference : undefined;
    return who && { source: 'who', rows: who[sex], ages: WHO_AGES };
  }
  const cdc = measure === 'weight' ? CDC_2_20.weight : measure === 'stature' ? CDC_2_20.stature : measure === 'bmi' ? CDC_2_20.bmi : undefined;
  return cdc && { source: 'cdc', rows: cdc[sex], ages: CDC_AGES.slice(0, cdc[sex].length) };
}

export function referenceAt(measure: GrowthMeasure, sex: Sex, ageMonths: number): { source: ReferenceSource; lms: Lms } | undefined {
  const table = tableFor(measure, sex, ageMonths);
  const lms = table && lmsAt(table.rows, table.ages, ageMonths);
  return table && lms && { source: table.source, lms };
}

export interface CurvePoint {
  ageMonths: number;
  /** Value of each percentile line at this age, keyed by percentile. */
  values: Record<number, number>;
}

/** Percentile lines sampled across an age window, for drawing bands behind the child's points. */
export function percentileCurves(measure: GrowthMeasure, sex: Sex, fromMonths: number, toMonths: number, percentiles: readonly number[], steps = 48): CurvePoint[] {
  const out: CurvePoint[] = [];
  const ages = Array.from({ length: steps + 1 }, (_, i) => fromMonths + ((toMonths - fromMonths) * i) / steps);
  // At 2 years the reference changes (WHO length to CDC height): sample both sides so the step is drawn where it is.
  if (fromMonths < WHO_END_MONTHS && toMonths > WHO_END_MONTHS) ages.push(WHO_END_MONTHS - 1e-6, WHO_END_MONTHS);
  ages.sort((a, b) => a - b);
  for (const ageMonths of ages) {
    const ref = referenceAt(measure, sex, ageMonths);
    if (!ref) continue;
    const values: Record<number, number> = {};
    for (const p of percentiles) values[p] = valueAtZ(PERCENTILE_Z[p], ref.lms);
    out.push({ ageMonths, values });
  }
  return out;
}
