// Every patient screen in Spanish, in one browser at 390×844: the demo patient with Spanish chosen on
// this device walks sign-in, Home, results and one result, medicines, the health summary, visits and
// one note, documents, the download screen, the account (with its access log), connected apps and
// More, and no English UI word may show. Text the chart wrote (a sig, a note, an official name) is
// marked with lang="en" and is read past, as are proper names (people, the clinic and its places,
// from the demo data) and the few words that are names in every language.
import assert from 'node:assert/strict';
import type { Bundle, Location, Organization, Practitioner } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { searchResources } from '../../server/src/fhir/search/search.js';
import { browserSuite, DEMO_ACCOUNTS, DEMO_PASSWORD, totpCode } from './support.js';

// Common English words of a user interface that are not also Spanish words ("no", "normal",
// "oral", "error", "once", "me" are left out: they are). A word here on a Spanish screen is English
// UI text that escaped translation.
const ENGLISH = new Set(
  `the and of your you with for from this that these those is are was were be been has have had will can could would should not what when where
  which there here about after before into only also just more less new old last next first other all any some each every many much very it its
  they them their we our us my she his her him or but if then than by on at as an up out off over under again still yet now today yesterday
  tomorrow week weeks month months year years day days hour hours minute minutes time times twice daily take taken tablet tablets capsule capsules
  puff puffs mouth refill refills left medicine medicines medication medications prescribed started stopped result results test tests lab range
  high low value date visit visits note notes read health summary problem problems allergy allergies reaction vaccine vaccines shot procedure
  procedures goal goals team care clinic nurse sign signed account password email settings language spanish download documents document view
  open close back cancel save continue done loading again try please show hide see menu home apps app connected access remove allowed used never
  device devices browser security step code codes recovery passkey key keys looked viewed added changed record records chart charts growth weight
  height blood pressure heart rate temperature oxygen level percentile measurement measurements messages message bills forms form written official
  name ordered reason upcoming past booked checkup office phone emergency stay skip main content hello attention needs glance list known
  unknown mild moderate severe risk since latest top bottom number beats inch born birth profile active taking finished hold cancelled entered
  mistake preliminary corrected updated outside positive negative rating given shaded band shows table explanation means ask tell learn who
  why how whole apps summary print free dose route needed by`.split(/\s+/).filter(Boolean),
);
// Names that are the same in every language, and language names written in their own language.
const NAMES = new Set(['portico', 'english', 'fhir', 'json', 'pdf', 'spo2', 'mmhg', 'rxnorm', 'cdc', 'mg', 'ml']);

async function properNames(env: Parameters<Parameters<typeof browserSuite>[1]>[0]): Promise<Set<string>> {
  const words = new Set<string>();
  for (const type of ['Practitioner', 'Organization', 'Location', 'Patient']) {
    const bundle: Bundle = await searchResources(env.systemRepo, type, [['_count', '1000']], { strict: false });
    for (const e of bundle.entry ?? []) {
      const r = e.resource as Practitioner | Organization | Location;
      const names = typeof r.name === 'string' ? [r.name] : (r.name ?? []).map((n) => [n.text, ...(n.given ?? []), n.family].join(' '));
      for (const name of names) for (const w of name.toLowerCase().split(/[^\p{L}\d]+/u)) if (w) words.add(w);
    }
  }
  return words;
}

/**
 * The visible text and accessible labels of the page, outside anything marked as another language.
 * Given as source text: the test runner's transform names functions with a helper the page lacks.
 */
const SCREEN_TEXT = `(() => {
  const foreign = (el) => {
    const tagged = el && el.closest('[lang]');
    return Boolean(tagged && !tagged.getAttribute('lang').toLowerCase().startsWith('es')) || Boolean(el && el.closest('[translate="no"]'));
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('script, style, template') || foreign(el)) continue;
    // Text in a closed <details> is still text a reader reaches: keep it; only what never shows goes.
    if (!el.closest('details') && !el.checkVisibility()) continue;
    out.push(node.textContent || '');
  }
  for (const el of document.querySelectorAll('[aria-label], [alt], [title], [placeholder]')) {
    if (foreign(el)) continue;
    for (const attr of ['aria-label', 'alt', 'title', 'placeholder']) out.push(el.getAttribute(attr) || '');
  }
  out.push(document.title);
  return out.join('\\n');
})()`;

async function spanishScreenText(page: Page): Promise<string> {
  return page.evaluate(SCREEN_TEXT) as Promise<string>;
}

browserSuite('Spanish: every patient screen, no English UI words', async (env, t) => {
  const { base } = env;
  const allowed = await properNames(env);
  const { context, page } = await env.newPhone({ locale: 'es-MX' });
  // Chosen on this device before the first page, as the language menu would leave it.
  await context.addInitScript(() => localStorage.setItem('portico.locale', 'es'));
  const found: string[] = [];
  const checked: string[] = [];

  // Polled from here: waitForFunction evaluates its condition with eval, which the app's CSP forbids.
  const until = async (condition: string) => {
    const end = Date.now() + 20_000;
    while (!(await page.evaluate(condition))) {
      if (Date.now() > end) assert.fail(`timed out waiting for ${condition} on ${page.url()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const check = async (screen: string) => {
    await until("Boolean(document.querySelector('main h1')) && !document.querySelector('main .skeleton-card') && !document.querySelector('main').textContent.includes('Cargando')");
    const text = await spanishScreenText(page);
    checked.push(screen);
    const english = [...new Set(text.toLowerCase().split(/[^\p{L}\d'-]+/u).map((w) => w.replace(/^['-]+|['-]+$/g, '')))]
      .filter((w) => ENGLISH.has(w) && !NAMES.has(w) && !allowed.has(w));
    if (english.length) {
      // The lines they sit in, so the report says where to look.
      const lines = text.split('\n').map((l) => l.trim()).filter((l) => english.some((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'iu').test(l)));
      found.push(`${screen}: ${english.join(', ')}\n    ${[...new Set(lines)].slice(0, 8).join('\n    ')}`);
    }
  };
  // In-app navigation (History API, as a tap on a link does): one page load for the whole walk.
  const go = async (path: string, screen: string) => {
    await page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'));`);
    await until(`location.pathname === ${JSON.stringify(path)}`);
    await check(screen);
  };

  await t.test('sign-in', async () => {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('heading', { name: 'Inicie sesión en Portico' }).waitFor();
    await check('sign-in');
    await page.getByLabel('Correo electrónico').fill(DEMO_ACCOUNTS.patientWithMfa);
    await page.getByLabel('Contraseña', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    await page.getByRole('heading', { name: 'Confirme que es usted' }).waitFor();
    await check('two-step sign-in');
    await page.getByLabel('Código').fill(await totpCode(DEMO_ACCOUNTS.patientWithMfa));
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.getByRole('heading', { name: /^Hola/ }).waitFor({ timeout: 20_000 });
  });

  await t.test('every screen of the record and the account', async () => {
    await check('home (with the messages, bills and forms places)');
    await go('/results', 'results');
    const result = await page.locator('main a[href^="/results/"]').first().getAttribute('href');
    assert.ok(result, 'the demo patient has a result to open');
    await go(result, 'a result');
    await page.locator('main details summary').first().click().catch(() => undefined);
    await go('/medications', 'medicines');
    await go('/summary', 'health summary');
    await go('/visits', 'visits');
    const visit = await page.locator('main a[href^="/visits/"]').first().getAttribute('href');
    assert.ok(visit, 'the demo patient has a past visit');
    await go(visit, 'a visit and its note');
    await go('/documents', 'documents');
    await go('/download', 'download my record');
    await go('/account', 'account and access log');
    await go('/apps', 'connected apps');
    await go('/more', 'more');
  });

  await t.test('no English UI words on any screen', () => {
    assert.equal(checked.length, 14, `every screen was read: ${checked.join(', ')}`);
    assert.deepEqual(found, [], `English on Spanish screens:\n${found.join('\n')}`);
  });
  // The first browser file of a run seeds the demo clinic, which on a busy machine takes minutes.
}, 480_000);
