// Shared set-up for the browser tests: a real Portico server on 127.0.0.1 with a fresh database,
// the demo clinic from the real seeder, the demo sign-in accounts, and Debian's Chromium at a
// phone viewport. No routes are faked: the browser signs in through /api and reads /fhir with
// the session cookie, exactly like a patient's phone.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import * as OTPAuth from 'otpauth';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import pg from 'pg';
import { buildApp, type Portico } from '../../server/src/app.js';
import type { Config } from '../../server/src/config.js';
import { createDatabase, type Database } from '../../server/src/db/pool.js';
import { FhirRepository } from '../../server/src/fhir/repository.js';
import { privilegedPolicy } from '../../server/src/access/policy.js';
import { testConfig } from '../../server/test/support/harness.js';
import { seedDemoClinicIfEmpty } from '../../server/src/demo/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_RECOVERY_CODES, DEMO_TOTP_SECRET, ensureDemoAccounts } from '../../server/src/identity/demo-accounts.js';
import { DEFAULT_DEMO_SEED, DEMO_PATIENT_ROLES } from '../../server/src/demo/generate-clinic.js';
import { patientId } from '../../server/src/demo/rng.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_RECOVERY_CODES, DEMO_TOTP_SECRET };
export const CHROMIUM = '/usr/bin/chromium';
export const root = join(import.meta.dirname, '..', '..', '..');
export const shotsDir = join(root, 'docs', 'screenshots');
export const PHONE = { width: 390, height: 844 };

/** Chart ids of the demo personas (the seeder's ids are fixed by the seed). */
export const demoPatient = (role: keyof typeof DEMO_PATIENT_ROLES) => patientId(DEFAULT_DEMO_SEED, DEMO_PATIENT_ROLES[role]);

/** Loud skip on a developer machine without Chromium; a failure in CI. */
export function chromiumOrSkip(t: TestContext): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) assert.fail(`CHROMIUM MISSING: ${CHROMIUM} is required in CI (apt-get install chromium)`);
  console.error(`\n*** CHROMIUM MISSING: ${CHROMIUM} not found; the browser tests are skipped. Install it with apt-get install chromium. ***\n`);
  t.skip(`CHROMIUM MISSING: ${CHROMIUM}`);
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface DemoServer {
  app: Portico['app'];
  db: Database;
  config: Config;
  /** A system repository on the test database, to look up demo data for assertions. */
  systemRepo: FhirRepository;
  base: string;
  dataDir: string;
  browser: Browser;
  /** A fresh phone-sized browser context (no cookies). */
  newPhone(options?: { locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

const SEED_LOCK = 7_407_201;
function adminUrl(): string {
  const url = process.env.PORTICO_TEST_ADMIN_URL;
  if (!url) throw new Error('Run the browser tests with `npm test`, which prepares the test database');
  return url;
}
function urlOf(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * The demo clinic is seeded once per test run (about 40 s through the real seeder) into a
 * database of its own; every browser test file then clones it, which takes a second. The clone
 * carries the name prefix of the run, so `npm test` drops it at the end.
 */
async function demoDatabase(config: Config): Promise<{ db: Database; drop(): Promise<void> }> {
  const run = process.env.PORTICO_TEST_RUN;
  const template = `portico_t_${run}_demo_template`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE ${template} TEMPLATE ${process.env.PORTICO_TEST_TEMPLATE}`);
      const seedDb = createDatabase({ url: urlOf(template), poolSize: 4 });
      try {
        const logger = pino({ level: 'silent' });
        await seedDemoClinicIfEmpty(seedDb, config, logger);
        const created = await ensureDemoAccounts(seedDb, config, logger);
        assert.equal(created.length, 4, 'the four demo accounts are created for a loopback PUBLIC_URL');
      } finally {
        await seedDb.close();
      }
    }
    const name = `portico_t_${run}_e2e_${Math.random().toString(36).slice(2, 10)}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const db = createDatabase({ url: urlOf(name), poolSize: 10 });
    return {
      db,
      async drop() {
        await db.close();
        const a = new pg.Client({ connectionString: adminUrl() });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
    await admin.end();
  }
}

/**
 * Starts the server with PUBLIC_URL set to its own loopback URL (demo accounts exist only for
 * localhost/127.0.0.1) on a clone of the seeded demo database, and opens Chromium.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-e2e-'));
  // One fixed test key for every file: the demo accounts' TOTP secrets are sealed with it when the
  // shared demo database is seeded, by whichever test file gets there first.
  const config = testConfig({ PUBLIC_URL: base, DATA_DIR: dataDir, PORTICO_DEMO: 'true', PORTICO_SECRET_KEY: Buffer.from('portico-e2e-test-key-32-bytes!!!').toString('base64') });
  const database = await demoDatabase(config);
  let portico: Portico | undefined;
  let browser: Browser | undefined;
  try {
    // Server errors (5xx) are printed: a browser test that sees "Something went wrong" shows why.
    portico = await buildApp(config, { db: database.db, logger: { level: 'error' } });
    await portico.app.listen({ host: '127.0.0.1', port });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    await portico?.app.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const b = browser;
  const p = portico;
  return {
    app: p.app,
    db: database.db,
    config,
    systemRepo: new FhirRepository(p.repositoryDeps, { policy: privilegedPolicy('operator', { name: 'e2e' }) }),
    base,
    dataDir,
    browser: b,
    async newPhone(options = {}) {
      const context = await b.newContext({ viewport: PHONE, deviceScaleFactor: 1, locale: options.locale ?? 'en-US', acceptDownloads: true });
      return { context, page: await context.newPage() };
    },
    async close() {
      await b.close().catch(() => undefined);
      await p.app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const usedSteps = new Map<string, number>();

/**
 * The current TOTP code for a base32 secret (what an authenticator app shows). The server refuses
 * a code twice for one account, so a second sign-in of the same account (`who`) within one
 * 30-second step waits for the next code, as a person would.
 */
export async function totpCode(who: string, secret: string = DEMO_TOTP_SECRET): Promise<string> {
  const step = () => Math.floor(Date.now() / 30_000);
  while (usedSteps.get(`${who}:${secret}`) === step()) await new Promise((r) => setTimeout(r, 500));
  usedSteps.set(`${who}:${secret}`, step());
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/** A signed-in API client for Node (staff tools), with the session cookie and CSRF header. */
export async function apiSignIn(base: string, email: string): Promise<(method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>> {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('portico_session='));
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const first = await call('POST', '/api/auth/login', { email, password: DEMO_PASSWORD });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  if (first.body.status === 'mfa-required') {
    csrf = first.body.csrfToken;
    const second = await call('POST', '/api/auth/mfa/totp', { code: await totpCode(email) });
    assert.equal(second.status, 200, JSON.stringify(second.body));
    csrf = second.body.session.csrfToken;
  } else csrf = first.body.session.csrfToken;
  return call;
}

/** Mail written by the development mailer to DATA_DIR/outbox (one .eml file per message). */
export function outbox(dataDir: string): { to: string; subject: string; text: string }[] {
  const dir = join(dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(dir, f), 'utf8');
      const [head, ...body] = raw.split('\n\n');
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(head)?.[1] ?? '';
      return { to: header('To'), subject: header('Subject'), text: body.join('\n\n') };
    });
}

/** Waits for a mail to `to` whose subject matches, written in the background by the server. */
export async function waitForMail(dataDir: string, to: string, subject: RegExp, timeoutMs = 10_000): Promise<{ subject: string; text: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mail = outbox(dataDir).find((m) => m.to === to && subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > until) assert.fail(`no mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let axeSource: string | undefined;

/** axe-core WCAG 2.2 AA scan; injected through the DevTools protocol so the app's CSP stays in force. */
export async function axeScan(page: Page, screen: string): Promise<void> {
  axeSource ??= readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe violations on ${screen}`);
}

/** Retakes the README's screenshots only when asked (PORTICO_SCREENSHOTS=1), so a test run leaves the tree clean. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.PORTICO_SCREENSHOTS) return;
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
}

/** Signs in through the sign-in screen; with `totp`, answers the second step with a fresh code. */
export async function signIn(page: Page, base: string, email: string, options: { totp?: boolean; password?: string } = {}): Promise<void> {
  const seen: string[] = [];
  const onResponse = (r: import('playwright-core').Response) => void (r.url().includes('/api/') && seen.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`));
  const onError = (e: Error) => void seen.push(`page error: ${e.message}`);
  page.on('response', onResponse);
  page.on('pageerror', onError);
  await page.goto(`${base}/sign-in`);
  await page.getByRole('heading', { name: 'Sign in to Portico' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (options.totp) {
    await page.getByRole('heading', { name: 'Check it is you' }).waitFor();
    await page.getByLabel('Code').fill(await totpCode(email));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.getByRole('heading', { name: /^Hello/ }).waitFor({ timeout: 20_000 }).catch(async (err: unknown) => {
    throw new Error(`sign-in did not reach Home; the page says: ${(await page.locator('body').innerText()).slice(0, 300)}; requests: ${seen.join(', ')}`, { cause: err });
  });
  page.off('response', onResponse);
  page.off('pageerror', onError);
}

/** Presses Tab until the focused element matches (keyboard-only use); fails after `max` presses. */
export async function tabTo(page: Page, matches: (el: { tag: string; text: string; href: string | null }) => boolean, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName.toLowerCase() ?? '', text: (a?.textContent ?? '').trim(), href: a?.getAttribute('href') ?? null };
    });
    if (matches(el)) return;
  }
  assert.fail('the element was not reached with the Tab key');
}

/** No horizontal scrolling at the phone width (WCAG 1.4.10 Reflow). */
export async function assertNoOverflow(page: Page, screen: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  if (scrollWidth <= PHONE.width) return;
  const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1).slice(0, 8).map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className} "${(e.textContent ?? '').slice(0, 30)}" ${Math.round(e.getBoundingClientRect().right)}`), PHONE.width);
  assert.fail(`${screen}: the page scrolls sideways (scrollWidth ${scrollWidth} > ${PHONE.width}, client ${clientWidth}): ${wide.join(' | ')}`);
}

/** Runs the browser tests of one file against one demo server; skips loudly without Chromium. */
export function browserSuite(name: string, body: (env: DemoServer, t: TestContext) => Promise<void>, timeout = 300_000): void {
  test(name, { timeout }, async (t) => {
    if (!chromiumOrSkip(t)) return;
    const env = await startDemoServer();
    try {
      await body(env, t);
    } finally {
      await env.close();
    }
  });
}
