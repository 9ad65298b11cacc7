// Every privileged access (access/privileged.ts) is audited under its reason and found by one
// search (audit/privileged-access-log.ts), while ordinary reads are not in that list.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Patient } from '@medplum/fhirtypes';
import { privilegedRepository } from '../../src/access/privileged.js';
import { PRIVILEGED_ACCESS_SYSTEM, type PrivilegedReason } from '../../src/access/privileged-reasons.js';
import { listPrivilegedAccess } from '../../src/audit/privileged-access-log.js';
import { DEFAULT_DEMO_SEED, DEMO_PATIENT_ROLES } from '../../src/demo/generate-clinic.js';
import { patientId as demoPatientId } from '../../src/demo/rng.js';
import { ensureDemoAccounts } from '../../src/identity/demo-accounts.js';
import { inProcessExecutor, runImport } from '../../src/import/run-import.js';
import { registerClient } from '../../src/smart/clients.js';
import { ACCESS_SECONDS, issueTokens } from '../../src/smart/tokens.js';
import { createResource, type TestApp } from '../support/harness.js';
import { Browser, GOOD_PASSWORD, outbox, startIdentityApp } from '../support/identity.js';
import { kickOff, waitForManifest } from './bulk-support.js';

describe('privileged access', () => {
  let t: TestApp & { dataDir: string };
  let chart: string;
  before(async () => {
    t = await startIdentityApp();
    chart = (await createResource<Patient>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Okafor', given: ['Chidi'] }], birthDate: '1988-02-29', telecom: [{ system: 'phone', value: '+1 555 0100 4321' }] })).id!;
    // Born the same day, not the person enrolling: the proofing search still looked at this chart.
    await createResource<Patient>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Other', given: ['Ada'] }], birthDate: '1988-02-29' });
  });
  after(async () => {
    await t.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });

  it('identity proofing, enrollment, SMART token use, demo accounts, a bulk export and an import are each found by one search', async () => {
    await t.audit.flush();
    const [latest] = await listPrivilegedAccess(t.db, { count: 1 });
    const since = latest?.seq;

    // Identity proofing, then enrollment through the emailed link.
    const person = new Browser(t, '192.0.2.50');
    const proof = await person.post('/api/enroll/self', { givenName: 'Chidi', familyName: 'Okafor', birthDate: '1988-02-29', phoneLast4: '4321', email: 'chidi@example.org' });
    assert.equal(proof.statusCode, 202, proof.body);
    const link = (await outbox(t.dataDir, 1)).find((m) => m.to === 'chidi@example.org')!;
    const token = /#token=([A-Za-z0-9_-]+)/.exec(link.text)![1];
    const enrolled = await person.post('/api/enroll/verify', { token, password: GOOD_PASSWORD });
    assert.equal(enrolled.statusCode, 201, enrolled.body);
    // An ordinary read: the patient's own, with their own policy. Not privileged.
    assert.equal((await person.get(`/fhir/Patient/${chart}`)).statusCode, 200);

    // A user-level SMART token of a staff member: the reach is read once, not on every request.
    const { client } = await registerClient(t.db, { name: 'Chart viewer', type: 'public', redirectUris: ['http://127.0.0.1:9/callback'] });
    const staff = { id: 'user-staff-1', kind: 'staff' as const, displayName: 'Sam Staff' };
    const { accessToken } = await issueTokens(t.db, { clientId: client.clientId, scope: 'openid fhirUser user/Patient.rs', context: { user: staff }, accessSeconds: ACCESS_SECONDS, refresh: false });
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'GET', url: '/fhir/Patient?_count=5', headers: { authorization: `Bearer ${accessToken}` } });
      assert.equal(res.statusCode, 200, res.body);
    }

    // Demo accounts, next to (stand-in) demo charts.
    for (const index of [DEMO_PATIENT_ROLES.mfaAdult, DEMO_PATIENT_ROLES.adult]) {
      await t.systemRepo.update({ resourceType: 'Patient', id: demoPatientId(DEFAULT_DEMO_SEED, index), name: [{ family: `Demo${index}`, given: ['Pat'] }] });
    }
    await t.db.query(`INSERT INTO demo_seed (id, patients, resources) VALUES (1, 2, 2)`);
    assert.equal((await ensureDemoAccounts(t.db, t.config)).length, 4);

    // A bulk export by an operator token.
    const manifest = await waitForManifest(t.app, t.systemToken, await kickOff(t.app, t.systemToken, '/fhir/Patient/$export?_type=Patient'));
    assert.ok(manifest.output.length > 0);

    // An import, twice: the second compares what it brings with what is stored.
    const dir = mkdtempSync(join(tmpdir(), 'portico-import-'));
    const file = join(dir, 'patients.ndjson');
    writeFileSync(file, `${JSON.stringify({ resourceType: 'Patient', id: 'imported-1', name: [{ family: 'Imported' }], birthDate: '1970-01-01' })}\n`);
    const importer = privilegedRepository(t.repositoryDeps, { reason: 'import' });
    for (let i = 0; i < 2; i++) {
      const run = await runImport([file], inProcessExecutor(importer), t.db);
      assert.deepEqual(run.problems, []);
    }
    rmSync(dir, { recursive: true, force: true });

    await t.audit.flush();
    const found = await listPrivilegedAccess(t.db, { count: 1000 });
    const mine = found.filter((e) => since === undefined || BigInt(e.seq) > BigInt(since));
    const of = (reason: PrivilegedReason) => mine.filter((e) => e.reason === reason);

    for (const e of mine) {
      assert.equal(e.event.agent[0].role?.[0]?.coding?.[0]?.system, PRIVILEGED_ACCESS_SYSTEM, 'only privileged accesses');
    }
    assert.ok(!mine.some((e) => e.event.agent.some((a) => a.who?.reference === `Patient/${chart}`)), "the patient's own read is not privileged");

    const [proofing] = of('identity-proofing');
    assert.equal(proofing.subtype, 'search-type');
    assert.equal(proofing.onBehalfOf, 'system (anonymous)');
    assert.equal(proofing.patientIds.length, 2, 'every chart born that day was looked at');
    assert.ok(proofing.patientIds.includes(chart));
    assert.equal(proofing.event.agent[1].network?.address, '192.0.2.50');

    const enrollment = of('enrollment');
    assert.ok(enrollment.some((e) => e.subtype === 'read' && e.patientIds.includes(chart)));

    const reach = of('smart-reach');
    assert.equal(reach.length, 1, 'once per app and user while it is fresh, not per request');
    assert.equal(reach[0].onBehalfOf, 'Chart viewer');
    assert.deepEqual(reach[0].patientIds, [], 'membership only: no chart listed');

    const demo = of('demo-accounts');
    assert.deepEqual(demo.flatMap((e) => e.patientIds).sort(), [DEMO_PATIENT_ROLES.mfaAdult, DEMO_PATIENT_ROLES.adult].map((i) => demoPatientId(DEFAULT_DEMO_SEED, i)).sort());

    const exported = of('bulk-export');
    assert.ok(exported.some((e) => e.subtype === 'operation' && e.patientIds.includes(chart)), 'one event per file, with its patients');
    assert.ok(exported.every((e) => e.onBehalfOf === 'system (token:test)'), 'on behalf of the requester');

    const imported = of('import');
    assert.ok(imported.some((e) => e.subtype === 'create' && e.patientIds.includes('imported-1')));
    assert.ok(imported.some((e) => e.subtype === 'read' && /1 stored resources compared/.test(e.description ?? '')), 'the re-import read is audited per batch');

    // One reason only: the same search narrowed.
    const onlyProofing = await listPrivilegedAccess(t.db, { reasons: ['identity-proofing'], count: 1000 });
    assert.ok(onlyProofing.length > 0 && onlyProofing.every((e) => e.reason === 'identity-proofing'));
  });
});
