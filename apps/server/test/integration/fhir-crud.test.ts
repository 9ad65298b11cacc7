import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/harness.js';

const patient = {
  resourceType: 'Patient',
  identifier: [{ system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-1' }],
  name: [{ family: 'Rivera', given: ['Ana'] }],
  gender: 'female',
  birthDate: '1980-04-02',
};

describe('FHIR REST: create, read, update, delete, history', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  before(async () => {
    t = await startTestApp();
    auth = { authorization: `Bearer ${t.systemToken}`, 'content-type': 'application/fhir+json' };
  });
  after(async () => t.close());

  it('refuses anonymous requests with 401 and an OperationOutcome', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fhir/Patient' });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().resourceType, 'OperationOutcome');
    assert.match(String(res.headers['www-authenticate']), /Bearer/);
  });

  it('serves the CapabilityStatement without auth', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fhir/metadata' });
    assert.equal(res.statusCode, 200);
    const cs = res.json();
    assert.equal(cs.resourceType, 'CapabilityStatement');
    assert.equal(cs.fhirVersion, '4.0.1');
    const obs = cs.rest[0].resource.find((r: { type: string }) => r.type === 'Observation');
    assert.ok(obs.searchParam.some((p: { name: string }) => p.name === 'code'));
  });

  it('creates, reads, versions and deletes a Patient', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: auth, payload: patient });
    assert.equal(created.statusCode, 201, created.body);
    const body = created.json();
    assert.equal(body.meta.versionId, '1');
    assert.match(String(created.headers.location), new RegExp(`/fhir/Patient/${body.id}/_history/1$`));
    assert.equal(created.headers.etag, 'W/"1"');

    const read = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${body.id}`, headers: auth });
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json().name, patient.name);

    const conflict = await t.app.inject({ method: 'PUT', url: `/fhir/Patient/${body.id}`, headers: { ...auth, 'if-match': 'W/"7"' }, payload: { ...body, gender: 'male' } });
    assert.equal(conflict.statusCode, 412);

    const updated = await t.app.inject({ method: 'PUT', url: `/fhir/Patient/${body.id}`, headers: { ...auth, 'if-match': 'W/"1"' }, payload: { ...body, gender: 'other' } });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.equal(updated.json().meta.versionId, '2');

    const v1 = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${body.id}/_history/1`, headers: auth });
    assert.equal(v1.json().gender, 'female');
    const history = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${body.id}/_history`, headers: auth });
    assert.deepEqual(history.json().entry.map((e: { resource: { meta: { versionId: string } } }) => e.resource.meta.versionId), ['2', '1']);

    const del = await t.app.inject({ method: 'DELETE', url: `/fhir/Patient/${body.id}`, headers: auth });
    assert.equal(del.statusCode, 200);
    const gone = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${body.id}`, headers: auth });
    assert.equal(gone.statusCode, 410);
  });

  it('rejects invalid resources with 400, naming each problem and its location, and stores nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM fhir_resource');
    const res = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: auth, payload: { resourceType: 'Patient', gender: 'robot', birthDate: 'yesterday' } });
    assert.equal(res.statusCode, 400);
    const oo = res.json();
    assert.equal(oo.resourceType, 'OperationOutcome');
    const where = oo.issue.flatMap((i: { expression?: string[] }) => i.expression ?? []);
    assert.ok(where.some((e: string) => e.includes('gender')), JSON.stringify(oo));
    assert.ok(where.some((e: string) => e.includes('birthDate')), JSON.stringify(oo));
    const afterCount = await t.db.query('SELECT count(*)::int AS n FROM fhir_resource');
    assert.equal(afterCount.rows[0].n, before.rows[0].n);
  });

  it('answers malformed input with 4xx OperationOutcomes, never 500', async () => {
    const cases = [
      { method: 'POST' as const, url: '/fhir/Patient', payload: '{"resourceType": "Patient",' },
      { method: 'POST' as const, url: '/fhir/Patient', payload: '[]' },
      { method: 'GET' as const, url: '/fhir/NotAType/1' },
      { method: 'GET' as const, url: `/fhir/Patient/${'x'.repeat(80)}` },
      { method: 'GET' as const, url: '/fhir/Patient/a$b' },
      { method: 'GET' as const, url: '/fhir/Patient/abc/_history/notanumber' },
      { method: 'POST' as const, url: '/fhir/Observation', payload: { resourceType: 'Patient' } },
      { method: 'PUT' as const, url: '/fhir/Patient/abc', payload: { resourceType: 'Patient', id: 'other' } },
      { method: 'GET' as const, url: '/fhir/Patient?_format=xml' },
      { method: 'POST' as const, url: '/fhir/Observation', payload: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/does-not-exist' } } },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ method: c.method, url: c.url, headers: auth, payload: c.payload as never });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${c.method} ${c.url} gave ${res.statusCode}: ${res.body}`);
      assert.equal(res.json().resourceType, 'OperationOutcome', `${c.method} ${c.url}`);
    }
  });

  it('conditional create by identifier returns the existing resource', async () => {
    const p = { ...patient, identifier: [{ system: 'urn:test', value: 'COND-1' }] };
    const first = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...auth, 'if-none-exist': 'identifier=urn:test|COND-1' }, payload: p });
    assert.equal(first.statusCode, 201);
    const second = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...auth, 'if-none-exist': 'identifier=urn:test|COND-1' }, payload: p });
    assert.equal(second.statusCode, 200);
    assert.equal(second.json().id, first.json().id);
  });

  it('honours Prefer: return=minimal and return=OperationOutcome', async () => {
    const minimal = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...auth, prefer: 'return=minimal' }, payload: patient });
    assert.equal(minimal.statusCode, 201);
    assert.equal(minimal.body, '');
    assert.ok(minimal.headers.location);
    const oo = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: { ...auth, prefer: 'return=OperationOutcome' }, payload: patient });
    assert.equal(oo.json().resourceType, 'OperationOutcome');
  });

  it('writes an AuditEvent for reads', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: auth, payload: patient });
    const id = created.json().id;
    await t.app.inject({ method: 'GET', url: `/fhir/Patient/${id}`, headers: auth });
    await t.audit.flush();
    const { rows } = await t.db.query(`SELECT action, patient_ids FROM audit_event WHERE $1 = ANY(patient_ids) ORDER BY seq`, [id]);
    assert.deepEqual(rows.map((r) => r.action), ['create', 'read']);
  });
});
