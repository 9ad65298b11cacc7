// RFC 7591 dynamic client registration, as an app does it over HTTP: valid registrations for each
// supported client type followed by a launch with the new client, and the metadata the server must
// refuse (redirect URIs that are not https/loopback/private-use or carry a fragment, unsupported
// authentication methods, grant types and scopes, keys that are not public keys).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { authorizeCode, basicAuth, Browser, exchangeCode, startSmartServer, type SmartServer } from './smart-support.js';

let server: SmartServer;
const ana = { email: 'ana@example.org', password: 'pw-long-enough' };
const redirect = 'http://127.0.0.1:9/callback';

before(async () => {
  server = await startSmartServer({ [ana.email]: { password: ana.password, user: { id: 'u-ana', kind: 'patient', displayName: 'Ana', patientId: 'pat-a' } } });
  await server.repo.create({ resourceType: 'Patient', id: 'pat-a' }, { keepId: true });
});
after(() => server?.close());

async function register(metadata: unknown, contentType = 'application/json') {
  const res = await fetch(`${server.base}/auth/register`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof metadata === 'string' ? metadata : JSON.stringify(metadata) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function expectRefused(metadata: unknown, error: string, label: string) {
  const r = await register(metadata);
  assert.equal(r.status, 400, `${label}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error, error, label);
  assert.equal(typeof r.body.error_description, 'string', label);
  assert.equal(r.body.client_id, undefined, label);
}

const launchWith = (clientId: string) => authorizeCode(new Browser(server.base), server, { clientId, redirectUri: redirect, scope: 'launch/patient patient/Patient.rs', login: ana });

describe('dynamic client registration (RFC 7591)', () => {
  it('registers a public app (none) that can then complete a launch', async () => {
    const r = await register({ client_name: 'Step Counter', redirect_uris: [redirect, 'com.example.steps:/callback'], token_endpoint_auth_method: 'none' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.equal(typeof r.body.client_id, 'string');
    assert.equal(r.body.client_secret, undefined);
    assert.equal(r.body.token_endpoint_auth_method, 'none');
    assert.deepEqual(r.body.redirect_uris, [redirect, 'com.example.steps:/callback']);
    assert.equal(typeof r.body.client_id_issued_at, 'number');

    const c = await launchWith(String(r.body.client_id));
    assert.match(c.consentHtml, /Step Counter/);
    const tokens = await exchangeCode(server.base, c, redirect, { clientId: String(r.body.client_id) });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.patient, 'pat-a');
  });

  it('registers a confidential app (client_secret_basic by default) whose secret works once shown', async () => {
    const r = await register({ client_name: 'Care Notes', redirect_uris: [redirect] });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.token_endpoint_auth_method, 'client_secret_basic');
    assert.equal(typeof r.body.client_secret, 'string');
    assert.equal(r.body.client_secret_expires_at, 0);
    const c = await launchWith(String(r.body.client_id));
    const tokens = await exchangeCode(server.base, c, redirect, { headers: basicAuth(String(r.body.client_id), String(r.body.client_secret)) });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    const { rows } = await server.db.query<{ secret_hash: string; registered_by: string }>('SELECT secret_hash, registered_by FROM smart_client WHERE client_id = $1', [r.body.client_id]);
    assert.notEqual(rows[0].secret_hash, r.body.client_secret, 'only a hash of the secret is kept');
    assert.equal(rows[0].registered_by, 'dynamic');
  });

  it('registers a private_key_jwt app with an inline JWKS and authenticates it', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES384' };
    const r = await register({ client_name: 'Pill Reminder', redirect_uris: [redirect], token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.client_secret, undefined);
    const clientId = String(r.body.client_id);
    const c = await launchWith(clientId);
    const jwt = await new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: 'ES384', kid: 'k1' }).setIssuer(clientId).setSubject(clientId)
      .setAudience(`${server.base}/auth/token`).setExpirationTime('2m').sign(privateKey);
    const tokens = await exchangeCode(server.base, c, redirect, { form: { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt } });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  });

  it('refuses redirect URIs that are not https, loopback http or a private-use scheme, or that have a fragment', async () => {
    for (const [uris, label] of [
      [['http://app.example/callback'], 'http on a public host'],
      [['http://127.0.0.1.nip.example/callback'], 'a host that only starts like loopback'],
      [['https://app.example/callback#frag'], 'a fragment'],
      [['/callback'], 'a relative URI'],
      [['javascript:alert(1)'], 'a javascript: URI'],
      [['myapp:/callback'], 'a private-use scheme that is not a reverse domain name'],
      [[redirect, 'http://app.example/cb'], 'one bad URI among good ones'],
      [[], 'no redirect URI'],
      [[42], 'a redirect URI that is not a string'],
    ] as const) {
      await expectRefused({ client_name: 'Bad', redirect_uris: uris, token_endpoint_auth_method: 'none' }, 'invalid_redirect_uri', label);
    }
    await expectRefused({ client_name: 'Bad', token_endpoint_auth_method: 'none' }, 'invalid_redirect_uri', 'redirect_uris missing');
    for (const ok of ['https://app.example/cb', 'http://localhost:8080/cb', 'http://[::1]:8080/cb']) {
      assert.equal((await register({ client_name: 'Good', redirect_uris: [ok], token_endpoint_auth_method: 'none' })).status, 201, ok);
    }
  });

  it('refuses unsupported authentication methods, grant types, system scopes and malformed metadata', async () => {
    const base = { client_name: 'App', redirect_uris: [redirect] };
    for (const method of ['client_secret_post', 'client_secret_jwt', 'tls_client_auth', 'bogus']) {
      await expectRefused({ ...base, token_endpoint_auth_method: method }, 'invalid_client_metadata', method);
    }
    await expectRefused({ ...base, grant_types: ['authorization_code', 'client_credentials'] }, 'invalid_client_metadata', 'client_credentials');
    await expectRefused({ ...base, grant_types: ['implicit'] }, 'invalid_client_metadata', 'implicit');
    await expectRefused({ ...base, grant_types: 'authorization_code' }, 'invalid_client_metadata', 'grant_types not a list');
    await expectRefused({ ...base, scope: ['launch'] }, 'invalid_client_metadata', 'scope not a string');
    await expectRefused({ ...base, token_endpoint_auth_method: 'constructor' }, 'invalid_client_metadata', 'an inherited property name as method');
    await expectRefused({ ...base, token_endpoint_auth_method: 'none', jwks_uri: 'https://app.example/jwks.json' }, 'invalid_client_metadata', 'keys for a public client');
    await expectRefused({ ...base, scope: 'launch/patient system/*.rs' }, 'invalid_client_metadata', 'system scope');
    await expectRefused({ ...base, client_name: '' }, 'invalid_client_metadata', 'empty name');
    await expectRefused({ ...base, client_name: { en: 'App' } }, 'invalid_client_metadata', 'a name that is not a string');
    await expectRefused([base], 'invalid_client_metadata', 'an array instead of an object');
    await expectRefused({ ...base, token_endpoint_auth_method: 'private_key_jwt' }, 'invalid_client_metadata', 'private_key_jwt without keys');
  });

  it('refuses key sets that are malformed, hold private keys, come both inline and by URL, or live at a non-https URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
    const pub = { ...(await exportJWK(publicKey)), kid: 'a' };
    const priv = { ...(await exportJWK(privateKey)), kid: 'a' };
    const base = { client_name: 'Keys', redirect_uris: [redirect], token_endpoint_auth_method: 'private_key_jwt' };
    await expectRefused({ ...base, jwks: { keys: [priv] } }, 'invalid_client_metadata', 'a private key');
    await expectRefused({ ...base, jwks: { keys: 'abc' } }, 'invalid_client_metadata', 'keys is not a list');
    await expectRefused({ ...base, jwks: { keys: [{ kid: 'x' }] } }, 'invalid_client_metadata', 'a key without kty');
    await expectRefused({ ...base, jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }, 'invalid_client_metadata', 'a symmetric key');
    await expectRefused({ ...base, jwks: { keys: [pub] }, jwks_uri: 'https://app.example/jwks.json' }, 'invalid_client_metadata', 'both jwks and jwks_uri (RFC 7591 §2)');
    await expectRefused({ ...base, jwks_uri: 'http://app.example/jwks.json' }, 'invalid_client_metadata', 'http JWKS URL');
    await expectRefused({ ...base, jwks_uri: 'http://127.0.0.1:5432/' }, 'invalid_client_metadata', 'a loopback JWKS URL (the server would fetch its own host)');
    await expectRefused({ ...base, jwks_uri: 'not a url' }, 'invalid_client_metadata', 'not a URL');
    for (const internal of ['https://169.254.169.254/latest/meta-data', 'https://10.1.2.3/jwks', 'https://192.168.0.5/jwks', 'https://[fd00::1]/jwks', 'https://[::ffff:127.0.0.1]/jwks', 'https://localhost/jwks']) {
      await expectRefused({ ...base, jwks_uri: internal }, 'invalid_client_metadata', `internal address ${internal}`);
    }
    const ok = await register({ ...base, jwks_uri: 'https://app.example/jwks.json' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.jwks_uri, 'https://app.example/jwks.json');
  });
});
