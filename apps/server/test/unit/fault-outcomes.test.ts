// Database faults that reach a FHIR answer (fhir/fault-outcomes.ts): the client's bad value is a 400,
// a write rolled back for a concurrent one a 409, a stopped statement a 503 with Retry-After, and
// anything else stays an unexpected failure. The errors are shaped as node-postgres reports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FhirError } from '#fhir/outcomes.js';
import { toFhirError } from '../../src/fhir/fault-outcomes.js';

const pgError = (code: string) => Object.assign(new Error('database message that may quote a value'), { code, severity: 'ERROR' });

test('database faults map to FHIR answers without the database message', () => {
  const cases: [string, number, string][] = [
    ['22P02', 400, 'invalid'],
    ['22021', 400, 'invalid'],
    ['40P01', 409, 'conflict'],
    ['40001', 409, 'conflict'],
    ['23505', 409, 'conflict'],
    ['57014', 503, 'timeout'],
  ];
  for (const [code, status, issue] of cases) {
    const mapped = toFhirError(pgError(code));
    assert.ok(mapped, code);
    assert.equal(mapped.status, status, code);
    assert.equal(mapped.outcome.issue?.[0].code, issue, code);
    assert.doesNotMatch(JSON.stringify(mapped.outcome), /database message/, code);
  }
  assert.equal(toFhirError(pgError('57014'))?.headers?.['retry-after'], '10');
});

test('FhirErrors pass through; other failures, and look-alikes without a severity, are not mapped', () => {
  const own = new FhirError(404, { resourceType: 'OperationOutcome', issue: [] });
  assert.equal(toFhirError(own), own);
  assert.equal(toFhirError(pgError('23503')), undefined);
  assert.equal(toFhirError(new TypeError('x')), undefined);
  assert.equal(toFhirError({ code: '57014' }), undefined);
});
