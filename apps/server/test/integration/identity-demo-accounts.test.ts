import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_RECOVERY_CODES, DEMO_TOTP_SECRET, ensureDemoAccounts } from '../../src/identity/demo-accounts.js';
import { DEFAULT_DEMO_SEED, DEMO_PATIENT_ROLES } from '../../src/demo/generate-clinic.js';
import { patientId } from '../../src/demo/rng.js';
import { testConfig, type TestApp } from '../support/harness.js';
import { Browser, startIdentityApp } from '../support/identity.js';

describe('demo accounts', () => {
  let t: TestApp & { dataDir: string };
  before(async () => {
    t = await startIdentityApp();
  });
  after(async () => t.close());

  it('are not created next to charts that are not the demo clinic, nor for a public URL', async () => {
    assert.deepEqual(await ensureDemoAccounts(t.db, t.config), []);
    await t.db.query(`INSERT INTO demo_seed (id, patients, resources) VALUES (1, 2, 2)`);
    assert.deepEqual(await ensureDemoAccounts(t.db, testConfig({ PUBLIC_URL: 'https://portal.example.org', DATA_DIR: t.dataDir })), []);
  });

  it('exist after seeding: a patient with TOTP, a patient without, a clinician and an administrator', async () => {
    for (const index of [DEMO_PATIENT_ROLES.mfaAdult, DEMO_PATIENT_ROLES.adult]) {
      await t.systemRepo.update({ resourceType: 'Patient', id: patientId(DEFAULT_DEMO_SEED, index), name: [{ family: `Demo${index}`, given: ['Pat'] }] });
    }
    const created = await ensureDemoAccounts(t.db, t.config);
    assert.deepEqual(created.sort(), Object.values(DEMO_ACCOUNTS).sort());
    assert.deepEqual(await ensureDemoAccounts(t.db, t.config), [], 'only once');

    const plain = await new Browser(t, '10.0.0.1').signIn(DEMO_ACCOUNTS.patient, DEMO_PASSWORD);
    assert.equal(plain.json().status, 'signed-in');
    assert.equal(plain.json().session.user.patientId, patientId(DEFAULT_DEMO_SEED, DEMO_PATIENT_ROLES.adult));
    for (const email of [DEMO_ACCOUNTS.patientWithMfa, DEMO_ACCOUNTS.clinician, DEMO_ACCOUNTS.admin]) {
      const b = new Browser(t, '10.0.0.2');
      assert.equal((await b.post('/api/auth/login', { email, password: DEMO_PASSWORD })).json().status, 'mfa-required', email);
      const res = await b.signIn(email, DEMO_PASSWORD, DEMO_TOTP_SECRET);
      assert.equal(res.statusCode, 200, `${email}: ${res.body}`);
      assert.equal(res.json().session.mfaSetupRequired, false);
    }
  });

  it('give the patient with two-step sign-in recovery codes that work once at the second step', async () => {
    const b = new Browser(t, '10.0.0.3');
    const first = (await b.post('/api/auth/login', { email: DEMO_ACCOUNTS.patientWithMfa, password: DEMO_PASSWORD })).json();
    assert.equal(first.status, 'mfa-required');
    assert.ok(first.methods.includes('recovery-code'), 'the code screen can offer a recovery code');
    const res = await b.post('/api/auth/mfa/recovery', { code: DEMO_RECOVERY_CODES[0].toUpperCase() });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'signed-in');
    assert.equal(res.json().recoveryCodesRemaining, DEMO_RECOVERY_CODES.length - 1);

    const again = new Browser(t, '10.0.0.4');
    await again.post('/api/auth/login', { email: DEMO_ACCOUNTS.patientWithMfa, password: DEMO_PASSWORD });
    assert.equal((await again.post('/api/auth/mfa/recovery', { code: DEMO_RECOVERY_CODES[0] })).statusCode, 401, 'a used code is refused');
  });
});
