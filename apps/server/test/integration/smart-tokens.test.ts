// Tokens after they are issued: introspection (RFC 7662 with SMART's required and conditional
// fields), who may introspect what, revocation (RFC 7009), lifetimes (access ≤ 1 hour, refresh at
// least three months and renewed on use), refresh rotation for public clients with reuse detection.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { registerClient } from '../../src/smart/clients.js';
import { authorizeCode, basicAuth, Browser, exchangeCode, postForm, startSmartServer, tokenRequest, type SmartServer } from './smart-support.js';

let server: SmartServer;
const ana = { email: 'ana@example.org', password: 'pw-long-enough' };
const redirect = 'http://127.0.0.1:9/callback';
let diary = '';
let other = '';
let sync = '';
let syncSecret = '';
const THREE_MONTHS_S = 92 * 86_400;

before(async () => {
  server = await startSmartServer({ [ana.email]: { password: ana.password, user: { id: 'u-ana', kind: 'patient', displayName: 'Ana', patientId: 'pat-a' } } });
  await server.repo.create({ resourceType: 'Patient', id: 'pat-a' }, { keepId: true });
  diary = (await registerClient(server.db, { name: 'Diary', type: 'public', redirectUris: [redirect] })).client.clientId;
  other = (await registerClient(server.db, { name: 'Other', type: 'public', redirectUris: [redirect] })).client.clientId;
  const s = await registerClient(server.db, { name: 'Sync', type: 'confidential-symmetric', redirectUris: [redirect] });
  [sync, syncSecret] = [s.client.clientId, s.secret!];
});
after(() => server?.close());

const now = () => Math.floor(Date.now() / 1000);

async function tokens(clientId: string, scope = 'launch/patient openid fhirUser patient/*.rs offline_access', auth: { clientId?: string; headers?: Record<string, string> } = { clientId }) {
  const c = await authorizeCode(new Browser(server.base), server, { clientId, redirectUri: redirect, scope, login: ana });
  const r = await exchangeCode(server.base, c, redirect, auth);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { access_token: string; refresh_token?: string; expires_in: number; scope: string };
}

const introspect = (token: string, headers: Record<string, string> = { authorization: `Bearer ${server.systemToken}` }, form: Record<string, string> = {}) =>
  postForm(`${server.base}/auth/introspect`, { token, ...form }, headers);
const revoke = (token: string, form: Record<string, string>, headers: Record<string, string> = {}) => postForm(`${server.base}/auth/revoke`, { token, ...form }, headers);
const fhirStatus = async (token: string) => (await fetch(`${server.fhirBase}/Patient/pat-a`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('introspection (RFC 7662, SMART token-introspection)', () => {
  it('reports the required fields, the launch context, and the id_token claims', async () => {
    const t = await tokens(diary);
    const r = await introspect(t.access_token);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const b = r.body;
    assert.equal(b.active, true);
    assert.equal(b.scope, t.scope);
    assert.equal(b.client_id, diary);
    assert.ok(Number(b.exp) > now() + 3500 && Number(b.exp) <= now() + 3601, `exp ${b.exp} is about an hour ahead`);
    assert.equal(b.patient, 'pat-a');
    assert.equal(b.need_patient_banner, true);
    assert.equal(b.smart_style_url, `${server.base}/auth/smart-style.json`);
    assert.equal(b.sub, 'u-ana');
    assert.equal(b.iss, server.fhirBase);
    assert.equal(b.fhirUser, `${server.fhirBase}/Patient/pat-a`);
    assert.equal(b.token_type, 'Bearer');
  });

  it('leaves out fhirUser when the app was not given the user identity (no id_token was issued)', async () => {
    const t = await tokens(diary, 'launch/patient patient/*.rs');
    const b = (await introspect(t.access_token)).body;
    assert.equal(b.active, true);
    assert.equal(b.patient, 'pat-a');
    assert.equal(b.fhirUser, undefined);
  });

  it('needs an authenticated caller; apps learn about their own tokens only', async () => {
    const mine = await tokens(diary);
    const theirs = await tokens(other);
    const anonymous = await introspect(mine.access_token, {});
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error, 'invalid_client');
    assert.equal((await introspect(mine.access_token, { authorization: 'Bearer sat_forged' })).status, 401);
    assert.equal((await introspect(mine.access_token, {}, { client_id: diary })).body.active, true, 'a public client asking about its own token');
    assert.deepEqual((await introspect(theirs.access_token, {}, { client_id: diary })).body, { active: false }, "another app's token");
    assert.deepEqual((await introspect(theirs.refresh_token!, { authorization: `Bearer ${mine.access_token}` })).body, { active: false }, "another app's token, asked with an access token");
    assert.equal((await introspect(mine.refresh_token!, { authorization: `Bearer ${mine.access_token}` })).body.active, true);
    assert.equal((await introspect(theirs.access_token)).body.active, true, 'resource servers (operator token) see every token');
    assert.deepEqual((await introspect('sat_unknown')).body, { active: false });
    const missing = await introspect('', { authorization: `Bearer ${server.systemToken}` });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error, 'invalid_request');
  });
});

describe('revocation (RFC 7009)', () => {
  it('revoking an access token ends it at once; the refresh token still works', async () => {
    const t = await tokens(diary);
    assert.equal(await fhirStatus(t.access_token), 200);
    const r = await revoke(t.access_token, { client_id: diary });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(await fhirStatus(t.access_token), 401);
    assert.equal((await introspect(t.access_token)).body.active, false);
    assert.equal((await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: t.refresh_token!, client_id: diary })).status, 200);
  });

  it("revoking a refresh token ends it and the grant's access tokens", async () => {
    const t = await tokens(sync, undefined, { headers: basicAuth(sync, syncSecret) });
    const r = await revoke(t.refresh_token!, { token_type_hint: 'refresh_token' }, basicAuth(sync, syncSecret));
    assert.equal(r.status, 200);
    const refresh = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: t.refresh_token! }, basicAuth(sync, syncSecret));
    assert.equal(refresh.status, 400);
    assert.equal(refresh.body.error, 'invalid_grant');
    assert.equal(await fhirStatus(t.access_token), 401);
  });

  it("cannot touch another client's tokens, needs client authentication and a token", async () => {
    const t = await tokens(diary);
    assert.equal((await revoke(t.access_token, { client_id: other })).status, 200, 'RFC 7009 §2.2: 200 even for a token the client does not own');
    assert.equal(await fhirStatus(t.access_token), 200, '…but the token still works');
    const wrongSecret = await revoke(t.access_token, {}, basicAuth(sync, 'wrong'));
    assert.equal(wrongSecret.status, 401);
    assert.equal(wrongSecret.body.error, 'invalid_client');
    assert.equal((await revoke(t.access_token, {})).status, 401, 'no client at all');
    const missing = await revoke('', { client_id: diary });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error, 'invalid_request');
    assert.equal((await revoke('srt_unknown', { client_id: diary })).status, 200);
  });
});

describe('lifetimes, rotation and reuse', () => {
  it('access tokens live one hour; refresh tokens at least three months, renewed on each use', async () => {
    const t = await tokens(sync, undefined, { headers: basicAuth(sync, syncSecret) });
    assert.equal(t.expires_in, 3600);
    const exp = Number((await introspect(t.refresh_token!)).body.exp);
    assert.ok(exp >= now() + THREE_MONTHS_S - 5, `refresh token lives ${((exp - now()) / 86_400).toFixed(1)} days`);
    await server.db.query(`UPDATE smart_token SET expires_at = now() + interval '1 day' WHERE kind = 'refresh' AND client_id = $1`, [sync]);
    assert.ok(Number((await introspect(t.refresh_token!)).body.exp) < now() + 2 * 86_400, 'the refresh token was shortened for the test');
    const r = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: t.refresh_token! }, basicAuth(sync, syncSecret));
    assert.equal(r.status, 200);
    assert.ok(Number((await introspect(t.refresh_token!)).body.exp) >= now() + THREE_MONTHS_S - 5, 'using the refresh token renewed it');
  });

  it('public clients get a new refresh token each time; reusing an old one ends the whole chain (OAuth Security BCP §4.14)', async () => {
    const t0 = await tokens(diary);
    const r1 = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: t0.refresh_token!, client_id: diary });
    assert.equal(r1.status, 200);
    assert.notEqual(r1.body.refresh_token, t0.refresh_token);
    assert.ok(Number((await introspect(String(r1.body.refresh_token))).body.exp) >= now() + THREE_MONTHS_S - 5, 'the new refresh token has the full lifetime');
    const unrelated = await tokens(diary);

    const replay = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: t0.refresh_token!, client_id: diary });
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, 'invalid_grant');
    const r2 = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(r1.body.refresh_token), client_id: diary });
    assert.equal(r2.body.error, 'invalid_grant', 'the refresh token that replaced the reused one is revoked too');
    assert.equal(await fhirStatus(String(r1.body.access_token)), 401, 'and so are the access tokens of that chain');
    assert.equal(await fhirStatus(unrelated.access_token), 200, 'another authorization of the same app is not touched');
  });

  it('a refresh may narrow the scope but not widen it', async () => {
    const t = await tokens(diary, 'launch/patient patient/Patient.rs offline_access');
    const narrow = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: t.refresh_token!, client_id: diary, scope: 'patient/Patient.rs' });
    assert.equal(narrow.status, 200, JSON.stringify(narrow.body));
    assert.equal(narrow.body.scope, 'patient/Patient.rs');
    const wide = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(narrow.body.refresh_token), client_id: diary, scope: 'patient/Patient.rs patient/Observation.rs' });
    assert.equal(wide.status, 400);
    assert.equal(wide.body.error, 'invalid_scope');
    const full = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(narrow.body.refresh_token), client_id: diary });
    assert.equal(full.body.scope, t.scope, 'the refresh token kept the whole grant');
  });
});
