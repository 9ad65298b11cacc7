import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation, Quantity } from '@medplum/fhirtypes';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';
import { vitalUnitText, vitalValueText } from './format-vitals.js';

const UCUM = 'http://unitsofmeasure.org';
const num = (locale: string) => (v: number, d = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: d }).format(v);
const vital = (loinc: string, valueQuantity: Quantity): Observation => ({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: loinc }] }, valueQuantity });

test('vital signs read with plain units in the reader\'s language and number style', () => {
  // The demo's quantities: unit text "C" and "beats/minute" beside the UCUM codes.
  const temp = vital('8310-5', { value: 36.7, unit: 'C', system: UCUM, code: 'Cel' });
  const pulse = vital('8867-4', { value: 77, unit: 'beats/minute', system: UCUM, code: '/min' });
  const bmi = vital('39156-5', { value: 24.3, unit: 'kg/m2', system: UCUM, code: 'kg/m2' });
  const spo2 = vital('59408-5', { value: 98, unit: '%', system: UCUM, code: '%' });
  assert.equal(vitalValueText(temp, num('en'), en.summary.units), '36.7 °C');
  assert.equal(vitalValueText(temp, num('es'), es.summary.units), '36,7 °C');
  assert.equal(vitalValueText(pulse, num('en'), en.summary.units), '77 beats a minute');
  assert.equal(vitalValueText(pulse, num('es'), es.summary.units), '77 latidos por minuto');
  assert.equal(vitalValueText(bmi, num('es'), es.summary.units), '24,3 kg/m²');
  assert.equal(vitalValueText(spo2, num('en'), en.summary.units), '98%');
  assert.equal(vitalValueText(spo2, num('es'), es.summary.units), '98 %');
});

test('blood pressure reads as top/bottom number in mmHg', () => {
  const bp: Observation = {
    resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    component: [
      { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 128, code: 'mm[Hg]' } },
      { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 82, code: 'mm[Hg]' } },
    ],
  };
  assert.equal(vitalValueText(bp, num('es'), es.summary.units), '128/82 mmHg');
});

test('units given only as text, or only as a code, are read the same way; others as the record prints them', () => {
  assert.equal(vitalUnitText({ unit: 'bpm' }, es.summary.units), 'latidos por minuto');
  assert.equal(vitalUnitText({ code: '[degF]' }, en.summary.units), '°F');
  assert.equal(vitalUnitText({ unit: 'in', code: '[in_i]' }, es.summary.units), 'pulg');
  assert.equal(vitalUnitText({ unit: 'lbs' }, en.summary.units), 'lb');
  assert.equal(vitalUnitText({ unit: 'mm', code: 'mm' }, en.summary.units), 'mm');
  assert.equal(vitalUnitText(undefined, en.summary.units), '');
});
