// The patient's record in Chromium at 390×844, signed in as the demo patient with two-step
// sign-in, on the real server and demo clinic: a lab result and its chart, other screens (axe on
// each), a visit note and a glossary word, Spanish (saved to the profile), the PDF and FHIR
// downloads, offline reading of a viewed result, keyboard-only use, older results on demand, and
// sign-out wiping the offline store. Screenshots for docs/screenshots come from this run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Appointment, Bundle, Condition, DiagnosticReport, DocumentReference, Immunization, Observation } from '@medplum/fhirtypes';
import { searchResources } from '../../server/src/fhir/search/search.js';
import { flatPdfText } from '../../server/test/support/pdf-text.js';
import { homeSearches } from '../src/features/records/load-home.js';
import { axeScan, browserSuite, DEMO_ACCOUNTS, demoPatient, screenshot, signIn, tabTo } from './support.js';

async function search<T>(env: Parameters<Parameters<typeof browserSuite>[1]>[0], type: string, query: [string, string][]): Promise<T[]> {
  const bundle: Bundle = await searchResources(env.systemRepo, type, [...query, ['_count', '1000']], { strict: false });
  return (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource as T);
}

browserSuite('records: results, notes, Spanish, downloads, offline, keyboard', async (env, t) => {
  const { base } = env;
  const patientId = demoPatient('mfaAdult');
  // A lab test the demo patient has several results for: its newest result is the one opened.
  const labs = await search<Observation>(env, 'Observation', [['patient', patientId], ['category', 'laboratory']]);
  const byCode = new Map<string, Observation[]>();
  for (const o of labs.filter((o) => o.valueQuantity?.value !== undefined)) {
    const code = o.code.coding?.[0]?.code ?? '';
    byCode.set(code, [...(byCode.get(code) ?? []), o]);
  }
  const series = [...byCode.values()].sort((a, b) => b.length - a.length)[0];
  assert.ok(series && series.length >= 2, 'the demo patient has a lab test with several results');
  const demoLatest = series.sort((a, b) => (b.effectiveDateTime ?? '').localeCompare(a.effectiveDateTime ?? ''))[0];
  // "New" is released in the last NEW_RESULT_DAYS days and not opened: the demo's labs are older,
  // so the lab sends one more result of that test, released now, with its report. It is the one
  // opened below, and the only new result on Home.
  const demoReport = (await search<DiagnosticReport>(env, 'DiagnosticReport', [['patient', patientId], ['result', `Observation/${demoLatest.id}`]]))[0];
  assert.ok(demoReport, 'the demo result has its report');
  const released = new Date();
  const taken = new Date(released.getTime() - 3 * 3_600_000).toISOString();
  const { id: _demoId, meta: _demoMeta, ...copy } = demoLatest;
  const latest = JSON.parse((await env.systemRepo.create({ ...copy, effectiveDateTime: taken, issued: released.toISOString() })).version.content!) as Observation;
  const { id: _reportId, meta: _reportMeta, ...reportCopy } = demoReport;
  await env.systemRepo.create({ ...reportCopy, effectiveDateTime: taken, issued: released.toISOString(), result: [{ reference: `Observation/${latest.id}` }] });
  const notes = await search<DocumentReference>(env, 'DocumentReference', [['patient', patientId]]);
  const noted = notes.find((d) => d.context?.encounter?.[0]?.reference);
  assert.ok(noted, 'the demo patient has a visit note');
  const encounterId = noted.context!.encounter![0].reference!.split('/').pop()!;
  // A visit with a laboratory report note (LOINC 11502-2): it restates the visit's lab results.
  const labNote = notes.find((d) => d.type?.coding?.some((c) => c.code === '11502-2') && d.context?.encounter?.[0]?.reference && d.context.related?.length);
  assert.ok(labNote, 'the demo patient has a lab report note');
  const labVisitId = labNote.context!.encounter![0].reference!.split('/').pop()!;
  // Home counts new results in the reports its own search returns (features/records/load-home.ts).
  const homeReports = homeSearches(patientId, new Date()).reports;
  const homeWindow = await searchResources(env.systemRepo, homeReports.type, Object.entries(homeReports.params), { strict: false });
  const latestOnHome = (homeWindow.entry ?? []).some((e) => (e.resource as DiagnosticReport).result?.some((x) => x.reference?.endsWith(`Observation/${latest.id}`)));
  const newOnHome = async () => Number(/(\d+) new test results?/.exec(await page.locator('main').innerText())?.[1] ?? 0);
  let newBefore = 0;

  const { context, page } = await env.newPhone();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const resultLink = page.locator(`a[href="/results/${latest.id}"]`);

  await t.test('home and a lab result with its chart', async () => {
    await signIn(page, base, DEMO_ACCOUNTS.patientWithMfa, { totp: true });
    await page.getByRole('heading', { name: 'What needs your attention' }).waitFor();
    newBefore = await newOnHome();
    assert.equal(newBefore, 1, 'only the result released now is new; results from before are simply results');
    assert.doesNotMatch(await page.locator('main').innerText(), / in (Serum|Blood|Urine)| panel - /, 'new panels by their plain names');
    // The next booked visit, by its kind, with the patient's clinician and where.
    const booked = (await search<Appointment>(env, 'Appointment', [['patient', patientId], ['date', `ge${new Date().toISOString().slice(0, 19)}Z`], ['_sort', 'date']]))[0];
    assert.ok(booked, 'the demo patient has a visit booked');
    const upcoming = page.getByRole('region', { name: 'Upcoming visits' });
    await upcoming.getByRole('heading', { name: booked.appointmentType?.coding?.[0]?.code === 'FOLLOWUP' ? 'Follow-up visit' : 'Check-up' }).first().waitFor();
    const clinician = booked.participant.find((x) => x.actor?.reference?.startsWith('Practitioner/'))!.actor!.display!;
    await upcoming.getByText(`With ${clinician}`).first().waitFor();
    // Messages, bills and forms have their places, saying what will show there.
    for (const place of ['Messages', 'Bills', 'Forms']) await page.getByText(`${place}:`, { exact: true }).waitFor();
    await axeScan(page, 'home');
    await screenshot(page, 'home');
    await nav.getByRole('link', { name: 'Test results' }).click();
    await page.getByRole('heading', { name: 'Test results', level: 1 }).waitFor();
    await resultLink.waitFor();
    // Plain test names, not LOINC long names such as "Glucose [Mass/volume] in Serum or Plasma".
    assert.doesNotMatch(await page.locator('main').innerText(), /\[[A-Za-z ]+\/[A-Za-z ]+\]| in Serum or Plasma| panel - /);
    await axeScan(page, 'results');
    await screenshot(page, 'results');
    await resultLink.click();
    await page.locator('h1').waitFor();
    const chart = page.getByRole('group', { name: /^Chart of your .* results over time, \d+ results/ });
    await chart.waitFor();
    // Round ticks with the unit, and each point's date and value for screen readers.
    const ticks = (await chart.locator('g[aria-hidden] > g > text').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
    const steps = new Set(ticks.slice(1).map((v, i) => (v - ticks[i]).toPrecision(6)));
    const mantissa = Number([...steps][0]) / 10 ** Math.floor(Math.log10(Number([...steps][0])));
    assert.ok(ticks.length >= 3 && steps.size === 1 && [1, 2, 2.5, 5].some((s) => Math.abs(s - mantissa) < 1e-6), `round ticks: ${ticks.join(', ')}`);
    assert.equal(await chart.locator('text.unit').count(), latest.valueQuantity?.unit && latest.valueQuantity.unit !== '1' ? 1 : 0);
    const pointNames = await chart.getByRole('img').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(pointNames.length >= 2 && pointNames.every((n) => /\d{4}: .*\d/.test(n)), `each point says its date and value: ${pointNames.slice(0, 3).join(' | ')}`);
    assert.equal(await chart.getAttribute('aria-details'), 'history-table');
    await page.locator('summary', { hasText: 'Past results as a table' }).click();
    assert.ok((await page.locator('table tbody tr').count()) >= 2);
    await axeScan(page, 'result detail');
    await screenshot(page, 'result-detail');
  });

  await t.test('other screens: medicines, summary, documents, connected apps, account', async () => {
    await nav.getByRole('link', { name: 'Medicines' }).click();
    await page.getByRole('heading', { name: 'Medicines', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Medicines you take now' }).waitFor();
    await axeScan(page, 'medicines');
    await screenshot(page, 'medicines');
    for (const [link, heading, shot] of [
      ['Health summary', 'Health summary', 'health-summary'],
      ['Documents', 'Documents', undefined],
      ['Connected apps', 'Connected apps', undefined],
      ['Account', 'Account', undefined],
    ] as const) {
      await nav.getByRole('link', { name: 'More' }).click();
      await page.getByRole('heading', { name: 'More', level: 1 }).waitFor();
      await axeScan(page, 'more');
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes('Loading')), undefined, { timeout: 20_000 });
      await axeScan(page, link);
      if (shot) await screenshot(page, shot);
    }
  });

  await t.test('download the record as a PDF summary and as FHIR JSON', async () => {
    await nav.getByRole('link', { name: 'More' }).click();
    await page.getByRole('link', { name: 'Download my record' }).click();
    await page.getByRole('heading', { name: 'Download my record', level: 1 }).waitFor();
    await axeScan(page, 'download');
    let download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download summary (PDF)' }).click();
    const pdf = await download;
    assert.match(pdf.suggestedFilename(), /^health-record-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = readFileSync((await pdf.path())!);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(bytes.length > 3000, 'the summary has content');
    await page.getByRole('status').filter({ hasText: 'Your summary is ready' }).waitFor();
    download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download all data (FHIR JSON)' }).click();
    const json = await download;
    assert.match(json.suggestedFilename(), /^health-record-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(readFileSync((await json.path())!, 'utf8')) as Bundle;
    assert.equal(bundle.type, 'collection');
    assert.ok(bundle.entry!.some((e) => e.resource?.id === latest.id));
  });

  await t.test('a visit note and a glossary word', async () => {
    await nav.getByRole('link', { name: 'Visits' }).click();
    await page.getByRole('heading', { name: 'Visits', level: 1 }).waitFor();
    await axeScan(page, 'visits');
    await page.locator(`a[href="/visits/${encounterId}"]`).click();
    await page.getByRole('heading', { name: 'Visit notes' }).waitFor();
    const term = page.locator('button.glossary-term').first();
    await term.waitFor();
    await axeScan(page, 'visit');
    await screenshot(page, 'visit-note');
    const word = ((await term.textContent()) ?? '').trim();
    await term.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `What "${word}" means` });
    await dialog.waitFor();
    assert.ok(((await dialog.textContent()) ?? '').length > word.length + 20, 'the glossary explains the word');
    await axeScan(page, 'glossary dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The lab report note shows its results as the Test results screen does: plain names, units
    // in words and dates, not the lab's LOINC names, UCUM units and ISO times.
    await page.goto(`${base}/visits/${labVisitId}`);
    const labArticle = page.getByRole('article', { name: 'Lab test report' });
    await labArticle.locator('a.card').first().waitFor();
    const labText = await labArticle.innerText();
    assert.doesNotMatch(labText, /\[[^\]]*\/[^\]]*\]|10\*\d|\d{4}-\d{2}-\d{2}T\d{2}:|LABORATORY REPORT| in (Serum|Blood|Urine)/, `plain lab results in the note: ${labText.slice(0, 300)}`);
    assert.match(labText, /Normal range: /);
    await axeScan(page, 'visit with a lab report');
  });

  await t.test('switch to Spanish; the choice is saved on the account', async () => {
    await nav.getByRole('link', { name: 'More' }).click();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: 'Más', level: 1 }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    const saved = async () => (await env.db.query<{ locale: string }>('SELECT locale FROM account WHERE email = $1', [DEMO_ACCOUNTS.patientWithMfa])).rows[0].locale;
    for (let i = 0; i < 50 && (await saved()) !== 'es'; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await saved(), 'es', 'the language is saved on the account (emails use it)');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Resultados' }).click();
    await page.getByRole('heading', { name: 'Resultados de pruebas', level: 1 }).waitFor();
    await resultLink.waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), / in (Serum|Blood|Urine)|\[[A-Za-z ]+\/[A-Za-z ]+\]/, 'test names are in Spanish');
    await resultLink.click();
    await page.getByRole('group', { name: /^Gráfica/ }).waitFor();
    // The range in Spanish words and number style ("70 a 99"), not the lab's "70-99" or ">=60".
    assert.doesNotMatch(await page.locator('dt:text-is("Rango normal") + dd').innerText(), /\d-\d|[<>]=|\d\.\d/);
    await axeScan(page, 'result detail (es)');
    await screenshot(page, 'result-detail-es');

    // Vaccines, care team roles, vital-sign units and visit titles in plain Spanish, not the
    // English terminology displays the records carry (CVX, SNOMED CT, UCUM unit text).
    const principal = page.getByRole('navigation', { name: 'Principal' });
    await principal.getByRole('link', { name: 'Más' }).click();
    await page.getByRole('link', { name: 'Resumen de salud' }).click();
    await page.getByRole('heading', { name: 'Resumen de salud', level: 1 }).waitFor();
    const vaccines = page.getByRole('region', { name: 'Vacunas' });
    await vaccines.getByText(/^Vacuna contra /).first().waitFor();
    assert.doesNotMatch(await vaccines.innerText(), /Influenza|injectable|mRNA|preservative/, 'vaccines by plain Spanish names');
    const team = await page.getByRole('region', { name: 'Su equipo de atención' }).innerText();
    assert.match(team, /Médico de atención primaria|Pediatra/);
    assert.doesNotMatch(team, /physician|nurse|Pediatrician|Patient|Paciente/i, 'care team roles in Spanish, without the patient');
    const vitals = await page.getByRole('region', { name: /^Signos vitales/ }).innerText();
    assert.match(vitals, /\d latidos por minuto/);
    assert.match(vitals, /\d °C/);
    assert.doesNotMatch(vitals, /beats|\d C\b|kg\/m2/, 'vital-sign units in Spanish');
    // Health problems, allergies and procedures by plain Spanish names, never with SNOMED CT
    // semantic tags such as "(disorder)"; the record's words may follow in small type.
    const problems = page.getByRole('region', { name: 'Problemas de salud' });
    await problems.locator('h3').first().waitFor();
    const problemTitles = await problems.locator('h3').allInnerTexts();
    assert.ok(problemTitles.includes('Ansiedad') && problemTitles.includes('Alergia en la nariz (rinitis alérgica)'), `the demo adult's problems in plain Spanish: ${problemTitles.join(', ')}`);
    assert.deepEqual(problemTitles.filter((t) => /disorder|Anxiety|Allergic rhinitis/i.test(t)), [], 'no English problem names as titles');
    const allergies = await page.getByRole('region', { name: 'Alergias' }).innerText();
    assert.match(allergies, /Polen/);
    assert.match(allergies, /Reacción: .*Ojos rojos/);
    const summaryText = await page.locator('main').innerText();
    assert.doesNotMatch(summaryText, /\((disorder|finding|substance|procedure|situation)\)/, 'no SNOMED CT semantic tags');
    // The printed record (made on the server) uses the same plain Spanish names and no codes.
    const pdf = await page.request.get(`${base}/api/records/export.pdf?locale=es`);
    assert.equal(pdf.status(), 200);
    const printed = flatPdfText(await pdf.body());
    for (const name of ['Ansiedad', 'Polen', 'Vacuna contra ', 'Problemas de salud']) assert.ok(printed.includes(name), `the Spanish PDF names "${name}"`);
    assert.doesNotMatch(printed, /\((disorder|finding|substance|procedure|situation)\)|\[[A-Za-z ]+\/[A-Za-z ]+\]| in (Serum|Blood|Urine)/, 'no terminology words as names in the PDF');
    const coded = [...(await search<Condition>(env, 'Condition', [['patient', patientId]])).map((c) => c.code), ...(await search<Immunization>(env, 'Immunization', [['patient', patientId]])).map((i) => i.vaccineCode)];
    const codes = new Set(coded.flatMap((c) => c?.coding ?? []).map((c) => c.code!).filter((c) => c && c.length >= 4));
    assert.deepEqual([...codes].filter((code) => new RegExp(`(^|[^\\w.])${code.replace('.', '\\.')}($|[^\\w])`).test(printed)), [], 'no problem or vaccine codes in the PDF');
    await principal.getByRole('link', { name: 'Consultas' }).click();
    await page.getByRole('heading', { name: 'Consultas', level: 1 }).waitFor();
    await page.locator(`a[href="/visits/${encounterId}"]`).waitFor();
    const visitTitles = await page.locator('a.card h3').allInnerTexts();
    assert.ok(visitTitles.some((t) => /^(Consulta|Chequeo|Estancia)/.test(t)), `visit titles in Spanish: ${visitTitles.join(', ')}`);
    assert.deepEqual(visitTitles.filter((t) => /encounter|Encounter for|Well (child|adult)|Telemedicine|Hospital admission/.test(t)), [], 'no English visit types');
    await axeScan(page, 'visits (es)');

    await principal.getByRole('link', { name: 'Más' }).click();
    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'More', level: 1 }).waitFor();
  });

  await t.test('offline: a viewed result stays readable, encrypted at rest', async () => {
    await nav.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: /^Hello/ }).waitFor();
    await context.setOffline(true);
    await nav.getByRole('link', { name: 'Test results' }).click();
    await page.getByText('You are offline').waitFor();
    await resultLink.click();
    await page.getByText(/Saved on this device/).first().waitFor();
    await axeScan(page, 'offline result');
    await screenshot(page, 'offline-result');
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('portico-offline'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      const all = await new Promise<unknown[]>((res) => { const r = db.transaction('records').objectStore('records').getAll(); r.onsuccess = () => res(r.result); });
      db.close();
      return all.map((e) => JSON.stringify(e));
    });
    assert.ok(stored.length > 0, 'records were saved for offline reading');
    const unit = latest.valueQuantity?.unit ?? 'mg/dL';
    assert.ok(stored.every((s) => !s.includes(unit) && !s.includes('"resourceType"')), 'the offline store holds ciphertext only');
    // Home offline: the saved copy, with the result opened above no longer new.
    await nav.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'What needs your attention' }).waitFor();
    await page.getByText(/Saved on this device/).first().waitFor();
    assert.equal(await newOnHome(), newBefore - (latestOnHome ? 1 : 0));
    assert.ok(latestOnHome);
    await page.getByText('No new test results.').waitFor();
    await context.setOffline(false);
  });

  await t.test('keyboard only: skip link, tab bar, a result', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: /^Hello/ }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await tabTo(page, (el) => el.tag === 'a' && el.href === '/results' && el.text === 'Test results');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Test results', level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 5000 });
    await page.locator('main a[href^="/results/"]').first().waitFor();
    await tabTo(page, (el) => el.href?.startsWith('/results/') ?? false);
    const opened = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${opened}`);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 5000 });
    await page.locator('main h2').first().waitFor();
    await tabTo(page, (el) => el.tag === 'summary' || el.tag === 'a');
    // The first stop on a result is its past-results table (several results) or the way back.
    const stop = await page.evaluate(() => document.activeElement?.tagName.toLowerCase());
    await page.keyboard.press('Enter');
    if (stop === 'summary') await page.locator('details[open] table').waitFor();
    else await page.getByRole('heading', { name: 'Test results', level: 1 }).waitFor();
  });

  await t.test('older results load on demand; focus moves to the first added panel', async () => {
    await nav.getByRole('link', { name: 'Test results' }).click();
    await page.getByRole('heading', { name: 'Test results', level: 1 }).waitFor();
    const older = page.getByRole('button', { name: 'Show older results' });
    await older.waitFor();
    const results = page.locator('main a[href^="/results/"]');
    const first = await results.count();
    assert.ok(first > 0 && first < labs.length, `one page at first (${first} of ${labs.length} results)`);
    const panels = await page.locator('main section h2').count();
    await older.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.activeElement?.id === `group-${n}`, panels, { timeout: 20_000 });
    assert.ok((await results.count()) > first, 'older results were added below');
    await axeScan(page, 'results with an older page');
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
  await context.close();
});
