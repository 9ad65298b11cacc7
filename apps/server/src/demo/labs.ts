// Turns a lab order into FHIR: the ServiceRequest (who ordered it), one Observation per analyte with
// its reference range and an interpretation computed from the value, and the DiagnosticReport
// that groups them.
import type { CodeableConcept, DiagnosticReport, Observation, ObservationReferenceRange, Reference, Resource, ServiceRequest } from '@medplum/fhirtypes';
import type { ClinicDirectory, StaffMember } from './clinic.js';
import { SYS, addMinutes, clamp, concept, fhirDateTime, loinc, obsCategory, qty, ref, round, usCore } from './fhir-helpers.js';
import { ANALYTES, type Analyte, type LabState, PANELS, type QualitativeAnalyte, ckdEpi2021 } from './lab-catalog.js';
import type { IdSource, Rng } from './rng.js';

export type InterpretationCode = 'LL' | 'L' | 'N' | 'H' | 'HH' | 'A';

const INTERPRETATION_DISPLAY: Record<InterpretationCode, string> = {
  LL: 'Critical low',
  L: 'Low',
  N: 'Normal',
  H: 'High',
  HH: 'Critical high',
  A: 'Abnormal',
};

export function interpretationConcept(code: InterpretationCode): CodeableConcept {
  return concept(SYS.interpretation, code, INTERPRETATION_DISPLAY[code]);
}

export function rangeFor(a: Analyte, female: boolean): { low?: number; high?: number } {
  const sexRange = female ? a.female : a.male;
  if (sexRange) return { low: sexRange[0], high: sexRange[1] };
  return { low: a.low, high: a.high };
}

/** The flag a lab system would print next to the value. */
export function interpret(value: number, low: number | undefined, high: number | undefined, critLow?: number, critHigh?: number): InterpretationCode {
  if (critLow !== undefined && value < critLow) return 'LL';
  if (critHigh !== undefined && value > critHigh) return 'HH';
  if (low !== undefined && value < low) return 'L';
  if (high !== undefined && value > high) return 'H';
  return 'N';
}

function rangeText(low: number | undefined, high: number | undefined, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  if (low !== undefined && high !== undefined && low > 0) return `${low}-${high}${u}`;
  if (high !== undefined) return `<=${high}${u}`;
  return `>=${low}${u}`;
}

function referenceRange(a: Analyte, female: boolean): ObservationReferenceRange[] {
  const { low, high } = rangeFor(a, female);
  const range: ObservationReferenceRange = {
    ...(low !== undefined ? { low: qty(low, a.ucum, a.unit || undefined) } : {}),
    ...(high !== undefined ? { high: qty(high, a.ucum, a.unit || undefined) } : {}),
    type: concept('http://terminology.hl7.org/CodeSystem/referencerange-meaning', 'normal', 'Normal Range'),
    text: rangeText(low, high, a.unit),
  };
  const out = [range];
  if (a.loinc === '6301-6') {
    out.push({ low: qty(2.0, a.ucum, a.unit), high: qty(3.0, a.ucum, a.unit), type: concept('http://terminology.hl7.org/CodeSystem/referencerange-meaning', 'therapeutic', 'Therapeutic Desired Level'), text: '2.0-3.0 on warfarin therapy' });
  }
  return out;
}

const NEGATIVE = concept(SYS.snomed, '260385009', 'Negative');
const POSITIVE = concept(SYS.snomed, '10828004', 'Positive');

export interface LabOrderInput {
  panelKey: string;
  ids: IdSource;
  rng: Rng;
  dir: ClinicDirectory;
  state: LabState;
  patientRef: Reference<any>;
  encounterId: string;
  orderedBy: StaffMember;
  collected: Date;
  /** The Specimen the panel was run on (US Core Observation Lab / DiagnosticReport Lab `specimen`). */
  specimen?: Reference<any>;
}

export interface LabResultSummary {
  resources: Resource[];
  reportId: string;
  /** "LDL 162 mg/dL (H)"-style lines for the abnormal results, used in note text. */
  abnormal: string[];
  values: Record<string, number>;
}

export function labOrder(o: LabOrderInput): LabResultSummary {
  const panel = PANELS[o.panelKey];
  const serviceRequestId = o.ids.next();
  const reportId = o.ids.next();
  const issued = addMinutes(o.collected, o.rng.int(90, 60 * 20));
  const values: Record<string, number> = {};
  const observations: Observation[] = [];
  const abnormal: string[] = [];
  const age = o.state.ageAt(o.collected);
  const lab = ref('Organization', o.dir.labOrgId, 'Portico Clinical Laboratory');
  const common = {
    status: 'final' as const,
    category: [obsCategory('laboratory')],
    subject: o.patientRef,
    encounter: ref('Encounter', o.encounterId),
    basedOn: [ref('ServiceRequest', serviceRequestId)],
    effectiveDateTime: fhirDateTime(o.collected),
    issued: issued.toISOString(),
    performer: [lab],
    ...(o.specimen ? { specimen: o.specimen } : {}),
  };

  for (const key of panel.analytes) {
    const spec = ANALYTES[key];
    const id = o.ids.next();
    if ('qualitative' in spec) {
      const q = spec as QualitativeAnalyte;
      const positive = o.rng.chance(q.positive(o.state, o.collected));
      const code: InterpretationCode = positive ? 'A' : 'N';
      if (positive) abnormal.push(`${shortName(q.display, q.loinc)} positive`);
      observations.push({
        resourceType: 'Observation',
        id,
        meta: { profile: [usCore('us-core-observation-lab')] },
        ...common,
        code: loinc(q.loinc, q.display),
        valueCodeableConcept: positive ? POSITIVE : NEGATIVE,
        interpretation: [interpretationConcept(code)],
        referenceRange: [{ text: 'Negative' }],
      });
      continue;
    }
    const a = spec as Analyte;
    let value: number;
    if (key === 'egfr') value = ckdEpi2021(values.creat ?? 1, age, o.state.female);
    else if (key === 'chol') value = (values.ldlCalc ?? values.ldlDirect ?? 110) + (values.hdl ?? 50) + (values.tg ?? 120) / 5;
    else value = o.rng.normal(a.mean(o.state, o.collected), a.sd);
    if (key === 'potassium' && o.rng.chance(0.004)) value = 6.4; // an occasional critical result, as real clinics see
    value = round(clamp(value, a.min, key === 'egfr' ? 120 : Number.POSITIVE_INFINITY), a.decimals);
    if (key === 'ldlCalc' && values.tg !== undefined) value = Math.round(value);
    values[key] = value;
    const { low, high } = rangeFor(a, o.state.female);
    const code = interpret(value, low, high, a.critLow, a.critHigh);
    if (code !== 'N') abnormal.push(`${shortName(a.display, a.loinc)} ${value} ${a.unit} (${code})`);
    observations.push({
      resourceType: 'Observation',
      id,
      meta: { profile: [usCore('us-core-observation-lab')] },
      ...common,
      code: loinc(a.loinc, a.display),
      valueQuantity: qty(value, a.ucum, a.unit || undefined),
      interpretation: [interpretationConcept(code)],
      referenceRange: referenceRange(a, o.state.female),
    });
  }

  const order: ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: serviceRequestId,
    meta: { profile: [usCore('us-core-servicerequest')] },
    status: 'completed',
    intent: 'order',
    category: [concept(SYS.snomed, '108252007', 'Laboratory procedure')],
    code: loinc(panel.loinc, panel.display),
    subject: o.patientRef,
    encounter: ref('Encounter', o.encounterId),
    occurrenceDateTime: fhirDateTime(o.collected),
    authoredOn: fhirDateTime(addMinutes(o.collected, -20)),
    requester: ref('Practitioner', o.orderedBy.practitionerId, o.orderedBy.display),
    performer: [lab],
  };
  const report: DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: reportId,
    meta: { profile: [usCore('us-core-diagnosticreport-lab')] },
    basedOn: [ref('ServiceRequest', serviceRequestId)],
    status: 'final',
    category: [concept(SYS.v2_0074, 'LAB', 'Laboratory')],
    code: loinc(panel.loinc, panel.display),
    subject: o.patientRef,
    encounter: ref('Encounter', o.encounterId),
    effectiveDateTime: fhirDateTime(o.collected),
    issued: issued.toISOString(),
    performer: [lab],
    resultsInterpreter: [ref('Practitioner', o.orderedBy.practitionerId, o.orderedBy.display)],
    ...(o.specimen ? { specimen: [o.specimen] } : {}),
    result: observations.map((obs) => ref('Observation', obs.id as string)),
    ...(abnormal.length ? { conclusion: `Abnormal: ${abnormal.join('; ')}.` } : { conclusion: 'All results within reference range.' }),
  };
  return { resources: [order, ...observations, report], reportId, abnormal, values };
}

const SHORT: Record<string, string> = {
  '4548-4': 'HbA1c', '2345-7': 'Glucose', '13457-7': 'LDL', '18262-6': 'LDL', '2093-3': 'Total cholesterol', '2085-9': 'HDL',
  '2571-8': 'Triglycerides', '3016-3': 'TSH', '3024-7': 'Free T4', '62292-8': '25-OH vitamin D', '2132-9': 'Vitamin B12',
  '2160-0': 'Creatinine', '98979-8': 'eGFR', '3094-0': 'BUN', '2823-3': 'Potassium', '2951-2': 'Sodium', '718-7': 'Hemoglobin',
  '4544-3': 'Hematocrit', '6690-2': 'WBC', '777-3': 'Platelets', '787-2': 'MCV', '2276-4': 'Ferritin', '2498-4': 'Iron',
  '2857-1': 'PSA', '6301-6': 'INR', '1988-5': 'CRP', '14959-1': 'Urine albumin/creatinine', '30934-4': 'BNP', '3084-1': 'Uric acid',
  '1742-6': 'ALT', '1920-8': 'AST', '78012-2': 'Rapid strep', '5799-2': 'Urine leukocyte esterase', '5802-4': 'Urine nitrite',
};

function shortName(display: string, code?: string): string {
  return (code && SHORT[code]) || display.split(' [')[0];
}
