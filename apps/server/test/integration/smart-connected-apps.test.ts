// Connected apps on the whole app (real portal sessions and CSRF, HTTP on loopback): the patient
// sees each app with what it may see and when it was last used, sees its accesses in the access
// log, and removing an app ends its access and refresh tokens at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { registerClient } from '../../src/smart/clients.js';
import { createResource } from '../support/harness.js';
import { GOOD_PASSWORD, makeAccount } from '../support/identity.js';
import { authorizeCode, exchangeCode, PortalBrowser, postForm, startPortalSmartServer, tokenRequest, type PortalServer } from './smart-support.js';

const OBS_CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';
const redirect = 'http://127.0.0.1:9/callback';

interface ConnectedApp {
  clientId: string;
  name: string;
  scope: string;
  access: { resourceType: string; read: boolean; write: boolean; categories: string[] | null }[];
  offlineAccess: boolean;
  grantedAt: string;
  lastUsedAt: string | null;
}

let t: PortalServer;
let ana = '';
let ben = '';
let diary = '';
let steps = '';

before(async () => {
  t = await startPortalSmartServer();
  ana = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ given: ['Ana'], family: 'Silva' }] })).id!;
  ben = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ given: ['Ben'], family: 'Okafor' }] })).id!;
  for (const [cat, text] of [['laboratory', 'Glucose'], ['social-history', 'Smoking status']]) {
    await createResource<Resource>(t.systemRepo, { resourceType: 'Observation', status: 'final', category: [{ coding: [{ system: OBS_CAT, code: cat }] }], code: { text }, subject: { reference: `Patient/${ana}` } });
  }
  await makeAccount(t, { email: 'ana@example.org', patientId: ana, displayName: 'Ana Silva' });
  await makeAccount(t, { email: 'ben@example.org', patientId: ben, displayName: 'Ben Okafor' });
  diary = (await registerClient(t.db, { name: 'Health Diary', type: 'public', redirectUris: [redirect] })).client.clientId;
  steps = (await registerClient(t.db, { name: 'Step Counter', type: 'public', redirectUris: [redirect] })).client.clientId;
});
after(async () => t?.close());

/** The patient signs in on the SMART login page and approves the app; the browser keeps the portal session. */
async function connect(browser: PortalBrowser, clientId: string, email: string, choices?: (html: string) => Record<string, string | string[]>) {
  const c = await authorizeCode(browser, t, {
    clientId, redirectUri: redirect, scope: 'launch/patient patient/Patient.rs patient/Observation.rs offline_access', choices,
    ...(browser.csrf ? {} : { login: { email, password: GOOD_PASSWORD } }),
  });
  await browser.refreshSession();
  const r = await exchangeCode(t.base, c, redirect, { clientId });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { access_token: string; refresh_token: string };
}

const fhir = (token: string, path: string) => fetch(`${t.fhirBase}/${path}`, { headers: { authorization: `Bearer ${token}` } });
const list = async (b: PortalBrowser) => {
  const res = await b.api('GET', '/api/connected-apps');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  return ((await res.json()) as { apps: ConnectedApp[] }).apps;
};

describe('connected apps', () => {
  it('needs a portal session', async () => {
    const res = await fetch(`${t.base}/api/connected-apps`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal((await fetch(`${t.base}/api/connected-apps/${diary}`, { method: 'DELETE' })).status, 401);
  });

  it('lists each app with what it may see and when it was last used; its accesses are in the access log', async () => {
    const patient = new PortalBrowser(t.base);
    const diaryTokens = await connect(patient, diary, 'ana@example.org', () => ({ t: ['Patient'], c: ['Observation|laboratory'], offline: ['yes'] }));
    await connect(patient, steps, 'ana@example.org', () => ({ t: ['Patient'], c: [] }));

    let apps = await list(patient);
    assert.deepEqual(apps.map((a) => a.name).sort(), ['Health Diary', 'Step Counter']);
    const d = apps.find((a) => a.clientId === diary)!;
    assert.equal(d.lastUsedAt, null, 'not used yet');
    assert.equal(d.offlineAccess, true);
    assert.deepEqual(d.access, [
      { resourceType: 'Patient', read: true, write: false, categories: null },
      { resourceType: 'Observation', read: true, write: false, categories: ['laboratory'] },
    ]);
    assert.equal(apps.find((a) => a.clientId === steps)!.offlineAccess, false, 'offline access was switched off for this one');

    const search = await fhir(diaryTokens.access_token, `Observation?patient=${ana}`);
    assert.equal(search.status, 200);
    apps = await list(patient);
    assert.ok(apps.find((a) => a.clientId === diary)!.lastUsedAt, 'last use is recorded');

    await t.audit.flush();
    const log = await patient.api('GET', '/api/access-log?count=50');
    assert.equal(log.status, 200);
    const entries = ((await log.json()) as { entries: { action: string; actor: { kind: string; name: string; reference: string } }[] }).entries;
    const byApp = entries.filter((e) => e.actor.kind === 'app' && e.actor.reference === `Device/app-${diary}`);
    assert.ok(byApp.some((e) => e.action === 'search' && e.actor.name === 'Health Diary'), JSON.stringify(entries.slice(0, 5)));
    assert.ok(entries.some((e) => e.action === 'app-authorized'), 'granting access is in the log too');

    assert.deepEqual(await list(new PortalBrowser(t.base)).catch(() => 'no session'), 'no session', 'a browser without the session gets nothing');
    const ben = new PortalBrowser(t.base);
    await ben.signIn('ben@example.org', GOOD_PASSWORD);
    assert.deepEqual(await list(ben), [], "another patient does not see Ana's apps");
  });

  it("removing an app ends its access and refresh tokens at once, leaves other apps alone, and is logged", async () => {
    const patient = new PortalBrowser(t.base);
    const d = await connect(patient, diary, 'ana@example.org');
    const s = await connect(patient, steps, 'ana@example.org');
    const refreshed = await tokenRequest(t.base, { grant_type: 'refresh_token', refresh_token: d.refresh_token, client_id: diary });
    assert.equal(refreshed.status, 200);
    const tokens = [d.access_token, String(refreshed.body.access_token)];
    for (const token of tokens) assert.equal((await fhir(token, `Patient/${ana}`)).status, 200);

    const ben = new PortalBrowser(t.base);
    await ben.signIn('ben@example.org', GOOD_PASSWORD);
    assert.equal((await ben.api('DELETE', `/api/connected-apps/${diary}`)).status, 404, "another patient cannot remove Ana's app");
    const noCsrf = await patient.request(`${t.base}/api/connected-apps/${diary}`, { method: 'DELETE' });
    assert.equal(noCsrf.status, 403, 'removing needs the CSRF header');
    assert.equal((await fhir(d.access_token, `Patient/${ana}`)).status, 200, 'nothing was removed yet');

    const removed = await patient.api('DELETE', `/api/connected-apps/${diary}`);
    assert.equal(removed.status, 204);
    for (const token of tokens) assert.equal((await fhir(token, `Patient/${ana}`)).status, 401, 'access tokens end at once');
    const refresh = await tokenRequest(t.base, { grant_type: 'refresh_token', refresh_token: String(refreshed.body.refresh_token), client_id: diary });
    assert.equal(refresh.status, 400);
    assert.equal(refresh.body.error, 'invalid_grant', 'refresh tokens end at once');
    const intro = await postForm(`${t.base}/auth/introspect`, { token: d.access_token }, { authorization: `Bearer ${t.systemToken}` });
    assert.equal(intro.body.active, false);

    assert.equal((await fhir(s.access_token, `Patient/${ana}`)).status, 200, 'the other app keeps working');
    assert.deepEqual((await list(patient)).map((a) => a.name), ['Step Counter']);
    assert.equal((await patient.api('DELETE', `/api/connected-apps/${diary}`)).status, 404, 'already removed');

    await t.audit.flush();
    const entries = ((await (await patient.api('GET', '/api/access-log?count=50')).json()) as { entries: { action: string; actor: { kind: string } }[] }).entries;
    const revoked = entries.find((e) => e.action === 'app-revoked');
    assert.equal(revoked?.actor.kind, 'patient', JSON.stringify(entries.slice(0, 3)));

    const again = await connect(patient, diary, 'ana@example.org');
    assert.equal((await fhir(again.access_token, `Patient/${ana}`)).status, 200, 'the patient can connect the app again later');
  });
});
