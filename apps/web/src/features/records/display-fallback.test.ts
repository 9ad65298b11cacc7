// Codes are turned into words in a few places; each must show display text, or a plain fallback
// when a coding has no display, and never the raw code, system URL or reference (issue "Patient
// web app": no raw codes or FHIR jargon shown to patients).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MedicationRequest, Observation } from '@medplum/fhirtypes';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import { conceptText, referenceText } from './format-common.js';
import { interpretationOf, observationName, rangeText, unitText, valueText } from './format-observation.js';
import { medicationName, timingText } from './format-medication.js';

const num = (v: number, d = 2) => new Intl.NumberFormat('en', { maximumFractionDigits: d }).format(v);
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';

test('a concept shows its text, then the first real display, then the plain fallback', () => {
  assert.equal(conceptText({ text: 'Sugar (glucose)', coding: [{ system: LOINC, code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }] }, 'Test result'), 'Sugar (glucose)');
  assert.equal(conceptText({ coding: [{ system: LOINC, code: '2345-7' }, { system: SNOMED, code: '33747003', display: 'Glucose measurement' }] }, 'Test result'), 'Glucose measurement');
  // No display anywhere: the fallback, never "2345-7" or the system URL.
  assert.equal(conceptText({ coding: [{ system: LOINC, code: '2345-7' }] }, 'Test result'), 'Test result');
  assert.equal(conceptText({ coding: [] }, 'Health problem'), 'Health problem');
  assert.equal(conceptText({}, 'Health problem'), 'Health problem');
  assert.equal(conceptText(undefined, 'Allergy'), 'Allergy');
  // Blank text and blank displays count as missing.
  assert.equal(conceptText({ text: '   ', coding: [{ code: '44054006', display: ' ' }] }, 'Health problem'), 'Health problem');
  assert.equal(conceptText({ text: '', coding: [{ code: '44054006', display: 'Type 2 diabetes' }] }, 'Health problem'), 'Type 2 diabetes');
});

test('a display that only repeats the code is treated as no display', () => {
  assert.equal(conceptText({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9', display: 'E11.9' }] }, 'Health problem'), 'Health problem');
  assert.equal(conceptText({ coding: [{ code: 'e11.9', display: 'E11.9 ' }, { code: '44054006', display: 'Type 2 diabetes' }] }, 'Health problem'), 'Type 2 diabetes');
});

test('names of tests, medicines and people fall back to plain words', () => {
  const obs: Observation = { resourceType: 'Observation', status: 'final', code: { coding: [{ system: LOINC, code: '4548-4' }] } };
  assert.equal(observationName(obs, en.fallback.test), 'Test result');
  const req = (over: Partial<MedicationRequest>): MedicationRequest => ({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/1' }, ...over });
  assert.equal(medicationName(req({ medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '860975' }] } }), en.fallback.medicine), 'Medicine');
  // A medicine given by reference without a display: never "Medication/abc".
  assert.equal(medicationName(req({ medicationReference: { reference: 'Medication/abc' } }), es.fallback.medicine), 'Medicina');
  assert.equal(referenceText({ reference: 'Practitioner/123' }, en.fallback.person), 'Care team member');
  assert.equal(referenceText({ reference: 'Practitioner/123', display: 'Dr. Ana Ruiz' }, en.fallback.person), 'Dr. Ana Ruiz');
});

test('coded values, flags and timings without words are not shown as codes', () => {
  const coded: Observation = { resourceType: 'Observation', status: 'final', code: { text: 'Urine nitrite' }, valueCodeableConcept: { coding: [{ system: SNOMED, code: '125154007' }] } };
  assert.equal(valueText(coded, en, num), 'Not recorded');
  assert.equal(valueText({ ...coded, valueCodeableConcept: { coding: [{ system: SNOMED, code: '125154007', display: 'Specimen unsatisfactory' }] } }, en, num), 'Specimen unsatisfactory');
  // Yes-or-no answers we know read in the reader's words, whatever the chart's display says.
  const negative: Observation = { ...coded, valueCodeableConcept: { coding: [{ system: SNOMED, code: '260385009', display: 'Negative' }] } };
  assert.equal(valueText(negative, en, num), 'Negative');
  assert.equal(valueText(negative, es, num), 'Negativo');
  assert.equal(valueText({ ...coded, valueCodeableConcept: { coding: [{ system: SNOMED, code: '10828004' }] } }, es, num), 'Positivo');
  assert.equal(valueText({ ...coded, valueCodeableConcept: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0078', code: 'ND', display: 'Not detected' }] } }, es, num), 'Negativo');
  // A normal range given as such a word reads in the reader's words too; other range words stay as written.
  assert.equal(rangeText({ text: 'Negative' }, es, num), 'Negativo');
  assert.equal(rangeText({ text: 'Trace or less' }, es, num), 'Trace or less');
  // An interpretation code the app does not know reads as "No rating given", not "XYZ".
  const flagged: Observation = { ...coded, interpretation: [{ coding: [{ code: 'XYZ' }] }] };
  assert.equal(interpretationOf(flagged), 'unknown');
  assert.equal(en.results.interpretation[interpretationOf(flagged)], 'No rating given');
  // A timing given only as a code ("BID" from v3-GTSAbbreviation) is left out rather than shown raw.
  assert.equal(timingText({ code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: 'BID' }] } }, 'en'), undefined);
  assert.equal(timingText({ code: { coding: [{ code: 'BID', display: 'Twice a day' }] } }, 'en'), 'Twice a day');
});

test('units given only as UCUM codes are printed the way a report prints them', () => {
  assert.equal(unitText({ value: 120, code: 'mm[Hg]', system: 'http://unitsofmeasure.org' }), 'mmHg');
  assert.equal(unitText({ value: 37, code: 'Cel' }), '°C');
  assert.equal(unitText({ value: 40, code: '[lb_av]' }), 'lb');
  assert.equal(unitText({ value: 7.2, code: '10*3/uL' }), '× 10³/µL');
  assert.equal(unitText({ value: 4, code: '[iU]/L' }), 'IU/L');
  assert.equal(unitText({ value: 3, code: '[foo_bar]/d' }), 'foo_bar/d');
  // Feeds that copy the code into the unit text get the printed form too (Synthea's eGFR, 'Cel').
  assert.equal(unitText({ value: 88, unit: 'mL/min/{1.73_m2}', code: 'mL/min/{1.73_m2}' }), 'mL/min/1.73 m²');
  assert.equal(unitText({ value: 36.7, unit: 'Cel', code: 'Cel' }), '°C');
  // A human unit wins; annotations and the dimensionless "1" print nothing.
  assert.equal(unitText({ value: 37, unit: 'C', code: 'Cel' }), 'C');
  assert.equal(unitText({ value: 5, code: '{score}' }), '');
  assert.equal(unitText({ value: 5, code: '1' }), '');
  assert.equal(unitText(undefined), '');
});
