// Identity screens in Chromium at 390×844 against the real server and the seeded demo clinic:
// sign-in with and without two-step verification, Spanish errors and "check your email",
// enrollment by activation code (created by the demo clinician through the staff API) and by
// self-enrollment (link read from the development outbox), MFA set-up, sessions, sign out
// everywhere and the access log. Every screen gets an axe-core scan.
import assert from 'node:assert/strict';
import type { Patient } from '@medplum/fhirtypes';
import { apiSignIn, axeScan, browserSuite, DEMO_ACCOUNTS, DEMO_RECOVERY_CODES, demoPatient, screenshot, signIn, totpCode, waitForMail } from './support.js';

const NEW_PASSWORD = 'violet harbor kettle 7319';

browserSuite('identity: sign-in, enrollment, MFA, sessions', async (env, t) => {
  const { base } = env;

  await t.test('sign in without MFA, with a wrong password first', async () => {
    const { context, page } = await env.newPhone();
    // A visitor who never signed in sees sign-in at once: no session check, no error in the console.
    const asked: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => void asked.push(new URL(r.url()).pathname));
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    assert.ok(!asked.includes('/api/session'), `asked: ${asked.join(', ')}`);
    assert.deepEqual(consoleErrors, []);
    await axeScan(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.patient);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();
    await axeScan(page, 'sign-in with error');
    await signIn(page, base, DEMO_ACCOUNTS.patient);
    await page.getByRole('heading', { name: 'Hello, Paul' }).waitFor();
    // Without two-step sign-in, Home suggests it (README: "the portal suggests turning it on").
    await page.getByRole('heading', { name: 'Keep your record safe' }).waitFor();
    await axeScan(page, 'home');
    await page.getByRole('link', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('heading', { name: 'Set up two-step sign-in', level: 2 }).waitFor();
    await context.close();
  });

  await t.test('Spanish: server errors and "check your email" in Spanish', async () => {
    const { context, page } = await env.newPhone({ locale: 'es-MX' });
    await page.goto(`${base}/sign-in`);
    await page.getByRole('heading', { name: 'Inicie sesión en Portico' }).waitFor();
    await page.getByLabel('Correo electrónico').fill(DEMO_ACCOUNTS.patient);
    await page.getByLabel('Contraseña', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'El correo o la contraseña no son correctos.' }).waitFor();
    assert.doesNotMatch((await alert.textContent()) ?? '', /not correct/);
    await page.getByRole('link', { name: '¿Olvidó su contraseña?' }).click();
    await page.getByLabel('Correo electrónico').fill(DEMO_ACCOUNTS.patient);
    await page.getByRole('button', { name: /enlace/ }).click();
    const status = page.getByRole('status').filter({ hasText: 'Revise su correo' });
    await status.waitFor();
    assert.doesNotMatch((await status.textContent()) ?? '', /If an account|Envíeme/);
    await axeScan(page, 'password forgot (es)');
    // The reset email goes out in the language of the account (English: never changed).
    const mail = await waitForMail(env.dataDir, DEMO_ACCOUNTS.patient, /password/i);
    assert.match(mail.text, /\/password\/reset#token=/);
    await context.close();
  });

  await t.test('sign in with TOTP', async () => {
    const { context, page } = await env.newPhone();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.patientWithMfa);
    await page.getByLabel('Password', { exact: true }).fill('demo-lantern-orchard-42');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Check it is you' }).waitFor();
    await axeScan(page, 'sign-in second step');
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('alert').filter({ hasText: 'The code is not correct' }).waitFor();
    await page.getByLabel('Code').fill(await totpCode(DEMO_ACCOUNTS.patientWithMfa));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: /^Hello, / }).waitFor();
    await page.getByRole('heading', { name: 'Upcoming visits' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Keep your record safe' }).count(), 0, 'no two-step suggestion for a patient who has it');
    await context.close();
  });

  await t.test('sign in with a recovery code instead of the authenticator', async () => {
    const { context, page } = await env.newPhone();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.patientWithMfa);
    await page.getByLabel('Password', { exact: true }).fill('demo-lantern-orchard-42');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(DEMO_RECOVERY_CODES[0]);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: /^Hello, / }).waitFor();
    await context.close();
  });

  await t.test('enrollment with an activation code from the clinic, then the growth chart', async () => {
    const childId = demoPatient('child');
    const child = JSON.parse((await env.systemRepo.read('Patient', childId)).content as string) as Patient;
    const clinician = await apiSignIn(base, DEMO_ACCOUNTS.clinician);
    const created = await clinician('POST', `/api/staff/patients/${childId}/activation-codes`, { email: 'parent.of.child@example.org' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { context, page } = await env.newPhone();
    await page.goto(`${base}/sign-in`);
    await page.getByRole('link', { name: 'Create your account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await axeScan(page, 'enroll');
    await page.getByRole('textbox', { name: 'Activation code' }).fill(created.body.code.toLowerCase());
    await page.getByLabel('Date of birth').fill(child.birthDate!);
    await page.getByLabel('Choose a password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    await axeScan(page, 'account after enrollment');
    // The demo child's chart has growth measurements: Health summary draws them on the reference curves, once.
    await page.goto(`${base}/summary`);
    await page.getByRole('heading', { name: 'Growth charts' }).waitFor();
    await page.getByRole('img', { name: /^Chart of BMI for age, \d+ measurements?\. Latest .*(percentile|Below the 1st|Above the 99th)/ }).waitFor();
    assert.equal(await page.getByRole('heading', { name: /BMI for age/ }).count(), 1, 'one BMI chart, not a second copy from recorded percentiles');
    await axeScan(page, 'health summary with growth');
    await page.getByRole('img', { name: /^Chart of BMI for age,/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'growth-chart');
    await context.close();
  });

  await t.test('self-enrollment with the emailed link', async () => {
    const id = demoPatient('elderly');
    const patient = JSON.parse((await env.systemRepo.read('Patient', id)).content as string) as Patient;
    const mrn = patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value ?? patient.identifier?.[0]?.value;
    assert.ok(mrn, 'the demo patient has a medical record number');
    const email = 'elderly.demo@example.org';
    const { context, page } = await env.newPhone();
    await page.goto(`${base}/enroll`);
    await page.getByLabel('I do not have a code').check();
    await page.getByLabel('First name').fill(patient.name![0].given![0]);
    await page.getByLabel('Last name').fill(patient.name![0].family!);
    await page.getByLabel('Date of birth').fill(patient.birthDate!);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/Medical record number/).fill(mrn);
    await axeScan(page, 'self-enrollment form');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').filter({ hasText: 'If the details match our records' }).waitFor();
    const mail = await waitForMail(env.dataDir, email, /Confirm your email/);
    const link = /(http\S+\/enroll\/verify#token=\S+)/.exec(mail.text)?.[1];
    assert.ok(link, 'the email has a verification link');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a password' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is removed from the address bar');
    await axeScan(page, 'enroll verify');
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    await context.close();
  });

  await t.test('MFA set-up, sessions, sign out everywhere, access log', async () => {
    // Two devices signed in as the patient without MFA.
    const other = await env.newPhone();
    await signIn(other.page, base, DEMO_ACCOUNTS.patient);
    const { context, page } = await env.newPhone();
    await signIn(page, base, DEMO_ACCOUNTS.patient);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();

    // Set up an authenticator: "scan" by reading the manual key, confirm with a generated code.
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]+=*$/);
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await axeScan(page, 'MFA set-up');
    await page.locator('section[aria-labelledby="mfa"]').getByLabel('Code').fill(await totpCode(DEMO_ACCOUNTS.patient, secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = await page.locator('section[aria-labelledby="mfa"] li code').allTextContents();
    assert.equal(codes.length, 10);
    await page.getByText('Two-step sign-in is on.').waitFor();
    await axeScan(page, 'recovery codes');
    // "Not now" puts the suggestion away on the other device.
    await other.page.getByRole('button', { name: 'Not now' }).click();
    assert.equal(await other.page.getByRole('heading', { name: 'Keep your record safe' }).count(), 0, '"Not now" hides the suggestion');

    // Both devices are listed; the access log has entries.
    const sessions = page.locator('section[aria-labelledby="sessions"] li');
    await page.getByRole('heading', { name: 'This device' }).waitFor();
    assert.ok((await sessions.count()) >= 2, 'both signed-in devices are listed');
    const log = page.locator('section[aria-labelledby="access"] li');
    await log.first().waitFor();
    assert.ok((await log.count()) > 0);
    assert.ok((await log.filter({ hasText: 'Signed in' }).count()) > 0, 'sign-ins appear in the access log');
    await axeScan(page, 'account');

    // With two-step sign-in on, Home no longer suggests it, without signing in again.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Upcoming visits' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Keep your record safe' }).count(), 0, 'the suggestion is gone once two-step sign-in is on');
    await nav.getByRole('link', { name: 'More' }).click();
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    await other.page.reload();
    await other.page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
    await other.context.close();
    await context.close();
  });
});
