// Common laboratory tests: LOINC codes, UCUM units, adult reference intervals, critical limits and
// how each value moves with the patient's conditions and treatment. Reference<any> intervals are the
// usual textbook ones; real labs publish their own.
import type { ChronicKey } from './conditions.js';

export interface LabState {
  female: boolean;
  ageAt(date: Date): number;
  /** Years since the condition's onset at `date`, or -1 when the patient does not have it yet. */
  yearsWith(key: ChronicKey, date: Date): number;
  /** Years on the drug at `date`, or -1 when not taking it then. */
  yearsOn(drugKey: string, date: Date): number;
  /** A stable per-patient deviate for the analyte, so each person has their own "normal". */
  z(key: string): number;
  acute: boolean;
}

export interface Analyte {
  loinc: string;
  display: string;
  unit: string;
  ucum: string;
  decimals: number;
  low?: number;
  high?: number;
  critLow?: number;
  critHigh?: number;
  /** Sex-specific intervals override low/high. */
  female?: [number, number];
  male?: [number, number];
  min: number;
  mean: (s: LabState, d: Date) => number;
  sd: number;
}

export interface QualitativeAnalyte {
  loinc: string;
  display: string;
  qualitative: true;
  /** Chance of a positive result given the state. */
  positive: (s: LabState, d: Date) => number;
}

const has = (s: LabState, k: ChronicKey, d: Date) => s.yearsWith(k, d) >= 0;
const decay = (t: number, tau: number) => 1 - Math.exp(-Math.max(0, t) / tau);

function a1c(s: LabState, d: Date): number {
  const t = s.yearsWith('diabetes', d);
  if (t >= 0) {
    const treated = s.yearsOn('metformin', d);
    const start = 8.6 + 0.5 * s.z('a1c');
    // Improves over months once treated, then drifts up slowly as the disease progresses.
    return start - (treated >= 0 ? 1.5 * decay(treated, 0.35) : 0) + 0.18 * t;
  }
  if (has(s, 'prediabetes', d)) return 5.95 + 0.12 * s.z('a1c');
  return 5.2 + 0.15 * s.z('a1c');
}

function creatinine(s: LabState, d: Date): number {
  const t = s.yearsWith('ckd', d);
  const base = (s.female ? 0.78 : 0.98) + 0.1 * s.z('creat');
  return t >= 0 ? 1.55 + 0.06 * t + 0.1 * s.z('creat') : base;
}

function ldl(s: LabState, d: Date): number {
  const base = 112 + 18 * s.z('ldl') + (has(s, 'hyperlipidemia', d) ? 45 : 0);
  const statin = Math.max(s.yearsOn('atorvastatin', d), s.yearsOn('simvastatin', d));
  return statin >= 0 ? base * (1 - (s.yearsOn('atorvastatin', d) >= 0 ? 0.45 : 0.3) * decay(statin, 0.15)) : base;
}

const hdl = (s: LabState) => (s.female ? 58 : 47) + 8 * s.z('hdl');
const tg = (s: LabState, d: Date) => 115 + 35 * s.z('tg') + (has(s, 'diabetes', d) ? 60 : 0) + (has(s, 'obesity', d) ? 35 : 0);

export const ANALYTES: Record<string, Analyte | QualitativeAnalyte> = {
  wbc: { loinc: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', unit: '10*3/uL', ucum: '10*3/uL', decimals: 1, low: 4.0, high: 11.0, critLow: 1.5, critHigh: 30, min: 1, sd: 0.6, mean: (s) => (s.acute ? 12.4 : 6.6 + 1.2 * s.z('wbc')) },
  rbc: { loinc: '789-8', display: 'Erythrocytes [#/volume] in Blood by Automated count', unit: '10*6/uL', ucum: '10*6/uL', decimals: 2, female: [4.0, 5.2], male: [4.5, 5.9], min: 2, sd: 0.12, mean: (s, d) => (s.female ? 4.55 : 5.1) + 0.2 * s.z('rbc') - (has(s, 'anemia', d) ? 0.6 : 0) },
  hgb: { loinc: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', unit: 'g/dL', ucum: 'g/dL', decimals: 1, female: [12.0, 15.5], male: [13.5, 17.5], critLow: 7, critHigh: 20, min: 5, sd: 0.35, mean: (s, d) => (s.female ? 13.5 : 15.0) + 0.7 * s.z('hgb') - (has(s, 'anemia', d) ? 3.0 * (1 - decay(s.yearsWith('anemia', d), 0.4) * 0.8) : 0) - (has(s, 'ckd', d) ? 1.2 : 0) },
  hct: { loinc: '4544-3', display: 'Hematocrit [Volume Fraction] of Blood by Automated count', unit: '%', ucum: '%', decimals: 1, female: [36, 46], male: [41, 53], min: 15, sd: 1.0, mean: (s, d) => 3 * ((s.female ? 13.5 : 15.0) + 0.7 * s.z('hgb') - (has(s, 'anemia', d) ? 2.5 : 0)) },
  mcv: { loinc: '787-2', display: 'MCV [Entitic volume] by Automated count', unit: 'fL', ucum: 'fL', decimals: 1, low: 80, high: 100, min: 55, sd: 1.5, mean: (s, d) => 89 + 3 * s.z('mcv') - (has(s, 'anemia', d) ? 12 : 0) },
  mch: { loinc: '785-6', display: 'MCH [Entitic mass] by Automated count', unit: 'pg', ucum: 'pg', decimals: 1, low: 27, high: 33, min: 15, sd: 0.6, mean: (s, d) => 29.6 + 1.1 * s.z('mcv') - (has(s, 'anemia', d) ? 5 : 0) },
  mchc: { loinc: '786-4', display: 'MCHC [Mass/volume] by Automated count', unit: 'g/dL', ucum: 'g/dL', decimals: 1, low: 32, high: 36, min: 25, sd: 0.5, mean: (s) => 33.6 + 0.5 * s.z('mchc') },
  rdw: { loinc: '788-0', display: 'Erythrocyte distribution width [Ratio] by Automated count', unit: '%', ucum: '%', decimals: 1, low: 11.5, high: 14.5, min: 9, sd: 0.4, mean: (s, d) => 13.0 + 0.4 * s.z('rdw') + (has(s, 'anemia', d) ? 3 : 0) },
  plt: { loinc: '777-3', display: 'Platelets [#/volume] in Blood by Automated count', unit: '10*3/uL', ucum: '10*3/uL', decimals: 0, low: 150, high: 400, critLow: 50, critHigh: 1000, min: 20, sd: 18, mean: (s) => 255 + 45 * s.z('plt') },
  glucose: { loinc: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 0, low: 70, high: 99, critLow: 50, critHigh: 400, min: 40, sd: 9, mean: (s, d) => 28.7 * a1c(s, d) - 50 },
  bun: { loinc: '3094-0', display: 'Urea nitrogen [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 0, low: 7, high: 20, min: 3, sd: 2.5, mean: (s, d) => 14 + 3 * s.z('bun') + (has(s, 'ckd', d) ? 14 : 0) + (has(s, 'heartFailure', d) ? 5 : 0) },
  creat: { loinc: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 2, female: [0.59, 1.04], male: [0.74, 1.35], min: 0.3, sd: 0.06, mean: creatinine },
  sodium: { loinc: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', ucum: 'mmol/L', decimals: 0, low: 135, high: 145, critLow: 120, critHigh: 160, min: 115, sd: 1.6, mean: (s, d) => 140 + 1.2 * s.z('na') - (has(s, 'heartFailure', d) ? 3 : 0) },
  potassium: { loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', ucum: 'mmol/L', decimals: 1, low: 3.5, high: 5.1, critLow: 2.8, critHigh: 6.2, min: 2.5, sd: 0.25, mean: (s, d) => 4.2 + 0.2 * s.z('k') + (has(s, 'ckd', d) ? 0.55 : 0) - (s.yearsOn('furosemide', d) >= 0 ? 0.35 : 0) },
  chloride: { loinc: '2075-0', display: 'Chloride [Moles/volume] in Serum or Plasma', unit: 'mmol/L', ucum: 'mmol/L', decimals: 0, low: 98, high: 107, min: 85, sd: 1.5, mean: (s) => 102 + 1.5 * s.z('cl') },
  co2: { loinc: '2028-9', display: 'Carbon dioxide, total [Moles/volume] in Serum or Plasma', unit: 'mmol/L', ucum: 'mmol/L', decimals: 0, low: 22, high: 29, min: 12, sd: 1.4, mean: (s, d) => 25.5 + 1.2 * s.z('co2') - (has(s, 'ckd', d) ? 3 : 0) },
  calcium: { loinc: '17861-6', display: 'Calcium [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 1, low: 8.6, high: 10.3, critLow: 6.5, critHigh: 13, min: 6, sd: 0.2, mean: (s) => 9.5 + 0.25 * s.z('ca') },
  protein: { loinc: '2885-2', display: 'Protein [Mass/volume] in Serum or Plasma', unit: 'g/dL', ucum: 'g/dL', decimals: 1, low: 6.0, high: 8.3, min: 4, sd: 0.25, mean: (s) => 7.0 + 0.3 * s.z('prot') },
  albumin: { loinc: '1751-7', display: 'Albumin [Mass/volume] in Serum or Plasma', unit: 'g/dL', ucum: 'g/dL', decimals: 1, low: 3.5, high: 5.0, min: 2, sd: 0.15, mean: (s, d) => 4.2 + 0.2 * s.z('alb') - (s.ageAt(d) > 80 ? 0.4 : 0) },
  bili: { loinc: '1975-2', display: 'Bilirubin.total [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 1, low: 0.1, high: 1.2, min: 0.1, sd: 0.12, mean: (s) => 0.6 + 0.2 * s.z('bili') },
  alp: { loinc: '6768-6', display: 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma', unit: 'U/L', ucum: 'U/L', decimals: 0, low: 44, high: 147, min: 20, sd: 8, mean: (s) => 78 + 16 * s.z('alp') },
  alt: { loinc: '1742-6', display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', unit: 'U/L', ucum: 'U/L', decimals: 0, low: 7, high: 56, min: 4, sd: 5, mean: (s, d) => 24 + 8 * s.z('alt') + (has(s, 'obesity', d) ? 14 : 0) },
  ast: { loinc: '1920-8', display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', unit: 'U/L', ucum: 'U/L', decimals: 0, low: 10, high: 40, min: 5, sd: 4, mean: (s) => 22 + 6 * s.z('ast') },
  egfr: { loinc: '98979-8', display: 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)', unit: 'mL/min/1.73m2', ucum: 'mL/min/{1.73_m2}', decimals: 0, low: 60, min: 5, sd: 0, mean: () => 0 },
  chol: { loinc: '2093-3', display: 'Cholesterol [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 0, high: 199, min: 80, sd: 0, mean: () => 0 },
  tg: { loinc: '2571-8', display: 'Triglyceride [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 0, high: 149, critHigh: 1000, min: 30, sd: 15, mean: tg },
  hdl: { loinc: '2085-9', display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 0, low: 40, min: 15, sd: 3, mean: hdl },
  ldlCalc: { loinc: '13457-7', display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation', unit: 'mg/dL', ucum: 'mg/dL', decimals: 0, high: 99, min: 20, sd: 7, mean: ldl },
  ldlDirect: { loinc: '18262-6', display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay', unit: 'mg/dL', ucum: 'mg/dL', decimals: 0, high: 99, min: 20, sd: 7, mean: ldl },
  a1c: { loinc: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', unit: '%', ucum: '%', decimals: 1, low: 4.0, high: 5.6, min: 4, sd: 0.15, mean: a1c },
  tsh: { loinc: '3016-3', display: 'Thyrotropin [Units/volume] in Serum or Plasma', unit: 'mIU/L', ucum: 'm[IU]/L', decimals: 2, low: 0.45, high: 4.5, min: 0.01, sd: 0.35, mean: (s, d) => (has(s, 'hypothyroidism', d) ? (s.yearsOn('levothyroxine', d) >= 0 ? 2.4 + 1.4 * s.z('tsh') : 9.5) : 1.8 + 0.6 * s.z('tsh')) },
  ft4: { loinc: '3024-7', display: 'Thyroxine (T4) free [Mass/volume] in Serum or Plasma', unit: 'ng/dL', ucum: 'ng/dL', decimals: 2, low: 0.8, high: 1.8, min: 0.2, sd: 0.08, mean: (s, d) => (has(s, 'hypothyroidism', d) && s.yearsOn('levothyroxine', d) < 0 ? 0.7 : 1.2 + 0.12 * s.z('ft4')) },
  vitd: { loinc: '62292-8', display: '25-hydroxyvitamin D2+25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma', unit: 'ng/mL', ucum: 'ng/mL', decimals: 0, low: 30, high: 100, min: 4, sd: 3, mean: (s, d) => (has(s, 'vitaminD', d) ? 15 + 18 * decay(s.yearsWith('vitaminD', d), 0.5) : 34 + 8 * s.z('vitd')) },
  b12: { loinc: '2132-9', display: 'Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma', unit: 'pg/mL', ucum: 'pg/mL', decimals: 0, low: 200, high: 900, min: 80, sd: 40, mean: (s, d) => 480 + 110 * s.z('b12') - (s.yearsOn('metformin', d) > 2 ? 150 : 0) },
  ferritin: { loinc: '2276-4', display: 'Ferritin [Mass/volume] in Serum or Plasma', unit: 'ng/mL', ucum: 'ng/mL', decimals: 0, female: [15, 150], male: [30, 400], min: 2, sd: 6, mean: (s, d) => (has(s, 'anemia', d) ? 7 + 30 * decay(s.yearsWith('anemia', d), 0.5) : (s.female ? 60 : 140) + (s.female ? 15 : 35) * s.z('ferr')) },
  iron: { loinc: '2498-4', display: 'Iron [Mass/volume] in Serum or Plasma', unit: 'ug/dL', ucum: 'ug/dL', decimals: 0, low: 60, high: 170, min: 10, sd: 10, mean: (s, d) => (has(s, 'anemia', d) ? 38 + 40 * decay(s.yearsWith('anemia', d), 0.5) : 98 + 20 * s.z('fe')) },
  tibc: { loinc: '2500-7', display: 'Iron binding capacity [Mass/volume] in Serum or Plasma', unit: 'ug/dL', ucum: 'ug/dL', decimals: 0, low: 250, high: 450, min: 150, sd: 15, mean: (s, d) => (has(s, 'anemia', d) ? 440 : 320 + 30 * s.z('tibc')) },
  psa: { loinc: '2857-1', display: 'Prostate specific Ag [Mass/volume] in Serum or Plasma', unit: 'ng/mL', ucum: 'ng/mL', decimals: 2, low: 0, high: 4.0, min: 0.05, sd: 0.15, mean: (s, d) => 0.6 + Math.max(0, s.ageAt(d) - 50) * 0.045 + 0.3 * s.z('psa') + (has(s, 'bph', d) ? 1.6 : 0) },
  inr: { loinc: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay', unit: 'INR', ucum: '{INR}', decimals: 1, low: 0.8, high: 1.1, critHigh: 5.0, min: 0.8, sd: 0.45, mean: (s, d) => (s.yearsOn('warfarin', d) >= 0 ? 2.5 : 1.0) },
  crp: { loinc: '1988-5', display: 'C reactive protein [Mass/volume] in Serum or Plasma', unit: 'mg/L', ucum: 'mg/L', decimals: 1, low: 0, high: 10, min: 0.2, sd: 1.2, mean: (s) => (s.acute ? 28 : 2.2 + 1.2 * s.z('crp')) },
  mg: { loinc: '19123-9', display: 'Magnesium [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 1, low: 1.7, high: 2.2, critLow: 1.0, critHigh: 4.0, min: 0.8, sd: 0.1, mean: (s, d) => 2.0 + 0.1 * s.z('mg') - (s.yearsOn('furosemide', d) >= 0 ? 0.2 : 0) },
  phos: { loinc: '2777-1', display: 'Phosphate [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 1, low: 2.5, high: 4.5, min: 1, sd: 0.25, mean: (s, d) => 3.6 + 0.3 * s.z('phos') + (has(s, 'ckd', d) ? 0.8 : 0) },
  urate: { loinc: '3084-1', display: 'Urate [Mass/volume] in Serum or Plasma', unit: 'mg/dL', ucum: 'mg/dL', decimals: 1, low: 3.5, high: 7.2, min: 1.5, sd: 0.4, mean: (s, d) => (has(s, 'gout', d) ? (s.yearsOn('allopurinol', d) >= 0 ? 6.0 : 8.9) : (s.female ? 4.6 : 5.6) + 0.8 * s.z('urate')) },
  uacr: { loinc: '14959-1', display: 'Microalbumin/Creatinine [Mass Ratio] in Urine', unit: 'mg/g', ucum: 'mg/g{creat}', decimals: 0, high: 29, min: 2, sd: 6, mean: (s, d) => 12 + 5 * s.z('uacr') + (has(s, 'diabetes', d) ? 12 + 10 * s.yearsWith('diabetes', d) : 0) },
  bnp: { loinc: '30934-4', display: 'Natriuretic peptide B [Mass/volume] in Serum or Plasma', unit: 'pg/mL', ucum: 'pg/mL', decimals: 0, high: 99, min: 5, sd: 25, mean: (s, d) => (has(s, 'heartFailure', d) ? 380 + 120 * s.z('bnp') : 40 + 15 * s.z('bnp')) },
  lead: { loinc: '5671-3', display: 'Lead [Mass/volume] in Blood', unit: 'ug/dL', ucum: 'ug/dL', decimals: 1, high: 3.4, min: 0.5, sd: 0.4, mean: (s) => 1.3 + 0.6 * s.z('lead') },
  uaSg: { loinc: '5811-5', display: 'Specific gravity of Urine by Test strip', unit: '', ucum: '1', decimals: 3, low: 1.005, high: 1.03, min: 1.001, sd: 0.004, mean: () => 1.018 },
  uaPh: { loinc: '5803-2', display: 'pH of Urine by Test strip', unit: 'pH', ucum: '[pH]', decimals: 1, low: 5.0, high: 8.0, min: 4.5, sd: 0.5, mean: () => 6.0 },
  uaGlucose: { loinc: '25428-4', display: 'Glucose [Presence] in Urine by Test strip', qualitative: true, positive: (s, d) => (a1c(s, d) > 9 ? 0.6 : 0.01) },
  uaProtein: { loinc: '20454-5', display: 'Protein [Presence] in Urine by Test strip', qualitative: true, positive: (s, d) => (has(s, 'ckd', d) || has(s, 'diabetes', d) ? 0.3 : 0.03) },
  uaKetones: { loinc: '2514-8', display: 'Ketones [Presence] in Urine by Test strip', qualitative: true, positive: (s) => (s.acute ? 0.2 : 0.02) },
  uaBlood: { loinc: '5794-3', display: 'Hemoglobin [Presence] in Urine by Test strip', qualitative: true, positive: (s) => (s.acute ? 0.5 : 0.04) },
  uaLeuk: { loinc: '5799-2', display: 'Leukocyte esterase [Presence] in Urine by Test strip', qualitative: true, positive: (s) => (s.acute ? 0.9 : 0.04) },
  uaNitrite: { loinc: '5802-4', display: 'Nitrite [Presence] in Urine by Test strip', qualitative: true, positive: (s) => (s.acute ? 0.6 : 0.01) },
  strep: { loinc: '78012-2', display: 'Streptococcus pyogenes Ag [Presence] in Throat by Rapid immunoassay', qualitative: true, positive: (s) => (s.acute ? 0.85 : 0.1) },
};

export interface PanelSpec {
  loinc: string;
  display: string;
  analytes: string[];
}

export const PANELS: Record<string, PanelSpec> = {
  cbc: { loinc: '58410-2', display: 'CBC panel - Blood by Automated count', analytes: ['wbc', 'rbc', 'hgb', 'hct', 'mcv', 'mch', 'mchc', 'rdw', 'plt'] },
  cmp: { loinc: '24323-8', display: 'Comprehensive metabolic 2000 panel - Serum or Plasma', analytes: ['glucose', 'bun', 'creat', 'egfr', 'sodium', 'potassium', 'chloride', 'co2', 'calcium', 'protein', 'albumin', 'bili', 'alp', 'alt', 'ast'] },
  bmp: { loinc: '51990-0', display: 'Basic metabolic panel - Blood', analytes: ['glucose', 'bun', 'creat', 'egfr', 'sodium', 'potassium', 'chloride', 'co2', 'calcium'] },
  lipid: { loinc: '24331-1', display: 'Lipid 1996 panel - Serum or Plasma', analytes: ['chol', 'tg', 'hdl', 'ldlCalc'] },
  lipidDirect: { loinc: '57698-3', display: 'Lipid panel with direct LDL - Serum or Plasma', analytes: ['chol', 'tg', 'hdl', 'ldlDirect'] },
  a1c: { loinc: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', analytes: ['a1c'] },
  thyroid: { loinc: '3016-3', display: 'Thyrotropin [Units/volume] in Serum or Plasma', analytes: ['tsh', 'ft4'] },
  vitd: { loinc: '62292-8', display: '25-hydroxyvitamin D2+25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma', analytes: ['vitd'] },
  b12: { loinc: '2132-9', display: 'Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma', analytes: ['b12'] },
  iron: { loinc: '50190-8', display: 'Iron and Iron binding capacity panel - Serum or Plasma', analytes: ['iron', 'tibc', 'ferritin'] },
  psa: { loinc: '2857-1', display: 'Prostate specific Ag [Mass/volume] in Serum or Plasma', analytes: ['psa'] },
  inr: { loinc: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay', analytes: ['inr'] },
  crp: { loinc: '1988-5', display: 'C reactive protein [Mass/volume] in Serum or Plasma', analytes: ['crp'] },
  minerals: { loinc: '24362-6', display: 'Renal function 2000 panel - Serum or Plasma', analytes: ['glucose', 'bun', 'creat', 'egfr', 'sodium', 'potassium', 'chloride', 'co2', 'calcium', 'phos', 'albumin', 'mg'] },
  urate: { loinc: '3084-1', display: 'Urate [Mass/volume] in Serum or Plasma', analytes: ['urate'] },
  uacr: { loinc: '14959-1', display: 'Microalbumin/Creatinine [Mass Ratio] in Urine', analytes: ['uacr'] },
  bnp: { loinc: '30934-4', display: 'Natriuretic peptide B [Mass/volume] in Serum or Plasma', analytes: ['bnp'] },
  lead: { loinc: '5671-3', display: 'Lead [Mass/volume] in Blood', analytes: ['lead'] },
  hgb: { loinc: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', analytes: ['hgb'] },
  ua: { loinc: '24357-6', display: 'Urinalysis macro (dipstick) panel - Urine', analytes: ['uaSg', 'uaPh', 'uaGlucose', 'uaProtein', 'uaKetones', 'uaBlood', 'uaLeuk', 'uaNitrite'] },
  strep: { loinc: '78012-2', display: 'Streptococcus pyogenes Ag [Presence] in Throat by Rapid immunoassay', analytes: ['strep'] },
};

/** CKD-EPI 2021 (race-free) eGFR, so the reported eGFR is consistent with the creatinine. */
export function ckdEpi2021(creatMgDl: number, age: number, female: boolean): number {
  const k = female ? 0.7 : 0.9;
  const a = female ? -0.241 : -0.302;
  const r = creatMgDl / k;
  return 142 * Math.min(r, 1) ** a * Math.max(r, 1) ** -1.2 * 0.9938 ** age * (female ? 1.012 : 1);
}
