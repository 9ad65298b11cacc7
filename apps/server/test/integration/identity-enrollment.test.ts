import { after, before, describe, it } from 'node:test';
import type { Resource } from '@medplum/fhirtypes';
import assert from 'node:assert/strict';
import { Browser, GOOD_PASSWORD, makeAccount, outbox, startIdentityApp, TOTP_SECRET, totpNow } from '../support/identity.js';
import { createResource, type TestApp } from '../support/harness.js';
import { checkPassword } from '../../src/identity/passwords.js';

describe('enrollment, passwords, recovery codes, lockout', () => {
  let t: TestApp & { dataDir: string };
  let rosa: string;
  let staffBrowser: Browser;
  before(async () => {
    t = await startIdentityApp();
    rosa = (await createResource<Resource>(t.systemRepo, {
      resourceType: 'Patient',
      name: [{ use: 'official', family: 'Núñez', given: ['Rosa', 'María'] }],
      birthDate: '1975-06-15',
      identifier: [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, system: 'urn:clinic:mrn', value: 'MRN-4411' }],
      telecom: [{ system: 'phone', value: '(555) 010-7788' }],
    })).id!;
    await makeAccount(t, { email: 'frontdesk@example.org', kind: 'staff', roles: ['front-desk'], totpSecret: TOTP_SECRET, displayName: 'Fran Desk' });
    staffBrowser = new Browser(t, '192.0.2.200');
    assert.equal((await staffBrowser.signIn('frontdesk@example.org', GOOD_PASSWORD, TOTP_SECRET)).statusCode, 200);
  });
  after(async () => t.close());

  it('refuses short, common, repetitive and personal passwords, and accepts passphrases', () => {
    assert.ok(checkPassword('Zq8#vLp').includes('too-short'));
    assert.ok(checkPassword('password1234').includes('common'));
    assert.ok(checkPassword('P@ssw0rd2024!').includes('common'));
    assert.ok(checkPassword('aaaaaaaaaaaaaa').includes('repetitive'));
    assert.ok(checkPassword('abcdefghijklmn').includes('sequential'));
    assert.ok(checkPassword('rosanunez1975', { email: 'rosa.nunez@example.org', names: ['Rosa', 'Núñez'] }).includes('contains-personal-info'));
    assert.ok(checkPassword('porticoportico!').includes('contains-personal-info'));
    assert.deepEqual(checkPassword('violet harbor lantern'), []);
    assert.deepEqual(checkPassword('ÜberGrüneTomaten77'), [], 'any Unicode, no composition rules');
  });

  it('path 1: staff create an activation code; the patient enrolls with it and their birth date', async () => {
    const access = async () => (await staffBrowser.get(`/api/staff/patients/${rosa}/portal-access`)).json() as Record<string, unknown>;
    assert.deepEqual(await access(), { status: 'none' }, 'staff see the chart has no account and no code yet');
    const created = await staffBrowser.post(`/api/staff/patients/${rosa}/activation-codes`, { email: 'rosa@example.org' });
    assert.equal(created.statusCode, 201, created.body);
    const { code } = created.json() as { code: string };
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const invited = await access();
    assert.deepEqual([invited.status, invited.email, invited.expiresAt], ['invited', 'rosa@example.org', created.json().expiresAt], 'a waiting code, where it went and until when');
    const mail = (await outbox(t.dataDir, 1)).find((m) => m.to === 'rosa@example.org')!;
    assert.match(mail.text, new RegExp(code));
    assert.doesNotMatch(mail.text, /Núñez|1975/, 'no health or identity data in the email');

    const patient = new Browser(t, '192.0.2.201');
    const wrongBirth = await patient.post('/api/enroll/activation', { code, birthDate: '1975-06-16', password: GOOD_PASSWORD });
    const wrongCode = await patient.post('/api/enroll/activation', { code: 'AAAA-BBBB-CCCC', birthDate: '1975-06-15', password: GOOD_PASSWORD });
    assert.equal(wrongBirth.statusCode, 400);
    assert.deepEqual(wrongBirth.json(), wrongCode.json());
    const weak = await patient.post('/api/enroll/activation', { code: code.toLowerCase(), birthDate: '1975-06-15', password: 'password1234' });
    assert.equal(weak.statusCode, 422);
    assert.ok(weak.json().reasons.includes('common'));
    const ok = await patient.post('/api/enroll/activation', { code: code.replace(/-/g, ' '), birthDate: '1975-06-15', password: GOOD_PASSWORD });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().session.user.patientId, rosa);
    assert.equal((await patient.get(`/fhir/Patient/${rosa}`)).statusCode, 200);
    const account = await access();
    assert.equal(account.status, 'account');
    assert.equal(account.disabled, false);
    assert.ok(typeof account.lastSignInAt === 'string' && Date.now() - Date.parse(account.lastSignInAt) < 60_000, 'enrolling signed the patient in');
    assert.equal(account.email, undefined, 'the account email is not shown');
    const reuse = await new Browser(t, '192.0.2.202').post('/api/enroll/activation', { code, birthDate: '1975-06-15', password: GOOD_PASSWORD });
    assert.equal(reuse.statusCode, 400, 'single use');
  });

  it('path 2: self-enrollment answers the same for a match and a non-match, and the emailed link enrolls once', async () => {
    const chart = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Okafor', given: ['Chidi'] }], birthDate: '1988-02-29', telecom: [{ system: 'phone', value: '+1 555 0100 4321' }] })).id!;
    const b = new Browser(t, '192.0.2.210');
    const before = (await outbox(t.dataDir)).length;
    const t0 = Date.now();
    const match = await b.post('/api/enroll/self', { givenName: 'chidi', familyName: 'OKAFOR', birthDate: '1988-02-29', phoneLast4: '4321', email: 'chidi@example.org' });
    const t1 = Date.now();
    const noMatch = await b.post('/api/enroll/self', { givenName: 'Chidi', familyName: 'Okafor', birthDate: '1988-02-29', phoneLast4: '9999', email: 'other@example.org' });
    const t2 = Date.now();
    assert.equal(match.statusCode, 202);
    assert.equal(noMatch.statusCode, 202);
    assert.equal(match.body, noMatch.body);
    assert.ok(Math.abs(t1 - t0 - (t2 - t1)) < 300, `similar timing: ${t1 - t0} vs ${t2 - t1} ms`);
    const mails = await outbox(t.dataDir, before + 1);
    const link = mails.find((m) => m.to === 'chidi@example.org')!;
    assert.ok(!mails.some((m) => m.to === 'other@example.org'));
    const token = /#token=([A-Za-z0-9_-]+)/.exec(link.text)![1];
    const verified = await b.post('/api/enroll/verify', { token, password: GOOD_PASSWORD });
    assert.equal(verified.statusCode, 201, verified.body);
    assert.equal(verified.json().session.user.patientId, chart);
    assert.equal((await new Browser(t, '192.0.2.211').post('/api/enroll/verify', { token, password: GOOD_PASSWORD })).statusCode, 400, 'link works once');
  });

  it('turns on TOTP with a QR code; recovery codes work once; disabling needs a code', async () => {
    await makeAccount(t, { email: 'mfa-setup@example.org' });
    const b = new Browser(t, '192.0.2.220');
    await b.signIn('mfa-setup@example.org');
    const setup = await b.post('/api/mfa/totp/setup');
    assert.equal(setup.statusCode, 200);
    const { secret, otpauthUri, qrSvgDataUrl } = setup.json();
    assert.match(otpauthUri, /^otpauth:\/\/totp\/Portico:/);
    assert.match(qrSvgDataUrl, /^data:image\/svg\+xml;base64,/);
    assert.equal((await b.post('/api/mfa/totp/confirm', { code: '123456' })).statusCode, 400);
    const confirmed = await b.post('/api/mfa/totp/confirm', { code: totpNow(secret) });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const codes = confirmed.json().recoveryCodes as string[];
    assert.equal(codes.length, 10);
    const { rows } = await t.db.query<{ secret_enc: string }>('SELECT secret_enc FROM totp_credential');
    assert.ok(rows.every((r) => r.secret_enc.startsWith('v1:') && !r.secret_enc.includes(secret)), 'TOTP secrets are encrypted at rest');

    const other = new Browser(t, '192.0.2.221');
    assert.equal((await other.post('/api/auth/login', { email: 'mfa-setup@example.org', password: GOOD_PASSWORD })).json().status, 'mfa-required');
    const rec = await other.post('/api/auth/mfa/recovery', { code: codes[0] });
    assert.equal(rec.statusCode, 200, rec.body);
    assert.equal(rec.json().recoveryCodesRemaining, 9);
    const third = new Browser(t, '192.0.2.222');
    await third.post('/api/auth/login', { email: 'mfa-setup@example.org', password: GOOD_PASSWORD });
    assert.equal((await third.post('/api/auth/mfa/recovery', { code: codes[0] })).statusCode, 401, 'recovery code is single use');
    assert.equal((await b.post('/api/mfa/totp/disable', { code: '000000' })).statusCode, 400);
    assert.equal((await b.post('/api/mfa/totp/disable', { code: codes[1] })).statusCode, 204);
    assert.equal((await b.get('/api/mfa')).json().totp, false);
  });

  it('staff without MFA must set it up before anything else', async () => {
    await makeAccount(t, { email: 'newstaff@example.org', kind: 'staff', roles: ['clinician'] });
    const b = new Browser(t, '192.0.2.230');
    const res = await b.signIn('newstaff@example.org');
    assert.equal(res.json().session.mfaSetupRequired, true);
    assert.equal((await b.get('/fhir/Patient')).statusCode, 403);
    assert.equal((await b.post(`/api/staff/patients/${rosa}/activation-codes`, { email: 'x@example.org' })).statusCode, 403);
    assert.equal((await b.post('/api/mfa/totp/setup')).statusCode, 200);
  });

  it('locks an email after repeated failures with a generic answer, for registered and unknown emails alike; staff unlock', async () => {
    const victim = await makeAccount(t, { email: 'locked@example.org' });
    const b = new Browser(t, '192.0.2.240');
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await b.post('/api/auth/login', { email: 'locked@example.org', password: `wrong password ${i}` })).statusCode);
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) unknown.push((await b.post('/api/auth/login', { email: 'ghost@example.org', password: `wrong password ${i}` })).statusCode);
    assert.deepEqual(answers, [401, 401, 401, 401, 401, 429]);
    assert.deepEqual(unknown, answers, 'unknown emails are throttled the same way');
    const blocked = await b.post('/api/auth/login', { email: 'locked@example.org', password: GOOD_PASSWORD });
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    const lookup = await staffBrowser.get('/api/staff/accounts?email=locked@example.org');
    assert.equal(lookup.json().accounts[0].locked, true);
    assert.equal((await staffBrowser.post(`/api/staff/accounts/${victim.id}/unlock`)).statusCode, 204);
    assert.equal((await b.post('/api/auth/login', { email: 'locked@example.org', password: GOOD_PASSWORD })).statusCode, 200);
  });

  it('password reset by emailed link ends every session; forgot answers the same for unknown emails', async () => {
    await makeAccount(t, { email: 'reset@example.org' });
    const s1 = new Browser(t, '192.0.2.250');
    await s1.signIn('reset@example.org');
    const anon = new Browser(t, '192.0.2.251');
    const before = (await outbox(t.dataDir)).length;
    const known = await anon.post('/api/password/forgot', { email: 'reset@example.org' });
    const unknown = await anon.post('/api/password/forgot', { email: 'nobody-here@example.org' });
    assert.equal(known.statusCode, 202);
    assert.equal(known.body, unknown.body);
    const mails = await outbox(t.dataDir, before + 1);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mails.find((m) => m.to === 'reset@example.org' && /Reset/.test(m.subject))!.text)![1];
    const newPassword = 'amber-glacier-tugboat-31';
    assert.equal((await anon.post('/api/password/reset', { token, password: newPassword })).statusCode, 200);
    assert.equal((await s1.get('/api/session')).statusCode, 401, 'the other session ended');
    assert.equal((await anon.post('/api/password/reset', { token, password: newPassword })).statusCode, 400, 'link works once');
    assert.equal((await new Browser(t, '192.0.2.252').signIn('reset@example.org', newPassword)).statusCode, 200);
  });
});
