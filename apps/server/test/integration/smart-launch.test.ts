// SMART App Launch with real clients: the official `fhirclient` library through a standalone
// patient launch and an EHR launch (an HTTP client fills in the plain-HTML login and consent), then
// `fhir-kit-client` searches with the token; granular consent narrows what the token can see.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { decodeJwt } from 'jose';
import type { Resource } from '@medplum/fhirtypes';
import { registerClient } from '../../src/smart/clients.js';
import { createLaunch } from '../../src/smart/connected-apps.js';
import { Browser, formOf, freePort, startSmartServer, type Account, type SmartServer } from './smart-support.js';
import { createResource } from '../support/harness.js';

const require = createRequire(import.meta.url);
const smart = require('fhirclient') as (req: unknown, res: unknown, storage?: unknown) => {
  authorize(o: Record<string, unknown>): Promise<unknown>;
  ready(): Promise<{ request(u: string): Promise<Record<string, unknown>>; state: { tokenResponse?: Record<string, unknown> }; patient: { id: string | null }; encounter: { id: string | null } }>;
};
import { Client as FhirKitClient } from 'fhir-kit-client';
const Client = FhirKitClient as unknown as new (o: { baseUrl: string; bearerToken?: string }) => { search(o: { resourceType: string; searchParams?: Record<string, string> }): Promise<{ entry?: { resource: { id: string } }[] }>; read(o: { resourceType: string; id: string }): Promise<unknown> };

let server: SmartServer;
const accounts: Record<string, Account> = {
  'ana@example.org': { password: 'correct horse battery', user: { id: 'u-ana', kind: 'patient', displayName: 'Ana Silva', patientId: null } },
  'dr@example.org': { password: 'staff password long', totp: '123456', user: { id: 'u-dr', kind: 'admin', displayName: 'Dr. Ruiz', practitionerId: null } },
};
let appServer: Server;
let appBase: string;
const store = new Map<string, unknown>();
const storage = { get: async (k: string) => store.get(k), set: async (k: string, v: unknown) => (store.set(k, v), v), unset: async (k: string) => store.delete(k) };
let lastClient: Awaited<ReturnType<ReturnType<typeof smart>['ready']>> | undefined;
let publicClientId = '';
let ehrClientId = '';
const ids: Record<string, string> = {};

const OBS_CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';

before(async () => {
  server = await startSmartServer(accounts);
  const pa = await createResource<Resource>(server.repo, { resourceType: 'Patient', name: [{ given: ['Ana'], family: 'Silva' }] });
  const pb = await createResource<Resource>(server.repo, { resourceType: 'Patient', name: [{ given: ['Ben'], family: 'Other' }] });
  ids.pa = pa.id!;
  ids.pb = pb.id!;
  accounts['ana@example.org'].user.patientId = ids.pa;
  const obs = (patient: string, cat: string, code: string) =>
    createResource<Resource>(server.repo, { resourceType: 'Observation', status: 'final', category: [{ coding: [{ system: OBS_CAT, code: cat }] }], code: { text: code }, subject: { reference: `Patient/${patient}` } });
  ids.lab = (await obs(ids.pa, 'laboratory', 'glucose')).id!;
  ids.social = (await obs(ids.pa, 'social-history', 'smoking')).id!;
  ids.otherLab = (await obs(ids.pb, 'laboratory', 'glucose')).id!;
  ids.enc = (await createResource<Resource>(server.repo, { resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' }, subject: { reference: `Patient/${ids.pa}` } })).id!;

  const port = await freePort();
  appBase = `http://127.0.0.1:${port}`;
  publicClientId = (await registerClient(server.db, { name: 'Health Diary', type: 'public', redirectUris: [`${appBase}/callback`] })).client.clientId;
  ehrClientId = (await registerClient(server.db, { name: 'Growth Charts', type: 'public', redirectUris: [`${appBase}/callback`], launchUrl: `${appBase}/launch` })).client.clientId;
  appServer = createServer((req, res) => {
    const url = new URL(req.url!, appBase);
    const fail = (err: Error) => {
      res.writeHead(500);
      res.end(String(err));
    };
    if (url.pathname === '/standalone') {
      smart(req, res, storage).authorize({ iss: server.fhirBase, clientId: publicClientId, scope: url.searchParams.get('scope'), redirectUri: '/callback', pkceMode: 'required' }).catch(fail);
    } else if (url.pathname === '/launch') {
      smart(req, res, storage).authorize({ clientId: ehrClientId, scope: 'launch openid fhirUser patient/*.rs', redirectUri: '/callback', pkceMode: 'required' }).catch(fail);
    } else if (url.pathname === '/callback') {
      smart(req, res, storage).ready().then((client) => {
        lastClient = client;
        res.writeHead(200);
        res.end('ready');
      }, fail);
    } else {
      res.writeHead(404);
      res.end();
    }
  }).listen(port, '127.0.0.1');
});

after(async () => {
  appServer?.close();
  await server?.close();
});

/** Drives the browser from the app's start page through login and consent back to the app. */
async function launch(startUrl: string, email: string, password: string, consent: Record<string, string | string[]> | 'default', totp?: string) {
  const browser = new Browser(server.base);
  const inApp = (u: string) => u.startsWith(appBase) || u.startsWith(server.base);
  let { res, url } = await browser.go(startUrl, {}, inApp);
  let html = await res.text();
  assert.equal(res.status, 200, html);
  const login = formOf(html, '/login');
  ({ res, url } = await browser.go(new URL(login.action, server.base).toString(), { form: { csrf: login.csrf, email, password, ...(totp ? { totp } : {}) } }));
  html = await res.text();
  assert.equal(res.status, 200, html);
  const consentForm = formOf(html, '/consent');
  const fields = consent === 'default' ? defaultChoices(html) : consent;
  ({ res, url } = await browser.go(new URL(consentForm.action, server.base).toString(), { form: { csrf: consentForm.csrf, decision: 'allow', ...fields } }, inApp));
  assert.equal(await res.text(), 'ready', url);
  return { html, client: lastClient! };
}

/** Every switch as rendered (all on). */
function defaultChoices(html: string): Record<string, string[]> {
  const t = [...html.matchAll(/name="t" value="([^"]+)"/g)].map((m) => m[1]);
  const c = [...html.matchAll(/name="c" value="([^"]+)"/g)].map((m) => m[1].replace(/&#39;/g, "'"));
  return { t, c, offline: ['yes'] };
}

test('standalone patient launch with fhirclient: patient context, id_token fhirUser, compartment reads and searches, refresh', async () => {
  const { html, client } = await launch(`${appBase}/standalone?scope=${encodeURIComponent('launch/patient openid fhirUser offline_access patient/*.rs')}`, 'ana@example.org', 'correct horse battery', 'default');
  assert.match(html, /Health Diary/);
  assert.match(html, /even when you are not using it/, 'offline access is spelled out');
  const tr = client.state.tokenResponse!;
  assert.equal(tr.patient, ids.pa);
  assert.equal(tr.need_patient_banner, true);
  assert.ok(tr.refresh_token, 'offline_access gives a refresh token');
  assert.ok(Number(tr.expires_in) <= 3600);
  const claims = decodeJwt(String(tr.id_token));
  assert.equal(claims.fhirUser, `${server.fhirBase}/Patient/${ids.pa}`);
  const me = await client.request(String(claims.fhirUser).replace(`${server.fhirBase}/`, ''));
  assert.equal(me.id, ids.pa, 'the token can read its fhirUser');

  const fkc = new Client({ baseUrl: server.fhirBase, bearerToken: String(tr.access_token) });
  const all = await fkc.search({ resourceType: 'Observation' });
  assert.deepEqual(all.entry?.map((e) => e.resource.id).sort(), [ids.lab, ids.social].sort(), 'a search without patient is limited to the token patient');
  await assert.rejects(fkc.read({ resourceType: 'Observation', id: ids.otherLab }), (e: { response?: { status: number } }) => e.response?.status === 404);
  await assert.rejects(fkc.read({ resourceType: 'Patient', id: ids.pb }), (e: { response?: { status: number } }) => e.response?.status === 404);
  const write = await fetch(`${server.fhirBase}/Observation`, { method: 'POST', headers: { authorization: `Bearer ${tr.access_token}`, 'content-type': 'application/fhir+json' }, body: JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${ids.pa}` } }) });
  assert.equal(write.status, 403, 'read-only scopes cannot write');

  // The app appears in the patient's access log (audit) as an app.
  await server.audit.flush();
  const { rows } = await server.db.query<{ agent: string }>(`SELECT agent FROM audit_event WHERE $1 = ANY(patient_ids) AND agent = $2`, [ids.pa, `Device/app-${publicClientId}`]);
  assert.ok(rows.length > 0, 'app accesses are audited against the patient');
});

test('granular consent: sharing only lab results filters reads and searches, and the token scope says so', async () => {
  const { client } = await launch(`${appBase}/standalone?scope=${encodeURIComponent('launch/patient patient/Observation.rs patient/Patient.rs')}`, 'ana@example.org', 'correct horse battery', { t: 'Patient', c: 'Observation|laboratory' });
  const tr = client.state.tokenResponse!;
  assert.equal(tr.scope, `launch/patient patient/Observation.rs?category=${OBS_CAT}|laboratory patient/Patient.rs`);
  assert.equal(tr.refresh_token, undefined, 'no offline access asked, no refresh token');
  const fkc = new Client({ baseUrl: server.fhirBase, bearerToken: String(tr.access_token) });
  const found = await fkc.search({ resourceType: 'Observation', searchParams: { patient: ids.pa } });
  assert.deepEqual(found.entry?.map((e) => e.resource.id), [ids.lab]);
  await assert.rejects(fkc.read({ resourceType: 'Observation', id: ids.social }), (e: { response?: { status: number } }) => e.response?.status === 404);
  assert.equal(((await fkc.read({ resourceType: 'Observation', id: ids.lab })) as { id: string }).id, ids.lab);
  const cond = await fetch(`${server.fhirBase}/Condition`, { headers: { authorization: `Bearer ${tr.access_token}` } });
  assert.equal(cond.status, 403, 'types outside the scopes are forbidden');
});

test('EHR launch with fhirclient: staff open an app for a patient; it gets patient and encounter context and the style URL', async () => {
  const launchId = await createLaunch(server.ctx, ehrClientId, ids.pa, ids.enc, 'u-dr');
  const { client } = await launch(`${appBase}/launch?iss=${encodeURIComponent(server.fhirBase)}&launch=${launchId}`, 'dr@example.org', 'staff password long', 'default', '123456');
  const tr = client.state.tokenResponse!;
  assert.equal(tr.patient, ids.pa);
  assert.equal(tr.encounter, ids.enc);
  assert.equal(tr.need_patient_banner, false);
  assert.equal(tr.smart_style_url, `${server.base}/auth/smart-style.json`);
  const patient = await client.request(`Patient/${ids.pa}`);
  assert.equal(patient.id, ids.pa);
});
