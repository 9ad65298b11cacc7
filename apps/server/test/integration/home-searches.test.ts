// The web app's Home request (apps/web/src/features/records/load-home.ts homeBatch) against the
// real server with a patient's session cookie: a batch the session may send (CSRF), every search
// parameter supported (an ignored one would widen a count), counts and pages holding only the
// patient's own data, and no result Observation coming along with the reports.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { homeBatch, homeSearches } from '../../../web/src/features/records/load-home.js';
import { createResource, type TestApp } from '../support/harness.js';
import { Browser, makeAccount, startIdentityApp } from '../support/identity.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const LAB = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();

function chart(patientId: string): Resource[] {
  const subject = { reference: `Patient/${patientId}` };
  const condition = (status: string) => ({ resourceType: 'Condition', subject, clinicalStatus: { coding: [{ system: CLINICAL, code: status }] }, code: { text: status } });
  const medication = (status: string) => ({ resourceType: 'MedicationRequest', subject, status, intent: 'order', medicationCodeableConcept: { text: status } });
  const allergy = (status: string) => ({ resourceType: 'AllergyIntolerance', patient: subject, clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: status }] }, code: { text: status } });
  const visit = (start: string, status: string) => ({ resourceType: 'Appointment', status, start, end: start, participant: [{ actor: subject, status: 'accepted' }] });
  return [
    condition('active'), condition('recurrence'), condition('relapse'), condition('resolved'), condition('inactive'),
    medication('active'), medication('active'), medication('stopped'), medication('completed'),
    allergy('active'), allergy('inactive'),
    visit(day(3), 'booked'), visit(day(1), 'booked'), visit(day(2), 'cancelled'), visit(day(-2), 'fulfilled'), visit(day(5), 'pending'), visit(day(9), 'booked'),
  ] as Resource[];
}

describe('Home searches on the server', () => {
  let t: TestApp & { dataDir: string };
  let patientId: string;
  let browser: Browser;
  before(async () => {
    t = await startIdentityApp();
    patientId = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', birthDate: '1980-02-03' })).id!;
    const otherId = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', birthDate: '1975-06-07' })).id!;
    for (const r of [...chart(patientId), ...chart(otherId), ...chart(otherId)]) await createResource(t.systemRepo, r);
    for (const [id, date] of [[patientId, '2024-01-05'], [patientId, '2024-03-09'], [otherId, '2024-06-01']] as const) {
      const results = [];
      for (const code of ['2345-7', '2160-0']) {
        results.push(await createResource<Resource>(t.systemRepo, {
          resourceType: 'Observation', status: 'final', category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
          code: { coding: [{ system: 'http://loinc.org', code }] }, subject: { reference: `Patient/${id}` }, effectiveDateTime: date, valueQuantity: { value: 1 },
        } as Resource));
      }
      await createResource(t.systemRepo, {
        resourceType: 'DiagnosticReport', status: 'final', category: [LAB], code: { text: `Panel ${date}` }, subject: { reference: `Patient/${id}` },
        effectiveDateTime: date, issued: `${date}T12:00:00Z`, conclusion: 'All results within reference range.', result: results.map((o) => ({ reference: `Observation/${o.id}` })),
      } as Resource);
    }
    await makeAccount(t, { email: 'home@example.org', patientId });
    browser = new Browser(t, '198.51.100.40');
    assert.equal((await browser.signIn('home@example.org')).statusCode, 200);
  });
  after(async () => t.close());

  let answers: Map<string, Bundle>;
  before(async () => {
    const res = await browser.post('/fhir', homeBatch(patientId, new Date()));
    assert.equal(res.statusCode, 200, res.body);
    const response = res.json() as Bundle;
    assert.equal(response.type, 'batch-response');
    const names = Object.keys(homeSearches(patientId, new Date()));
    assert.equal(response.entry?.length, names.length);
    answers = new Map(names.map((name, i) => [name, response.entry![i].resource as Bundle]));
    response.entry!.forEach((e, i) => assert.equal(e.response?.status, '200 OK', `${names[i]}: ${JSON.stringify(e.response?.outcome)}`));
  });

  async function search(name: keyof ReturnType<typeof homeSearches>): Promise<Bundle> {
    const bundle = answers.get(name)!;
    const ignored = (bundle.entry ?? []).filter((e) => e.search?.mode === 'outcome');
    assert.deepEqual(ignored, [], `${name}: no parameter is ignored`);
    return bundle;
  }

  it('refuses the batch without the CSRF token, as any cookie-authenticated write', async () => {
    const csrf = browser.csrf;
    browser.csrf = undefined;
    try {
      assert.equal((await browser.post('/fhir', homeBatch(patientId, new Date()))).statusCode, 403);
    } finally {
      browser.csrf = csrf;
    }
  });

  it('counts only the patient\'s current problems, active medicines and active allergies', async () => {
    assert.equal((await search('problems')).total, 3);
    assert.equal((await search('medicines')).total, 2);
    assert.equal((await search('allergies')).total, 1);
    for (const name of ['problems', 'medicines', 'allergies'] as const) assert.equal((await search(name)).entry?.length ?? 0, 0, `${name} sends no resources`);
  });

  it('lists the next three upcoming visits, soonest first, without cancelled or past ones', async () => {
    const bundle = await search('appointments');
    const starts = (bundle.entry ?? []).map((e) => (e.resource as { start: string }).start);
    assert.equal(starts.length, 3);
    assert.deepEqual(starts, [...starts].sort());
    assert.ok(starts.every((s) => Date.parse(s) > Date.now()));
    assert.ok((bundle.entry ?? []).every((e) => ['booked', 'pending'].includes((e.resource as { status: string }).status)));
  });

  it('sends the newest lab reports with their result references, trimmed, and no Observations', async () => {
    const bundle = await search('reports');
    const resources = (bundle.entry ?? []).map((e) => e.resource!);
    assert.deepEqual(resources.map((r) => r.resourceType), ['DiagnosticReport', 'DiagnosticReport']);
    assert.deepEqual(resources.map((r) => (r as { effectiveDateTime: string }).effectiveDateTime), ['2024-03-09', '2024-01-05']);
    for (const r of resources as { result: unknown[]; conclusion?: string; subject: { reference: string } }[]) {
      assert.equal(r.result.length, 2);
      assert.equal(r.conclusion, undefined, 'elements Home does not read are left out');
      assert.equal(r.subject.reference, `Patient/${patientId}`);
    }
  });
});
