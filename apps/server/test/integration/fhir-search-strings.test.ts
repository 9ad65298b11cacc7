import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectMatchIds, get, loadClinic, type Clinic } from './fhir-search-fixtures.js';

describe('FHIR search: strings, quantities, numbers, uris', () => {
  let t: TestApp;
  let c: Clinic;
  before(async () => {
    t = await startTestApp();
    c = await loadClinic(t);
  });
  after(async () => t.close());

  const expectIds = (path: string, expected: string[]) => expectMatchIds(t, path, expected);

  it('matches strings by prefix, ignoring case and accents', async () => {
    await expectIds('Patient?family=riv', [c.a]);
    await expectIds('Patient?family=RIVERA', [c.a]);
    await expectIds('Patient?family=muller', [c.b]);
    await expectIds(`Patient?name=${encodeURIComponent('josé')}`, [c.b]);
    await expectIds('Patient?given=maria', [c.a]);
    await expectIds('Patient?name=ana', [c.a]);
    await expectIds('Patient?family=vera', []);
    await expectIds('Patient?family=riv,mul', [c.a, c.b]);
  });

  it('supports :exact and :contains', async () => {
    await expectIds('Patient?family:exact=Rivera', [c.a]);
    await expectIds('Patient?family:exact=rivera', []);
    await expectIds(`Patient?family:exact=${encodeURIComponent('Müller')}`, [c.b]);
    await expectIds('Patient?family:contains=ver', [c.a]);
    await expectIds('Patient?family:contains=LLE', [c.b]);
  });

  it('treats LIKE wildcards in the value literally', async () => {
    await expectIds('Patient?family=%25', []);
    await expectIds('Patient?family=_ivera', []);
  });

  it('matches quantities with prefixes, system and code', async () => {
    await expectIds('Observation?value-quantity=13.5', [c.hemoglobinA]);
    await expectIds('Observation?value-quantity=5.4|http://unitsofmeasure.org|mg', [c.glucoseB]);
    await expectIds('Observation?value-quantity=5.4||mg', [c.glucoseB]);
    await expectIds('Observation?value-quantity=5.4|http://unitsofmeasure.org|g', []);
    await expectIds('Observation?value-quantity=gt13', [c.hemoglobinA, c.heartRateA]);
    await expectIds('Observation?value-quantity=le13.5', [c.hemoglobinA, c.glucoseB]);
    await expectIds('Observation?value-quantity=ap70', [c.heartRateA]);
    await expectIds('Observation?value-quantity=ne72', [c.hemoglobinA, c.glucoseB]);
    // 14 stands for [13.5, 14.5): the precision of the search value counts (search.html "number").
    await expectIds('Observation?value-quantity=14', [c.hemoglobinA]);
    await expectIds('Observation?value-quantity=14.0', []);
  });

  it('matches uris exactly and with :below', async () => {
    const profile = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient';
    const { version } = await t.systemRepo.create({ resourceType: 'Patient', meta: { profile: [profile] }, name: [{ family: 'Profiled' }] });
    await expectIds(`Patient?_profile=${encodeURIComponent(profile)}`, [version.id]);
    await expectIds(`Patient?_profile:below=${encodeURIComponent('http://hl7.org/fhir/us/core/')}`, [version.id]);
    await expectIds(`Patient?_profile=${encodeURIComponent('http://hl7.org/fhir/us/core/')}`, []);
  });

  it('rejects malformed numbers and quantities with 400', async () => {
    for (const q of ['value-quantity=abc', 'value-quantity=gt', 'value-quantity=1|2', 'value-quantity=zz5']) {
      const { status, body } = await get(t, `Observation?${q}`);
      assert.equal(status, 400, q);
      assert.equal(body.resourceType, 'OperationOutcome');
    }
  });
});
