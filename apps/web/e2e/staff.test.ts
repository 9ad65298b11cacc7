// The staff app in Chromium at 390×844. An administrator signs in with TOTP and registers an app
// (client secret, shown once) whose launch URL is a small page this test serves on loopback. A
// clinician finds the demo patient, picks a visit and opens the app: the app's page receives `iss`
// and `launch`, runs the authorization code flow in the same browser (consent), and the token
// response carries the patient, the visit, need_patient_banner and smart_style_url. The
// administrator then disables the app, which ends its token. Every new screen passes axe.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Patient } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { assertNoOverflow, axeScan, browserSuite, DEMO_ACCOUNTS, DEMO_PASSWORD, demoPatient, PHONE, screenshot, totpCode } from './support.js';

/** Signs a staff member in through the sign-in screen (password, then TOTP) and waits for the staff home. */
async function staffSignIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Check it is you' }).waitFor();
  await page.getByLabel('Code').fill(await totpCode(email));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Find a patient', level: 1 }).waitFor({ timeout: 20_000 }).catch(async (err: unknown) => {
    throw new Error(`no staff home after sign-in; the page says: ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: err });
  });
}

/** The app: a launch page that starts the authorization code flow, and a callback that keeps the code. */
function startTestApp(): Promise<{ server: Server; base: string; launches: URLSearchParams[]; callbacks: URLSearchParams[]; configure(o: { clientId: string }): void; verifier: string; state: string }> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(12).toString('base64url');
  const launches: URLSearchParams[] = [];
  const callbacks: URLSearchParams[] = [];
  let clientId = '';
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (url.pathname === '/launch') {
        launches.push(url.searchParams);
        const iss = url.searchParams.get('iss') ?? '';
        const authorize = new URL(`${iss.replace(/\/fhir$/, '')}/auth/authorize`);
        for (const [k, v] of Object.entries({
          response_type: 'code', client_id: clientId, redirect_uri: `${base}/callback`, scope: 'launch openid fhirUser patient/*.rs', state, aud: iss,
          launch: url.searchParams.get('launch') ?? '', code_challenge: challenge, code_challenge_method: 'S256',
        })) authorize.searchParams.set(k, v);
        res.writeHead(302, { location: authorize.toString() }).end();
      } else if (url.pathname === '/callback') {
        callbacks.push(url.searchParams);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html lang="en"><title>Growth Charts</title><h1>Growth Charts is ready</h1></html>');
      } else res.writeHead(404).end();
    });
    server.listen(0, '127.0.0.1', () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve({ server, base, launches, callbacks, verifier, state, configure: (o) => void (clientId = o.clientId) });
    });
  });
}

/** The patient's chart on the staff patient screen: every part, a lab trend, a note; axe and layout at 390 px and on a wide screen. */
async function chartShown(page: Page): Promise<void> {
  const part = (name: string) => page.getByRole('region', { name, exact: true });
  page.setDefaultTimeout(20_000);
  const results = part('Lab results');
  await results.locator('li.card').first().waitFor({ timeout: 20_000 });
  assert.ok((await results.getByRole('group', { name: /chart/i }).count()) > 0, 'at least one lab test shows its trend as a chart');
  await results.getByText(/\d+ results? on file/).first().waitFor({ timeout: 15_000 });
  await part('Medicines').getByRole('heading', { level: 3 }).nth(1).waitFor({ timeout: 15_000 });
  await part('Health problems').locator('li.card').first().waitFor({ timeout: 15_000 });
  await part('Allergies').locator('li.card, p').first().waitFor({ timeout: 15_000 });
  assert.ok((await part('Vaccines').locator('tbody tr').count()) > 0, 'vaccines listed');
  assert.ok((await part('Vital signs').getByRole('img').count()) > 0, 'vital signs with their trend');
  assert.ok((await part('Recent visits').locator('li.card').count()) > 0, 'recent visits are listed');
  const notes = part('Notes and documents');
  await notes.getByText('Read the note').first().click({ timeout: 15_000 });
  assert.ok((await notes.locator('details[open] .note-text').first().innerText()).trim().length > 20, 'a note can be read');
  await axeScan(page, 'staff patient chart');
  await assertNoOverflow(page, 'staff patient chart');
  // Wide screen: the parts sit side by side.
  await page.setViewportSize({ width: 1440, height: 900 });
  const [a, b] = await Promise.all([part('Medicines').boundingBox(), part('Health problems').boundingBox()]);
  assert.ok(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + 200, `two columns on a wide screen: ${JSON.stringify([a, b])}`);
  await axeScan(page, 'staff patient chart, wide');
  await page.setViewportSize(PHONE);
}

browserSuite('staff app: register an app, find a patient, EHR launch with patient and visit context', async (env, t) => {
  const { base } = env;
  const app = await startTestApp();
  t.after(() => app.server.close());
  const patientId = demoPatient('adult');
  const patient = JSON.parse((await env.systemRepo.read('Patient', patientId)).content as string) as Patient;
  const family = patient.name?.[0]?.family ?? '';
  const mrn = patient.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR'))?.value ?? '';
  assert.ok(family && mrn && patient.birthDate, 'the demo patient has a name, an MRN and a birth date');
  let clientId = '';
  let clientSecret = '';
  let accessToken = '';

  const admin = await env.newPhone();
  await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });

  await t.test('an administrator registers an app in the staff app; the secret is shown once', async () => {
    const { page } = admin;
    await staffSignIn(page, base, DEMO_ACCOUNTS.admin);
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.deepEqual((await nav.getByRole('link').allInnerTexts()).map((s) => s.trim()), ['Patients', 'Apps', 'More']);
    await axeScan(page, 'staff home (administrator)');
    await nav.getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
    await page.getByText('No apps are registered yet.').waitFor();
    await axeScan(page, 'apps (empty)');
    await page.getByRole('link', { name: 'Register an app' }).click();
    await page.getByRole('heading', { name: 'Register an app', level: 1 }).waitFor();
    await axeScan(page, 'register an app');
    await assertNoOverflow(page, 'register an app');

    // Refused without a name and with a plain-http redirect URI: the form says so next to each field.
    await page.getByLabel('Redirect URIs').fill('http://apps.example.org/callback');
    await page.getByRole('button', { name: 'Register app' }).click();
    await page.getByText('Give the app a name.').waitFor();
    await page.getByText('Use a full address that starts with https://').waitFor();
    assert.equal(await page.getByLabel('App name').evaluate((el) => el === document.activeElement), true, 'focus moves to the first field to fix');
    await axeScan(page, 'register an app, with errors');

    await page.getByLabel('App name').fill('Growth Charts');
    await page.getByRole('radio', { name: 'Confidential app with a client secret' }).check();
    await page.getByLabel('Redirect URIs').fill(`${app.base}/callback`);
    await page.getByLabel('Launch URL (optional)').fill(`${app.base}/launch`);
    await page.getByRole('button', { name: 'Register app' }).click();
    const done = page.getByRole('heading', { name: 'Growth Charts is registered' });
    await done.waitFor();
    assert.equal(await done.evaluate((el) => el === document.activeElement), true, 'focus moves to the result');
    await page.getByText('Portico does not keep it and cannot show it again.').waitFor();
    const values = await page.locator('code.code-value').allInnerTexts();
    assert.equal(values.length, 2, 'client ID and client secret');
    [clientId, clientSecret] = values.map((v) => v.trim());
    assert.match(clientId, /^[0-9a-f-]{36}$/);
    assert.ok(clientSecret.length >= 43);
    app.configure({ clientId });
    await axeScan(page, 'app registered, secret shown once');
    await page.getByRole('button', { name: 'Copy client secret' }).click();
    await page.getByRole('status').filter({ hasText: 'Client secret copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), clientSecret);

    await page.getByRole('link', { name: 'Back to apps' }).first().click();
    const card = page.locator('li.card').filter({ has: page.getByRole('heading', { name: 'Growth Charts' }) });
    await card.waitFor();
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Active/);
    assert.ok(text.includes(clientId));
    assert.match(text, /Confidential app with a client secret/);
    assert.ok(text.includes(`${app.base}/callback`) && text.includes(`${app.base}/launch`));
    assert.match(text, /by Demo Administrator/);
    assert.ok(!text.includes(clientSecret), 'the secret is not shown again');
    await axeScan(page, 'apps list');
    await assertNoOverflow(page, 'apps list');
  });

  const clinician = await env.newPhone();
  let encounterId = '';

  await t.test('a clinician finds the demo patient and sees the banner and chart: results with trends, medicines, problems, allergies, vaccines, vital signs, visits and notes', async () => {
    const { page } = clinician;
    await staffSignIn(page, base, DEMO_ACCOUNTS.clinician);
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.deepEqual((await nav.getByRole('link').allInnerTexts()).map((s) => s.trim()), ['Patients', 'More'], 'no Apps screen for clinicians');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Type a name or MRN, or pick a date of birth.').waitFor();
    await page.getByLabel('Name or MRN').fill(family);
    await page.getByLabel('Date of birth').fill(patient.birthDate!);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('status').filter({ hasText: /patients? found/ }).waitFor();
    const result = page.getByRole('link').filter({ hasText: mrn });
    await result.waitFor();
    assert.match(await result.innerText(), new RegExp(`${family}[\\s\\S]*Date of birth: .*Sex: (Female|Male).*MRN: ${mrn}`));
    await axeScan(page, 'patient finder with results');
    await assertNoOverflow(page, 'patient finder');

    // The MRN alone finds the same chart.
    await page.getByLabel('Name or MRN').fill(mrn);
    await page.getByLabel('Date of birth').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('status').filter({ hasText: '1 patient found' }).waitFor();
    await page.getByRole('link').filter({ hasText: mrn }).click();

    await page.getByRole('heading', { level: 1, name: new RegExp(family) }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/staff/patients/${patientId}`);
    await chartShown(page);
    const banner = (await page.locator('.patient-banner').innerText()).replace(/\s+/g, ' ');
    assert.ok(banner.includes(`MRN ${mrn}`), banner);
    assert.match(banner, /Date of birth \w+ \d+, \d{4}/);
    const visit = page.getByLabel('Which visit should the app open?');
    await visit.waitFor();
    assert.equal(await visit.inputValue(), '', 'no visit until one is picked');
    const options = await visit.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    assert.equal(options[0].text, 'None: the chart only');
    assert.ok(options.length > 1, 'the patient has recent visits');
    assert.match(options[1].text, /^\w+ \d+, \d{4} · .+ \((Finished|In progress|Planned|Arrived)\)$/);
    encounterId = options[1].value;
    await visit.selectOption(encounterId);
    await page.getByRole('button', { name: 'Open Growth Charts' }).waitFor();
    await axeScan(page, 'staff patient view');
    await assertNoOverflow(page, 'staff patient view');
    await screenshot(page, 'staff-patient');
  });

  await t.test('opening the app starts an EHR launch: the app gets iss and launch, then patient and visit context', async () => {
    const { context, page } = clinician;
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open Growth Charts' }).click()]);
    await page.getByRole('status').filter({ hasText: 'Growth Charts opened in a new tab.' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Open Growth Charts in a new tab' }).getAttribute('rel'), 'noopener noreferrer');
    assert.equal(await tab.evaluate(() => window.opener), null, 'the app has no handle on the portal');
    await tab.waitForLoadState();
    assert.equal(app.launches.length, 1, 'the app page was opened');
    assert.equal(app.launches[0].get('iss'), `${base}/fhir`);
    assert.ok(app.launches[0].get('launch'), 'the app received a launch handle');

    // The clinician is signed in to the portal, so the authorization server asks only for consent.
    const allow = tab.getByRole('button', { name: 'Allow', exact: true });
    await allow.waitFor({ timeout: 15_000 }).catch(async (err: unknown) => {
      throw new Error(`no consent page; the tab says: ${(await tab.locator('body').innerText()).slice(0, 600)}`, { cause: err });
    });
    await allow.click();
    await tab.getByRole('heading', { name: 'Growth Charts is ready' }).waitFor({ timeout: 15_000 }).catch(async (err: unknown) => {
      throw new Error(`the app did not get its code; the tab is at ${tab.url()} and says: ${(await tab.locator('body').innerText()).slice(0, 600)}`, { cause: err });
    });
    const callback = app.callbacks[0];
    assert.equal(callback.get('state'), app.state);
    const code = callback.get('code');
    assert.ok(code, 'the app receives an authorization code');

    const token = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${app.base}/callback`, code_verifier: app.verifier }),
    });
    const body = (await token.json()) as Record<string, unknown>;
    assert.equal(token.status, 200, JSON.stringify(body));
    assert.equal(body.patient, patientId);
    assert.equal(body.encounter, encounterId);
    assert.equal(body.need_patient_banner, false, 'the portal shows whose chart is open');
    assert.equal(body.smart_style_url, `${base}/auth/smart-style.json`);
    accessToken = String(body.access_token);
    const read = await fetch(`${base}/fhir/Encounter/${encounterId}`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(read.status, 200, 'the app reads the visit it was opened with');
    await tab.close();
  });

  await t.test('the administrator disables the app: its token stops working at once', async () => {
    assert.ok(accessToken, 'the app holds a token');
    const { page } = admin;
    const card = page.locator('li.card').filter({ has: page.getByRole('heading', { name: 'Growth Charts' }) });
    await card.getByRole('button', { name: 'Disable Growth Charts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disable Growth Charts?' });
    await dialog.waitFor();
    await axeScan(page, 'disable app dialog');
    await dialog.getByRole('button', { name: 'Disable app' }).click();
    await page.getByRole('status').filter({ hasText: 'Growth Charts is disabled.' }).waitFor();
    await card.getByText(/Disabled .*by Demo Administrator/).waitFor();
    const read = await fetch(`${base}/fhir/Patient/${patientId}`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(read.status, 401, 'the app token stops working');
  });

  await t.test('portal access: a clinician creates an activation code; the parent enrolls with it', async () => {
    const { page } = clinician;
    // The demo patient already has an account: staff are told so, with the last sign-in, and get no code form.
    await page.goto(`${base}/staff/patients/${patientId}`);
    // The app was disabled above, so nothing can be opened: the recent visits are listed all the same.
    await page.getByText('No apps can be opened yet.', { exact: false }).waitFor();
    assert.ok((await page.getByRole('region', { name: 'Recent visits', exact: true }).locator('li.card').count()) > 0, 'recent visits without any app to open');
    const access = page.getByRole('region', { name: 'Portal access' });
    await access.getByText(/^Has a portal account since \w+ \d+, \d{4}\.$/).waitFor();
    await access.getByText(/^(Last signed in .+|Has not signed in yet)\.$/).waitFor();
    assert.equal(await access.getByRole('button', { name: 'Create activation code' }).count(), 0, 'no code for a patient with an account');

    const childId = demoPatient('child');
    const child = JSON.parse((await env.systemRepo.read('Patient', childId)).content as string) as Patient;
    await page.goto(`${base}/staff/patients/${childId}`);
    await access.getByText('No portal account yet, and no code is waiting.').waitFor();
    await access.getByRole('button', { name: 'Create activation code' }).click();
    await access.getByText('Type an email address, like name@example.org.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'email', 'focus goes to the email field');
    await access.getByLabel('Email for the portal account').fill('first.try@example.org');
    await access.getByRole('button', { name: 'Create activation code' }).click();
    await access.getByText(/^Sent to first\.try@example\.org\./).waitFor();
    // Moving on shows the waiting code; a new one is made only after staff confirm it retires the old.
    await access.getByRole('button', { name: 'Create a new code' }).click();
    await access.getByText(/^A code was sent to first\.try@example\.org\. It works until \w+ \d+, \d{4}\.$/).waitFor();
    await access.getByRole('button', { name: 'Send a new code' }).click();
    const ask = page.getByRole('dialog', { name: 'Send a new code?' });
    await ask.getByText('The code already sent will stop working.', { exact: false }).waitFor();
    await axeScan(page, 'asked before a new activation code');
    await ask.getByRole('button', { name: 'Yes, make a new code' }).click();
    await access.getByLabel('Email for the portal account').fill('guardian.of.child@example.org');
    await access.getByRole('button', { name: 'Create activation code' }).click();
    await access.getByText(/^Sent to guardian\.of\.child@example\.org\. It works until \w+ \d+, \d{4}\.$/).waitFor();
    const code = (await access.locator('code.code-value').innerText()).trim();
    assert.match(code, /^[A-Z0-9-]{12,}$/);
    await axeScan(page, 'activation code created');

    const parent = await env.newPhone();
    await parent.page.goto(`${base}/enroll`);
    await parent.page.getByRole('textbox', { name: 'Activation code' }).fill(code);
    await parent.page.getByLabel('Date of birth').fill(child.birthDate!);
    await parent.page.getByLabel('Choose a password').fill('lantern orchard meadow 42');
    await parent.page.getByRole('button', { name: 'Create account' }).click();
    await parent.page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await parent.context.close();
  });

  await t.test('the staff app reads in Spanish', async () => {
    const { page } = clinician;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Pacientes' }).click();
    await page.getByRole('heading', { name: 'Buscar un paciente', level: 1 }).waitFor();
    await page.getByLabel('Nombre o MRN').fill(mrn);
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('status').filter({ hasText: 'Se encontró 1 paciente' }).waitFor();
    await axeScan(page, 'patient finder in Spanish');
  });

  await admin.context.close();
  await clinician.context.close();
});
