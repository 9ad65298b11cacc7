import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MedicationRequest, Observation } from '@medplum/fhirtypes';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import { conceptText, humanName } from './format-common.js';
import { interpretationOf, interpretationTone, rangeText, valueText } from './format-observation.js';
import { doseInstructions, doseSentence, medicationName } from './format-medication.js';

const num = (locale: string) => (v: number, d = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: d }).format(v);

const glucose = (over: Partial<Observation> = {}): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }], text: 'Glucose' },
  valueQuantity: { value: 112, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
  referenceRange: [{ low: { value: 70, unit: 'mg/dL' }, high: { value: 99, unit: 'mg/dL' } }],
  ...over,
});

test('a concept without text or display shows the plain fallback, never the raw code', () => {
  assert.equal(conceptText({ coding: [{ system: 'http://loinc.org', code: '2345-7' }] }, 'Test result'), 'Test result');
  assert.equal(conceptText({ coding: [{ code: 'x' }, { code: 'y', display: 'Sugar' }] }, 'Test result'), 'Sugar');
  assert.equal(conceptText({ text: '  Glucose ', coding: [{ display: 'Other' }] }, 'Test result'), 'Glucose');
  assert.equal(conceptText(undefined, 'Test result'), 'Test result');
});

test('the lab flag decides the interpretation; without one the value is compared to the range', () => {
  assert.equal(interpretationOf(glucose({ interpretation: [{ coding: [{ code: 'HH' }] }] })), 'criticalHigh');
  assert.equal(interpretationOf(glucose({ interpretation: [{ coding: [{ code: 'N' }] }] })), 'normal');
  assert.equal(interpretationOf(glucose()), 'high');
  assert.equal(interpretationOf(glucose({ valueQuantity: { value: 60 } })), 'low');
  assert.equal(interpretationOf(glucose({ valueQuantity: { value: 80 } })), 'normal');
  assert.equal(interpretationOf(glucose({ referenceRange: undefined })), 'unknown');
  assert.equal(interpretationTone('criticalLow'), 'alert');
  assert.equal(interpretationTone('negative'), 'ok');
});

test('reference range text says the unit once, in the reader language', () => {
  assert.equal(rangeText(glucose().referenceRange![0], en, num('en')), '70 to 99 mg/dL');
  assert.equal(rangeText(glucose().referenceRange![0], es, num('es')), '70 a 99 mg/dL');
  // FHIR's low and high are inclusive (ObservationReferenceRange): 60 itself is in ">=60".
  assert.equal(rangeText({ high: { value: 200, unit: 'mg/dL' } }, en, num('en')), '200 mg/dL or less');
  assert.equal(rangeText({ low: { value: 60, unit: 'mL/min' } }, en, num('en')), '60 mL/min or more');
  assert.equal(rangeText({ low: { value: 60, unit: 'mL/min' } }, es, num('es')), '60 mL/min o más');
  assert.equal(rangeText({ text: 'Negative' }, en, num('en')), 'Negative');
  // The lab's own text is in its number style; low/high are written in the reader's.
  assert.equal(rangeText({ low: { value: 0.74, unit: 'mg/dL' }, high: { value: 1.35, unit: 'mg/dL' }, text: '0.74-1.35 mg/dL' }, es, num('es')), '0,74 a 1,35 mg/dL');
  assert.equal(rangeText({ low: { value: 60, unit: 'mL/min' }, text: '>=60 mL/min' }, en, num('en')), '60 mL/min or more');
  assert.equal(rangeText(undefined, en, num('en')), undefined);
});

test('values keep comparators and drop unit codes that are not words', () => {
  assert.equal(valueText(glucose(), en, num('en')), '112 mg/dL');
  assert.equal(valueText(glucose({ valueQuantity: { value: 0.5, comparator: '<', unit: 'mg/L' } }), en, num('en')), '< 0.5 mg/L');
  assert.equal(valueText(glucose({ valueQuantity: { value: 1.015, code: '1' } }), en, num('en')), '1.015');
  assert.equal(valueText(glucose({ valueQuantity: { value: 4.5, unit: 'mmol/L' } }), es, num('es')), '4,5 mmol/L');
  assert.equal(valueText(glucose({ valueQuantity: undefined, valueCodeableConcept: { coding: [{ code: '260385009' }] } }), en, num('en')), 'Not recorded');
});

test('dose sentences are built in the reader\'s language; the sig is kept as the clinic wrote it', () => {
  const req = (dosage: MedicationRequest['dosageInstruction']): MedicationRequest => ({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/1' }, medicationCodeableConcept: { coding: [{ code: '860975' }] }, dosageInstruction: dosage });
  assert.deepEqual(doseInstructions(req([{ text: 'Take 1 tablet by mouth daily' }]).dosageInstruction?.[0], 'es', num('es')), { sentence: undefined, clinicText: 'Take 1 tablet by mouth daily', textLanguage: 'en' });
  const structured = [{ doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }], route: { text: 'Oral' }, timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' as const } } }];
  assert.equal(doseSentence(structured[0], 'en', num('en')), 'Take 1 tablet by mouth twice a day');
  assert.equal(doseSentence(structured[0], 'es', num('es')), 'Tome 1 tableta por la boca 2 veces al día');
  const prn = { doseAndRate: [{ doseQuantity: { value: 2, unit: 'puffs' } }], timing: { repeat: { frequency: 1, period: 4, periodUnit: 'h' as const } }, asNeededCodeableConcept: { text: 'Wheezing' } };
  assert.equal(doseSentence(prn, 'en', num('en')), 'Take 2 puffs every 4 hours only when needed for wheezing');
  // The reason is the chart's English words: the Spanish sentence does not borrow them.
  assert.equal(doseSentence(prn, 'es', num('es')), 'Tome 2 inhalaciones cada 4 horas solo cuando lo necesite');
  assert.equal(doseSentence(undefined, 'en', num('en')), undefined);
  assert.equal(medicationName(req([]), 'Medicine'), 'Medicine');
  assert.equal(medicationName({ ...req([]), medicationReference: { display: 'lisinopril 10 MG Oral Tablet' }, medicationCodeableConcept: undefined }, 'Medicina', 'es'), 'lisinopril 10 MG tableta oral');
});

test('names prefer the usual name and fall back to parts', () => {
  assert.equal(humanName([{ use: 'official', prefix: ['Dr.'], given: ['Sarah', 'L.'], family: 'Chen' }]), 'Dr. Sarah L. Chen');
  assert.equal(humanName([{ use: 'official', given: ['Robert'], family: 'Smith' }, { use: 'usual', given: ['Bob'], family: 'Smith' }]), 'Bob Smith');
  assert.equal(humanName(undefined), '');
});
