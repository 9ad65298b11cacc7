// FHIR Bulk Data Access 2.0.0 export against real PostgreSQL: kick-off, polling, manifest and
// NDJSON downloads at system, Patient and Group level, parameters, cancel, and who may see what.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CapabilityStatement, Group, Observation, OperationOutcome } from '@medplum/fhirtypes';
import { createSystemToken } from '../../src/auth/system-token.js';
import { createResource, startTestApp, type TestApp } from '../support/harness.js';
import { ASYNC, download, downloadAll, kickOff, pathOf, patientTokens, seedClinic, waitForManifest } from './bulk-support.js';

describe('bulk export', () => {
  let t: TestApp;
  let groupId: string;
  let patientIds: string[];
  let auth: Record<string, string>;

  before(async () => {
    t = await startTestApp();
    ({ groupId, patientIds } = await seedClinic(t.systemRepo, 3));
    patientTokens(t.authenticators);
    auth = { authorization: `Bearer ${t.systemToken}` };
  });
  after(async () => t.close());

  const liveCount = async (where = 'TRUE', params: unknown[] = []) =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM fhir_resource WHERE NOT deleted AND ${where}`, params)).rows[0].n;

  it('exports everything at system level, with a manifest of absolute, token-protected file URLs', async () => {
    const status = await kickOff(t.app, t.systemToken, '/fhir/$export');
    const manifest = await waitForManifest(t.app, t.systemToken, status);
    assert.equal(manifest.requiresAccessToken, true);
    assert.equal(manifest.request, 'http://localhost:3000/fhir/$export');
    assert.ok(!Number.isNaN(Date.parse(manifest.transactionTime)));
    assert.deepEqual(manifest.error, []);
    for (const f of manifest.output) assert.match(f.url, /^http:\/\/localhost:3000\/fhir\/\$export-file\/[0-9a-f-]{36}$/);
    const byType = await downloadAll(t.app, t.systemToken, manifest);
    const total = [...byType.values()].reduce((n, rs) => n + rs.length, 0);
    assert.equal(total, await liveCount());
    assert.equal(byType.get('Patient')?.length, 3);
    assert.ok(byType.has('Practitioner') && byType.has('Organization') && byType.has('Group'));
    // Without the token the files are not served.
    const anonymous = await t.app.inject({ method: 'GET', url: pathOf(manifest.output[0].url) });
    assert.equal(anonymous.statusCode, 401);
  });

  it('exports the patient compartments at Patient level, and audits the export per patient', async () => {
    const manifest = await waitForManifest(t.app, t.systemToken, await kickOff(t.app, t.systemToken, '/fhir/Patient/$export'));
    const byType = await downloadAll(t.app, t.systemToken, manifest);
    assert.equal(byType.get('Patient')?.length, 3);
    // Only patient-compartment types (Group is one: Group.member); shared ones stay out.
    assert.ok(!byType.has('Practitioner') && !byType.has('Organization') && !byType.has('Medication'), [...byType.keys()].join());
    const total = [...byType.values()].reduce((n, rs) => n + rs.length, 0);
    assert.equal(total, await liveCount(`compartments <> '{}'`));
    await t.audit.flush();
    const { rows } = await t.db.query<{ patient_ids: string[] }>(`SELECT patient_ids FROM audit_event WHERE content::jsonb ->> 'action' = 'E'`);
    const audited = new Set(rows.flatMap((r) => r.patient_ids));
    for (const id of patientIds) assert.ok(audited.has(id), `export of ${id} audited`);
  });

  it('exports only the members of a Group', async () => {
    const all = await downloadAll(t.app, t.systemToken, await waitForManifest(t.app, t.systemToken, await kickOff(t.app, t.systemToken, `/fhir/Group/${groupId}/$export`)));
    assert.deepEqual(all.get('Patient')?.map((p) => p.id).sort(), [...patientIds].sort());

    const one = await createResource<Group>(t.systemRepo, { resourceType: 'Group', type: 'person', actual: true, member: [{ entity: { reference: `Patient/${patientIds[1]}` } }] });
    const byType = await downloadAll(t.app, t.systemToken, await waitForManifest(t.app, t.systemToken, await kickOff(t.app, t.systemToken, `/fhir/Group/${one.id}/$export`)));
    assert.deepEqual(byType.get('Patient')?.map((p) => p.id), [patientIds[1]]);
    const total = [...byType.values()].reduce((n, rs) => n + rs.length, 0);
    assert.equal(total, await liveCount('compartments && $1::text[]', [[patientIds[1]]]));
    for (const o of (byType.get('Observation') ?? []) as Observation[]) assert.equal(o.subject?.reference, `Patient/${patientIds[1]}`);

    const missing = await t.app.inject({ method: 'GET', url: '/fhir/Group/no-such-group/$export', headers: { ...auth, ...ASYNC } });
    assert.equal(missing.statusCode, 404);
  });

  it('filters by _type (comma list or repeated) and _since', async () => {
    const byType = await downloadAll(t.app, t.systemToken, await waitForManifest(t.app, t.systemToken, await kickOff(t.app, t.systemToken, '/fhir/Patient/$export?_type=Patient,Condition&_type=Immunization')));
    assert.deepEqual([...byType.keys()].sort(), ['Condition', 'Immunization', 'Patient']);
    assert.equal(byType.get('Condition')?.length, await liveCount(`resource_type = 'Condition'`));

    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const fresh = await createResource<Observation>(t.systemRepo, {
      resourceType: 'Observation', status: 'final', code: { text: 'Heart rate' }, subject: { reference: `Patient/${patientIds[0]}` }, valueQuantity: { value: 61, unit: '/min' },
    });
    const manifest = await waitForManifest(t.app, t.systemToken, await kickOff(t.app, t.systemToken, `/fhir/$export?_since=${encodeURIComponent(since)}`));
    const recent = await downloadAll(t.app, t.systemToken, manifest);
    assert.deepEqual([...recent.keys()], ['Observation']);
    assert.deepEqual(recent.get('Observation')?.map((o) => o.id), [fresh.id]);
    assert.ok(manifest.request.includes('_since='));
  });

  it('accepts the three spellings of _outputFormat and a POST with Parameters', async () => {
    for (const format of ['application/fhir+ndjson', 'application/ndjson', 'ndjson']) {
      await kickOff(t.app, t.systemToken, `/fhir/Patient/$export?_type=Patient&_outputFormat=${encodeURIComponent(format)}`);
    }
    const res = await t.app.inject({
      method: 'POST', url: '/fhir/Patient/$export', headers: { ...auth, ...ASYNC, 'content-type': 'application/fhir+json' },
      payload: { resourceType: 'Parameters', parameter: [{ name: '_type', valueString: 'Patient' }, { name: '_outputFormat', valueString: 'ndjson' }] },
    });
    assert.equal(res.statusCode, 202, res.body);
    const manifest = await waitForManifest(t.app, t.systemToken, res.headers['content-location'] as string);
    assert.deepEqual(manifest.output.map((f) => f.type), ['Patient']);
  });

  it('rejects bad kick-offs with 400 and an OperationOutcome', async () => {
    const bad: [string, Record<string, string>][] = [
      ['/fhir/$export?_outputFormat=text/csv', ASYNC],
      ['/fhir/$export?_type=Foo', ASYNC],
      ['/fhir/$export?_since=2024-01-01', ASYNC],
      ['/fhir/$export?_since=yesterday', ASYNC],
      ['/fhir/$export?_since=2024-13-01T00:00:00Z', ASYNC],
      ['/fhir/$export', { accept: 'application/fhir+json' }],
      ['/fhir/$export', { prefer: 'respond-async', accept: 'application/xml' }],
      ['/fhir/$export?_typeFilter=Observation%3Fstatus%3Dfinal', { ...ASYNC, prefer: 'respond-async, handling=strict' }],
      ['/fhir/$export?includeAssociatedData=LatestProvenanceResources', { ...ASYNC, prefer: 'respond-async,handling=strict' }],
      ['/fhir/Patient/$export?_type=Practitioner', ASYNC],
    ];
    for (const [url, headers] of bad) {
      const res = await t.app.inject({ method: 'GET', url, headers: { ...auth, ...headers } });
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      assert.equal((res.json() as OperationOutcome).resourceType, 'OperationOutcome');
    }
    for (const url of ['/fhir/Observation/$export', '/fhir/Patient/x/$export', '/fhir/$export-status/not-a-job']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { ...auth, ...ASYNC } });
      assert.equal(res.statusCode, 404, url);
    }
  });

  it('ignores unsupported parameters with a warning when handling is lenient', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/fhir/Patient/$export?_type=Patient&_typeFilter=Patient%3Factive%3Dtrue&_elements=id', headers: { ...auth, ...ASYNC } });
    assert.equal(res.statusCode, 202, res.body);
    const warnings = (res.json() as OperationOutcome).issue.filter((i) => i.severity === 'warning');
    assert.equal(warnings.length, 2);
    const manifest = await waitForManifest(t.app, t.systemToken, res.headers['content-location'] as string);
    assert.equal(manifest.output.length, 1);
    assert.equal(manifest.error.length, 1);
    const outcomes = (await download(t.app, t.systemToken, manifest.error[0].url)) as OperationOutcome[];
    assert.ok(outcomes.some((o) => o.issue[0].diagnostics?.includes('_typeFilter')));
  });

  it('cancels with DELETE: 202, then 404 with an OperationOutcome, and the files are gone', async () => {
    const running = await kickOff(t.app, t.systemToken, '/fhir/$export');
    const del = await t.app.inject({ method: 'DELETE', url: pathOf(running), headers: auth });
    assert.equal(del.statusCode, 202, del.body);
    const after = await t.app.inject({ method: 'GET', url: pathOf(running), headers: auth });
    assert.equal(after.statusCode, 404);
    assert.equal((after.json() as OperationOutcome).resourceType, 'OperationOutcome');
    assert.equal((await t.app.inject({ method: 'DELETE', url: pathOf(running), headers: auth })).statusCode, 404);

    const done = await kickOff(t.app, t.systemToken, '/fhir/Patient/$export?_type=Patient');
    const manifest = await waitForManifest(t.app, t.systemToken, done);
    assert.equal((await t.app.inject({ method: 'DELETE', url: pathOf(done), headers: auth })).statusCode, 202);
    assert.equal((await t.app.inject({ method: 'GET', url: pathOf(manifest.output[0].url), headers: auth })).statusCode, 404);
    // Give a cancelled running job time to notice; it must not come back.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await t.app.inject({ method: 'GET', url: pathOf(running), headers: auth })).statusCode, 404);
  });

  it('needs a token (401) and shows a job only to the principal that started it (404 for others)', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/fhir/$export', headers: ASYNC });
    assert.equal(anonymous.statusCode, 401);
    assert.equal((anonymous.json() as OperationOutcome).resourceType, 'OperationOutcome');

    const status = await kickOff(t.app, t.systemToken, '/fhir/Patient/$export?_type=Patient');
    const manifest = await waitForManifest(t.app, t.systemToken, status);
    assert.equal((await t.app.inject({ method: 'GET', url: pathOf(status) })).statusCode, 401);
    const { token: other } = await createSystemToken(t.db, 'another-operator');
    const otherAuth = { authorization: `Bearer ${other}` };
    assert.equal((await t.app.inject({ method: 'GET', url: pathOf(status), headers: otherAuth })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: pathOf(manifest.output[0].url), headers: otherAuth })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'DELETE', url: pathOf(status), headers: otherAuth })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: pathOf(status), headers: { authorization: `Bearer test-patient-${patientIds[0]}` } })).statusCode, 404);
    // The owner still has it.
    assert.equal((await t.app.inject({ method: 'GET', url: pathOf(status), headers: auth })).statusCode, 200);
  });

  it("exports only the caller's own patient under a patient-scoped policy", async () => {
    const [mine, other] = patientIds;
    const token = `test-patient-${mine}`;
    // A cohort Group of several patients is clinic data: its members cannot see it, nor export by it.
    const groupKickOff = await t.app.inject({ method: 'GET', url: `/fhir/Group/${groupId}/$export`, headers: { authorization: `Bearer ${token}`, prefer: 'respond-async', accept: 'application/fhir+json' } });
    assert.equal(groupKickOff.statusCode, 404);
    for (const url of ['/fhir/Patient/$export', '/fhir/$export']) {
      const byType = await downloadAll(t.app, token, await waitForManifest(t.app, token, await kickOff(t.app, token, url)));
      assert.deepEqual(byType.get('Patient')?.map((p) => p.id), [mine], url);
      assert.equal(byType.get('Group'), undefined, `${url} exported the cohort Group`);
      const text = JSON.stringify([...byType.values()]);
      assert.ok(!text.includes(`Patient/${other}`), `${url} leaks another patient`);
      const { rows } = await t.db.query<{ id: string }>(`SELECT resource_type || '/' || id AS id FROM fhir_resource WHERE NOT deleted AND compartments <> '{}' AND NOT compartments && $1::text[]`, [[mine]]);
      const foreign = new Set(rows.map((r) => r.id));
      for (const [type, rs] of byType) for (const r of rs) assert.ok(!foreign.has(`${type}/${r.id}`), `${url} exported ${type}/${r.id}`);
    }
  });

  it('declares the export operations in the CapabilityStatement', async () => {
    const cs = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json() as CapabilityStatement;
    assert.ok(cs.instantiates?.includes('http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data'));
    const rest = cs.rest![0];
    assert.ok(rest.operation?.some((o) => o.name === 'export'));
    for (const type of ['Patient', 'Group']) assert.ok(rest.resource?.find((r) => r.type === type)?.operation?.some((o) => o.name === 'export'), type);
  });
});
