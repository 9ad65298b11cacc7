// A small clinic shared by the search tests: two patients, their labs, vitals, problems and
// medications, one practitioner and one medication.
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { createResource, type TestApp } from '../support/harness.js';

export interface Clinic {
  a: string;
  b: string;
  practitioner: string;
  medication: string;
  hemoglobinA: string;
  heartRateA: string;
  glucoseB: string;
  conditionA: string;
  conditionB: string;
  medRequestA: string;
  medRequestB: string;
  provenanceA: string;
  provenanceB: string;
}

const LOINC = 'http://loinc.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const UCUM = 'http://unitsofmeasure.org';

export async function loadClinic(t: TestApp): Promise<Clinic> {
  const repo = t.systemRepo;
  const make = async (r: Record<string, unknown>) => (await createResource(repo, r as unknown as Resource)).id as string;
  const practitioner = await make({ resourceType: 'Practitioner', name: [{ family: 'Okafor', given: ['Ngozi'] }], identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567890' }] });
  const a = await make({
    resourceType: 'Patient',
    identifier: [{ system: 'urn:mrn', value: 'MRN-A' }],
    name: [{ family: 'Rivera', given: ['Ana', 'María'] }],
    gender: 'female',
    birthDate: '1980-04-02',
    generalPractitioner: [{ reference: `Practitioner/${practitioner}` }],
  });
  const b = await make({ resourceType: 'Patient', identifier: [{ system: 'urn:mrn', value: 'MRN-B' }], name: [{ family: 'Müller', given: ['José'] }], gender: 'male', birthDate: '1975-11-30' });
  const medication = await make({ resourceType: 'Medication', code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197361', display: 'Amlodipine 5 MG Oral Tablet' }] } });
  const obs = (patient: string, code: string, display: string, category: string, value: number, unit: string, when: string) =>
    make({
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: CATEGORY, code: category }] }],
      code: { coding: [{ system: LOINC, code, display }], text: display },
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: when,
      valueQuantity: { value, unit, system: UCUM, code: unit },
      performer: [{ reference: `Practitioner/${practitioner}` }],
    });
  const hemoglobinA = await obs(a, '718-7', 'Hemoglobin [Mass/volume] in Blood', 'laboratory', 13.5, 'g/dL', '2024-01-15T10:00:00Z');
  const heartRateA = await obs(a, '8867-4', 'Heart rate', 'vital-signs', 72, '/min', '2024-02-01');
  const glucoseB = await obs(b, '2345-7', 'Glucose [Mass/volume] in Serum or Plasma', 'laboratory', 5.4, 'mg', '2023-12-31T23:30:00Z');
  const condition = (patient: string, code: string, text: string, start: string, end?: string) =>
    make({
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: end ? 'resolved' : 'active' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code }], text },
      subject: { reference: `Patient/${patient}` },
      onsetPeriod: { start, ...(end ? { end } : {}) },
    });
  const conditionA = await condition(a, '38341003', 'Hypertension', '2019-03-01');
  const conditionB = await condition(b, '195662009', 'Acute viral pharyngitis', '2023-05-01', '2023-05-14');
  const medRequest = (patient: string) =>
    make({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', medicationReference: { reference: `Medication/${medication}` }, subject: { reference: `Patient/${patient}` }, authoredOn: '2024-01-20' });
  const medRequestA = await medRequest(a);
  const medRequestB = await medRequest(b);
  const provenance = (target: string, patient: string) =>
    make({ resourceType: 'Provenance', target: [{ reference: target }, { reference: `Patient/${patient}` }], recorded: '2024-01-15T10:05:00Z', agent: [{ who: { reference: `Practitioner/${practitioner}` } }] });
  const provenanceA = await provenance(`Observation/${hemoglobinA}`, a);
  const provenanceB = await provenance(`Observation/${glucoseB}`, b);
  return { a, b, practitioner, medication, hemoglobinA, heartRateA, glucoseB, conditionA, conditionB, medRequestA, medRequestB, provenanceA, provenanceB };
}

/** GET [base]/<path> as the system; returns status and the parsed body. */
export async function get(t: TestApp, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Bundle & Record<string, unknown> }> {
  const res = await t.app.inject({ method: 'GET', url: `/fhir/${path}`, headers: { authorization: `Bearer ${t.systemToken}`, ...headers } });
  return { status: res.statusCode, body: res.json() };
}

/** Ids of the entries with search.mode `match` (or the given mode). */
export function ids(bundle: Bundle, mode = 'match'): string[] {
  return (bundle.entry ?? []).filter((e) => e.search?.mode === mode).map((e) => e.resource?.id as string);
}

export function sameSet(actual: string[], expected: string[]): boolean {
  return actual.length === expected.length && [...actual].sort().join() === [...expected].sort().join();
}

/** Searches and asserts a 200 whose matches are exactly `expected` (any order); returns the bundle. */
export async function expectMatchIds(t: TestApp, path: string, expected: string[]): Promise<Bundle & Record<string, unknown>> {
  const { status, body } = await get(t, path);
  assert.equal(status, 200, JSON.stringify(body));
  assert.ok(sameSet(ids(body), expected), `${path}: got ${ids(body).join()} expected ${expected.join()}`);
  return body;
}
