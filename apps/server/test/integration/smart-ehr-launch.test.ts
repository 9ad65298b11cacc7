// EHR launch started from the portal (POST /api/smart/launch) on the whole app: staff open an app
// for a patient they reach and the app's token response carries patient, encounter,
// need_patient_banner and smart_style_url; patients, patients out of reach, unknown apps and
// mismatched encounters are refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { decodeJwt } from 'jose';
import { registerClient } from '../../src/smart/clients.js';
import { createResource } from '../support/harness.js';
import { GOOD_PASSWORD, makeAccount, TOTP_SECRET } from '../support/identity.js';
import { authorizeCode, exchangeCode, formOf, PortalBrowser, startPortalSmartServer, type PortalServer } from './smart-support.js';

const redirect = 'http://127.0.0.1:9/callback';
const launchUrl = 'http://127.0.0.1:9/launch';

let t: PortalServer;
const ids: Record<string, string> = {};
let charts = '';
let noLaunch = '';
let staff: PortalBrowser;

before(async () => {
  t = await startPortalSmartServer();
  const org = async (name: string) => (await createResource<Resource>(t.systemRepo, { resourceType: 'Organization', name })).id!;
  const [north, south] = [await org('North Clinic'), await org('South Clinic')];
  const patient = async (given: string, orgId: string) =>
    (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ given: [given], family: 'Test' }], managingOrganization: { reference: `Organization/${orgId}` } })).id!;
  const encounter = async (patientId: string) => (await createResource<Resource>(t.systemRepo, { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject: { reference: `Patient/${patientId}` } })).id!;
  ids.ana = await patient('Ana', north);
  ids.carl = await patient('Carl', north);
  ids.ben = await patient('Ben', south);
  ids.anaEnc = await encounter(ids.ana);
  ids.carlEnc = await encounter(ids.carl);
  ids.benEnc = await encounter(ids.ben);
  const practitioner = (await createResource<Resource>(t.systemRepo, { resourceType: 'Practitioner', name: [{ family: 'Ruiz' }] })).id!;
  await makeAccount(t, { email: 'ruiz@example.org', kind: 'staff', organizationId: north, practitionerId: practitioner, roles: ['clinician'], totpSecret: TOTP_SECRET, displayName: 'Dr. Ruiz' });
  await makeAccount(t, { email: 'ana@example.org', patientId: ids.ana });
  ids.practitioner = practitioner;
  charts = (await registerClient(t.db, { name: 'Growth Charts', type: 'public', redirectUris: [redirect], launchUrl })).client.clientId;
  noLaunch = (await registerClient(t.db, { name: 'Diary', type: 'public', redirectUris: [redirect] })).client.clientId;
  staff = new PortalBrowser(t.base);
  await staff.signIn('ruiz@example.org', GOOD_PASSWORD, TOTP_SECRET);
});
after(async () => t?.close());

async function launch(b: PortalBrowser, body: unknown) {
  const res = await b.api('POST', '/api/smart/launch', body);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Record<string, string> };
}

async function expectProblem(r: Awaited<ReturnType<typeof launch>>, status: number, slug: string, label: string) {
  assert.equal(r.status, status, `${label}: ${JSON.stringify(r.body)}`);
  assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/, label);
  assert.ok(String(r.body.type).endsWith(`/${slug}`), `${label}: ${r.body.type}`);
}

describe('EHR launch from the portal', () => {
  it('staff launch an app for a patient; the token response carries the launch context', async () => {
    const r = await launch(staff, { clientId: charts, patientId: ids.ana, encounterId: ids.anaEnc });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const url = new URL(r.body.launchUrl);
    assert.equal(`${url.origin}${url.pathname}`, launchUrl);
    assert.equal(url.searchParams.get('iss'), t.fhirBase);
    assert.equal(url.searchParams.get('launch'), r.body.launch);

    // The app, opened in the staff member's browser, asks for authorization with the launch id;
    // the portal session signs the staff member in, so only the consent page shows.
    const c = await authorizeCode(staff, t, { clientId: charts, redirectUri: redirect, scope: 'launch openid fhirUser patient/*.rs', launch: r.body.launch });
    const tokens = await exchangeCode(t.base, c, redirect, { clientId: charts });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.patient, ids.ana);
    assert.equal(tokens.body.encounter, ids.anaEnc);
    assert.equal(tokens.body.need_patient_banner, false, 'the portal already shows whose chart is open');
    assert.equal(tokens.body.smart_style_url, `${t.base}/auth/smart-style.json`);
    const style = await fetch(String(tokens.body.smart_style_url));
    assert.equal(style.status, 200);
    assert.ok(((await style.json()) as Record<string, string>).color_background, 'the style document has colours');
    assert.equal(decodeJwt(String(tokens.body.id_token)).fhirUser, `${t.fhirBase}/Practitioner/${ids.practitioner}`);

    const read = await fetch(`${t.fhirBase}/Encounter/${ids.anaEnc}`, { headers: { authorization: `Bearer ${tokens.body.access_token}` } });
    assert.equal(read.status, 200);
    const other = await fetch(`${t.fhirBase}/Patient/${ids.carl}`, { headers: { authorization: `Bearer ${tokens.body.access_token}` } });
    assert.equal(other.status, 404, "the app reaches the launch patient only, not all of the clinician's patients");
  });

  it('without an encounter the token has the patient only', async () => {
    const r = await launch(staff, { clientId: charts, patientId: ids.ana });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const c = await authorizeCode(staff, t, { clientId: charts, redirectUri: redirect, scope: 'launch patient/Patient.rs', launch: r.body.launch });
    const tokens = await exchangeCode(t.base, c, redirect, { clientId: charts });
    assert.equal(tokens.body.patient, ids.ana);
    assert.equal(tokens.body.encounter, undefined);
  });

  it('refuses patients, patients and encounters out of reach, unknown apps, and bad requests', async () => {
    const patient = new PortalBrowser(t.base);
    await patient.signIn('ana@example.org', GOOD_PASSWORD);
    await expectProblem(await launch(patient, { clientId: charts, patientId: ids.ana }), 403, 'forbidden', 'a patient');
    await expectProblem(await launch(staff, { clientId: charts, patientId: ids.ben }), 404, 'not-found', 'a patient of another organization');
    await expectProblem(await launch(staff, { clientId: charts, patientId: 'no-such-patient' }), 404, 'not-found', 'an unknown patient');
    await expectProblem(await launch(staff, { clientId: charts, patientId: ids.ana, encounterId: ids.benEnc }), 404, 'not-found', 'an encounter out of reach');
    await expectProblem(await launch(staff, { clientId: 'no-such-app', patientId: ids.ana }), 404, 'not-found', 'an unknown app');
    await expectProblem(await launch(staff, { clientId: charts, patientId: ids.ana, encounterId: ids.carlEnc }), 400, 'invalid-request', "another patient's encounter");
    await expectProblem(await launch(staff, { clientId: noLaunch, patientId: ids.ana }), 400, 'invalid-request', 'an app without a launch URL');
    await expectProblem(await launch(staff, { clientId: charts }), 400, 'invalid-request', 'no patient');
    await expectProblem(await launch(staff, { clientId: charts, patientId: 42 }), 400, 'invalid-request', 'a patient id that is not a string');
    await expectProblem(await launch(staff, [charts]), 400, 'invalid-request', 'not an object');

    const noCsrf = await staff.request(`${t.base}/api/smart/launch`, { method: 'POST', json: { clientId: charts, patientId: ids.ana } });
    assert.equal(noCsrf.status, 403, 'CSRF');
    const anonymous = await fetch(`${t.base}/api/smart/launch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: charts, patientId: ids.ana }) });
    assert.equal(anonymous.status, 401);
  });

  it('a launch id works only for its app and for the staff member who started it', async () => {
    const r = await launch(staff, { clientId: charts, patientId: ids.ana });
    const q = (clientId: string) => new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirect, scope: 'launch patient/Patient.rs', state: 's', aud: t.fhirBase, code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', launch: r.body.launch });
    const foreign = await fetch(`${t.base}/auth/authorize?${q(noLaunch)}`, { redirect: 'manual' });
    assert.equal(foreign.status, 302);
    assert.equal(new URL(foreign.headers.get('location')!).searchParams.get('error'), 'invalid_request', 'another app cannot use the launch id');

    const patient = new PortalBrowser(t.base);
    await patient.signIn('ana@example.org', GOOD_PASSWORD);
    const { res } = await patient.go(`${t.base}/auth/authorize?${q(charts)}`);
    const consent = formOf(await res.text(), '/consent');
    const done = await patient.go(t.base + consent.action, { form: { csrf: consent.csrf, decision: 'allow', t: ['Patient'] } });
    assert.equal(done.res.status, 403, 'the patient cannot complete a launch a clinician started');
  });
});
