// Connected apps in Chromium at 390×844: an app registers (RFC 7591), the patient grants it access
// through the server's own SMART sign-in and consent pages (plain HTML forms, driven in the
// browser), the app reads the record with its token, then the patient sees the app in Portico —
// what it may see in plain words and when it last used it — and removes it, which ends its token.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { axeScan, browserSuite, DEMO_ACCOUNTS, DEMO_PASSWORD, demoPatient, screenshot, signIn, totpCode } from './support.js';

const b64url = (b: Buffer) => b.toString('base64url');

browserSuite('connected apps: grant through SMART, see and revoke in Portico', async (env, t) => {
  const { base } = env;
  const redirectUri = `${base}/callback`;
  const registered = await fetch(`${base}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Health Diary', redirect_uris: [redirectUri], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'] }),
  });
  assert.equal(registered.status, 201, await registered.clone().text());
  const clientId = ((await registered.json()) as { client_id: string }).client_id;
  const { context, page } = await env.newPhone();
  let accessToken = '';

  await t.test('the patient allows the app on the SMART consent page', async () => {
    const verifier = b64url(randomBytes(32));
    const challenge = b64url(createHash('sha256').update(verifier).digest());
    const state = b64url(randomBytes(12));
    const authorize = new URL(`${base}/auth/authorize`);
    for (const [k, v] of Object.entries({
      response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state, aud: `${base}/fhir`,
      scope: 'launch/patient openid fhirUser offline_access patient/Observation.rs patient/Condition.rs patient/MedicationRequest.rs',
      code_challenge: challenge, code_challenge_method: 'S256',
    })) authorize.searchParams.set(k, v);
    await page.goto(authorize.toString());
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.patientWithMfa);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByLabel(/Code from your authenticator app/).fill(await totpCode(DEMO_ACCOUNTS.patientWithMfa));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Allow', exact: true }).waitFor({ timeout: 15_000 }).catch(async (err: unknown) => {
      throw new Error(`no consent page; the page says: ${(await page.locator('body').innerText()).slice(0, 600)}`, { cause: err });
    });
    await axeScan(page, 'SMART consent page');
    await page.getByRole('button', { name: 'Allow', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/callback');
    const back = new URL(page.url());
    assert.equal(back.searchParams.get('state'), state);
    const code = back.searchParams.get('code');
    assert.ok(code, 'the app receives an authorization code');
    const token = await fetch(`${base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }),
    });
    assert.equal(token.status, 200);
    const body = (await token.json()) as { access_token: string; patient: string };
    assert.equal(body.patient, demoPatient('mfaAdult'));
    accessToken = body.access_token;
    const read = await fetch(`${base}/fhir/Observation?patient=${body.patient}&_count=5`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(read.status, 200, 'the app reads the record with its token');
  });

  await t.test('Portico lists the app in plain words and removes it', async () => {
    // The patient's phone, signed in to Portico (the consent pages ran in the app's browser).
    const { context, page } = await env.newPhone();
    await signIn(page, base, DEMO_ACCOUNTS.patientWithMfa, { totp: true });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
    await page.getByRole('link', { name: 'Connected apps' }).click();
    await page.getByRole('heading', { name: 'Connected apps', level: 1 }).waitFor();
    const card = page.locator('li.card').filter({ has: page.getByRole('heading', { name: 'Health Diary' }) });
    await card.waitFor();
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /test results and vital signs/);
    assert.match(text, /health problems/);
    assert.match(text, /medicines/);
    assert.match(text, /Last used /, 'the app used its access');
    assert.match(text, /keep access when you are not using it/, 'offline access is explained');
    assert.doesNotMatch(text, /patient\/|\.rs/, 'no raw scopes are shown');
    await axeScan(page, 'connected apps');
    await screenshot(page, 'connected-apps');
    await card.getByRole('button', { name: 'Remove Health Diary' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Health Diary?' });
    await dialog.waitFor();
    await axeScan(page, 'remove app dialog');
    await dialog.getByRole('button', { name: 'Remove access' }).click();
    await page.getByText('No apps are connected to your record.').waitFor();
    await page.getByRole('status').filter({ hasText: 'Health Diary can no longer see your record.' }).waitFor();
    const read = await fetch(`${base}/fhir/Observation?patient=${demoPatient('mfaAdult')}`, { headers: { authorization: `Bearer ${accessToken}` } });
    assert.equal(read.status, 401, 'the app token stops working at once');
    await context.close();
  });
  await context.close();
});
