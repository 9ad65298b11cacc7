// The printed record names things the way the web app does: plain names from the shared tables in
// the reader's language, the record's words without SNOMED CT semantic tags when we have no plain
// name, an "Unnamed …" word when the record has no words at all, and never a bare code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeableConcept } from '@medplum/fhirtypes';
import type { Chart } from '../../src/records/chart-reader.js';
import { renderSummaryPdf } from '../../src/records/summary-pdf.js';
import { flatPdfText } from '../support/pdf-text.js';

const SCT = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const CVX = 'http://hl7.org/fhir/sid/cvx';
const coded = (system: string, code: string, display?: string): CodeableConcept => ({ coding: [{ system, code, display }] });
const ACTIVE = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] };
const LAB = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }];
const VITALS = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }];
const patient = { reference: 'Patient/p1' };

/** Codes that have no words in the record, so only a raw-code fallback could print them. */
const BARE = { problem: '999000111', vaccine: '998', procedure: '999000222', result: '999000333' };

function chart(): Chart {
  return {
    patient: { resourceType: 'Patient', id: 'p1', name: [{ given: ['Ana'], family: 'López' }], birthDate: '1970-02-03' },
    Condition: [
      { resourceType: 'Condition', subject: patient, clinicalStatus: ACTIVE, code: coded(SCT, '38341003', 'Hypertensive disorder, systemic arterial (disorder)'), onsetDateTime: '2019-03-04' },
      { resourceType: 'Condition', subject: patient, clinicalStatus: ACTIVE, code: coded(SCT, '999000444', 'Rare thing of the kidney (disorder)') },
      { resourceType: 'Condition', subject: patient, clinicalStatus: ACTIVE, code: coded(SCT, BARE.problem) },
    ],
    AllergyIntolerance: [
      { resourceType: 'AllergyIntolerance', patient, code: coded(SCT, '762952008', 'Peanut (substance)'), reaction: [{ manifestation: [coded(SCT, '247472004', 'Wheal (finding)')] }] },
    ],
    MedicationRequest: [
      { resourceType: 'MedicationRequest', subject: patient, status: 'active', intent: 'order', medicationCodeableConcept: coded('http://www.nlm.nih.gov/research/umls/rxnorm', '314076') },
      {
        resourceType: 'MedicationRequest', subject: patient, status: 'active', intent: 'order', medicationReference: { display: 'metformin hydrochloride 500 MG Oral Tablet' },
        dosageInstruction: [{ text: 'Take 1 tablet by mouth twice a day with meals.', route: coded(SCT, '26643006', 'Oral route'), timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet', code: '{tbl}' } }] }],
      },
    ],
    MedicationStatement: [],
    Immunization: [
      { resourceType: 'Immunization', patient, status: 'completed', vaccineCode: coded(CVX, '150', 'Influenza, injectable, quadrivalent, preservative free'), occurrenceDateTime: '2024-10-03' },
      { resourceType: 'Immunization', patient, status: 'completed', vaccineCode: coded(CVX, BARE.vaccine), occurrenceDateTime: '2023-10-03' },
    ],
    Observation: [
      { resourceType: 'Observation', subject: patient, status: 'final', category: LAB, code: coded(LOINC, '2345-7', 'Glucose [Mass/volume] in Serum or Plasma'), valueQuantity: { value: 92, unit: 'mg/dL' }, referenceRange: [{ low: { value: 70, unit: 'mg/dL' }, high: { value: 99.5, unit: 'mg/dL' } }], effectiveDateTime: '2024-05-01' },
      { resourceType: 'Observation', subject: patient, status: 'final', category: LAB, code: coded(LOINC, '777-3', 'Platelets [#/volume] in Blood by Automated count'), valueQuantity: { value: 253.4, code: '10*9/L', system: 'http://unitsofmeasure.org' }, effectiveDateTime: '2024-05-01' },
      { resourceType: 'Observation', subject: patient, status: 'final', category: LAB, code: coded(LOINC, '33914-3', 'Glomerular filtration rate'), valueQuantity: { value: 88, unit: 'mL/min/{1.73_m2}' }, referenceRange: [{ low: { value: 60, unit: 'mL/min/{1.73_m2}' } }], effectiveDateTime: '2024-05-01' },
      { resourceType: 'Observation', subject: patient, status: 'final', category: VITALS, code: coded(LOINC, '8310-5', 'Body temperature'), valueQuantity: { value: 36.7, code: 'Cel', unit: 'Cel' }, effectiveDateTime: '2024-05-01' },
      { resourceType: 'Observation', subject: patient, status: 'final', category: LAB, code: coded(LOINC, '5778-6', 'Color of Urine'), valueCodeableConcept: coded(SCT, BARE.result), effectiveDateTime: '2024-05-01' },
      { resourceType: 'Observation', subject: patient, status: 'final', category: VITALS, code: coded(LOINC, '8867-4', 'Heart rate'), valueQuantity: { value: 72, unit: '/min' }, effectiveDateTime: '2024-05-01' },
    ],
    DiagnosticReport: [],
    Procedure: [
      { resourceType: 'Procedure', subject: patient, status: 'completed', code: coded(SCT, '73761001', 'Colonoscopy (procedure)'), performedDateTime: '2022-01-10' },
      { resourceType: 'Procedure', subject: patient, status: 'completed', code: coded(SCT, BARE.procedure), performedDateTime: '2021-01-10' },
    ],
    Encounter: [
      { resourceType: 'Encounter', subject: patient, status: 'finished', class: { code: 'AMB' }, type: [coded(SCT, '185349003', 'Encounter for check up (procedure)')], period: { start: '2024-05-01T09:00:00Z' } },
      { resourceType: 'Encounter', subject: patient, status: 'finished', class: { code: 'VR' }, period: { start: '2024-02-01T09:00:00Z' } },
    ],
    CarePlan: [],
    Goal: [{ resourceType: 'Goal', subject: patient, lifecycleStatus: 'active', description: { text: 'Walk 30 minutes a day' } }],
    DocumentReference: [
      { resourceType: 'DocumentReference', subject: patient, status: 'current', type: coded(LOINC, '11506-3', 'Progress note'), date: '2024-05-01T10:00:00Z', content: [{ attachment: { contentType: 'text/plain', title: 'Progress note' } }] },
    ],
  };
}

async function printed(locale: string): Promise<string> {
  const doc = renderSummaryPdf(chart(), { locale, now: new Date('2025-01-15T12:00:00Z') });
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return flatPdfText(Buffer.concat(chunks));
}

test('a Spanish record names problems, allergies, vaccines, tests, procedures, visits and documents in plain Spanish', async () => {
  const text = await printed('es');
  for (const name of [
    'Presión arterial alta', 'Cacahuates (maní)', 'reacción: Ronchas', 'Vacuna contra la gripe', 'Glucosa (azúcar en la sangre)', 'Pulso: 72',
    'Colonoscopia (revisión del interior del colon)', 'Chequeo', 'Consulta por video o teléfono', 'Documentos', 'Nota de la consulta', 'Activa',
  ]) {
    assert.ok(text.includes(name), `"${name}" is missing from: ${text}`);
  }
  // The record's words stay beside a plain name, for paperwork, without their semantic tags.
  assert.ok(text.includes('Nombre oficial: Hypertensive disorder, systemic arterial'));
  assert.ok(text.includes('Nombre oficial: Influenza, injectable, quadrivalent, preservative free'));
  assert.ok(text.includes('Rare thing of the kidney'));
  assert.doesNotMatch(text, /\((disorder|substance|finding|procedure)\)/);
  // No LOINC long names, no terminology displays where a plain name exists.
  assert.doesNotMatch(text, /\[Mass\/volume\]|Encounter for check up|Progress note|Heart rate/);
});

test('a medicine prints as the Medicines screen shows it: dose form and dose sentence in Spanish, the sig marked as the clinic\'s', async () => {
  const es = await printed('es');
  assert.ok(es.includes('metformin hydrochloride 500 MG tableta oral'), es);
  assert.ok(es.includes('Tome 1 tableta por la boca 2 veces al día'), es);
  assert.ok(es.includes('Escrito por su clínica, en inglés: "Take 1 tablet by mouth twice a day with meals."'), es);
  const en = await printed('en');
  assert.ok(en.includes('metformin hydrochloride 500 MG Oral Tablet — Take 1 tablet by mouth twice a day with meals.'), en);
});

test('an item the record names only by a code reads as "unnamed", never as the code', async () => {
  const es = await printed('es');
  for (const name of ['Problema de salud sin nombre', 'Vacuna sin nombre', 'Procedimiento sin nombre', 'Medicina sin nombre']) assert.ok(es.includes(name), `"${name}" is missing`);
  const en = await printed('en');
  for (const name of ['Unnamed health problem', 'Unnamed vaccine', 'Unnamed procedure', 'Unnamed medicine', 'High blood pressure', 'Flu vaccine']) assert.ok(en.includes(name), `"${name}" is missing`);
  for (const text of [es, en]) {
    for (const code of [...Object.values(BARE), '38341003', '762952008', '2345-7', '185349003', '11506-3', '314076']) {
      assert.ok(!new RegExp(`(^|[^\\d])${code}([^\\d]|$)`).test(text), `the raw code ${code} is printed: ${text}`);
    }
  }
});

test('numbers, units and normal ranges print in the language of the reader, as the app shows them', async () => {
  const es = await printed('es');
  for (const words of ['36,7 °C', '72 latidos por minuto', '92 mg/dL', 'rango normal: 70 a 99,5 mg/dL', 'rango normal: 60 mL/min/1.73 m² o más', '253,4 × 10^9/L']) {
    assert.ok(es.includes(words), `"${words}" is missing from: ${es}`);
  }
  const en = await printed('en');
  for (const words of ['36.7 °C', '72 beats a minute', 'normal range: 70 to 99.5 mg/dL', '253.4 × 10^9/L']) assert.ok(en.includes(words), `"${words}" is missing from: ${en}`);
  assert.doesNotMatch(en + es, /\bCel\b|\/min\b(?!\/)|10\*9/, 'UCUM codes are notation, not words');
});
