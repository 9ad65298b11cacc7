import { after, before, describe, it } from 'node:test';
import type { Resource } from '@medplum/fhirtypes';
import assert from 'node:assert/strict';
import { Browser, GOOD_PASSWORD, makeAccount, startIdentityApp, TOTP_SECRET, totpNow } from '../support/identity.js';
import type { TestApp } from '../support/harness.js';
import { createResource } from '../support/harness.js';

describe('sign-in, MFA, sessions', () => {
  let t: TestApp & { dataDir: string };
  let patientId: string;
  before(async () => {
    t = await startIdentityApp();
    const p = await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Lopez', given: ['Maria'] }], birthDate: '1980-04-02' });
    patientId = p.id!;
    await makeAccount(t, { email: 'maria@example.org', patientId });
    await makeAccount(t, { email: 'totp@example.org', totpSecret: TOTP_SECRET, patientId: (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', birthDate: '1970-01-01' })).id });
  });
  after(async () => t.close());

  it('signs in with a password and returns the session contract', async () => {
    const b = new Browser(t);
    const res = await b.signIn('Maria@Example.org');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, 'signed-in');
    assert.equal(body.session.user.kind, 'patient');
    assert.equal(body.session.user.patientId, patientId);
    assert.equal(body.session.mfaPrompt, true);
    assert.ok(body.session.csrfToken);
    const cookie = res.cookies.find((c: { name: string }) => c.name === 'portico_session') as { httpOnly?: boolean; sameSite?: string; path?: string };
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const session = await b.get('/api/session');
    assert.equal(session.statusCode, 200);
    assert.equal(session.json().user.email, 'maria@example.org');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const b = new Browser(t, '198.51.100.1');
    const wrong = await b.post('/api/auth/login', { email: 'maria@example.org', password: 'not the right one at all' });
    const unknown = await b.post('/api/auth/login', { email: 'nobody@example.org', password: 'not the right one at all' });
    assert.equal(wrong.statusCode, 401);
    assert.deepEqual(wrong.json(), unknown.json());
    assert.equal(wrong.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.match(wrong.json().type, /invalid-credentials$/);
  });

  it('requires TOTP for an account that has it, and refuses a replayed code', async () => {
    const b = new Browser(t, '198.51.100.2');
    const first = await b.post('/api/auth/login', { email: 'totp@example.org', password: GOOD_PASSWORD });
    assert.deepEqual(first.json().status, 'mfa-required');
    assert.ok(first.json().methods.includes('totp'));
    assert.equal((await b.get('/api/session')).statusCode, 401);
    assert.equal((await b.get('/fhir/Patient')).statusCode, 401);
    const bad = await b.post('/api/auth/mfa/totp', { code: '000000' });
    assert.equal(bad.statusCode, 401);
    const code = totpNow(TOTP_SECRET);
    const ok = await b.post('/api/auth/mfa/totp', { code });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().session.user.mfa.totp, true);
    const again = new Browser(t, '198.51.100.3');
    await again.post('/api/auth/login', { email: 'totp@example.org', password: GOOD_PASSWORD });
    assert.equal((await again.post('/api/auth/mfa/totp', { code })).statusCode, 401, 'a TOTP code works once');
  });

  it('refuses state-changing requests without the CSRF token', async () => {
    const b = new Browser(t, '198.51.100.4');
    await b.signIn('maria@example.org');
    const token = b.csrf;
    b.csrf = undefined;
    const res = await b.post('/api/sessions/logout-all');
    assert.equal(res.statusCode, 403);
    assert.match(res.json().type, /csrf$/);
    const wrong = await b.post('/api/sessions/logout-all', {}, { 'x-csrf-token': 'x'.repeat(43) });
    assert.equal(wrong.statusCode, 403);
    const cross = await b.post('/api/auth/logout', {}, { 'x-csrf-token': token!, origin: 'https://evil.example' });
    assert.equal(cross.statusCode, 403);
    b.csrf = token;
    assert.equal((await b.get('/api/session')).statusCode, 200, 'still signed in');
  });

  it('lists sessions, ends one, and signs out everywhere', async () => {
    const one = new Browser(t, '198.51.100.5');
    const two = new Browser(t, '198.51.100.6');
    await one.signIn('maria@example.org');
    await two.signIn('maria@example.org');
    const list = await one.get('/api/sessions');
    assert.equal(list.statusCode, 200);
    const sessions = list.json().sessions as { id: string; current: boolean; ipAddress: string }[];
    assert.ok(sessions.length >= 2);
    assert.equal(sessions.filter((s) => s.current).length, 1);
    const other = sessions.find((s) => s.ipAddress === '198.51.100.6')!;
    assert.equal((await one.delete(`/api/sessions/${other.id}`)).statusCode, 204);
    assert.equal((await two.get('/api/session')).statusCode, 401);
    const three = new Browser(t, '198.51.100.7');
    await three.signIn('maria@example.org');
    assert.equal((await one.post('/api/sessions/logout-all')).statusCode, 204);
    assert.equal((await one.get('/api/session')).statusCode, 401);
    assert.equal((await three.get('/api/session')).statusCode, 401);
  });

  it('ends a session after the idle timeout', async () => {
    const b = new Browser(t, '198.51.100.8');
    await b.signIn('maria@example.org');
    const id = (await b.get('/api/session')).json().sessionId;
    await t.db.query(`UPDATE account_session SET idle_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    const res = await b.get('/api/session');
    assert.equal(res.statusCode, 401);
    const { rows } = await t.db.query('SELECT end_reason FROM account_session WHERE id = $1', [id]);
    assert.equal(rows[0].end_reason, 'idle-timeout');
  });

  it('keepalive moves the idle deadline; reading the session does not', async () => {
    const b = new Browser(t, '198.51.100.9');
    await b.signIn('maria@example.org');
    const id = (await b.get('/api/session')).json().sessionId;
    await t.db.query(`UPDATE account_session SET idle_expires_at = now() + interval '1 minute' WHERE id = $1`, [id]);
    const read = Date.parse((await b.get('/api/session')).json().idleExpiresAt);
    assert.ok(read < Date.now() + 2 * 60_000);
    const kept = Date.parse((await b.post('/api/session/keepalive')).json().idleExpiresAt);
    assert.ok(kept > Date.now() + 14 * 60_000);
  });

  it('sends strict security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/session' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(String(res.headers['strict-transport-security']), /max-age=\d+/);
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.match(String(res.headers['permissions-policy']), /camera=\(\)/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const fhir = await t.app.inject({ method: 'GET', url: '/fhir/metadata' });
    assert.match(String(fhir.headers['content-security-policy']), /frame-ancestors 'none'/);
  });
});
