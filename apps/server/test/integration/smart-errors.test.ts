// Negative cases of the SMART authorization server: the checks an attacker or a broken app meets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { registerClient } from '../../src/smart/clients.js';
import { Browser, formOf, pkce, startSmartServer, tokenRequest, type SmartServer } from './smart-support.js';

let server: SmartServer;
let clientId = '';
let otherClientId = '';
const redirect = 'http://127.0.0.1:9/callback';
let patientId = '';

before(async () => {
  server = await startSmartServer({ 'ana@example.org': { password: 'pw-long-enough', user: { id: 'u-ana', kind: 'patient', displayName: 'Ana', patientId: 'pat-a' } } });
  patientId = 'pat-a';
  await server.repo.create({ resourceType: 'Patient', id: patientId }, { keepId: true });
  clientId = (await registerClient(server.db, { name: 'Diary', type: 'public', redirectUris: [redirect] })).client.clientId;
  otherClientId = (await registerClient(server.db, { name: 'Other', type: 'public', redirectUris: [redirect] })).client.clientId;
});
after(() => server?.close());

function authorizeUrl(over: Record<string, string | undefined> = {}, challenge = pkce().challenge) {
  const p: Record<string, string | undefined> = { response_type: 'code', client_id: clientId, redirect_uri: redirect, scope: 'launch/patient patient/*.rs offline_access', state: 'st&=ate 1', aud: server.fhirBase, code_challenge: challenge, code_challenge_method: 'S256', ...over };
  const q = new URLSearchParams(Object.entries(p).filter(([, v]) => v !== undefined) as [string, string][]);
  return `${server.base}/auth/authorize?${q}`;
}

async function getCode(decision = 'allow', verifierPair = pkce()) {
  const b = new Browser(server.base);
  let { res } = await b.go(authorizeUrl({}, verifierPair.challenge));
  const login = formOf(await res.text(), '/login');
  ({ res } = await b.go(server.base + login.action, { form: { csrf: login.csrf, email: 'ana@example.org', password: 'pw-long-enough' } }));
  const consent = formOf(await res.text(), '/consent');
  const { url } = await b.go(server.base + consent.action, { form: { csrf: consent.csrf, decision, t: ['Patient'], offline: 'yes' } });
  return { url: new URL(url), verifier: verifierPair.verifier };
}

test('authorize errors go back to the app with the exact state; unknown client and wrong redirect do not redirect', async () => {
  for (const [over, error] of [
    [{ code_challenge: undefined, code_challenge_method: undefined }, 'invalid_request'],
    [{ code_challenge_method: 'plain' }, 'invalid_request'],
    [{ aud: 'https://elsewhere.example/fhir' }, 'invalid_request'],
    [{ response_type: 'token' }, 'unsupported_response_type'],
  ] as const) {
    const res = await fetch(authorizeUrl(over as Record<string, string | undefined>), { redirect: 'manual' });
    assert.equal(res.status, 302);
    const loc = new URL(res.headers.get('location')!);
    assert.equal(loc.searchParams.get('error'), error);
    assert.equal(loc.searchParams.get('state'), 'st&=ate 1');
    assert.equal(loc.searchParams.get('code'), null);
  }
  assert.equal((await fetch(authorizeUrl({ redirect_uri: 'http://127.0.0.1:9/evil' }), { redirect: 'manual' })).status, 400);
  assert.equal((await fetch(authorizeUrl({ client_id: 'nope' }), { redirect: 'manual' })).status, 400);
});

test('declining consent returns access_denied with the state', async () => {
  const { url } = await getCode('deny');
  assert.equal(url.searchParams.get('error'), 'access_denied');
  assert.equal(url.searchParams.get('state'), 'st&=ate 1');
});

test('token endpoint: bad, reused and foreign codes, wrong redirect, wrong or missing verifier; no-store; refresh rotation', async () => {
  const bad = await tokenRequest(server.base, { grant_type: 'authorization_code', code: 'sac_bogus', redirect_uri: redirect, client_id: clientId, code_verifier: pkce().verifier });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error, 'invalid_grant');
  for (const [over, label] of [
    [{ code_verifier: undefined }, 'missing verifier'],
    [{ code_verifier: '' }, 'blank verifier'],
    [{ code_verifier: pkce().verifier }, 'wrong verifier'],
    [{ redirect_uri: 'http://127.0.0.1:9/other' }, 'wrong redirect'],
    [{ client_id: otherClientId }, 'wrong client'],
  ] as const) {
    const { url, verifier } = await getCode();
    const form = { grant_type: 'authorization_code', code: url.searchParams.get('code')!, redirect_uri: redirect, client_id: clientId, code_verifier: verifier, ...(over as Record<string, string | undefined>) };
    const r = await tokenRequest(server.base, Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined)) as Record<string, string>);
    assert.equal(r.status, 400, label);
    assert.equal(r.body.error, 'invalid_grant', label);
  }
  const { url, verifier } = await getCode();
  const form = { grant_type: 'authorization_code', code: url.searchParams.get('code')!, redirect_uri: redirect, client_id: clientId, code_verifier: verifier };
  const ok = await tokenRequest(server.base, form);
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('cache-control'), 'no-store');
  assert.equal(ok.body.patient, patientId);
  const reused = await tokenRequest(server.base, form);
  assert.equal(reused.body.error, 'invalid_grant');
  const read = await fetch(`${server.fhirBase}/Patient/${patientId}`, { headers: { authorization: `Bearer ${ok.body.access_token}` } });
  assert.equal(read.status, 401, 'a replayed code revokes the tokens it issued');

  const { url: url2, verifier: v2 } = await getCode();
  const t = await tokenRequest(server.base, { grant_type: 'authorization_code', code: url2.searchParams.get('code')!, redirect_uri: redirect, client_id: clientId, code_verifier: v2 });
  const r1 = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(t.body.refresh_token), client_id: clientId });
  assert.equal(r1.status, 200);
  assert.notEqual(r1.body.refresh_token, t.body.refresh_token, 'public clients get a rotated refresh token');
  assert.equal((await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(r1.body.refresh_token), client_id: otherClientId })).body.error, 'invalid_grant', 'bound to the client');
  assert.equal((await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: 'srt_bogus', client_id: clientId })).status, 400);

  // Introspection and revocation.
  const intro = async (token: string) => (await fetch(`${server.base}/auth/introspect`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${server.systemToken}` }, body: `token=${token}` })).json() as Promise<Record<string, unknown>>;
  const info = await intro(String(r1.body.access_token));
  assert.equal(info.active, true);
  assert.equal(info.patient, patientId);
  assert.equal(info.client_id, clientId);
  const rv = await fetch(`${server.base}/auth/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${r1.body.access_token}&client_id=${clientId}` });
  assert.equal(rv.status, 200);
  assert.equal((await intro(String(r1.body.access_token))).active, false);
  assert.equal((await fetch(`${server.fhirBase}/Patient/${patientId}`, { headers: { authorization: `Bearer ${r1.body.access_token}` } })).status, 401, 'revoked tokens get 401');

  // Replaying the rotated-out refresh token ends the chain, the newer refresh token included.
  assert.equal((await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(t.body.refresh_token), client_id: clientId })).body.error, 'invalid_grant');
  assert.equal((await intro(String(r1.body.refresh_token))).active, false);
});

test('discovery: SMART configuration with S256 only and the capabilities, JSON whatever the Accept header', async () => {
  const res = await fetch(`${server.fhirBase}/.well-known/smart-configuration`, { headers: { accept: 'text/html' } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type')!, /application\/json/);
  assert.equal(res.headers.get('access-control-allow-origin'), '*');
  const c = (await res.json()) as Record<string, unknown>;
  assert.deepEqual(c.code_challenge_methods_supported, ['S256']);
  assert.ok((c.capabilities as string[]).includes('permission-v2'));
  const jwks = (await (await fetch(c.jwks_uri as string)).json()) as { keys: { kid: string }[] };
  assert.ok(jwks.keys.length >= 1);
  const meta = (await (await fetch(`${server.fhirBase}/metadata`)).json()) as { rest: { security?: { extension?: { url: string }[] } }[] };
  assert.equal(meta.rest[0].security?.extension?.[0].url, 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris');
});
