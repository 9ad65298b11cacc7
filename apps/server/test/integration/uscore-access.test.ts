// What a patient-level SMART token reaches in the US Core API (ONC (g)(10) "limited scopes" and
// patient-compartment checks): only its patient's compartment, only the types its scopes name, and
// SMART v2 `.r` (read) apart from `.s` (search); read-only scopes never write.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { isPatientCompartmentType } from '../../src/access/compartment.js';
import { US_CORE_RESOURCES } from '../../src/uscore/profiles.js';
import { allPages, rowsOf, startSeededApp, type Seeded } from './uscore-support.js';

let s: Seeded;

before(async () => {
  s = await startSeededApp();
});
after(async () => s?.app.close());

const compartmentTypes = () => US_CORE_RESOURCES.map((r) => r.type).filter((t) => t !== 'Patient' && isPatientCompartmentType(t));
const inChart = (k: number, type: string) => s.charts[k].filter((r) => r.resourceType === type);
const belongsTo = (resource: Resource, patientId: string) =>
  resource.resourceType === 'Patient' ? resource.id === patientId : rowsOf(resource).reference.some((r) => r.targetType === 'Patient' && r.targetId === patientId);

test("reads of another patient's resources are 404, of every type in the chart", async () => {
  const token = await s.token(1);
  const types = new Set<string>();
  for (const resource of s.charts[3]) {
    if (types.has(resource.resourceType)) continue;
    types.add(resource.resourceType);
    const res = await s.fhir(token, `${resource.resourceType}/${resource.id}`);
    assert.equal(res.status, 404, `${resource.resourceType}/${resource.id} of another patient`);
    assert.equal(res.body.resourceType, 'OperationOutcome');
  }
  assert.ok(types.size >= 15, `checked ${types.size} types`);
});

test('searches without a patient parameter return only the token patient’s resources', async () => {
  const token = await s.token(1);
  const pid = s.patientIds[1];
  for (const type of compartmentTypes()) {
    const res = await s.fhir(token, `${type}?_count=1000`);
    assert.equal(res.status, 200, type);
    const found = await allPages(s, token, res.body as Bundle);
    const own = inChart(1, type);
    assert.equal(found.length, own.length, `${type}: the patient's ${own.length} resources, no others`);
    for (const r of found) assert.ok(belongsTo(r, pid) || r.resourceType === 'Provenance', `${type}/${r.id} belongs to the patient`);
  }
  const patients = await allPages(s, token, (await s.fhir(token, 'Patient?_count=100')).body as Bundle);
  assert.deepEqual(patients.map((p) => p.id), [pid]);
});

test("a search naming another patient finds nothing (no error that would confirm the patient exists)", async () => {
  const token = await s.token(1);
  for (const query of [`Observation?patient=${s.patientIds[3]}&category=vital-signs`, `Condition?patient=Patient/${s.patientIds[3]}`, `Patient?_id=${s.patientIds[3]}`]) {
    const res = await s.fhir(token, query);
    assert.equal(res.status, 200, query);
    assert.equal((res.body as Bundle).entry?.filter((e) => e.search?.mode === 'match').length ?? 0, 0, query);
  }
});

test('read-only scopes cannot create, update or delete', async () => {
  const token = await s.token(1, 'launch/patient patient/*.rs');
  const pid = s.patientIds[1];
  const obs = inChart(1, 'Observation')[0];
  const created = await s.fhir(token, 'Observation', { body: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${pid}` } } });
  assert.equal(created.status, 403);
  const updated = await s.fhir(token, `Observation/${obs.id}`, { method: 'PUT', body: { ...obs, status: 'amended' } });
  assert.equal(updated.status, 403);
  const deleted = await s.fhir(token, `Observation/${obs.id}`, { method: 'DELETE' });
  assert.equal(deleted.status, 403);
  const still = await s.fhir(token, `Observation/${obs.id}`);
  assert.equal(still.status, 200);
  assert.equal(still.body.status, (obs as { status?: string }).status);
  assert.equal(still.body.meta.versionId, '1');
});

test('a token with scopes for some types gets 403 on the others', async () => {
  const token = await s.token(1, 'launch/patient patient/Patient.rs patient/Observation.rs');
  const pid = s.patientIds[1];
  assert.equal((await s.fhir(token, `Patient/${pid}`)).status, 200);
  assert.equal((await s.fhir(token, `Observation?patient=${pid}&category=vital-signs`)).status, 200);
  const condition = inChart(1, 'Condition')[0];
  for (const path of [`Condition/${condition.id}`, `Condition?patient=${pid}`, `MedicationRequest?patient=${pid}&intent=order`, `DocumentReference?patient=${pid}`]) {
    const res = await s.fhir(token, path);
    assert.equal(res.status, 403, path);
    assert.equal(res.body.resourceType, 'OperationOutcome');
  }
  // Includes of types outside the scopes are left out rather than leaked.
  const rev = await s.fhir(token, `Observation?patient=${pid}&category=vital-signs&_revinclude=Provenance:target&_count=5`);
  assert.equal(rev.status, 200);
  assert.ok(!(rev.body as Bundle).entry?.some((e) => e.resource?.resourceType === 'Provenance'));
});

test('SMART v2: .r reads but cannot search, .s searches but cannot read, v1 .read does both', async () => {
  const pid = s.patientIds[1];
  const condition = inChart(1, 'Condition')[0];
  const readOnly = await s.token(1, 'launch/patient patient/Condition.r');
  assert.equal((await s.fhir(readOnly, `Condition/${condition.id}`)).status, 200);
  assert.equal((await s.fhir(readOnly, `Condition?patient=${pid}`)).status, 403);
  assert.equal((await s.fhir(readOnly, `Condition/_search`, { form: `patient=${pid}` })).status, 403);

  const searchOnly = await s.token(1, 'launch/patient patient/Condition.s');
  assert.equal((await s.fhir(searchOnly, `Condition/${condition.id}`)).status, 403);
  const found = await s.fhir(searchOnly, `Condition?patient=${pid}`);
  assert.equal(found.status, 200);
  assert.ok(((found.body as Bundle).entry ?? []).some((e) => e.resource?.id === condition.id));

  const v1 = await s.token(1, 'launch/patient patient/Condition.read');
  assert.equal((await s.fhir(v1, `Condition/${condition.id}`)).status, 200);
  assert.equal((await s.fhir(v1, `Condition?patient=${pid}`)).status, 200);

  // A chained search reads the chained type's values: it needs `.s` on that type too.
  const chain = await s.fhir(searchOnly, `Condition?patient=${pid}&encounter.status=finished`);
  assert.equal(chain.status, 403);
});

test('Provenance of a patient’s resources is readable with the patient token, not with another patient’s', async () => {
  const provenance = inChart(0, 'Provenance')[0];
  assert.ok(provenance);
  assert.equal((await s.fhir(await s.token(0), `Provenance/${provenance.id}`)).status, 200);
  assert.equal((await s.fhir(await s.token(1), `Provenance/${provenance.id}`)).status, 404);
});
