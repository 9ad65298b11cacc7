import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/harness.js';
import { expectMatchIds, loadClinic, type Clinic } from './fhir-search-fixtures.js';

describe('FHIR search: tokens, references, chains', () => {
  let t: TestApp;
  let c: Clinic;
  before(async () => {
    t = await startTestApp();
    c = await loadClinic(t);
  });
  after(async () => t.close());

  const expectIds = (path: string, expected: string[]) => expectMatchIds(t, path, expected);

  it('matches token codes with and without system, OR lists and system-only', async () => {
    await expectIds('Observation?code=718-7', [c.hemoglobinA]);
    await expectIds('Observation?code=http://loinc.org|718-7', [c.hemoglobinA]);
    await expectIds('Observation?code=http://snomed.info/sct|718-7', []);
    await expectIds('Observation?code=|718-7', []);
    await expectIds('Observation?code=718-7,2345-7', [c.hemoglobinA, c.glucoseB]);
    await expectIds('Observation?code=http://loinc.org|', [c.hemoglobinA, c.heartRateA, c.glucoseB]);
    await expectIds('Patient?identifier=urn:mrn|MRN-B', [c.b]);
    await expectIds('Patient?gender=female', [c.a]);
  });

  it('repeated parameters AND together', async () => {
    await expectIds('Observation?category=laboratory&code=718-7', [c.hemoglobinA]);
    await expectIds('Observation?category=laboratory&code=8867-4', []);
  });

  it('supports :not, :text and :missing on tokens', async () => {
    await expectIds('Observation?code:not=718-7', [c.heartRateA, c.glucoseB]);
    await expectIds('Observation?code:text=hemo', [c.hemoglobinA]);
    await expectIds('Observation?code:text=heart rate', [c.heartRateA]);
    await expectIds('Observation?data-absent-reason:missing=true', [c.hemoglobinA, c.heartRateA, c.glucoseB]);
    await expectIds('Observation?category:missing=false', [c.hemoglobinA, c.heartRateA, c.glucoseB]);
  });

  it('matches references as id, Type/id and absolute URL alike', async () => {
    const base = t.repositoryDeps.baseUrl;
    for (const value of [c.a, `Patient/${c.a}`, `${base}/Patient/${c.a}`]) {
      await expectIds(`Observation?patient=${encodeURIComponent(value)}`, [c.hemoglobinA, c.heartRateA]);
    }
    await expectIds(`Observation?subject:Patient=${c.b}`, [c.glucoseB]);
    await expectIds(`Observation?subject:Group=${c.b}`, []);
    await expectIds(`Observation?patient=${c.a}&category=laboratory`, [c.hemoglobinA]);
    await expectIds(`Condition?patient=${c.a},${c.b}`, [c.conditionA, c.conditionB]);
    await expectIds('Observation?encounter:missing=true', [c.hemoglobinA, c.heartRateA, c.glucoseB]);
  });

  it('follows one level of chaining, by name, identifier and with a type modifier', async () => {
    await expectIds('Observation?subject:Patient.name=rivera', [c.hemoglobinA, c.heartRateA]);
    await expectIds('Observation?patient.identifier=urn:mrn|MRN-B', [c.glucoseB]);
    await expectIds('Observation?subject.family=muller', [c.glucoseB]);
    await expectIds('Observation?performer:Practitioner.name=okafor&code=2345-7', [c.glucoseB]);
  });

  it('supports _has reverse chaining', async () => {
    await expectIds('Patient?_has:Observation:patient:code=718-7', [c.a]);
    await expectIds('Patient?_has:Condition:subject:code=195662009', [c.b]);
  });

  it('supports _id and _id lists', async () => {
    await expectIds(`Patient?_id=${c.a}`, [c.a]);
    await expectIds(`Patient?_id=${c.a},${c.b}`, [c.a, c.b]);
  });

  it('supports root-level composites as an AND of their components', async () => {
    await expectIds('Observation?code-value-quantity=http://loinc.org|718-7$gt13', [c.hemoglobinA]);
    await expectIds('Observation?code-value-quantity=http://loinc.org|718-7$lt13', []);
    await expectIds('Observation?code-value-quantity=718-7$lt13,2345-7$5.4', [c.glucoseB]);
  });

  it('conditional create matches on any search criteria', async () => {
    const auth = { authorization: `Bearer ${t.systemToken}`, 'content-type': 'application/fhir+json' };
    const body = { resourceType: 'Patient', name: [{ family: 'Rivera' }], gender: 'female' };
    const found = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...auth, 'if-none-exist': 'family=rivera&gender=female' }, payload: body });
    assert.equal(found.statusCode, 200, found.body);
    assert.equal(found.json().id, c.a);
    const created = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...auth, 'if-none-exist': 'family=rivera&gender=male' }, payload: body });
    assert.equal(created.statusCode, 201);
    const unknown = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...auth, 'if-none-exist': 'shoe-size=9' }, payload: body });
    assert.equal(unknown.statusCode, 400);
  });
});
