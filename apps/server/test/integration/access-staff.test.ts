import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { Browser, makeAccount, startIdentityApp, TOTP_SECRET } from '../support/identity.js';
import { createResource, type TestApp } from '../support/harness.js';

describe('staff and administrator reach; anonymous requests', () => {
  let t: TestApp & { dataDir: string };
  let ours: string;
  let theirs: string;
  let theirObs: string;
  let staff: Browser;
  before(async () => {
    t = await startIdentityApp();
    const org1 = (await createResource<Resource>(t.systemRepo, { resourceType: 'Organization', name: 'North Clinic' })).id!;
    const org2 = (await createResource<Resource>(t.systemRepo, { resourceType: 'Organization', name: 'South Clinic' })).id!;
    ours = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', managingOrganization: { reference: `Organization/${org1}` } })).id!;
    theirs = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', managingOrganization: { reference: `Organization/${org2}` } })).id!;
    theirObs = (await createResource<Resource>(t.systemRepo, { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${theirs}` } })).id!;
    await makeAccount(t, { email: 'north@example.org', kind: 'staff', organizationId: org1, roles: ['clinician'], totpSecret: TOTP_SECRET });
    await makeAccount(t, { email: 'admin@example.org', kind: 'admin', totpSecret: TOTP_SECRET });
    staff = new Browser(t, '10.1.0.1');
    assert.equal((await staff.signIn('north@example.org', undefined, TOTP_SECRET)).statusCode, 200);
  });
  after(async () => t.close());

  it("staff reach their organization's patients only", async () => {
    assert.equal((await staff.get(`/fhir/Patient/${ours}`)).statusCode, 200);
    assert.equal((await staff.get(`/fhir/Patient/${theirs}`)).statusCode, 404);
    assert.equal((await staff.get(`/fhir/Observation/${theirObs}`)).statusCode, 404);
    const search = (await staff.get('/fhir/Patient')).json() as Bundle;
    assert.deepEqual(search.entry?.map((e) => e.resource?.id), [ours]);
    assert.equal((await staff.post(`/api/staff/patients/${theirs}/activation-codes`, { email: 'p@example.org' })).statusCode, 404);
    const status = await staff.get(`/api/staff/patients/${theirs}/portal-access`);
    assert.equal(status.statusCode, 404, 'portal access of a patient outside the organization is hidden like an unknown id');
    assert.deepEqual((await staff.get(`/api/staff/patients/${ours}/portal-access`)).json(), { status: 'none' });
  });

  it('staff writes with the cookie need the CSRF header', async () => {
    const body = { resourceType: 'Observation', status: 'final', code: { text: 'bp' }, subject: { reference: `Patient/${ours}` } };
    const token = staff.csrf;
    staff.csrf = undefined;
    assert.equal((await staff.request('POST', '/fhir/Observation', body)).statusCode, 403);
    staff.csrf = token;
    assert.equal((await staff.request('POST', '/fhir/Observation', body)).statusCode, 201);
  });

  it('administrators reach every patient', async () => {
    const admin = new Browser(t, '10.1.0.2');
    assert.equal((await admin.signIn('admin@example.org', undefined, TOTP_SECRET)).statusCode, 200);
    assert.equal((await admin.get(`/fhir/Patient/${theirs}`)).statusCode, 200);
    assert.equal((await admin.get(`/fhir/Patient/${ours}`)).statusCode, 200);
  });

  it('anonymous API posts must be JSON; patients cannot use staff tools', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': type }, payload: 'email=a@b.c&password=x' });
      assert.equal(res.statusCode, 415, type);
    }
    await makeAccount(t, { email: 'pat@example.org', patientId: ours });
    const p = new Browser(t, '10.1.0.3');
    await p.signIn('pat@example.org');
    assert.equal((await p.post(`/api/staff/patients/${ours}/activation-codes`, { email: 'x@example.org' })).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/fhir/Patient' })).statusCode, 401);
  });
});
