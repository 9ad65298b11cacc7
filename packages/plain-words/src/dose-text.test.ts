import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Dosage } from '@medplum/fhirtypes';
import { doseInstructions, doseSentence } from './dose-text.js';
import { medicineName } from './medicine-name.js';

const num = (locale: string) => (v: number, d = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: d }).format(v);
const SCT = 'http://snomed.info/sct';
const sentence = (d: Dosage, locale: 'en' | 'es') => doseSentence(d, locale, num(locale));

// The demo clinic's lisinopril order: a sig, plus the structured dose behind it.
const lisinopril: Dosage = {
  text: 'Take 1 tablet by mouth once a day for blood pressure.',
  timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
  route: { coding: [{ system: SCT, code: '26643006', display: 'Oral route' }] },
  doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet', code: '{tbl}' } }],
};

test('a structured dose is said in the reader\'s language; the sig stays as the clinic wrote it', () => {
  assert.deepEqual(doseInstructions(lisinopril, 'es', num('es')), {
    sentence: 'Tome 1 tableta por la boca una vez al día',
    clinicText: 'Take 1 tablet by mouth once a day for blood pressure.',
    textLanguage: 'en',
  });
  assert.equal(sentence(lisinopril, 'en'), 'Take 1 tablet by mouth once a day');
});

test('units, times and weeks agree with their numbers in both languages', () => {
  const two = { ...lisinopril, doseAndRate: [{ doseQuantity: { value: 2, unit: 'tablet', code: '{tbl}' } }] };
  assert.equal(sentence({ ...two, timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } }, 'en'), 'Take 2 tablets by mouth twice a day');
  assert.equal(sentence({ ...two, timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } }, 'es'), 'Tome 2 tabletas por la boca 2 veces al día');
  // "a la semana", not "al semana".
  assert.equal(sentence({ ...lisinopril, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } } }, 'es'), 'Tome 1 tableta por la boca una vez a la semana');
  assert.equal(sentence({ ...lisinopril, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'h' } } }, 'en'), 'Take 1 tablet by mouth once an hour');
  assert.equal(sentence({ ...two, timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } } }, 'es'), 'Tome 2 tabletas por la boca cada 4 a 6 horas');
  assert.equal(sentence({ ...two, timing: { repeat: { frequency: 1, period: 12, periodUnit: 'h', boundsDuration: { value: 1, code: 'd' } } } }, 'es'), 'Tome 2 tabletas por la boca cada 12 horas durante 1 día');
  assert.equal(sentence({ ...lisinopril, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['21:00:00'] } } }, 'en'), 'Take 1 tablet by mouth once a day at 9:00 PM');
  assert.equal(sentence({ ...lisinopril, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['13:00:00'] } } }, 'es'), 'Tome 1 tableta por la boca una vez al día a las 13:00');
  assert.equal(sentence({ ...lisinopril, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', timeOfDay: ['01:00:00'] } } }, 'es'), 'Tome 1 tableta por la boca una vez al día a la 1:00');
});

test('inhalers, known reasons and unknown routes', () => {
  const inhaler: Dosage = { route: { coding: [{ system: SCT, code: '447694001', display: 'Respiratory tract route' }] }, doseAndRate: [{ doseQuantity: { value: 2, unit: 'puff', code: '{puff}' } }], timing: { repeat: { frequency: 1, period: 4, periodUnit: 'h' } }, asNeededBoolean: true };
  assert.equal(sentence(inhaler, 'es'), 'Tome 2 inhalaciones con el inhalador cada 4 horas solo cuando lo necesite');
  assert.equal(sentence(inhaler, 'en'), 'Take 2 puffs with the inhaler every 4 hours only when needed');
  // A reason from the problem list table is said in Spanish.
  const forAsthma = { ...inhaler, asNeededBoolean: undefined, asNeededCodeableConcept: { coding: [{ system: SCT, code: '195967001', display: 'Asthma' }] } };
  assert.match(sentence(forAsthma, 'es')!, /solo cuando lo necesite para asma/);
  // A route we have no words for is left to the clinic's text in Spanish, never said in English.
  const odd: Dosage = { route: { text: 'Intravitreal route' }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'wafer' } }] };
  assert.equal(sentence(odd, 'es'), undefined);
  assert.equal(sentence(odd, 'en'), 'Take 1 wafer by intravitreal route');
});

test('RxNorm dose forms are said in Spanish; the drug name and strength stay as written', () => {
  assert.equal(medicineName('lisinopril 10 MG Oral Tablet', 'es'), 'lisinopril 10 MG tableta oral');
  assert.equal(medicineName('amoxicillin 250 MG Oral Capsule', 'es'), 'amoxicillin 250 MG cápsula oral');
  assert.equal(medicineName('metformin 500 MG Extended Release Oral Tablet [Glucophage]', 'es'), 'metformin 500 MG tableta oral de liberación prolongada [Glucophage]');
  assert.equal(medicineName('200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', 'es'), '200 ACTUAT albuterol 0.09 MG/ACTUAT inhalador de dosis medida');
  assert.equal(medicineName('hydrocortisone 10 MG/ML Topical Cream', 'es'), 'hydrocortisone 10 MG/ML crema para la piel');
  assert.equal(medicineName('lisinopril 10 MG Oral Tablet', 'en'), 'lisinopril 10 MG Oral Tablet');
  assert.equal(medicineName('Tablet', 'es'), 'Tablet');
});
