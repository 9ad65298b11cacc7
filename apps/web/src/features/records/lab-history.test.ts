import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { EMPTY_HISTORY, addLabPage, type LabHistory } from './lab-history.js';

const obs = (id: string, date: string): Observation => ({ resourceType: 'Observation', id, status: 'final', code: { text: id }, effectiveDateTime: date });
const report = (id: string, date: string, results: string[]): DiagnosticReport => ({
  resourceType: 'DiagnosticReport',
  id,
  status: 'final',
  code: { text: id },
  effectiveDateTime: date,
  result: results.map((r) => ({ reference: `Observation/${r}` })),
});
const ids = (h: LabHistory) => h.groups.map((g) => `${g.report?.id ?? g.date}: ${g.results.map((o) => o.id).join(',')}`);

const MAY = '2025-05-02T09:00:00Z';
const APRIL = '2025-04-10T09:00:00Z';
const cbc = report('cbc', MAY, ['hgb', 'wbc', 'plt']);
const a1c = report('a1c', APRIL, ['a1c']);

test('one page: groups by report in the lab order, newest first, results outside a report by day', () => {
  const h = addLabPage(EMPTY_HISTORY, {
    results: [obs('plt', MAY), obs('hgb', MAY), obs('wbc', MAY), obs('loose', '2025-04-20T10:00:00Z'), obs('a1c', APRIL)],
    reports: [cbc, a1c],
  });
  assert.deepEqual(ids(h), ['cbc: hgb,wbc,plt', '2025-04-20: loose', 'a1c: a1c']);
  assert.equal(h.groups[0].date, MAY);
  assert.equal(h.held.length, 0);
  assert.equal(h.next, undefined);
});

test('a panel cut by the page boundary waits for the next page and is then shown whole', () => {
  const first = addLabPage(EMPTY_HISTORY, { results: [obs('a1c-new', '2025-06-01T09:00:00Z'), obs('hgb', MAY), obs('wbc', MAY)], reports: [report('a1c-2', '2025-06-01T09:00:00Z', ['a1c-new']), cbc], next: '/fhir/Observation?_cursor=2' });
  assert.deepEqual(ids(first), ['a1c-2: a1c-new']);
  assert.deepEqual(first.held.map((g) => g.report?.id), ['cbc']);
  const second = addLabPage(first, { results: [obs('plt', MAY), obs('a1c', APRIL)], reports: [cbc, a1c] });
  assert.deepEqual(ids(second), ['a1c-2: a1c-new', 'cbc: hgb,wbc,plt', 'a1c: a1c']);
  assert.equal(second.held.length, 0);
});

test('a listed result that never comes holds its report back one page only', () => {
  const odd = report('odd', MAY, ['hgb', 'not-a-lab']);
  const first = addLabPage(EMPTY_HISTORY, { results: [obs('hgb', MAY)], reports: [odd], next: 'n2' });
  assert.deepEqual(ids(first), []);
  const second = addLabPage(first, { results: [obs('a1c', APRIL)], reports: [a1c], next: 'n3' });
  assert.deepEqual(ids(second), ['odd: hgb', 'a1c: a1c']);
  // A late result of a shown report joins its group instead of starting another.
  const third = addLabPage(second, { results: [obs('not-a-lab', MAY)], reports: [odd] });
  assert.deepEqual(ids(third), ['odd: hgb,not-a-lab', 'a1c: a1c']);
});

test('a result seen twice (data changed between pages) is shown once', () => {
  const first = addLabPage(EMPTY_HISTORY, { results: [obs('a1c', APRIL)], reports: [a1c], next: 'n2' });
  const second = addLabPage(first, { results: [obs('a1c', APRIL), obs('old', '2020-01-01')], reports: [a1c] });
  assert.deepEqual(ids(second), ['a1c: a1c', '2020-01-01: old']);
});
