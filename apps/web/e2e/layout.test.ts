// Lighthouse needs a network, so this is the offline check of what it would flag on a phone:
// Home and Test results show real content from the demo clinic without sideways scrolling at
// 390 px, also with text at 200% (WCAG 1.4.4 Resize Text, 1.4.10 Reflow).
// Then the layout details a phone user and an RTL reader meet: touch targets, mirroring, regions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assertNoOverflow, browserSuite, DEMO_ACCOUNTS, root, signIn } from './support.js';

browserSuite('layout: Home and Test results at 390 px, 100% and 200% text', async (env, t) => {
  await t.test('on a slow network the banner shows before the app script arrives, and the app replaces it without a shift', async () => {
    const { context, page } = await env.newPhone();
    let release!: () => void;
    const scriptHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await scriptHeld;
      await route.continue();
    });
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) (window as unknown as { shifts: number }).shifts += (e as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(env.base, { waitUntil: 'commit' });
    const brand = page.locator('header.app-header a.brand');
    await brand.waitFor();
    assert.equal(await brand.textContent(), 'Portico');
    const before = await brand.boundingBox();
    release();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.deepEqual(await brand.boundingBox(), before, 'the banner stays where it was drawn');
    assert.equal(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), 0, 'no layout shift');
    await context.close();
  });

  const { context, page } = await env.newPhone();
  await signIn(page, env.base, DEMO_ACCOUNTS.patient);
  for (const zoom of ['100%', '200%']) {
    await t.test(`text at ${zoom}`, async () => {
      // Browsers' text-size setting scales the root font size; the app sizes everything in rem.
      await page.evaluate((z) => (document.documentElement.style.fontSize = z), zoom);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { name: 'Hello, Paul' }).waitFor();
      await page.getByRole('heading', { name: 'Your health at a glance' }).waitFor();
      assert.match((await page.locator('main').innerText()).replace(/\s+/g, ' '), /health problems? on your list/);
      await assertNoOverflow(page, `home at ${zoom}`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Test results' }).click();
      await page.getByRole('heading', { name: 'Test results', level: 1 }).waitFor();
      await page.locator('main a[href^="/results/"]').first().waitFor();
      assert.ok((await page.locator('main a[href^="/results/"]').count()) >= 3, 'the results list shows the demo results');
      await assertNoOverflow(page, `results at ${zoom}`);
      if (zoom === '200%') {
        const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main h1')!).fontSize));
        assert.ok(size >= 48, `headings grow with the text size (h1 is ${size}px)`);
      }
    });
  }
  await context.close();
});

browserSuite('layout: touch targets, right-to-left mirroring, unique regions', async (env, t) => {
  const { context, page } = await env.newPhone();
  await signIn(page, env.base, DEMO_ACCOUNTS.patient);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const height = (selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().height);

  await t.test('links on their own line are 44 px touch targets', async () => {
    await page.getByRole('link', { name: 'See all: Health summary' }).waitFor();
    assert.ok((await height('main a[href="/summary"]')) >= 44, 'Home: "See all"');
    await nav.getByRole('link', { name: 'Test results' }).click();
    await page.locator('main a[href^="/results/"]').first().click();
    await page.locator('main a[href="/results"]').waitFor();
    assert.ok((await height('main a[href="/results"]')) >= 44, 'result: the way back');
  });

  await t.test('dir=rtl mirrors the layout: back arrow, notice edge, skip link; charts keep their labels inside', async () => {
    await page.getByRole('group', { name: /^Chart of your/ }).waitFor();
    await page.evaluate(() => (document.documentElement.dir = 'rtl'));
    const arrow = await page.locator('main a[href="/results"] .back-arrow').evaluate((e) => getComputedStyle(e).transform);
    assert.notEqual(arrow, 'none', 'the back arrow points right in a right-to-left page');
    const clipped = await page.locator('svg.chart').first().evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].filter((x) => { const r = x.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; }).map((x) => x.textContent);
    });
    assert.deepEqual(clipped, [], 'chart labels stay inside the chart');
    await page.locator('.skip-link').focus();
    const skip = await page.locator('.skip-link').evaluate((e) => e.getBoundingClientRect().right);
    assert.ok(skip > 300, `the skip link sits at the start edge, on the right (its right edge is at ${skip}px)`);
    await nav.getByRole('link', { name: 'More' }).click();
    await page.getByRole('link', { name: 'Download my record' }).click();
    const edge = await page.locator('main .notice').first().evaluate((e) => ({ right: getComputedStyle(e).borderRightWidth, left: getComputedStyle(e).borderLeftWidth }));
    assert.deepEqual(edge, { right: '4px', left: '0px' }, 'the notice bar is on the start side');
    await page.evaluate(() => (document.documentElement.dir = 'ltr'));
  });

  await t.test('Test results and Documents: every region has its own name, headings do not skip a level', async () => {
    for (const [link, heading] of [['Test results', 'Test results'], ['More', 'More']] as const) {
      await nav.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    }
    await page.getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('button', { name: /^View: / }).first().waitFor();
    assert.deepEqual(await bestPractice(page), [], 'Documents');
    await nav.getByRole('link', { name: 'Test results' }).click();
    await page.locator('main section.result-group').nth(2).waitFor();
    assert.deepEqual(await bestPractice(page), [], 'Test results');
  });

  await t.test('Spanish tab labels are never cut inside a word at 390 px', async () => {
    await nav.getByRole('link', { name: 'More' }).click();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Más', level: 1 }).waitFor();
    // Each word of each tab label must lie on one line: one client rect per word.
    const cut = await page.locator('.tab-bar a').evaluateAll((links) =>
      links.flatMap((a) => {
        const text = a.lastChild as Text;
        const words = [...(text.textContent ?? '').matchAll(/\S+/g)];
        return words.filter((w) => {
          const range = document.createRange();
          range.setStart(text, w.index!);
          range.setEnd(text, w.index! + w[0].length);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((w) => w[0]);
      }),
    );
    assert.deepEqual(cut, []);
    await page.getByLabel('Idioma').selectOption('en');
  });
  await context.close();
});

/** axe-core's landmark and heading checks (best practices, outside the WCAG tags axeScan runs). */
async function bestPractice(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique', 'heading-order', 'page-has-heading-one', 'landmark-one-main'] } });
    return r.violations.map((v) => `${v.id} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
