// Offline in Chromium at 390×844, on the real server and demo clinic: the service worker saves every
// patient screen's code when it installs (before any screen is opened), so after going offline
// every place in the navigation opens, and one with no saved data says so in words. A screen whose
// code cannot be fetched keeps the banner and the tab bar, says what happened, and opens with
// "Try again" once the connection is back.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeScan, browserSuite, DEMO_ACCOUNTS, root, signIn } from './support.js';

const NOT_SAVED = 'This page has not been saved on this device yet';

/** Every path the service worker holds, in every cache it made. */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    return paths;
  });

browserSuite('offline: every screen opens offline; a screen whose code cannot load keeps the app', async (env, t) => {
  const { base } = env;
  const assets = readdirSync(join(root, 'apps/web/dist/assets')).filter((f) => f.endsWith('.js'));
  const patientScreens = assets.filter((f) => /-screen-[\w-]+\.js$/.test(f) && !f.startsWith('staff-'));
  assert.ok(patientScreens.length >= 10, 'the build has the patient screens (npm run build:web)');

  await t.test('go offline first, then open every tab', async () => {
    const { context, page } = await env.newPhone();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Signed out: nothing but the sign-in screen has been opened when the worker finishes installing.
    await page.goto(`${base}/sign-in`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const cached = await cachedPaths(page);
    assert.deepEqual(patientScreens.filter((f) => !cached.includes(`/assets/${f}`)), [], "every patient screen's code is saved on install");
    assert.deepEqual(cached.filter((p) => /\/staff-/.test(p)), [], "a patient's phone does not download the staff screens");

    await signIn(page, base, DEMO_ACCOUNTS.patient);
    await context.setOffline(true);
    // A fresh start offline: nothing is in memory, everything comes from the device.
    await page.reload();
    await page.getByRole('heading', { name: /^Hello/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const open = async (link: string, heading: string, notSaved: boolean) => {
      await (link === 'More' || ['Test results', 'Medicines', 'Visits'].includes(link) ? nav : page.getByRole('main')).getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      assert.ok(await nav.isVisible(), `the tab bar stays on ${heading}`);
      if (notSaved) await page.getByText(NOT_SAVED).waitFor();
    };
    await open('Test results', 'Test results', true);
    await axeScan(page, 'offline, not saved');
    await open('Medicines', 'Medicines', true);
    await open('Visits', 'Visits', true);
    for (const [link, heading, notSaved] of [
      ['Health summary', 'Health summary', true],
      ['Documents', 'Documents', true],
      ['Download my record', 'Download my record', false],
      ['Connected apps', 'Connected apps', false],
      ['Account', 'Account', false],
    ] as const) {
      await open('More', 'More', false);
      await open(link, heading, notSaved);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  await t.test("a screen whose code cannot be fetched says so, keeps the tab bar, and opens with Try again", async () => {
    // No service worker here, so the screen's code can be held back on its way.
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'en-US', serviceWorkers: 'block' });
    const page = await context.newPage();
    const blocked = '**/assets/medications-screen-*.js';
    await page.route(blocked, (route) => route.abort('internetdisconnected'));
    await signIn(page, base, DEMO_ACCOUNTS.patient);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Medicines' }).click();
    await page.getByRole('heading', { name: 'This page could not open', level: 1 }).waitFor();
    await page.getByText('We could not load this page').waitFor();
    await axeScan(page, 'screen code failed');
    // The app is alive: another tab opens.
    await nav.getByRole('link', { name: 'Visits' }).click();
    await page.getByRole('heading', { name: 'Visits', level: 1 }).waitFor();

    await context.setOffline(true);
    await nav.getByRole('link', { name: 'Medicines' }).click();
    await page.getByRole('heading', { name: 'Not saved on this device yet', level: 1 }).waitFor();
    await page.getByText('This page has not been saved on this device yet. Connect to the internet to open it.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0, 'no button that cannot work offline');

    await context.setOffline(false);
    await page.unroute(blocked);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Medicines', level: 1 }).waitFor();
    assert.ok(await nav.isVisible());
    await context.close();
  });
}, 600_000);
