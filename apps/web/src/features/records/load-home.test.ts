import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Appointment, Bundle, DiagnosticReport, Resource } from '@medplum/fhirtypes';
import { ApiError, setCsrfToken } from '../../fhir-client/http.js';
import { homeBatch, loadHome, newResultsIn, observationIdOf } from './load-home.js';
import { newResultTest, type OpenedResults } from './opened-results.js';

const realFetch = globalThis.fetch;
// The app has read the session (and its CSRF token) before Home loads.
beforeEach(() => setCsrfToken('csrf-1'));
afterEach(() => {
  globalThis.fetch = realFetch;
  setCsrfToken(undefined);
});

const PATIENT = 'p1';
const searchset = (resources: Resource[], total?: number): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  ...(total !== undefined ? { total } : {}),
  entry: resources.map((resource) => ({ resource, search: { mode: 'match' } })),
});

/** What the server says this account opened (GET /api/records/opened-results), asked beside the batch. */
let openedAnswer: OpenedResults = { newForDays: 30, opened: [] };

/** Answers Home's batch: each entry by its resource type; records every /fhir request made. */
function serve(answers: Record<string, Bundle | number>, whole?: 'network'): { url: string; method: string; headers: Record<string, string>; body: Bundle }[] {
  const asked: { url: string; method: string; headers: Record<string, string>; body: Bundle }[] = [];
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body ?? 'null')) as Bundle;
    if (whole === 'network') throw new TypeError('Failed to fetch');
    if (String(input) === '/api/records/opened-results') return new Response(JSON.stringify(openedAnswer), { status: 200 });
    asked.push({ url: String(input), method: init?.method ?? 'GET', headers: init?.headers as Record<string, string>, body });
    if (init?.method !== 'POST') {
      const answer = answers[String(input).split('?')[0].split('/').pop()!] ?? searchset([]);
      if (typeof answer === 'number') return new Response('{"resourceType":"OperationOutcome"}', { status: answer });
      return new Response(JSON.stringify(answer), { status: 200 });
    }
    const entry = (body.entry ?? []).map((e) => {
      const answer = answers[e.request!.url.split('?')[0]] ?? searchset([]);
      if (typeof answer === 'number') return { response: { status: `${answer} Error`, outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'no' }] } } };
      return { resource: answer, response: { status: '200 OK' } };
    });
    return new Response(JSON.stringify({ resourceType: 'Bundle', type: 'batch-response', entry }), { status: 200 });
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

test('Home asks in one batch for exactly its five searches: trimmed reports without results, a few upcoming visits, three counts', async () => {
  const asked = serve({ DiagnosticReport: searchset([report('r1', '2024-05-01', ['Observation/o1'])]), Condition: searchset([], 2), MedicationRequest: searchset([], 3), AllergyIntolerance: searchset([], 1) });
  const before = new Date();
  const home = await loadHome(PATIENT);
  assert.equal(asked.length, 1, 'one request');
  assert.equal(asked[0].method, 'POST');
  assert.equal(asked[0].url, '/fhir');
  assert.equal(asked[0].headers['x-csrf-token'], 'csrf-1', 'a cookie-authenticated POST carries the CSRF token');
  assert.equal(asked[0].body.type, 'batch');
  assert.ok(asked[0].body.entry!.every((e) => e.request?.method === 'GET'), 'reads only');
  const urls = asked[0].body.entry!.map((e) => new URL(e.request!.url, 'http://portal.test/fhir/'));
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

  // The same request is what the benchmark sends (bench/home-load.ts).
  const now = new Date(Date.parse(byType.get('/fhir/Appointment')!.get('date')!.slice(2)));
  assert.deepEqual(asked[0].body, homeBatch(PATIENT, now));
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

test('a server without appointments still shows Home; another failed search or a lost connection fails the load (the saved copy is then shown)', async () => {
  serve({ Appointment: 404, Condition: searchset([], 1) });
  const home = await loadHome(PATIENT);
  assert.deepEqual(home.appointments, []);
  assert.equal(home.summary.problems, 1);

  serve({ Condition: 500 });
  await assert.rejects(loadHome(PATIENT), (err: unknown) => err instanceof ApiError && err.kind === 'server' && err.status === 500);
  serve({}, 'network');
  await assert.rejects(loadHome(PATIENT), (err: unknown) => err instanceof ApiError && err.kind === 'network');
});

test('without a CSRF token (an app started offline) Home asks the same five searches as plain GETs', async () => {
  setCsrfToken(undefined);
  const asked = serve({ Appointment: 404, Condition: searchset([], 4), DiagnosticReport: searchset([report('r1', '2024-05-01', ['Observation/o1'])]) });
  const home = await loadHome(PATIENT);
  assert.ok(asked.every((a) => a.method === 'GET'));
  const expected = homeBatch(PATIENT, new Date(Date.parse(new URL(asked[1].url, 'http://portal.test').searchParams.get('date')!.slice(2)))).entry!.map((e) => `/fhir/${e.request!.url}`);
  assert.deepEqual(asked.map((a) => a.url), expected);
  assert.deepEqual(home.appointments, []);
  assert.equal(home.summary.problems, 4);
  assert.deepEqual(home.reports.map((r) => r.id), ['r1']);
  serve({ Condition: 500 });
  await assert.rejects(loadHome(PATIENT), (err: unknown) => err instanceof ApiError && err.status === 500);
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
  const fresh = newResultsIn(reports, (id) => !opened.has(id!));
  assert.equal(fresh.count, 3, 'c, d and a: b and e were opened, a is counted once');
  assert.deepEqual(fresh.panels.map((p) => [p.report.id, p.newResults, p.date]), [['newer', 3, '2024-03-02']], 'a counts with the newer panel; panels with nothing new are left out');
  opened.add('c');
  assert.deepEqual(newResultsIn(reports, (id) => !opened.has(id!)).count, 2, 'opening a result takes it off');
  assert.deepEqual(newResultsIn(reports, () => false), { count: 0, panels: [] });
});

test('new means released in the last NEW_RESULT_DAYS days (the report\'s issued date) and not opened by this account', () => {
  const now = Date.parse('2026-03-31T12:00:00Z');
  const days = (n: number) => new Date(now - n * 86_400_000).toISOString();
  const reports = [
    { ...report('last-week', days(7), ['Observation/w1', 'Observation/w2']), issued: days(6) },
    { ...report('taken-long-ago-released-now', days(60), ['Observation/late']), issued: days(2) },
    { ...report('last-year', days(400), ['Observation/y1', 'Observation/y2', 'Observation/y3']), issued: days(399) },
    report('no-issued-date', days(31), ['Observation/n1']),
  ];
  const opened: OpenedResults = { newForDays: 30, opened: ['w2'] };
  const fresh = newResultsIn(reports, newResultTest(opened, new Set(), now));
  assert.equal(fresh.count, 2, 'w1 and late: w2 was opened, last year\'s results are simply results');
  assert.deepEqual(fresh.panels.map((p) => p.report.id), ['last-week', 'taken-long-ago-released-now']);
  assert.equal(newResultsIn(reports, newResultTest({ ...opened, newForDays: 7 }, new Set(), now)).count, 2, 'the window is the server\'s');
  assert.equal(newResultsIn(reports, newResultTest({ ...opened, newForDays: 3 }, new Set(), now)).count, 1);
  assert.equal(newResultsIn(reports, newResultTest(opened, new Set(['w1']), now)).count, 1, 'a result opened in this tab counts at once');
  assert.equal(newResultsIn(reports, newResultTest(undefined, new Set(), now)).count, 0, 'nothing is new before the server answers');
});

test('Home asks which results this account opened beside its batch, and saves the answer with the rest', async () => {
  openedAnswer = { newForDays: 14, opened: ['o1'] };
  serve({ DiagnosticReport: searchset([report('r1', '2024-05-01', ['Observation/o1'])]) });
  assert.deepEqual((await loadHome(PATIENT)).opened, { newForDays: 14, opened: ['o1'] });
  openedAnswer = { newForDays: 30, opened: [] };
});

test('result references: relative, absolute and versioned forms give the Observation id; others give none', () => {
  assert.equal(observationIdOf('Observation/123'), '123');
  assert.equal(observationIdOf('https://ehr.example/fhir/Observation/a-1.b'), 'a-1.b');
  assert.equal(observationIdOf('Observation/x/_history/3'), 'x');
  assert.equal(observationIdOf('ImagingStudy/9'), undefined);
  assert.equal(observationIdOf(undefined), undefined);
});
