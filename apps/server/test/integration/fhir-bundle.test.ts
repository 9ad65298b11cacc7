import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/harness.js';

const patient = (family: string, mrn?: string) => ({
  resourceType: 'Patient',
  ...(mrn ? { identifier: [{ system: 'urn:oid:2.16.840.1.113883.19.5', value: mrn }] } : {}),
  name: [{ family, given: ['Test'] }],
  gender: 'female',
});

const observation = (subject: string, value = 7.1) => ({
  resourceType: 'Observation',
  status: 'final',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c' }] },
  subject: { reference: subject },
  effectiveDateTime: '2024-03-01',
  valueQuantity: { value, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
});

describe('FHIR batch and transaction bundles', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  const post = (payload: unknown) => t.app.inject({ method: 'POST', url: '/fhir', headers: auth, payload: payload as object });
  const countOf = async (type: string) => (await t.db.query<{ n: string }>('SELECT count(*) AS n FROM fhir_resource WHERE resource_type = $1', [type])).rows[0].n;

  before(async () => {
    t = await startTestApp();
    auth = { authorization: `Bearer ${t.systemToken}`, 'content-type': 'application/fhir+json' };
  });
  after(async () => t.close());

  it('creates linked resources in a transaction, rewriting urn:uuid references (also nested)', async () => {
    const pid = 'urn:uuid:6a1d1c3e-3f0e-4f7a-9d7b-1c2d3e4f5a6b';
    const encId = 'urn:uuid:0b8e4c2a-9c1e-4b7e-8f3a-2d4e5f6a7b8c';
    const res = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        // The observation comes first and points at entries that come later.
        { fullUrl: 'urn:uuid:11111111-2222-4333-8444-555555555555', resource: { ...observation(pid), encounter: { reference: encId }, performer: [{ reference: pid }] }, request: { method: 'POST', url: 'Observation' } },
        { fullUrl: pid, resource: patient('Transact'), request: { method: 'POST', url: 'Patient' } },
        { fullUrl: encId, resource: { resourceType: 'Encounter', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' }, subject: { reference: pid } }, request: { method: 'POST', url: 'Encounter' } },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.type, 'transaction-response');
    assert.equal(body.entry.length, 3);
    for (const e of body.entry) {
      assert.equal(e.response.status, '201 Created');
      assert.match(e.response.location, /^[A-Za-z]+\/[0-9a-f-]{36}\/_history\/1$/);
      assert.equal(e.response.etag, 'W/"1"');
      assert.ok(e.response.lastModified);
    }
    const [obsLoc, patLoc, encLoc] = body.entry.map((e: { response: { location: string } }) => e.response.location.split('/_history')[0]);
    assert.match(patLoc, /^Patient\//);
    const obs = (await t.app.inject({ method: 'GET', url: `/fhir/${obsLoc}`, headers: auth })).json();
    assert.equal(obs.subject.reference, patLoc);
    assert.equal(obs.encounter.reference, encLoc);
    assert.equal(obs.performer[0].reference, patLoc);
    const enc = (await t.app.inject({ method: 'GET', url: `/fhir/${encLoc}`, headers: auth })).json();
    assert.equal(enc.subject.reference, patLoc);
  });

  it('stores nothing when one entry of a transaction is invalid, and names the entry', async () => {
    await t.audit.flush();
    const creates = async () => (await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'create'`)).rows[0].n;
    const createsBefore = await creates();
    const before = await countOf('Patient');
    const pid = 'urn:uuid:7b2e2d4f-4a1f-4b8b-8e8c-2d3e4f5a6b7c';
    const res = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: pid, resource: patient('Atomic'), request: { method: 'POST', url: 'Patient' } },
        { resource: observation(pid), request: { method: 'POST', url: 'Observation' } },
        { resource: observation(pid), request: { method: 'POST', url: 'Observation' } },
        { resource: { resourceType: 'Observation', status: 'not-a-status', subject: { reference: pid } }, request: { method: 'POST', url: 'Observation' } },
      ],
    });
    assert.equal(res.statusCode, 400, res.body);
    const outcome = res.json();
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.match(JSON.stringify(outcome), /Bundle\.entry\[3\]/);
    assert.equal(await countOf('Patient'), before);
    // Rolled-back writes are not audited as successful creates.
    await t.audit.flush();
    assert.equal(await creates(), createsBefore);
  });

  it('rolls back when a reference resolves nowhere', async () => {
    const before = await countOf('Observation');
    const res = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient('Dangling'), request: { method: 'POST', url: 'Patient' } },
        { resource: observation('Patient/does-not-exist'), request: { method: 'POST', url: 'Observation' } },
      ],
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.body, /Bundle\.entry\[1\]/);
    assert.match(res.body, /Patient\/does-not-exist/);
    assert.equal(await countOf('Observation'), before);
  });

  it('honours ifNoneExist: a matching conditional create reuses the existing resource and its links', async () => {
    const existing = await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: auth, payload: patient('Existing', 'MRN-INE-1') });
    const existingId = existing.json().id;
    const pid = 'urn:uuid:8c3f3e5a-5b2a-4c9c-9f9d-3e4f5a6b7c8d';
    const res = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: pid, resource: patient('Existing', 'MRN-INE-1'), request: { method: 'POST', url: 'Patient', ifNoneExist: 'identifier=urn:oid:2.16.840.1.113883.19.5|MRN-INE-1' } },
        { resource: observation(pid), request: { method: 'POST', url: 'Observation' } },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.entry[0].response.status, '200 OK');
    assert.equal(body.entry[0].response.location, `Patient/${existingId}/_history/1`);
    const obsLoc = body.entry[1].response.location.split('/_history')[0];
    const obs = (await t.app.inject({ method: 'GET', url: `/fhir/${obsLoc}`, headers: auth })).json();
    assert.equal(obs.subject.reference, `Patient/${existingId}`);
    const matches = await t.db.query(`SELECT count(*)::int AS n FROM sp_token WHERE resource_type = 'Patient' AND code = 'MRN-INE-1'`);
    assert.equal(matches.rows[0].n, 1);
  });

  it('processes DELETE before POST, POST before PUT, and GET last (spec order), answering in entry order', async () => {
    const a = (await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: auth, payload: patient('ToDelete') })).json();
    const b = (await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: auth, payload: patient('ToUpdate') })).json();
    const res = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        // GET comes first in the bundle but must see the PUT's result.
        { request: { method: 'GET', url: `Patient/${b.id}` } },
        { resource: { ...b, gender: 'male' }, request: { method: 'PUT', url: `Patient/${b.id}`, ifMatch: 'W/"1"' } },
        { resource: patient('Created'), request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'DELETE', url: `Patient/${a.id}` } },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.entry[0].response.status, '200 OK');
    assert.equal(body.entry[0].resource.gender, 'male');
    assert.equal(body.entry[0].resource.meta.versionId, '2');
    assert.equal(body.entry[1].response.status, '200 OK');
    assert.equal(body.entry[1].response.etag, 'W/"2"');
    assert.equal(body.entry[2].response.status, '201 Created');
    assert.equal(body.entry[3].response.status, '200 OK');
    const gone = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${a.id}`, headers: auth });
    assert.equal(gone.statusCode, 410);
  });

  it('fails the whole transaction on an If-Match conflict', async () => {
    const p = (await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: auth, payload: patient('Conflict') })).json();
    const res = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient('SideEffect'), request: { method: 'POST', url: 'Patient' } },
        { resource: { ...p, gender: 'male' }, request: { method: 'PUT', url: `Patient/${p.id}`, ifMatch: 'W/"9"' } },
      ],
    });
    assert.equal(res.statusCode, 412, res.body);
    assert.match(res.body, /Bundle\.entry\[1\]/);
    const side = await t.db.query(`SELECT count(*)::int AS n FROM sp_string WHERE resource_type = 'Patient' AND value = 'SideEffect'`);
    assert.equal(side.rows[0].n, 0);
  });

  it('runs batch entries independently: failures get their own OperationOutcome', async () => {
    const p = (await t.app.inject({ method: 'POST', url: '/fhir/Patient', headers: auth, payload: patient('Batch') })).json();
    const res = await post({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: observation(`Patient/${p.id}`), request: { method: 'POST', url: 'Observation' } },
        { resource: { resourceType: 'Observation', status: 'final' }, request: { method: 'POST', url: 'Observation' } },
        { request: { method: 'GET', url: `Patient/${p.id}` } },
        { request: { method: 'GET', url: 'Patient/nope' } },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.type, 'batch-response');
    assert.equal(body.entry[0].response.status, '201 Created');
    assert.equal(body.entry[1].response.status, '400 Bad Request');
    assert.equal(body.entry[1].response.outcome.resourceType, 'OperationOutcome');
    assert.match(JSON.stringify(body.entry[1].response.outcome), /Bundle\.entry\[1\]/);
    assert.equal(body.entry[2].response.status, '200 OK');
    assert.equal(body.entry[2].resource.id, p.id);
    assert.equal(body.entry[3].response.status, '404 Not Found');
    const stored = (await t.app.inject({ method: 'GET', url: `/fhir/${body.entry[0].response.location}`, headers: auth }));
    assert.equal(stored.statusCode, 200);
  });

  it('answers 400 to malformed bundles and 413 to oversized ones', async () => {
    const cases: unknown[] = [
      { resourceType: 'Patient' },
      { resourceType: 'Bundle', type: 'collection', entry: [] },
      { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: patient('NoRequest') }] },
      { resourceType: 'Bundle', type: 'batch', entry: [{ request: { method: 'FETCH', url: 'Patient' } }] },
      { resourceType: 'Bundle', type: 'transaction', entry: {} },
    ];
    for (const payload of cases) {
      const res = await post(payload);
      assert.equal(res.statusCode, 400, `${JSON.stringify(payload)} -> ${res.body}`);
      assert.equal(res.json().resourceType, 'OperationOutcome');
    }
    const missing = await post(cases[2]);
    assert.match(missing.body, /Bundle\.entry\[0\]/);
    const huge = await post({ resourceType: 'Bundle', type: 'batch', entry: Array.from({ length: 10_001 }, () => ({ request: { method: 'GET', url: 'Patient/x' } })) });
    assert.equal(huge.statusCode, 413, huge.body);
    assert.match(huge.body, /10001 entries/);
  });
});
