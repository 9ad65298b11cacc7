import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectMatchIds, get, loadClinic, type Clinic } from './fhir-search-fixtures.js';

describe('FHIR search: dates', () => {
  let t: TestApp;
  let c: Clinic;
  before(async () => {
    t = await startTestApp();
    c = await loadClinic(t);
  });
  after(async () => t.close());

  const expectIds = (path: string, expected: string[]) => expectMatchIds(t, path, expected);

  it('matches partial dates as the whole range they stand for', async () => {
    // hemoglobin 2024-01-15T10:00Z, heart rate 2024-02-01 (a whole day), glucose 2023-12-31T23:30Z
    await expectIds('Observation?date=2024', [c.hemoglobinA, c.heartRateA]);
    await expectIds('Observation?date=2024-01', [c.hemoglobinA]);
    await expectIds('Observation?date=2024-01-15', [c.hemoglobinA]);
    await expectIds('Observation?date=eq2024-02-01', [c.heartRateA]);
    await expectIds('Observation?date=2023-12-31T23:30:00Z', [c.glucoseB]);
    // An instant in another zone: 2024-01-01T00:30+01:00 is 2023-12-31T23:30Z.
    await expectIds(`Observation?date=${encodeURIComponent('2024-01-01T00:30:00+01:00')}`, [c.glucoseB]);
  });

  it('applies gt, lt, ge, le, ne, sa, eb and ap', async () => {
    await expectIds('Observation?date=gt2024-01-15', [c.heartRateA]);
    await expectIds('Observation?date=ge2024-01-15', [c.hemoglobinA, c.heartRateA]);
    await expectIds('Observation?date=lt2024-01-15', [c.glucoseB]);
    await expectIds('Observation?date=le2024-01-15', [c.glucoseB, c.hemoglobinA]);
    await expectIds('Observation?date=ne2024-01-15', [c.glucoseB, c.heartRateA]);
    await expectIds('Observation?date=sa2024-01-15', [c.heartRateA]);
    await expectIds('Observation?date=eb2024-01', [c.glucoseB]);
    // ap widens the range by about 10% of its distance from now (search.html "ap").
    await expectIds('Observation?date=ap2024-01-15T10:00:00Z', [c.hemoglobinA, c.heartRateA, c.glucoseB]);
    await expectIds('Observation?date=ap2021-01-01', []);
  });

  it('treats date ranges: AND of bounds, OR lists', async () => {
    await expectIds('Observation?date=ge2024-01-01&date=lt2024-02-01', [c.hemoglobinA]);
    await expectIds('Observation?date=2023-12-31,2024-02-01', [c.glucoseB, c.heartRateA]);
  });

  it('compares periods as ranges, an open end meaning ongoing', async () => {
    // Condition A: onset 2019-03-01 → ongoing; Condition B: 2023-05-01 → 2023-05-14.
    await expectIds('Condition?onset-date=gt2023-06-01', [c.conditionA]);
    await expectIds('Condition?onset-date=lt2020-01-01', [c.conditionA]);
    await expectIds('Condition?onset-date=eq2023-05', [c.conditionB]);
    await expectIds('Condition?onset-date=sa2023-01-01', [c.conditionB]);
    await expectIds('Condition?onset-date=eb2023-06-01', [c.conditionB]);
    await expectIds('Condition?onset-date=ap2023-05-07', [c.conditionA, c.conditionB]);
  });

  it('matches birth dates and _lastUpdated', async () => {
    await expectIds('Patient?birthdate=1980-04-02', [c.a]);
    await expectIds('Patient?birthdate=lt1979', [c.b]);
    const now = new Date();
    await expectIds(`Patient?_lastUpdated=ge${now.getUTCFullYear() - 1}`, [c.a, c.b]);
    await expectIds(`Patient?_lastUpdated=gt${now.getUTCFullYear() + 1}`, []);
  });

  it('rejects malformed dates and prefixes with 400', async () => {
    for (const q of ['date=yesterday', 'date=2024-13-01', 'date=xx2024', 'date=2024-02-30', '_lastUpdated=soon']) {
      const { status, body } = await get(t, `Observation?${q}`);
      assert.equal(status, 400, q);
      assert.equal(body.resourceType, 'OperationOutcome');
    }
  });
});
