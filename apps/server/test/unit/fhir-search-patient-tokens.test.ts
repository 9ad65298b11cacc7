import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyRows, type IndexRows } from '../../src/fhir/indexing/extract.js';
import { dateSortKeys, patientTokenRows } from '../../src/fhir/store/patient-tokens.js';
import { parseSearchRequest } from '../../src/fhir/search/request.js';
import { patientScope } from '../../src/fhir/search/patient-scope.js';

const rows = (over: Partial<IndexRows>): IndexRows => ({ ...emptyRows(), ...over });

describe('patient token rows (sp_patient_token)', () => {
  it('takes the sort keys of the date parameter: earliest start, latest end, open ends open, none last', () => {
    assert.deepEqual(dateSortKeys(rows({})), { lo: 'infinity', hi: '-infinity' });
    assert.deepEqual(
      dateSortKeys(rows({ date: [
        { param: 'date', lo: '2024-03-01T00:00:00.000Z', hi: '2024-04-01T00:00:00.000Z' },
        { param: 'date', lo: '2023-01-01T00:00:00.000Z', hi: '2023-01-02T00:00:00.000Z' },
        { param: 'issued', lo: '1990-01-01T00:00:00.000Z', hi: '2099-01-01T00:00:00.000Z' },
      ] })),
      { lo: '2023-01-01T00:00:00.000Z', hi: '2024-04-01T00:00:00.000Z' },
    );
    assert.deepEqual(dateSortKeys(rows({ date: [{ param: 'date', lo: null, hi: '2024-01-01T00:00:00.000Z' }] })), { lo: '-infinity', hi: '2024-01-01T00:00:00.000Z' });
    assert.deepEqual(dateSortKeys(rows({ date: [{ param: 'date', lo: '2024-01-01T00:00:00.000Z', hi: null }] })), { lo: '2024-01-01T00:00:00.000Z', hi: 'infinity' });
  });

  it('copies code and category tokens with a code once per Patient the patient parameter names', () => {
    const out = patientTokenRows(rows({
      reference: [
        { param: 'patient', targetType: 'Patient', targetId: 'p1', reference: 'Patient/p1' },
        { param: 'patient', targetType: 'Patient', targetId: 'p1', reference: 'https://other.example/fhir/Patient/p1' },
        { param: 'patient', targetType: 'Patient', targetId: 'p2', reference: 'Patient/p2' },
        { param: 'subject', targetType: 'Patient', targetId: 'p3', reference: 'Patient/p3' },
        { param: 'patient', targetType: 'Group', targetId: 'g1', reference: 'Group/g1' },
      ],
      token: [
        { param: 'code', system: 'http://loinc.org', code: '718-7', textNorm: null },
        { param: 'code', system: null, code: null, textNorm: 'hemoglobin' },
        { param: 'category', system: null, code: 'laboratory', textNorm: null },
        { param: 'status', system: null, code: 'final', textNorm: null },
      ],
    }));
    assert.deepEqual(out.map((r) => `${r.patientId} ${r.param} ${r.system ?? '-'} ${r.code} ${r.dateLo} ${r.dateHi}`).sort(), [
      'p1 category - laboratory infinity -infinity',
      'p1 code http://loinc.org 718-7 infinity -infinity',
      'p2 category - laboratory infinity -infinity',
      'p2 code http://loinc.org 718-7 infinity -infinity',
    ]);
    assert.deepEqual(patientTokenRows(rows({ token: [{ param: 'code', system: null, code: 'x', textNorm: null }] })), []);
  });

  it('drives a search from the table only when the rows hold exactly what the filters ask', () => {
    const scoped = (q: string) => patientScope(parseSearchRequest('Observation', [...new URLSearchParams(q)], { baseUrl: 'https://portal.example/fhir' }, true));
    assert.equal(scoped('patient=p1&category=laboratory')?.token.code, 'category');
    assert.equal(scoped('patient=Patient/p1&category=laboratory&code=718-7&_sort=-date')?.token.code, 'code');
    assert.equal(scoped('patient:Patient=p1&code=http://loinc.org|718-7')?.patientId, 'p1');
    for (const q of [
      'patient=p1', // no token to drive by
      'patient=p1,p2&category=laboratory', // two patients
      'subject=Patient/p1&category=laboratory', // not the patient parameter
      'patient=https://other.example/fhir/Patient/p1&code=718-7', // a literal reference
      'patient=p1&code:not=718-7',
      'patient=p1&code=718-7,2345-7',
      'patient=p1&code=http://loinc.org|',
      'patient=p1&status=final',
      'patient=p1&category=laboratory&_sort=-_lastUpdated',
    ]) assert.equal(scoped(q), undefined, q);
  });
});
