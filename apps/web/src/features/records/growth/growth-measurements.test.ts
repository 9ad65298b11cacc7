import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { ageInMonths, growthMeasurements, growthSex } from './growth-measurements.js';

let next = 0;
const obs = (loinc: string, date: string, value: number, code: string, unit?: string, over: Partial<Observation> = {}): Observation => ({
  resourceType: 'Observation',
  id: `o${next++}`,
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
  effectiveDateTime: date,
  valueQuantity: { value, unit: unit ?? code, system: 'http://unitsofmeasure.org', code },
  ...over,
});

const BORN = '2020-01-01';

test('age in months uses the average month (30.4375 days)', () => {
  // 2020 had 366 days.
  assert.ok(Math.abs(ageInMonths(BORN, '2021-01-01T12:00:00Z') - 366.5 / 30.4375) < 1e-9);
  assert.ok(Math.abs(ageInMonths(BORN, '2020-01-01') - 0) < 1e-9);
});

test('sex for the charts comes from Patient.gender; other or unknown gives no charts', () => {
  assert.equal(growthSex({ gender: 'female' }), 'female');
  assert.equal(growthSex({ gender: 'other' }), undefined);
  assert.equal(growthSex({}), undefined);
  assert.equal(growthMeasurements([obs('29463-7', '2021-01-01', 9.6, 'kg')], BORN, undefined).size, 0);
  assert.equal(growthMeasurements([obs('29463-7', '2021-01-01', 9.6, 'kg')], undefined, 'male').size, 0);
});

test('measurements in any common unit land on the right curve with their percentile', () => {
  const list = [
    // 12 months, 9.65 kg given in grams: the WHO median for boys, so about the 50th percentile.
    obs('29463-7', '2020-12-31', 9648, 'g'),
    // The same boy at 5 years in pounds, and his height in inches.
    obs('29463-7', '2025-01-15', 40, '[lb_av]', 'lb'),
    obs('8302-2', '2025-01-15', 43, '[in_i]', 'in'),
    obs('8302-2', '2020-12-31', 75.7, 'cm'),
    obs('9843-4', '2020-12-31', 46.1, 'cm'),
    // Entered in error, no value, or a unit that is not a length: left out.
    obs('8302-2', '2021-06-01', 80, 'cm', undefined, { status: 'entered-in-error' }),
    obs('8302-2', '2021-07-01', 80, 'cm', undefined, { valueQuantity: undefined }),
    obs('8302-2', '2021-08-01', 80, 'kg'),
  ];
  const m = growthMeasurements(list, BORN, 'male');
  assert.deepEqual([...m.keys()], ['weight', 'stature', 'bmi', 'headCircumference']);
  const [infant, child] = m.get('weight')!;
  assert.equal(infant.source, 'who');
  assert.ok(Math.abs(infant.value - 9.648) < 1e-9);
  assert.ok(Math.abs(infant.percentile - 50) < 1, `${infant.percentile}`);
  assert.equal(child.source, 'cdc');
  assert.ok(Math.abs(child.value - 18.14) < 0.01);
  assert.ok(child.percentile > 40 && child.percentile < 70, `${child.percentile}`);
  const heights = m.get('stature')!;
  assert.deepEqual(heights.map((h) => Math.round(h.value * 10) / 10), [75.7, 109.2]);
  // BMI is worked out for the visit with both weight and height, and only from 2 years.
  const [bmi] = m.get('bmi')!;
  assert.equal(m.get('bmi')!.length, 1);
  assert.ok(Math.abs(bmi.value - 18.14 / 1.0922 ** 2) < 0.01);
  assert.equal(bmi.source, 'cdc');
});

test('a recorded BMI is used as it is; head size after 2 years has no chart', () => {
  const m = growthMeasurements(
    [obs('39156-5', '2026-03-01', 15.5, 'kg/m2'), obs('29463-7', '2026-03-01', 20, 'kg'), obs('8302-2', '2026-03-01', 114, 'cm'), obs('9843-4', '2023-01-01', 50, 'cm')],
    BORN,
    'female',
  );
  assert.deepEqual(m.get('bmi')!.map((b) => b.value), [15.5]);
  assert.equal(m.has('headCircumference'), false);
});

test('very small and very large values give percentiles near 0 and 100, never outside', () => {
  const m = growthMeasurements([obs('29463-7', '2021-01-01', 5, 'kg'), obs('29463-7', '2021-02-01', 16, 'kg')], BORN, 'female');
  const [low, high] = m.get('weight')!;
  assert.ok(low.percentile >= 0 && low.percentile < 0.1 && low.z < -3);
  assert.ok(high.percentile <= 100 && high.percentile > 99.9 && high.z > 3);
});
