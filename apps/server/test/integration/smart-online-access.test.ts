// online_access against offline_access (SMART App Launch 2.2), on the whole app with real portal
// sessions: a refresh token granted only online_access works while the portal session that approved
// it lives and stops when that session ends by sign-out, idle timeout or absolute timeout; an
// offline_access refresh token survives all three. The consent screen says which one the app gets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { registerClient } from '../../src/smart/clients.js';
import { createResource } from '../support/harness.js';
import { GOOD_PASSWORD, makeAccount } from '../support/identity.js';
import { allChoices, authorizeCode, exchangeCode, PortalBrowser, postForm, startPortalSmartServer, tokenRequest, type PortalServer } from './smart-support.js';

let t: PortalServer;
let clientId = '';
let patientId = '';
const redirect = 'http://127.0.0.1:9/callback';
const email = 'ana@example.org';

before(async () => {
  t = await startPortalSmartServer();
  patientId = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ given: ['Ana'], family: 'Silva' }] })).id!;
  await makeAccount(t, { email, patientId, displayName: 'Ana Silva' });
  clientId = (await registerClient(t.db, { name: 'Health Diary', type: 'public', redirectUris: [redirect] })).client.clientId;
});
after(async () => t?.close());

/** Ana signs in on the SMART login page (a new portal session) and approves `scope`. */
async function approve(scope: string, choices?: (html: string) => Record<string, string | string[]>, extra?: Record<string, string>) {
  const browser = new PortalBrowser(t.base);
  const c = await authorizeCode(browser, t, { clientId, redirectUri: redirect, scope, login: { email, password: GOOD_PASSWORD }, choices, extra });
  await browser.refreshSession();
  const r = await exchangeCode(t.base, c, redirect, { clientId });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return { browser, consentHtml: c.consentHtml, tokens: r.body as { access_token: string; refresh_token?: string; scope: string } };
}

const refresh = (token: string) => tokenRequest(t.base, { grant_type: 'refresh_token', refresh_token: token, client_id: clientId });
const active = async (token: string) => (await postForm(`${t.base}/auth/introspect`, { token }, { authorization: `Bearer ${t.systemToken}` })).body.active;

async function expectEnded(token: string, label: string) {
  const r = await refresh(token);
  assert.equal(r.status, 400, `${label}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error, 'invalid_grant', label);
  assert.equal(await active(token), false, `${label}: introspection`);
}

const endSessionBy = {
  'sign-out': async (b: PortalBrowser) => assert.equal((await b.api('POST', '/api/auth/logout')).status, 204, 'signed out'),
  'idle timeout': async (b: PortalBrowser) => void (await t.db.query(`UPDATE account_session SET idle_expires_at = now() - interval '1 second' WHERE id = $1`, [b.sessionId])),
  'absolute timeout': async (b: PortalBrowser) => void (await t.db.query(`UPDATE account_session SET absolute_expires_at = now() - interval '1 second' WHERE id = $1`, [b.sessionId])),
};

describe('online_access: the refresh token lives as long as the portal session that approved it', () => {
  for (const [how, end] of Object.entries(endSessionBy)) {
    it(`works while the session lives and stops after ${how}`, async () => {
      const { browser, tokens } = await approve('launch/patient patient/Patient.rs online_access');
      assert.ok(tokens.refresh_token, 'online_access gives a refresh token');
      assert.match(tokens.scope, /online_access/);
      const r1 = await refresh(tokens.refresh_token);
      assert.equal(r1.status, 200, JSON.stringify(r1.body));
      const rt = String(r1.body.refresh_token);
      assert.equal(await active(rt), true);
      await end(browser);
      await expectEnded(rt, how);
      const read = await fetch(`${t.fhirBase}/Patient/${patientId}`, { headers: { authorization: `Bearer ${r1.body.access_token}` } });
      assert.equal(read.status, 200, 'an access token already issued runs out on its own (at most an hour)');
    });
  }

  it("another of the person's sessions ending does not matter", async () => {
    const { tokens } = await approve('launch/patient patient/Patient.rs online_access');
    const other = new PortalBrowser(t.base);
    await other.signIn(email, GOOD_PASSWORD);
    assert.equal((await other.api('POST', '/api/auth/logout')).status, 204, 'the other session signed out');
    assert.equal((await refresh(tokens.refresh_token!)).status, 200);
  });

  it('asking for offline access but being refused it leaves the app with online access', async () => {
    const { browser, tokens } = await approve('launch/patient patient/Patient.rs offline_access online_access', (html) => allChoices(html, false));
    assert.equal(tokens.scope.split(' ').includes('offline_access'), false, 'offline access was switched off');
    assert.ok(tokens.refresh_token, 'online_access still gives a refresh token');
    await endSessionBy['sign-out'](browser);
    await expectEnded(tokens.refresh_token, 'sign-out');
  });
});

describe('offline_access: the refresh token survives the session', () => {
  for (const [how, end] of Object.entries(endSessionBy)) {
    it(`keeps working after ${how}`, async () => {
      const { browser, tokens } = await approve('launch/patient patient/Patient.rs offline_access online_access');
      assert.match(tokens.scope, /offline_access/);
      await end(browser);
      const r = await refresh(tokens.refresh_token!);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(await active(String(r.body.refresh_token)), true);
    });
  }

  it('without offline_access or online_access there is no refresh token', async () => {
    const { tokens } = await approve('launch/patient patient/Patient.rs');
    assert.equal(tokens.refresh_token, undefined);
  });
});

describe('the consent screen says whether the app keeps access while the patient is away', () => {
  it('offline access: spelled out, with a switch to refuse it, and what refusing means', async () => {
    const { consentHtml } = await approve('launch/patient patient/Patient.rs offline_access');
    assert.match(consentHtml, /<strong>This app asks to keep access to your record even when you are not using it \(for up to 3 months at a time, renewed while you use it\)\. It can read your record in the background\.<\/strong>/);
    assert.match(consentHtml, /<input type="checkbox" id="offline" name="offline" value="yes" checked[^>]*> <label for="offline">Let the app keep access while I am away<\/label>/);
    assert.match(consentHtml, /If you switch this off: The app only has access while you are using it/);
  });

  it('online access: only while signed in to Portico', async () => {
    const { consentHtml } = await approve('launch/patient patient/Patient.rs online_access');
    assert.match(consentHtml, /The app keeps access only while you are signed in to Portico\. When you sign out/);
    assert.doesNotMatch(consentHtml, /name="offline"/);
    assert.doesNotMatch(consentHtml, /even when you are not using it/);
  });

  it('neither: only while the app is in use; and the same in Spanish', async () => {
    const { consentHtml } = await approve('launch/patient patient/Patient.rs');
    assert.match(consentHtml, /The app only has access while you are using it \(at most one hour at a time\)\./);
    assert.doesNotMatch(consentHtml, /name="offline"/);
    const es = await approve('launch/patient patient/Patient.rs offline_access', undefined, { ui_locales: 'es' });
    assert.match(es.consentHtml, /<html lang="es">/);
    assert.match(es.consentHtml, /<strong>Esta aplicación pide seguir teniendo acceso a su historia aunque usted no la esté usando/);
    assert.match(es.consentHtml, /Dejar que la aplicación siga teniendo acceso cuando yo no esté/);
  });
});
