import { test } from 'node:test';
import assert from 'node:assert/strict';
import { niceTicks } from './chart-ticks.js';

test('axis ticks are round numbers around the data, not the data\'s own odd values', () => {
  assert.deepEqual(niceTicks(74.2, 99.8), { lo: 70, hi: 100, values: [70, 80, 90, 100], decimals: 0 });
  assert.deepEqual(niceTicks(70.7, 103.3).values, [70, 80, 90, 100, 110]);
  assert.deepEqual(niceTicks(4.1, 5.9), { lo: 4, hi: 6, values: [4, 4.5, 5, 5.5, 6], decimals: 1 });
  assert.deepEqual(niceTicks(0.62, 1.35).values, [0.6, 0.8, 1, 1.2, 1.4]);
  assert.deepEqual(niceTicks(0, 10).values, [0, 2.5, 5, 7.5, 10]);
  assert.equal(niceTicks(0, 10).decimals, 1);
  assert.deepEqual(niceTicks(140, 260).values, [100, 150, 200, 250, 300]);
});

test('a flat series, a single value and odd input still give a usable axis', () => {
  const flat = niceTicks(5, 5);
  assert.ok(flat.lo < 5 && flat.hi > 5 && flat.values.includes(5));
  assert.deepEqual(niceTicks(0, 0).values, [-0.25, 0, 0.25]);
  assert.deepEqual(niceTicks(10, 2).values, niceTicks(2, 10).values);
  assert.deepEqual(niceTicks(Number.NaN, 3).values, [0, 1]);
  for (const [a, b] of [[0.001, 0.004], [1200, 98000], [-3, 2]]) {
    const t = niceTicks(a, b);
    assert.ok(t.lo <= a && t.hi >= b && t.values.length >= 3 && t.values.length <= 7, `${a}..${b}: ${t.values.join(', ')}`);
  }
});
