// What staff type into the patient finder, as standard FHIR Patient search parameters, and what a
// result row shows. Pure.
import type { Patient } from '@medplum/fhirtypes';
import { humanName } from '../records/format-common.js';

/** Matches shown at most; staff narrow the search with the date of birth. */
export const PAGE_SIZE = 20;
const MR = 'http://terminology.hl7.org/CodeSystem/v2-0203';

/**
 * One word with a digit in it is an MRN (a token search on any identifier system); other words are
 * each part of the name, as repeated `name` parameters, which FHIR search ANDs (search.html
 * "Composite/AND"). A valid date adds `birthdate`. Undefined when nothing was given.
 */
export function patientQuery(text: string, birthDate: string): [string, string][] | undefined {
  const words = text.trim().split(/[\s,]+/).filter(Boolean).slice(0, 5);
  const params: [string, string][] = [];
  if (words.length === 1 && /\d/.test(words[0])) params.push(['identifier', words[0]]);
  else for (const word of words) params.push(['name', word]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) params.push(['birthdate', birthDate]);
  if (params.length === 0) return undefined;
  return [...params, ['_sort', 'family,given'], ['_count', String(PAGE_SIZE)]];
}

/** The medical record number: the identifier typed MR (HL7 v2 table 0203), else none. */
export function mrnOf(patient: Patient): string | undefined {
  return patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR' && (!c.system || c.system === MR)) && i.value)?.value;
}

export interface PatientSummary {
  id: string;
  name: string;
  birthDate?: string;
  gender?: string;
  mrn?: string;
}

export function patientSummary(patient: Patient): PatientSummary {
  return { id: patient.id ?? '', name: humanName(patient.name), birthDate: patient.birthDate, gender: patient.gender, mrn: mrnOf(patient) };
}
