// The patient web app in Debian's Chromium at a phone viewport (390×844), against a real server
// on 127.0.0.1 with a fresh database. Covers sign-in, a lab result and its chart, Spanish, a visit
// note and a glossary word, offline reading of a viewed result, and an axe-core scan per screen.
//
// Until the identity routes are registered in buildApp, the test answers /api/session and
// /api/auth/login itself and reaches /fhir with a system token header; with identity in place
// these stand-ins go and the test signs in with a demo account.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../server/test/support/harness.js';
import { createChart } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const root = join(import.meta.dirname, '..', '..', '..');
const shots = join(root, 'docs', 'screenshots');

function chromiumOrSkip(t: TestContext): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) assert.fail(`CHROMIUM MISSING: ${CHROMIUM} is required in CI (apt-get install chromium)`);
  console.error(`\n*** CHROMIUM MISSING: ${CHROMIUM} not found; the browser tests are skipped. Install it with apt-get install chromium. ***\n`);
  t.skip(`CHROMIUM MISSING: ${CHROMIUM}`);
  return false;
}

let axeSource: string | undefined;

async function axeScan(page: Page, screen: string): Promise<void> {
  // Evaluated through the DevTools protocol, not as a <script>: the app's CSP (script-src 'self')
  // stays in force, so the scan also proves the app runs without inline script.
  axeSource ??= readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe violations on ${screen}`);
}

test('patient web app at 390×844', { timeout: 180_000 }, async (t) => {
  if (!chromiumOrSkip(t)) return;
  const server: TestApp = await startTestApp();
  let browser: Browser | undefined;
  try {
    const chart = await createChart(server.systemRepo);
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'en-US', extraHTTPHeaders: { authorization: `Bearer ${server.systemToken}` } });
    const page = await context.newPage();
    const session = { user: { id: 'u1', kind: 'patient', displayName: 'Maria Lopez', email: 'maria@example.org', patientId: chart.patientId, locale: 'en' }, csrfToken: 'test', idleExpiresAt: new Date(Date.now() + 3_600_000).toISOString(), idleTimeoutSeconds: 3600 };
    let signedIn = false;
    await page.route('**/api/session', (route) => (signedIn ? route.fulfill({ json: session }) : route.fulfill({ status: 401, json: { type: 'https://portico.health/problems/unauthenticated', title: 'Sign in', status: 401 } })));
    await page.route('**/api/auth/login', async (route) => {
      const body = route.request().postDataJSON() as { email: string; password: string };
      if (body.email !== 'maria@example.org' || body.password !== 'correct horse battery') return route.fulfill({ status: 401, json: { type: 'x/invalid-credentials', title: 'Sign-in failed', status: 401, detail: 'The email or password is not correct.' } });
      signedIn = true;
      return route.fulfill({ json: { status: 'signed-in', session } });
    });
    await page.route('**/api/auth/logout', (route) => ((signedIn = false), route.fulfill({ status: 204 })));
    mkdirSync(shots, { recursive: true });
    const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

    await t.test('sign in', async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
      await axeScan(page, 'sign-in');
      await shot('sign-in');
      await page.getByLabel('Email').fill('maria@example.org');
      await page.getByLabel('Password').fill('wrong password here');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'not correct' }).waitFor();
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Hello, Maria' }).waitFor();
      await page.getByText('new test results').waitFor();
      await axeScan(page, 'home');
      await shot('home');
    });

    await t.test('open a lab result and its chart', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Test results' }).click();
      await page.getByRole('heading', { name: 'Test results', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Basic metabolic panel' }).first().waitFor();
      assert.ok((await page.getByText('New', { exact: true }).count()) >= 1, 'unopened results are marked new');
      await axeScan(page, 'results');
      await shot('results');
      await page.locator(`a[href="/results/${chart.latestGlucoseId}"]`).click();
      await page.getByRole('heading', { name: 'Glucose (blood sugar)', level: 1 }).waitFor();
      await page.getByText('131 mg/dL').first().waitFor();
      await page.getByText('70 to 99 mg/dL').first().waitFor();
      await page.getByText('High', { exact: true }).first().waitFor();
      const chartImg = page.getByRole('img', { name: /Chart of your Glucose \(blood sugar\) results over time, 3 results/ });
      await chartImg.waitFor();
      await page.locator('summary', { hasText: 'Past results as a table' }).click();
      assert.equal(await page.locator('table tbody tr').count(), 3);
      await page.getByRole('heading', { name: 'What it measures' }).waitFor();
      await axeScan(page, 'result detail');
      await shot('result-detail');
      await page.goBack();
      await page.locator(`a[href="/results/${chart.latestGlucoseId}"]`).waitFor();
      assert.equal(await page.locator(`a[href="/results/${chart.latestGlucoseId}"] .badge.new`).count(), 0, 'an opened result loses its new mark');
    });

    await t.test('other screens pass axe', async () => {
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Medicines' }).click();
      await page.getByText('Take 1 tablet by mouth once a day').waitFor();
      await axeScan(page, 'medicines');
      await shot('medicines');
      await nav.getByRole('link', { name: 'More' }).click();
      await page.getByRole('link', { name: 'Health summary' }).click();
      await page.getByRole('heading', { name: 'Blood pressure', exact: true }).waitFor();
      await page.getByText('126/80 mmHg').first().waitFor();
      await page.getByText('Reaction: Hives').waitFor();
      await axeScan(page, 'health summary');
      await shot('health-summary');
      for (const [link, heading] of [['Documents', 'Documents'], ['Download my record', 'Download my record']] as const) {
        await nav.getByRole('link', { name: 'More' }).click();
        await page.getByRole('link', { name: link }).click();
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await axeScan(page, link);
      }
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download my record' }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^health-record-\d{4}-\d{2}-\d{2}\.json$/);
    });

    await t.test('open a visit note and a glossary word', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visits' }).click();
      await page.getByRole('link', { name: /Check-up/ }).click();
      await page.getByRole('heading', { name: 'Visit notes' }).waitFor();
      await axeScan(page, 'visit');
      await shot('visit-note');
      const term = page.getByRole('button', { name: 'hypertension' });
      await term.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'What "hypertension" means' });
      await dialog.waitFor();
      assert.match((await dialog.textContent()) ?? '', /blood pressure/i);
      await axeScan(page, 'glossary dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    });

    await t.test('switch to Spanish', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { name: 'Más', level: 1 }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Resultados' }).click();
      await page.getByRole('heading', { name: 'Resultados de pruebas', level: 1 }).waitFor();
      await page.locator(`a[href="/results/${chart.latestGlucoseId}"]`).click();
      await page.getByRole('heading', { name: 'Glucosa (azúcar en la sangre)', level: 1 }).waitFor();
      await page.getByText('70 a 99 mg/dL').first().waitFor();
      await page.getByText('Alto', { exact: true }).first().waitFor();
      await axeScan(page, 'result detail (es)');
      await shot('result-detail-es');
      await page.reload();
      await page.getByRole('heading', { name: 'Glucosa (azúcar en la sangre)', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Más' }).click();
      await page.getByLabel('Idioma').selectOption('en');
    });

    await t.test('offline: a viewed result stays readable', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { name: 'Hello, Maria' }).waitFor();
      await context.setOffline(true);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Test results' }).click();
      await page.getByText('You are offline').waitFor();
      await page.locator(`a[href="/results/${chart.latestGlucoseId}"]`).click();
      await page.getByRole('heading', { name: 'Glucose (blood sugar)', level: 1 }).waitFor();
      await page.getByText('131 mg/dL').first().waitFor();
      await page.getByText(/Saved on this device/).first().waitFor();
      await axeScan(page, 'offline result');
      await shot('offline-result');
      const stored = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('portico-offline'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        const all = await new Promise<unknown[]>((res) => { const r = db.transaction('records').objectStore('records').getAll(); r.onsuccess = () => res(r.result); });
        db.close();
        return all.map((e) => JSON.stringify(e));
      });
      assert.ok(stored.length > 0, 'records were saved for offline reading');
      assert.ok(stored.every((s) => !s.includes('mg/dL') && !s.includes('Lopez')), 'the offline store holds ciphertext only');
      await context.setOffline(false);
    });

    await t.test('sign-out wipes the offline store', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
      const count = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('portico-offline'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        const n = await new Promise<number>((res) => { const r = db.transaction('records').objectStore('records').count(); r.onsuccess = () => res(r.result); });
        db.close();
        return n;
      });
      assert.equal(count, 0);
    });
  } finally {
    await browser?.close();
    await server.close();
  }
});
