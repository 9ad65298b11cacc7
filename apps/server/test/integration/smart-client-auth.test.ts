// Client authentication at the token endpoint, as real clients do it over HTTP: client_secret_basic
// (SMART "confidential symmetric"), private_key_jwt with RS384 and ES384 keys given inline or at a
// JWKS URL (a loopback server this test runs), and client_credentials for backend services. Errors
// follow RFC 6749 §5.2: 401 invalid_client (with WWW-Authenticate when the Authorization header was
// used), 400 for the rest, always Cache-Control: no-store.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { registerClient } from '../../src/smart/clients.js';
import { authorizeCode, basicAuth, Browser, exchangeCode, freePort, postForm, startSmartServer, tokenRequest, type SmartServer } from './smart-support.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const redirect = 'http://127.0.0.1:9/callback';
const ana = { email: 'ana@example.org', password: 'pw-long-enough' };

interface KeyPair {
  alg: 'RS384' | 'ES384';
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function keyPair(alg: 'RS384' | 'ES384'): Promise<KeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomUUID();
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

let server: SmartServer;
let tokenUrl: string;
let jwksServer: Server;
let jwksUrl: string;
let jwksHits = 0;
let servedKeys: JWK[] = [];
const clients: Record<string, string> = {};
let secret = '';
let rsKey: KeyPair;
let esKey: KeyPair;
let otherRsKey: KeyPair;

before(async () => {
  server = await startSmartServer({ [ana.email]: { password: ana.password, user: { id: 'u-ana', kind: 'patient', displayName: 'Ana', patientId: 'pat-a' } } });
  tokenUrl = `${server.base}/auth/token`;
  await server.repo.create({ resourceType: 'Patient', id: 'pat-a' }, { keepId: true });
  [rsKey, esKey, otherRsKey] = await Promise.all([keyPair('RS384'), keyPair('ES384'), keyPair('RS384')]);

  const port = await freePort();
  jwksUrl = `http://127.0.0.1:${port}/jwks.json`;
  servedKeys = [esKey.jwk];
  jwksServer = createServer((req, res) => {
    jwksHits++;
    if (req.url !== '/jwks.json') return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: servedKeys }));
  }).listen(port, '127.0.0.1');

  const sym = await registerClient(server.db, { name: 'Clinic Sync', type: 'confidential-symmetric', redirectUris: [redirect] });
  clients.sym = sym.client.clientId;
  secret = sym.secret!;
  clients.public = (await registerClient(server.db, { name: 'Diary', type: 'public', redirectUris: [redirect] })).client.clientId;
  clients.inlineRs = (await registerClient(server.db, { name: 'Inline RS384', type: 'confidential-asymmetric', redirectUris: [redirect], jwks: { keys: [rsKey.jwk] } })).client.clientId;
  clients.urlEs = (await registerClient(server.db, { name: 'JWKS URL ES384', type: 'confidential-asymmetric', redirectUris: [redirect], jwksUrl })).client.clientId;
  clients.backendEs = (await registerClient(server.db, { name: 'Nightly Export', type: 'confidential-asymmetric', redirectUris: [], backend: true, jwks: { keys: [esKey.jwk] } })).client.clientId;
});

after(async () => {
  jwksServer?.close();
  await server?.close();
});

/** A signed client assertion (RFC 7523) for `clientId`; `over` changes claims or the header. */
async function assertion(key: KeyPair, clientId: string, over: { aud?: string; exp?: number; iss?: string; sub?: string; jti?: string; kid?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: over.jti ?? randomUUID() })
    .setProtectedHeader({ alg: key.alg, kid: over.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(over.iss ?? clientId)
    .setSubject(over.sub ?? clientId)
    .setAudience(over.aud ?? tokenUrl)
    .setIssuedAt(now)
    .setExpirationTime(over.exp ?? now + 240)
    .sign(key.privateKey);
}

const assertionForm = (jwt: string) => ({ client_assertion_type: ASSERTION_TYPE, client_assertion: jwt });

function unsignedJwt(header: object, claims: object): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64(header)}.${b64(claims)}.`;
}

async function code(clientId: string, scope = 'launch/patient patient/Patient.rs offline_access') {
  return authorizeCode(new Browser(server.base), server, { clientId, redirectUri: redirect, scope, login: ana });
}

function expectOAuthError(r: { status: number; headers: Headers; body: Record<string, unknown> }, status: number, error: string, label: string) {
  assert.equal(r.status, status, `${label}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error, error, label);
  assert.equal(typeof r.body.error_description, 'string', label);
  assert.equal(r.headers.get('cache-control'), 'no-store', label);
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/, label);
}

describe('confidential symmetric clients (client_secret_basic)', () => {
  it('the right secret gets tokens; a refresh keeps (and renews) the same refresh token', async () => {
    const c = await code(clients.sym);
    const r = await exchangeCode(server.base, c, redirect, { headers: basicAuth(clients.sym, secret) });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(r.body.patient, 'pat-a');
    assert.ok(r.body.refresh_token, 'offline_access gives a refresh token');
    const read = await fetch(`${server.fhirBase}/Patient/pat-a`, { headers: { authorization: `Bearer ${r.body.access_token}` } });
    assert.equal(read.status, 200);

    const refreshed = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(r.body.refresh_token) }, basicAuth(clients.sym, secret));
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
    assert.equal(refreshed.body.refresh_token, r.body.refresh_token, 'confidential clients keep their refresh token');
    assert.notEqual(refreshed.body.access_token, r.body.access_token);
    const again = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(r.body.refresh_token) }, basicAuth(clients.sym, secret));
    assert.equal(again.status, 200, 'and can use it again');
  });

  it('a wrong or missing secret is 401 invalid_client with WWW-Authenticate: Basic', async () => {
    const c = await code(clients.sym);
    const wrong = await exchangeCode(server.base, c, redirect, { headers: basicAuth(clients.sym, `${secret}x`) });
    expectOAuthError(wrong, 401, 'invalid_client', 'wrong secret');
    assert.match(wrong.headers.get('www-authenticate') ?? '', /^Basic /);
    const unknown = await exchangeCode(server.base, c, redirect, { headers: basicAuth('no-such-client', secret) });
    expectOAuthError(unknown, 401, 'invalid_client', 'unknown client');
    assert.match(unknown.headers.get('www-authenticate') ?? '', /^Basic /);
    const malformed = await exchangeCode(server.base, c, redirect, { headers: { authorization: 'Basic not base64!' } });
    expectOAuthError(malformed, 401, 'invalid_client', 'malformed Basic header');
    expectOAuthError(await exchangeCode(server.base, c, redirect, { clientId: clients.sym }), 401, 'invalid_client', 'confidential client without its secret');
    // The failed attempts did not use up the code.
    const ok = await exchangeCode(server.base, c, redirect, { headers: basicAuth(clients.sym, secret) });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  it('secrets in the body, a secret for a public client, and two ways of authenticating at once are refused', async () => {
    const c = await code(clients.sym);
    expectOAuthError(await exchangeCode(server.base, c, redirect, { form: { client_id: clients.sym, client_secret: secret } }), 401, 'invalid_client', 'client_secret_post is not offered');
    expectOAuthError(
      await exchangeCode(server.base, c, redirect, { headers: basicAuth(clients.sym, secret), form: { client_id: clients.public } }),
      401, 'invalid_client', 'client_id naming another client than the Basic header',
    );
    const both = await exchangeCode(server.base, c, redirect, { headers: basicAuth(clients.sym, secret), form: assertionForm(await assertion(rsKey, clients.inlineRs)) });
    expectOAuthError(both, 400, 'invalid_request', 'Basic and a client assertion together (RFC 6749 §2.3)');

    const p = await code(clients.public);
    const basicForPublic = await exchangeCode(server.base, p, redirect, { headers: basicAuth(clients.public, 'made-up-secret') });
    expectOAuthError(basicForPublic, 401, 'invalid_client', 'a public client has no secret (Basic)');
    const bodySecretForPublic = await exchangeCode(server.base, p, redirect, { clientId: clients.public, form: { client_secret: 'made-up-secret' } });
    expectOAuthError(bodySecretForPublic, 401, 'invalid_client', 'a public client has no secret (body)');
    const ok = await exchangeCode(server.base, p, redirect, { clientId: clients.public });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  it("a code cannot be redeemed by another client, with or without that client's secret", async () => {
    const c = await code(clients.public);
    expectOAuthError(await exchangeCode(server.base, c, redirect, { headers: basicAuth(clients.sym, secret) }), 400, 'invalid_grant', 'public code, confidential client');
  });
});

describe('confidential asymmetric clients (private_key_jwt)', () => {
  it('inline JWKS with RS384: code and refresh grants each with a fresh assertion', async () => {
    const c = await code(clients.inlineRs);
    const r = await exchangeCode(server.base, c, redirect, { form: assertionForm(await assertion(rsKey, clients.inlineRs)) });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.patient, 'pat-a');
    const refreshed = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(r.body.refresh_token), client_id: clients.inlineRs, ...assertionForm(await assertion(rsKey, clients.inlineRs)) });
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
  });

  it('JWKS URL with ES384: the keys are fetched from the app, and a new key is picked up', async () => {
    const c = await code(clients.urlEs);
    const before = jwksHits;
    const r = await exchangeCode(server.base, c, redirect, { form: assertionForm(await assertion(esKey, clients.urlEs)) });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(jwksHits > before, 'the JWKS URL was fetched');

    const rotated = await keyPair('ES384');
    servedKeys = [rotated.jwk, esKey.jwk];
    const refreshed = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(r.body.refresh_token), ...assertionForm(await assertion(rotated, clients.urlEs)) });
    assert.equal(refreshed.status, 200, `a key published after the first fetch works: ${JSON.stringify(refreshed.body)}`);
  });

  it('rejects a wrong key, an expired or far-future assertion, a wrong aud, iss or sub, and a replayed jti', async () => {
    const c = await code(clients.inlineRs);
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string][] = [
      ['wrong key (same kid)', await assertion({ ...otherRsKey, kid: rsKey.kid }, clients.inlineRs)],
      ['wrong key (unknown kid)', await assertion(otherRsKey, clients.inlineRs)],
      ['ES384 key the client did not register', await assertion(esKey, clients.inlineRs)],
      ['expired', await assertion(rsKey, clients.inlineRs, { exp: now - 120 })],
      ['exp more than five minutes ahead', await assertion(rsKey, clients.inlineRs, { exp: now + 3600 })],
      ['aud is the FHIR base', await assertion(rsKey, clients.inlineRs, { aud: server.fhirBase })],
      ['aud is another server', await assertion(rsKey, clients.inlineRs, { aud: 'https://elsewhere.example/auth/token' })],
      ['sub is not the client', await assertion(rsKey, clients.inlineRs, { sub: clients.urlEs })],
      ['iss is another client', await assertion(rsKey, clients.inlineRs, { iss: clients.urlEs, sub: clients.urlEs })],
      ['not a JWT', 'not-a-jwt'],
    ];
    for (const [label, jwt] of cases) expectOAuthError(await exchangeCode(server.base, c, redirect, { form: assertionForm(jwt) }), 401, 'invalid_client', label);
    expectOAuthError(
      await exchangeCode(server.base, c, redirect, { form: { client_assertion_type: 'urn:example:other', client_assertion: await assertion(rsKey, clients.inlineRs) } }),
      401, 'invalid_client', 'wrong client_assertion_type',
    );
    expectOAuthError(
      await exchangeCode(server.base, c, redirect, { form: { client_id: clients.urlEs, ...assertionForm(await assertion(rsKey, clients.inlineRs)) } }),
      401, 'invalid_client', 'client_id naming another client',
    );

    const jti = randomUUID();
    const first = await exchangeCode(server.base, c, redirect, { form: assertionForm(await assertion(rsKey, clients.inlineRs, { jti })) });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const replay = await tokenRequest(server.base, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token), ...assertionForm(await assertion(rsKey, clients.inlineRs, { jti })) });
    expectOAuthError(replay, 401, 'invalid_client', 'a jti is accepted once (a new assertion with the same jti)');
  });

  it('rejects alg none and HS256 assertions', async () => {
    const c = await code(clients.inlineRs);
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: clients.inlineRs, sub: clients.inlineRs, aud: tokenUrl, exp: now + 120, jti: randomUUID() };
    expectOAuthError(await exchangeCode(server.base, c, redirect, { form: assertionForm(unsignedJwt({ alg: 'none', typ: 'JWT' }, claims)) }), 401, 'invalid_client', 'alg none');
    const hs = await new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: 'HS256', kid: rsKey.kid }).setIssuer(clients.inlineRs).setSubject(clients.inlineRs).setAudience(tokenUrl).setExpirationTime(now + 120)
      .sign(new TextEncoder().encode(JSON.stringify(rsKey.jwk)));
    expectOAuthError(await exchangeCode(server.base, c, redirect, { form: assertionForm(hs) }), 401, 'invalid_client', 'HS256 keyed with the public key');
    const ok = await exchangeCode(server.base, c, redirect, { form: assertionForm(await assertion(rsKey, clients.inlineRs)) });
    assert.equal(ok.status, 200, 'the code still works with a proper assertion');
  });

  it('an asymmetric client cannot fall back to naming itself or to a secret', async () => {
    const c = await code(clients.inlineRs);
    expectOAuthError(await exchangeCode(server.base, c, redirect, { clientId: clients.inlineRs }), 401, 'invalid_client', 'no assertion');
    expectOAuthError(await exchangeCode(server.base, c, redirect, { headers: basicAuth(clients.inlineRs, 'anything') }), 401, 'invalid_client', 'Basic');
  });
});

describe('backend services (client_credentials)', () => {
  it('an ES384 assertion gets a five-minute system token without a refresh token', async () => {
    const r = await tokenRequest(server.base, { grant_type: 'client_credentials', scope: 'system/Patient.rs patient/Observation.rs', ...assertionForm(await assertion(esKey, clients.backendEs)) });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(r.body.token_type, 'Bearer');
    assert.equal(r.body.expires_in, 300);
    assert.equal(r.body.scope, 'system/Patient.rs', 'only system/ scopes are granted');
    assert.equal(r.body.refresh_token, undefined);
    const read = await fetch(`${server.fhirBase}/Patient/pat-a`, { headers: { authorization: `Bearer ${r.body.access_token}` } });
    assert.equal(read.status, 200);
    const info = await postForm(`${server.base}/auth/introspect`, { token: String(r.body.access_token) }, { authorization: `Bearer ${server.systemToken}` });
    assert.equal(info.body.active, true);
    assert.ok(Number(info.body.exp) <= Math.floor(Date.now() / 1000) + 300 + 2, 'expires within five minutes');
    assert.equal(info.body.client_id, clients.backendEs);
  });

  it('refuses clients that are not backend services, and requests without system scopes', async () => {
    expectOAuthError(await tokenRequest(server.base, { grant_type: 'client_credentials', scope: 'system/Patient.rs', client_id: clients.public }), 400, 'unauthorized_client', 'public client');
    expectOAuthError(await tokenRequest(server.base, { grant_type: 'client_credentials', scope: 'system/Patient.rs' }, basicAuth(clients.sym, secret)), 400, 'unauthorized_client', 'confidential app that is not a backend service');
    expectOAuthError(await tokenRequest(server.base, { grant_type: 'client_credentials', scope: 'patient/Patient.rs', ...assertionForm(await assertion(esKey, clients.backendEs)) }), 400, 'invalid_scope', 'no system/ scope');
    const authorize = await fetch(`${server.base}/auth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clients.backendEs, redirect_uri: redirect })}`, { redirect: 'manual' });
    assert.equal(authorize.status, 400, 'a backend service has no redirect URI to send a code to');
  });
});

describe('token endpoint errors (RFC 6749 §5.2)', () => {
  it('unknown and missing grant types, unknown public clients, and a bad refresh token', async () => {
    expectOAuthError(await tokenRequest(server.base, { grant_type: 'password', client_id: clients.public, username: 'a', password: 'b' }), 400, 'unsupported_grant_type', 'password grant');
    expectOAuthError(await tokenRequest(server.base, { client_id: clients.public }), 400, 'invalid_request', 'no grant_type');
    expectOAuthError(await tokenRequest(server.base, { grant_type: 'authorization_code', client_id: 'nobody' }), 401, 'invalid_client', 'unknown client');
    expectOAuthError(await tokenRequest(server.base, { grant_type: 'authorization_code', client_id: clients.public }), 400, 'invalid_request', 'no code');
    expectOAuthError(await tokenRequest(server.base, { grant_type: 'refresh_token', client_id: clients.public, refresh_token: 'srt_nothing' }), 400, 'invalid_grant', 'unknown refresh token');
    expectOAuthError(await tokenRequest(server.base, { grant_type: 'refresh_token', client_id: clients.public }), 400, 'invalid_request', 'no refresh_token');
  });
});
