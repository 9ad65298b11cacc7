// Growth charts of the demo child in Chromium at 390×844: enrolled with an activation code from the
// clinic, the Health summary draws weight, height, BMI and head size on the WHO/CDC reference
// curves; the percentile shown is the one the LMS tables give for the child's newest measurement,
// the chart has a text alternative and a table, and axe finds nothing.
import assert from 'node:assert/strict';
import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import { searchResources } from '../../server/src/fhir/search/search.js';
import { growthMeasurements, growthSex } from '../src/features/records/growth/growth-measurements.js';
import { apiSignIn, assertNoOverflow, axeScan, browserSuite, DEMO_ACCOUNTS, demoPatient, screenshot } from './support.js';

const PASSWORD = 'maple lantern river 2468';
const ordinal = (n: number) => `${n}${({ one: 'st', two: 'nd', few: 'rd', other: 'th' } as Record<string, string>)[new Intl.PluralRules('en', { type: 'ordinal' }).select(n)]}`;

browserSuite('records: growth charts on WHO and CDC reference curves', async (env, t) => {
  const { base } = env;
  const childId = demoPatient('child');
  const child = JSON.parse((await env.systemRepo.read('Patient', childId)).content as string) as Patient;
  const bundle: Bundle = await searchResources(env.systemRepo, 'Observation', [['patient', childId], ['category', 'vital-signs'], ['_count', '1000']], { strict: false });
  const vitals = (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource as Observation);
  const expected = growthMeasurements(vitals, child.birthDate, growthSex(child));
  assert.ok(expected.get('weight')?.length, 'the demo child has weights on a reference curve');
  assert.ok(expected.get('headCircumference')?.length, 'the demo child has head sizes from before 2 years');

  const clinician = await apiSignIn(base, DEMO_ACCOUNTS.clinician);
  const created = await clinician('POST', `/api/staff/patients/${childId}/activation-codes`, { email: 'growth.parent@example.org' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { context, page } = await env.newPhone();
  // The clinic's own recorded percentiles have a section of their own: look only inside this one.
  const charts = page.getByRole('region', { name: 'Growth charts' });

  await t.test('enrol, open the Health summary, and find a chart for each measure', async () => {
    await page.goto(`${base}/enroll`);
    await page.getByRole('textbox', { name: 'Activation code' }).fill(created.body.code);
    await page.getByLabel('Date of birth').fill(child.birthDate!);
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'More' }).click();
    await page.getByRole('link', { name: 'Health summary' }).click();
    await charts.waitFor({ timeout: 20_000 });
    for (const name of ['Weight for age', 'Height for age', 'BMI for age', 'Head size for age']) {
      await charts.getByRole('heading', { name, level: 3 }).waitFor();
    }
  });

  await t.test('the weight chart says the percentile the LMS tables give, in its label and its table', async () => {
    const weights = expected.get('weight')!;
    const latest = weights[weights.length - 1];
    const p = Math.round(latest.percentile);
    const text = latest.percentile < 1 ? 'Below the 1st percentile' : latest.percentile > 99 ? 'Above the 99th percentile' : `${ordinal(p)} percentile`;
    // Weights from before 2 years are on the WHO curves, later ones on the CDC curves.
    const sources = weights.some((w) => w.source === 'who') ? 'World Health Organization \\(WHO\\) growth charts and CDC growth charts' : 'CDC growth charts';
    const chart = charts.getByRole('img', { name: new RegExp(`^Chart of Weight for age, ${weights.length} measurements?\\. Latest [\\d.]+ kg \\([\\d.]+ (years|months)\\), ${text}\\. Bands show the 5th to 95th and 25th to 75th percentiles of the ${sources}\\.$`) });
    await chart.waitFor();
    const card = charts.locator('.card', { has: page.getByRole('heading', { name: 'Weight for age', level: 3 }) });
    assert.equal((await card.locator('.value').innerText()).trim(), text);
    await card.locator('summary', { hasText: 'Past results as a table' }).click();
    const rows = card.locator('table tbody tr');
    assert.equal(await rows.count(), weights.length);
    const short = latest.percentile < 1 ? 'Below 1st' : latest.percentile > 99 ? 'Above 99th' : ordinal(p);
    assert.equal((await rows.first().locator('td').last().innerText()).trim(), short);
    // The bands are drawn behind the dots: two band shapes, the 50th line and one dot per measurement.
    assert.equal(await chart.locator('path.band').count(), 2);
    assert.equal(await chart.locator('circle.point').count(), weights.length);
  });

  await t.test('infant measures are on the WHO curves and say so', async () => {
    const head = charts.locator('.card', { has: page.getByRole('heading', { name: 'Head size for age', level: 3 }) });
    await head.getByRole('img', { name: /of the World Health Organization \(WHO\) growth charts\.$/ }).waitFor();
    await head.getByText('Compared with the World Health Organization (WHO) growth charts.').waitFor();
  });

  await t.test('accessible and fits the phone', async () => {
    await axeScan(page, 'health summary with growth charts');
    await assertNoOverflow(page, 'health summary with growth charts');
    await charts.scrollIntoViewIfNeeded();
    await screenshot(page, 'growth-charts');
  });

  await context.close();
});
