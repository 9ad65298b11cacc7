// `npm run app` end to end: each command runs in a child process against this test's database, as
// an administrator would run it beside a running server; the apps it registers then work against
// the server (a launch, client_credentials with a secret and with an inline JWKS), and `revoke`
// ends an app's tokens.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { authorizeCode, basicAuth, Browser, exchangeCode, startSmartServer, tokenRequest, type SmartServer } from './smart-support.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const redirect = 'http://127.0.0.1:9/callback';
const ana = { email: 'ana@example.org', password: 'pw-long-enough' };
let server: SmartServer;
let dir: string;

before(async () => {
  server = await startSmartServer({ [ana.email]: { password: ana.password, user: { id: 'u-ana', kind: 'patient', displayName: 'Ana', patientId: 'pat-a' } } });
  await server.repo.create({ resourceType: 'Patient', id: 'pat-a' }, { keepId: true });
  dir = mkdtempSync(join(tmpdir(), 'portico-app-cli-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server?.close();
});

function app(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm', ['run', '--silent', 'app', '--', ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: server.dbUrl, PUBLIC_URL: server.base, LOG_LEVEL: 'silent', PORTICO_DEMO: 'false' }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const field = (out: string, name: string) => new RegExp(`^${name}[^:]*: (\\S+)$`, 'm').exec(out)?.[1];

describe('npm run app', () => {
  it('registers a public app with a launch URL, lists it, and the app completes a launch', async () => {
    const r = await app('register', '--name', 'Health Diary', '--redirect-uri', redirect, '--public', '--launch-url', 'https://diary.example/launch');
    assert.equal(r.code, 0, r.stderr);
    const clientId = field(r.stdout, 'client_id');
    assert.ok(clientId, r.stdout);
    assert.match(r.stdout, /^type: public$/m);
    assert.doesNotMatch(r.stdout, /secret/);

    const list = await app('list');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`^${clientId}\\tpublic\\tHealth Diary\\t${redirect}$`, 'm'));

    const c = await authorizeCode(new Browser(server.base), server, { clientId, redirectUri: redirect, scope: 'launch/patient patient/Patient.rs', login: ana });
    const tokens = await exchangeCode(server.base, c, redirect, { clientId });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(tokens.body.patient, 'pat-a');
  });

  it('registers a backend service with a secret (shown once) and one with an inline JWKS file; revoke ends their tokens', async () => {
    const sym = await app('register', '--name', 'Nightly Sync', '--backend', '--secret');
    assert.equal(sym.code, 0, sym.stderr);
    assert.match(sym.stdout, /^type: confidential-symmetric \(backend service\)$/m);
    const [symId, secret] = [field(sym.stdout, 'client_id')!, field(sym.stdout, 'client_secret')!];
    assert.ok(secret && secret.length >= 40, sym.stdout);
    const symToken = await tokenRequest(server.base, { grant_type: 'client_credentials', scope: 'system/Patient.rs' }, basicAuth(symId, secret));
    assert.equal(symToken.status, 200, JSON.stringify(symToken.body));

    const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
    const jwksFile = join(dir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES384' }] }));
    const asym = await app('register', '--name', 'Nightly Export', '--backend', '--jwks', jwksFile);
    assert.equal(asym.code, 0, asym.stderr);
    assert.match(asym.stdout, /^type: confidential-asymmetric \(backend service\)$/m);
    const asymId = field(asym.stdout, 'client_id')!;
    const assertion = await new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: 'ES384', kid: 'k1' }).setIssuer(asymId).setSubject(asymId)
      .setAudience(`${server.base}/auth/token`).setExpirationTime('2m').sign(privateKey);
    const asymToken = await tokenRequest(server.base, { grant_type: 'client_credentials', scope: 'system/Patient.rs', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion });
    assert.equal(asymToken.status, 200, JSON.stringify(asymToken.body));

    const url = await app('register', '--name', 'Remote Keys', '--redirect-uri', redirect, '--jwks-url', 'https://keys.example/jwks.json');
    assert.equal(url.code, 0, url.stderr);
    assert.match(url.stdout, /^type: confidential-asymmetric$/m);

    const read = (token: unknown) => fetch(`${server.fhirBase}/Patient/pat-a`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await read(symToken.body.access_token)).status, 200);
    const revoked = await app('revoke', symId);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, /Revoked/);
    assert.equal((await read(symToken.body.access_token)).status, 401, "the app's token ends at once");
    assert.equal((await tokenRequest(server.base, { grant_type: 'client_credentials', scope: 'system/Patient.rs' }, basicAuth(symId, secret))).status, 401, 'and it cannot get another');
    assert.equal((await read(asymToken.body.access_token)).status, 200, 'other apps keep working');
    const again = await app('revoke', symId);
    assert.equal(again.code, 1);
    assert.doesNotMatch((await app('list')).stdout, new RegExp(symId));
  });

  it('usage errors exit 2; invalid registrations exit 1 with the reason and store nothing', async () => {
    const { rows: before } = await server.db.query<{ n: string }>('SELECT count(*) AS n FROM smart_client');
    for (const args of [
      [],
      ['frobnicate'],
      ['register', '--redirect-uri', redirect],
      ['register', '--name', 'X', '--redirect-uri', redirect, '--colour', 'blue'],
      ['register', '--name', 'X', '--redirect-uri', redirect, '--public', '--secret'],
      ['register', '--name', 'X', '--redirect-uri', redirect, '--jwks-url', 'https://k.example/j', '--jwks', join(dir, 'jwks.json')],
      ['revoke'],
    ]) {
      const r = await app(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /Usage: npm run app/, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    for (const [args, reason] of [
      [['register', '--name', 'X', '--redirect-uri', 'http://app.example/cb'], /https/],
      [['register', '--name', 'X', '--redirect-uri', redirect, '--launch-url', 'not a url'], /launch URL/],
      [['register', '--name', 'X', '--redirect-uri', redirect, '--launch-url', 'javascript:alert(1)'], /launch URL/],
      [['register', '--name', 'X', '--backend', '--public'], /confidential/],
      [['register', '--name', 'X', '--backend', '--jwks', join(dir, 'missing.json')], /missing\.json/],
    ] as const) {
      const r = await app(...args);
      assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, reason, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    const { rows: after } = await server.db.query<{ n: string }>('SELECT count(*) AS n FROM smart_client');
    assert.equal(after[0].n, before[0].n);
  });
});
