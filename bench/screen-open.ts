// `npx tsx bench/screen-open.ts [--runs N] [--rate R]`
// Tap-to-heading time of every place in the patient's navigation, opened for the first time and
// then a second time, in Chromium at a phone viewport with the CPU slowed down R times (default 4,
// DevTools `Emulation.setCPUThrottlingRate`, a mid-range phone), signed in as the demo patient on the
// real server (127.0.0.1) with a fresh database holding the demo clinic. Nothing leaves loopback.
// One run: a new browser context opens Home, waits until the page has been idle for 3 s (the idle
// preloading of the screens' code, routes/preload-screens.ts, has then finished), then taps each
// tab; a place behind "More" is tapped from the More screen. The time runs from the click to the
// frame after the new screen's h1 is in the page (its code loaded, Suspense revealed), not to its
// data. Prints the median of the runs per place.
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import pino from 'pino';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { createDatabase } from '../apps/server/src/db/pool.js';
import { seedDemoClinicIfEmpty } from '../apps/server/src/demo/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from '../apps/server/src/identity/demo-accounts.js';
import { createScratchDatabase } from './scratch-database.js';
import { freePort } from './free-port.js';

const TABS = ['/results', '/medications', '/visits', '/more'];
const BEHIND_MORE = ['/summary', '/documents', '/download', '/apps', '/account'];

function parseArgs(argv: string[]): { runs: number; rate: number } {
  const o = { runs: 3, rate: 4 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (argv[i] === '--rate') o.rate = Number(argv[++i]);
    else throw new Error(`Unknown option ${argv[i]}. Options: --runs N --rate R`);
  }
  if (!(o.runs >= 1) || !(o.rate >= 1)) throw new Error('--runs and --rate must be at least 1');
  return o;
}

// Run in the page as a string: the bench runs through tsx, whose helpers would be missing there.
const TAP_TO_HEADING = `([scope, href]) => new Promise((resolve, reject) => {
  const before = document.querySelector('main h1');
  const link = document.querySelector(scope + ' a[href="' + href + '"]');
  if (!link) return reject(new Error('no link to ' + href + ' in ' + scope));
  const t0 = performance.now();
  const observer = new MutationObserver(() => done());
  function done() {
    const h1 = document.querySelector('main h1');
    if (!h1 || h1 === before) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  }
  observer.observe(document.querySelector('main'), { childList: true, subtree: true });
  link.click();
  done();
})`;

/** Clicks the link to `href` in `scope` and returns ms until the frame after a new main h1 appears. */
async function tapToHeading(page: Page, scope: string, href: string): Promise<number> {
  const fn = await page.evaluateHandle(TAP_TO_HEADING);
  return (await fn.evaluate((f, args) => (f as unknown as (a: string[]) => Promise<number>)(args), [scope, href])) as number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const scratch = await createScratchDatabase('portico_screens');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({ DATABASE_URL: scratch.url, LOG_LEVEL: 'error', PORTICO_DEMO: 'true', PUBLIC_URL: base, PORT: String(port), DATA_DIR: join(scratch.tmp, 'data') });
  const db = createDatabase({ url: scratch.url, poolSize: config.dbPoolSize });
  let close: (() => Promise<void>) | undefined;
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    await runMigrations(db);
    console.log(`Database ${scratch.name}; seeding the demo clinic…`);
    const logger = pino({ level: 'error' });
    await seedDemoClinicIfEmpty(db, config, logger);
    await ensureDemoAccounts(db, config, logger);
    await db.query('VACUUM ANALYZE');
    const { app } = await buildApp(config, { db, logger: { level: 'error' } });
    await app.listen({ host: '127.0.0.1', port });
    close = () => app.close();

    const first = new Map<string, number[]>();
    const second = new Map<string, number[]>();
    const record = (into: Map<string, number[]>, href: string, ms: number) => into.set(href, [...(into.get(href) ?? []), ms]);
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'en-US' });
      const page = await context.newPage();
      const login = await context.request.post(`${base}/api/auth/login`, { data: { email: DEMO_ACCOUNTS.patient, password: DEMO_PASSWORD } });
      if (login.status() !== 200) throw new Error(`demo patient sign-in failed: ${login.status()}`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.rate });
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: /^Hello/ }).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(3000);
      for (const pass of [first, second]) {
        for (const href of TABS) {
          record(pass, href, await tapToHeading(page, 'nav.tab-bar', href));
          await page.waitForLoadState('networkidle');
        }
        for (const href of BEHIND_MORE) {
          record(pass, href, await tapToHeading(page, 'main', href));
          await page.waitForLoadState('networkidle');
          await tapToHeading(page, 'nav.tab-bar', '/more');
        }
        await tapToHeading(page, 'nav.tab-bar', '/');
        await page.waitForLoadState('networkidle');
      }
      await context.close();
    }
    const rows = [['place', 'first opening (ms)', 'second opening (ms)']];
    for (const href of [...TABS, ...BEHIND_MORE]) rows.push([href, `${median(first.get(href)!).toFixed(0)} (${first.get(href)!.map((x) => x.toFixed(0)).join('/')})`, `${median(second.get(href)!).toFixed(0)} (${second.get(href)!.map((x) => x.toFixed(0)).join('/')})`]);
    const worst = Math.max(...[...first.values()].map(median));
    console.log(`\nTap to heading, Chromium, ${options.rate}x CPU slowdown, median of ${options.runs} run(s) (each run's figures in brackets)`);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const [i, r] of rows.entries()) {
      console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    console.log(`\nSlowest first opening: ${worst.toFixed(0)} ms (target under 100 ms): ${worst < 100 ? 'met' : 'NOT met'}.`);
  } finally {
    await browser.close().catch(() => undefined);
    await close?.().catch(() => undefined);
    await db.close().catch(() => undefined);
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
