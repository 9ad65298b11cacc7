// The growth reference data and the LMS arithmetic, checked against values published in the WHO
// and CDC tables (the percentile columns printed next to L, M and S in the same files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CDC_2_20, WHO_0_24, type LmsRow } from './lms-tables.js';
import { lmsAt, normalCdf, PERCENTILE_Z, percentileOf, valueAtZ, zScore } from './lms.js';
import { percentileCurves, referenceAt, type GrowthMeasure, type Sex } from './references.js';

const close = (actual: number, expected: number, relative: number, what: string) =>
  assert.ok(Math.abs(actual / expected - 1) <= relative, `${what}: ${actual} is not within ${relative * 100}% of ${expected}`);

test('the LMS formulas: z, value at z, and the L = 0 limit', () => {
  const lms = { l: -0.5, m: 10, s: 0.1 };
  assert.ok(Math.abs(zScore(10, lms)) < 1e-15);
  for (const z of [-3, -1.2, 0.4, 2.5]) assert.ok(Math.abs(zScore(valueAtZ(z, lms), lms) - z) < 1e-12);
  // As L goes to 0 the Box-Cox power becomes a logarithm.
  assert.ok(Math.abs(zScore(12, { l: 0, m: 10, s: 0.1 }) - Math.log(1.2) / 0.1) < 1e-12);
  assert.ok(Math.abs(zScore(12, { l: 1e-9, m: 10, s: 0.1 }) - zScore(12, { l: 0, m: 10, s: 0.1 })) < 1e-6);
  assert.ok(Math.abs(valueAtZ(1, { l: 0, m: 10, s: 0.1 }) - 10 * Math.exp(0.1)) < 1e-12);
});

test('the normal distribution function matches tabulated values', () => {
  const table: [number, number][] = [[0, 0.5], [1, 0.8413447], [-1, 0.1586553], [1.6448536, 0.95], [1.959964, 0.975], [-2.5758293, 0.005], [3, 0.9986501]];
  for (const [z, p] of table) assert.ok(Math.abs(normalCdf(z) - p) < 2e-7, `Φ(${z})`);
  for (const [p, z] of Object.entries(PERCENTILE_Z)) assert.ok(Math.abs(100 * normalCdf(z) - Number(p)) < 1e-4, `z of the ${p}th percentile`);
});

// Published values: [measure, sex, age in months, percentile, value].
const PUBLISHED: [GrowthMeasure, Sex, number, number, number][] = [
  // WHO Child Growth Standards, weight for age: the median boy weighs 9.6 kg at 12 months.
  ['weight', 'male', 12, 50, 9.6479], ['weight', 'male', 12, 5, 8.052577], ['weight', 'male', 12, 95, 11.53526],
  ['weight', 'female', 12, 50, 8.9481], ['weight', 'female', 12, 5, 7.342376], ['weight', 'female', 12, 95, 10.99531],
  ['weight', 'male', 0, 50, 3.3464], ['weight', 'female', 6, 5, 5.97888],
  // WHO length for age and head circumference for age.
  ['stature', 'male', 23, 50, 86.941], ['stature', 'male', 23, 5, 82.01447], ['stature', 'female', 12, 5, 69.77953], ['stature', 'female', 12, 95, 78.25047],
  ['headCircumference', 'male', 0, 5, 32.37241], ['headCircumference', 'male', 0, 95, 36.55119], ['headCircumference', 'female', 12, 5, 42.66112], ['headCircumference', 'female', 12, 95, 47.13188],
  // CDC 2000, weight for age (wtage.csv).
  ['weight', 'male', 24, 5, 10.64009], ['weight', 'male', 24, 95, 15.18777], ['weight', 'male', 120.5, 5, 24.94392], ['weight', 'male', 120.5, 95, 46.15753],
  ['weight', 'male', 198.5, 5, 49.19189], ['weight', 'male', 198.5, 95, 86.68415],
  // CDC 2000, stature for age (statage.csv).
  ['stature', 'male', 24, 5, 80.72977321], ['stature', 'male', 24, 95, 92.19687928], ['stature', 'male', 24.5, 5, 81.08868489], ['stature', 'male', 24.5, 95, 92.63176749],
  // CDC 2000, BMI for age (bmiagerev.csv).
  ['bmi', 'male', 24, 5, 14.73731947], ['bmi', 'male', 24, 95, 19.33801062], ['bmi', 'male', 60.5, 5, 13.83854804], ['bmi', 'male', 60.5, 95, 17.93892524],
  ['bmi', 'female', 24, 5, 14.39787089], ['bmi', 'female', 24, 95, 19.10623522], ['bmi', 'female', 60.5, 5, 13.52091027], ['bmi', 'female', 60.5, 95, 18.25738105],
  ['bmi', 'female', 120.5, 5, 14.03535405],
];

test('the reference tables give the published percentile values', () => {
  for (const [measure, sex, age, p, value] of PUBLISHED) {
    const ref = referenceAt(measure, sex, age);
    assert.ok(ref, `${measure} ${sex} ${age} months has a reference`);
    assert.equal(ref.source, age < 24 ? 'who' : 'cdc');
    const what = `${measure} ${sex} ${age} months P${p}`;
    close(valueAtZ(PERCENTILE_Z[p], ref.lms), value, 2e-5, what);
    // And the other way: that value is at that percentile.
    assert.ok(Math.abs(percentileOf(value, ref.lms) - p) < 0.01, `${what}: percentile ${percentileOf(value, ref.lms)}`);
  }
});

test('a child between table rows gets interpolated L, M and S', () => {
  const rows: LmsRow[] = [[1, 10, 0.1], [0, 12, 0.2]];
  assert.deepEqual(lmsAt(rows, [0, 1], 0.25), { l: 0.75, m: 10.5, s: 0.125 });
  assert.equal(lmsAt(rows, [0, 1], 1.01), undefined);
  assert.equal(lmsAt(rows, [0, 1], -0.01), undefined);
  // A boy of 12.5 months is between the 12- and 13-month WHO rows.
  const mid = referenceAt('weight', 'male', 12.5)!;
  close(mid.lms.m, (9.6479 + 9.8749) / 2, 1e-9, 'WHO median at 12.5 months');
  // CDC rows sit at 24, 24.5, 25.5 …: 25 months is halfway between 24.5 and 25.5.
  close(referenceAt('weight', 'male', 25)!.lms.m, (12.7415 + 12.881) / 2, 1e-4, 'CDC median at 25 months');
});

test('which reference applies: WHO to 2 years, CDC from 2 to 20, head size to 2, BMI from 2', () => {
  assert.equal(referenceAt('weight', 'female', 23.9)?.source, 'who');
  assert.equal(referenceAt('weight', 'female', 24)?.source, 'cdc');
  assert.equal(referenceAt('weight', 'female', 240)?.source, 'cdc');
  assert.equal(referenceAt('weight', 'female', 240.6), undefined);
  assert.equal(referenceAt('weight', 'female', -1), undefined);
  assert.equal(referenceAt('headCircumference', 'male', 23)?.source, 'who');
  assert.equal(referenceAt('headCircumference', 'male', 25), undefined);
  assert.equal(referenceAt('bmi', 'male', 23), undefined);
  assert.equal(referenceAt('bmi', 'male', 240.5)?.source, 'cdc');
});

test('percentile curves rise with age and step where the reference changes at 2 years', () => {
  const curves = percentileCurves('stature', 'male', 12, 36, [5, 50, 95], 24);
  for (const c of curves) assert.ok(c.values[5] < c.values[50] && c.values[50] < c.values[95]);
  const before = curves.find((c) => c.ageMonths < 24 && c.ageMonths > 23.99)!;
  const at = curves.find((c) => c.ageMonths === 24)!;
  // WHO measures length lying down; CDC measures height standing, which reads a little shorter.
  assert.ok(before.values[50] > at.values[50] && before.values[50] - at.values[50] < 1.5);
  assert.ok(curves[curves.length - 1].values[50] > curves[0].values[50] + 15);
});

test('the tables are whole, smooth and unchanged', () => {
  // [name, rows, expected length, first row to check, bound on M]: the WHO rows are a month apart
  // and bend sharply in the first months, the CDC rows are a month apart
  // after their first two (24 and 24.5 months) and before their last ones (240, 240.5).
  const tables: [string, readonly LmsRow[], number, number, number][] = [];
  for (const [name, bySex] of Object.entries(WHO_0_24)) for (const sex of ['male', 'female'] as const) tables.push([`WHO ${name} ${sex}`, bySex[sex], 25, 4, 2e-3]);
  for (const [name, bySex] of Object.entries(CDC_2_20)) for (const sex of ['male', 'female'] as const) tables.push([`CDC ${name} ${sex}`, bySex[sex], name === 'bmi' ? 219 : 218, 3, 2e-4]);
  for (const [name, rows, length, first, boundM] of tables) {
    assert.equal(rows.length, length, `${name} rows`);
    // A mistyped digit shows as one row off the smooth curve its neighbours draw. (The CDC stature
    // curves bend at 36 months, where the chart changes from its infant to its child data; the L
    // bound allows that bend.)
    for (let i = first; i < rows.length - 4; i++) {
      for (const [col, bound, relative] of [[0, 0.1, false], [1, boundM, true], [2, 5e-3, true]] as const) {
        const v = (k: number) => rows[k][col];
        const predicted = (-v(i - 2) + 4 * v(i - 1) + 4 * v(i + 1) - v(i + 2)) / 6;
        const off = relative ? Math.abs(v(i) / predicted - 1) : Math.abs(v(i) - predicted);
        assert.ok(off < bound, `${name} row ${i} column ${'LMS'[col]} is off its curve by ${off}`);
      }
    }
  }
  // The digest of the data as generated; a change to the tables must change this on purpose.
  const digest = createHash('sha256').update(JSON.stringify({ WHO_0_24, CDC_2_20 })).digest('hex');
  assert.equal(digest, 'c2ee78eb67662a6c718f607152a6129a64466e92486fd885753087e8d7468862');
});
