import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiagnosticReport, DocumentReference } from '@medplum/fhirtypes';
import { labReportsOfNote } from './lab-report-note.js';
import type { ResultGroup } from './load-records.js';

const group = (id: string): ResultGroup => ({
  report: { resourceType: 'DiagnosticReport', id, status: 'final', code: { text: id } } as DiagnosticReport,
  results: [{ resourceType: 'Observation', id: `${id}-o`, status: 'final', code: { text: 'x' } }],
  date: '2025-12-26T19:36:00Z',
});
const note = (...related: string[]): DocumentReference => ({
  resourceType: 'DocumentReference',
  status: 'current',
  content: [{ attachment: { contentType: 'text/plain', data: '' } }],
  context: { related: related.map((reference) => ({ reference })) },
});

test('a lab report note shows the reports it restates, in its order, once each', () => {
  const labs = [group('cbc'), group('bmp'), group('lipids')];
  assert.deepEqual(labReportsOfNote(note('DiagnosticReport/bmp', 'https://ehr.example/fhir/DiagnosticReport/cbc/_history/2', 'DiagnosticReport/bmp'), labs).map((g) => g.report!.id), ['bmp', 'cbc']);
});

test('a note that names no lab report, or one not loaded, keeps its own text', () => {
  const labs = [group('cbc')];
  assert.deepEqual(labReportsOfNote(note(), labs), []);
  assert.deepEqual(labReportsOfNote(note('ImagingStudy/1'), labs), []);
  assert.deepEqual(labReportsOfNote(note('DiagnosticReport/cbc', 'DiagnosticReport/elsewhere'), labs), [], 'the text may say more than the results shown');
  assert.deepEqual(labReportsOfNote({ resourceType: 'DocumentReference', status: 'current', content: [] }, labs), []);
});
