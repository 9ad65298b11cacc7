import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Appointment, Bundle, DiagnosticReport, Resource } from '@medplum/fhirtypes';
import { ApiError } from '../../fhir-client/http.js';
import { homeSearches, loadHome, newResultsIn, observationIdOf } from './load-home.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const PATIENT = 'p1';
const searchset = (resources: Resource[], total?: number): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  ...(total !== undefined ? { total } : {}),
  entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
});

/** Answers each Home search by resource type and records every URL asked for. */
function serve(answers: Record<string, Bundle | number | 'network'>): string[] {
  const asked: string[] = [];
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const type = new URL(url, 'http://portal.test').pathname.split('/')[2];
    const answer = answers[type];
    if (answer === 'network') throw new TypeError('Failed to fetch');
    if (typeof answer === 'number') return new Response('{"resourceType":"OperationOutcome"}', { status: answer });
    return new Response(JSON.stringify(answer ?? searchset([])), { status: 200 });
  }) as typeof fetch;
  return asked;
}

const report = (id: string, date: string, results: string[]): DiagnosticReport => ({
  resourceType: 'DiagnosticReport',
  id,
  status: 'final',
  code: { text: `Panel ${id}` },
  subject: { reference: `Patient/${PATIENT}` },
  effectiveDateTime: date,
  result: results.map((reference) => ({ reference })),
});

const visit = (id: string, start: string, status: Appointment['status'] = 'booked'): Appointment => ({
  resourceType: 'Appointment',
  id,
  status,
  start,
  participant: [{ actor: { reference: `Patient/${PATIENT}` }, status: 'accepted' }],
});

test('Home asks for exactly its five searches: trimmed reports without results, a few upcoming visits, three counts', async () => {
  const asked = serve({ DiagnosticReport: searchset([report('r1', '2024-05-01', ['Observation/o1'])]), Condition: searchset([], 2), MedicationRequest: searchset([], 3), AllergyIntolerance: searchset([], 1) });
  const before = new Date();
  const home = await loadHome(PATIENT);
  assert.equal(asked.length, 5);
  const urls = asked.map((u) => new URL(u, 'http://portal.test'));
  for (const u of urls) assert.equal(u.searchParams.get('patient'), PATIENT, u.pathname);
  assert.ok(urls.every((u) => !u.searchParams.has('_include')), 'no results are pulled in with the reports');
  const byType = new Map(urls.map((u) => [u.pathname, u.searchParams]));
  assert.equal(byType.get('/fhir/DiagnosticReport')?.get('_count'), '10');
  assert.equal(byType.get('/fhir/DiagnosticReport')?.get('_sort'), '-date');
  assert.match(byType.get('/fhir/DiagnosticReport')?.get('_elements') ?? '', /\bresult\b/);
  assert.equal(byType.get('/fhir/Appointment')?.get('_count'), '3');
  assert.ok(Date.parse(byType.get('/fhir/Appointment')!.get('date')!.slice(2)) >= Math.floor(before.getTime() / 1000) * 1000, 'only visits from now on');
  assert.doesNotMatch(byType.get('/fhir/Appointment')?.get('status') ?? '', /cancelled|noshow|fulfilled|entered-in-error/);
  assert.equal(byType.get('/fhir/Condition')?.get('_summary'), 'count');
  assert.equal(byType.get('/fhir/Condition')?.get('clinical-status'), 'active,recurrence,relapse');
  assert.equal(byType.get('/fhir/MedicationRequest')?.get('_summary'), 'count');
  assert.equal(byType.get('/fhir/MedicationRequest')?.get('status'), 'active');
  assert.equal(byType.get('/fhir/AllergyIntolerance')?.get('_summary'), 'count');
  assert.equal(byType.get('/fhir/AllergyIntolerance')?.get('clinical-status'), 'active');
  assert.deepEqual(home.summary, { problems: 2, medicines: 3, allergies: 1 });
  assert.deepEqual(home.reports.map((r) => r.id), ['r1']);

  // The same list, in the same order, is what the benchmark replays (bench/home-load.ts).
  const expected = Object.values(homeSearches(PATIENT, new Date(Date.parse(byType.get('/fhir/Appointment')!.get('date')!.slice(2))))).map((s) => s.type);
  assert.deepEqual(urls.map((u) => u.pathname.split('/')[2]), expected);
});

test('upcoming visits: past, cancelled and other patients\' visits are left out, soonest first, at most three', async () => {
  const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  serve({
    Appointment: searchset([
      visit('late', soon(9)),
      visit('past', soon(-1)),
      visit('cancelled', soon(1), 'cancelled'),
      visit('first', soon(2)),
      { ...visit('other', soon(1)), participant: [{ actor: { reference: 'Patient/someone-else' }, status: 'accepted' }] },
      visit('second', soon(3)),
      visit('third', soon(4)),
    ]),
  });
  const home = await loadHome(PATIENT);
  assert.deepEqual(home.appointments.map((a) => a.id), ['first', 'second', 'third']);
});

test('a server without appointments still shows Home; a lost connection fails the load so the saved copy is shown', async () => {
  serve({ Appointment: 404, Condition: searchset([], 1) });
  const home = await loadHome(PATIENT);
  assert.deepEqual(home.appointments, []);
  assert.equal(home.summary.problems, 1);

  serve({ Condition: 'network' });
  await assert.rejects(loadHome(PATIENT), (err: unknown) => err instanceof ApiError && err.kind === 'network');
});

test('a count search answered without total (a server that ignores _summary=count) counts its matches', async () => {
  serve({ MedicationRequest: searchset([{ resourceType: 'MedicationRequest', id: 'm1', status: 'active', intent: 'order', subject: { reference: `Patient/${PATIENT}` } }]) });
  assert.equal((await loadHome(PATIENT)).summary.medicines, 1);
});

test('new results: counted from the reports\' result references until opened, grouped by panel, newest first', () => {
  const reports = [
    report('older', '2024-01-10', ['Observation/a', 'Observation/b']),
    report('newer', '2024-03-02', ['https://ehr.example/fhir/Observation/c/_history/2', 'Observation/d', 'Observation/a']),
    report('opened', '2024-02-01', ['Observation/e']),
    { ...report('no-results', '2024-04-01', []), result: undefined },
  ];
  const opened = new Set(['b', 'e']);
  const fresh = newResultsIn(reports, (id) => !opened.has(id));
  assert.equal(fresh.count, 3, 'c, d and a: b and e were opened, a is counted once');
  assert.deepEqual(fresh.panels.map((p) => [p.report.id, p.newResults, p.date]), [['newer', 3, '2024-03-02']], 'a counts with the newer panel; panels with nothing new are left out');
  opened.add('c');
  assert.deepEqual(newResultsIn(reports, (id) => !opened.has(id)).count, 2, 'opening a result takes it off');
  assert.deepEqual(newResultsIn(reports, () => false), { count: 0, panels: [] });
});

test('result references: relative, absolute and versioned forms give the Observation id; others give none', () => {
  assert.equal(observationIdOf('Observation/123'), '123');
  assert.equal(observationIdOf('https://ehr.example/fhir/Observation/a-1.b'), 'a-1.b');
  assert.equal(observationIdOf('Observation/x/_history/3'), 'x');
  assert.equal(observationIdOf('ImagingStudy/9'), undefined);
  assert.equal(observationIdOf(undefined), undefined);
});
