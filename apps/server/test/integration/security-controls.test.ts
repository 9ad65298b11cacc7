// The controls an outside tester checks first: sign-in throttling, CSRF, session cookie
// attributes behind an https PUBLIC_URL, client addresses that cannot be spoofed, and CORS on /fhir never letting another origin use the
// portal's cookie.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { createResource, type TestApp } from '../support/harness.js';
import { Browser, GOOD_PASSWORD, makeAccount, startIdentityApp } from '../support/identity.js';

const EVIL = 'https://evil.example';

describe('security controls (PUBLIC_URL https)', () => {
  let t: TestApp;
  let patientId: string;

  before(async () => {
    t = await startIdentityApp({ PUBLIC_URL: 'https://portal.example.org' });
    patientId = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Control' }] })).id!;
    const other = await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Throttle' }] });
    await makeAccount(t, { email: 'throttled@example.org', patientId: other.id });
    await makeAccount(t, { email: 'cookie@example.org', patientId });
  });
  after(async () => t?.close());

  test('repeated wrong passwords lock the email: 429 problem with Retry-After, even for the right password', async () => {
    const b = new Browser(t, '198.51.100.20');
    let locked;
    for (let i = 0; i < 8 && !locked; i++) {
      const res = await b.post('/api/auth/login', { email: 'throttled@example.org', password: `wrong-password-${i}-xyz` });
      if (res.statusCode === 429) locked = res;
      else assert.equal(res.statusCode, 401, res.body);
    }
    assert.ok(locked, 'no 429 after 8 wrong passwords');
    assert.match(String(locked.headers['content-type']), /^application\/problem\+json/);
    const retryAfter = Number(locked.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `Retry-After: ${locked.headers['retry-after']}`);
    assert.equal(locked.json().retryAfter, retryAfter);
    assert.match(locked.json().type, /rate-limited$/);
    const right = await new Browser(t, '198.51.100.21').post('/api/auth/login', { email: 'throttled@example.org', password: GOOD_PASSWORD });
    assert.equal(right.statusCode, 429, 'the lock is per email, whatever the address');
  });

  test('session cookie: HttpOnly, SameSite=Strict, Path=/, Secure under https', async () => {
    const res = await new Browser(t, '198.51.100.30').signIn('cookie@example.org');
    assert.equal(res.statusCode, 200, res.body);
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('portico_session='));
    assert.ok(raw, 'no session cookie');
    assert.match(raw, /;\s*HttpOnly/i);
    assert.match(raw, /;\s*SameSite=Strict/i);
    assert.match(raw, /;\s*Path=\/(;|$)/);
    assert.match(raw, /;\s*Secure/i);
    assert.doesNotMatch(raw, /Domain=/i, 'host-only cookie');
    // Beside it, a readable hint that holds nothing but "1" (the app skips the session check without it).
    const hint = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('portico_signed_in='));
    assert.ok(hint, 'no hint cookie');
    assert.match(hint, /^portico_signed_in=1;/);
    assert.doesNotMatch(hint, /HttpOnly|Max-Age|Expires/i, 'readable by the app, gone with the browser session');
    assert.match(hint, /;\s*SameSite=Strict/i);
    assert.match(hint, /;\s*Secure/i);
  });

  test('signing out clears the session cookie and its hint', async () => {
    const b = new Browser(t, '198.51.100.31');
    assert.equal((await b.signIn('cookie@example.org')).statusCode, 200);
    const out = await b.post('/api/auth/logout', {});
    assert.equal(out.statusCode, 204);
    const cleared = ([] as string[]).concat(out.headers['set-cookie'] ?? []);
    for (const name of ['portico_session', 'portico_signed_in']) {
      assert.ok(cleared.some((c) => c.startsWith(`${name}=;`) && /Expires=Thu, 01 Jan 1970/i.test(c)), `${name} cleared: ${cleared.join(' | ')}`);
    }
  });

  test('state-changing requests with the cookie need the CSRF token, on /api and /fhir', async () => {
    const b = new Browser(t, '198.51.100.40');
    assert.equal((await b.signIn('cookie@example.org')).statusCode, 200);
    const token = b.csrf;
    b.csrf = undefined;
    const api = await b.post('/api/session/keepalive', {});
    assert.equal(api.statusCode, 403);
    assert.match(api.json().type, /csrf$/);
    const fhir = await b.post('/fhir/Observation', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${patientId}` } });
    assert.equal(fhir.statusCode, 403);
    assert.equal(fhir.json().resourceType, 'OperationOutcome');
    const apps = await b.delete('/api/connected-apps/some-app');
    assert.equal(apps.statusCode, 403);
    b.csrf = token;
    const crossSite = await b.post('/api/session/keepalive', {}, { origin: EVIL });
    assert.equal(crossSite.statusCode, 403, 'a cross-origin POST is refused even with the token');
    const anonymousCrossSite = await new Browser(t, '198.51.100.41').post('/api/auth/login', { email: 'cookie@example.org', password: GOOD_PASSWORD }, { origin: EVIL });
    assert.equal(anonymousCrossSite.statusCode, 403, 'sign-in from another origin is refused');
    assert.equal((await b.post('/api/session/keepalive', {})).statusCode, 200, 'the token itself still works');
  });

  test('X-Forwarded-For counts only from a trusted proxy (TRUST_PROXY, loopback by default)', async () => {
    const direct = new Browser(t, '198.51.100.60');
    assert.equal((await direct.post('/api/auth/login', { email: 'cookie@example.org', password: GOOD_PASSWORD }, { 'x-forwarded-for': '192.0.2.99' })).statusCode, 200);
    const viaProxy = new Browser(t, '127.0.0.1');
    assert.equal((await viaProxy.post('/api/auth/login', { email: 'cookie@example.org', password: GOOD_PASSWORD }, { 'x-forwarded-for': '192.0.2.77' })).statusCode, 200);
    const sessions = (await direct.get('/api/sessions')).json() as { sessions: { current: boolean; ipAddress: string }[] };
    const ips = sessions.sessions.map((s) => s.ipAddress);
    assert.equal(sessions.sessions.find((s) => s.current)?.ipAddress, '198.51.100.60', 'a client cannot choose its own address');
    assert.ok(!ips.includes('192.0.2.99'), `${ips}`);
    assert.ok(ips.includes('192.0.2.77'), `the proxy on the same host is believed: ${ips}`);
  });

  test('/fhir CORS: any origin may use a bearer token, none gets credentials or the cookie', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/fhir/Patient',
      headers: { origin: EVIL, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    assert.ok(preflight.statusCode < 300, `${preflight.statusCode}`);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.equal(preflight.headers['access-control-allow-credentials'], undefined);

    const bearer = await t.app.inject({ method: 'GET', url: '/fhir/Patient', headers: { origin: EVIL, authorization: `Bearer ${t.systemToken}` } });
    assert.equal(bearer.statusCode, 200);
    assert.equal(bearer.headers['access-control-allow-origin'], '*');
    assert.equal(bearer.headers['access-control-allow-credentials'], undefined);

    const b = new Browser(t, '198.51.100.50');
    assert.equal((await b.signIn('cookie@example.org')).statusCode, 200);
    const withCookie = await b.request('GET', '/fhir/Patient', undefined, { origin: EVIL });
    assert.equal(withCookie.headers['access-control-allow-origin'], undefined, 'a cookie-authenticated answer is not shared cross-origin');
    assert.equal(withCookie.headers['access-control-allow-credentials'], undefined);

    for (const url of ['/api/session', '/auth/token']) {
      const res = await t.app.inject({ method: 'OPTIONS', url, headers: { origin: EVIL, 'access-control-request-method': 'POST' } });
      assert.notEqual(res.headers['access-control-allow-credentials'], 'true', url);
      if (url.startsWith('/api')) assert.equal(res.headers['access-control-allow-origin'], undefined, `${url} is same-origin only`);
    }
  });
});
