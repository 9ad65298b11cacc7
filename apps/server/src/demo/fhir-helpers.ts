// Small builders shared by the demo generator's areas, so code systems, profile URLs and date
// formats are spelled the same way everywhere.
import type { CodeableConcept, Coding, Quantity, Reference } from '@medplum/fhirtypes';

export const SYS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  cpt: 'http://www.ama-assn.org/go/cpt',
  ucum: 'http://unitsofmeasure.org',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  usCoreCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  v2_0074: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  v2_0203: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVer: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  dataAbsent: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
} as const;

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';

export function usCore(name: string): string {
  return US_CORE + name;
}

export function coding(system: string, code: string, display: string): Coding {
  return { system, code, display };
}

export function concept(system: string, code: string, display: string, text?: string): CodeableConcept {
  return { coding: [coding(system, code, display)], text: text ?? display };
}

export function loinc(code: string, display: string): CodeableConcept {
  return concept(SYS.loinc, code, display);
}

export function snomed(code: string, display: string): CodeableConcept {
  return concept(SYS.snomed, code, display);
}

export function ref(resourceType: string, id: string, display?: string): Reference<any> {
  return display ? { reference: `${resourceType}/${id}`, display } : { reference: `${resourceType}/${id}` };
}

/** UCUM quantity; `unit` is the human label, `code` the UCUM expression. */
export function qty(value: number, code: string, unit?: string): Quantity {
  return { value, unit: unit ?? code, system: SYS.ucum, code };
}

export function obsCategory(code: 'laboratory' | 'vital-signs' | 'survey' | 'social-history' | 'exam' | 'imaging' | 'procedure' | 'activity'): CodeableConcept {
  const display: Record<string, string> = {
    laboratory: 'Laboratory',
    'vital-signs': 'Vital Signs',
    survey: 'Survey',
    'social-history': 'Social History',
    exam: 'Exam',
    imaging: 'Imaging',
    procedure: 'Procedure',
    activity: 'Activity',
  };
  return { coding: [coding(SYS.obsCategory, code, display[code])], text: display[code] };
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

// ---- dates ---------------------------------------------------------------------------------

export const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export function addYears(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + Math.trunc(years));
  const frac = years - Math.trunc(years);
  return frac ? addDays(d, Math.round(frac * 365.25)) : d;
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** FHIR date (YYYY-MM-DD). */
export function fhirDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** FHIR dateTime / instant with seconds and a zone, which `instant` requires. */
export function fhirDateTime(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

export function ageInYears(birth: Date, at: Date): number {
  return (at.getTime() - birth.getTime()) / (365.25 * DAY_MS);
}

export function ageInMonths(birth: Date, at: Date): number {
  return (at.getTime() - birth.getTime()) / (30.4375 * DAY_MS);
}

/** Base64 of UTF-8 text, for Attachment.data. */
export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
