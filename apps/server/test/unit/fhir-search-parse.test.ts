import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirError } from '#fhir/outcomes.js';
import { parseFilter, parseReferenceValue } from '../../src/fhir/search/filters.js';
import { decodeCursor, encodeCursor, sortSql } from '../../src/fhir/search/paging.js';
import { parseSearchRequest } from '../../src/fhir/search/request.js';
import { parseDateValue, parseNumberValue, parseQuantityValue, parseTokenValue, splitOr, escapeLike } from '../../src/fhir/search/values.js';
import { privilegedPolicy } from '../../src/access/policy.js';

const ctx = { baseUrl: 'https://portal.example/fhir' };
const is400 = (err: unknown) => err instanceof FhirError && err.status === 400;

describe('search value parsing', () => {
  it('splits OR lists and honours escaped commas', () => {
    assert.deepEqual(splitOr('a,b\\,c'), ['a', 'b,c']);
  });

  it('reads tokens: code, system|code, |code, system|', () => {
    assert.deepEqual(parseTokenValue('718-7'), { system: undefined, code: '718-7' });
    assert.deepEqual(parseTokenValue('http://loinc.org|718-7'), { system: 'http://loinc.org', code: '718-7' });
    assert.deepEqual(parseTokenValue('|718-7'), { system: null, code: '718-7' });
    assert.deepEqual(parseTokenValue('http://loinc.org|'), { system: 'http://loinc.org', code: undefined });
    assert.deepEqual(parseTokenValue('a\\|b|c'), { system: 'a|b', code: 'c' });
  });

  it('reads dates with prefixes and precision', () => {
    assert.deepEqual(parseDateValue('ge2024-02', 'date'), { prefix: 'ge', range: { lo: '2024-02-01T00:00:00.000Z', hi: '2024-03-01T00:00:00.000Z' } });
    assert.equal(parseDateValue('2024-01-01T10:00:00 01:00', 'date').range.lo, '2024-01-01T09:00:00.000Z');
    assert.throws(() => parseDateValue('zz2024', 'date'), is400);
    assert.throws(() => parseDateValue('2024-02-30', 'date'), is400);
  });

  it('reads numbers with their implied precision', () => {
    assert.deepEqual(parseNumberValue('100', 'n'), { prefix: 'eq', value: '100', half: '5e-1' });
    assert.deepEqual(parseNumberValue('lt1.25', 'n'), { prefix: 'lt', value: '1.25', half: '5e-3' });
    assert.equal(parseNumberValue('1e2', 'n').half, '5e1');
    assert.throws(() => parseNumberValue('1,5', 'n'), is400);
    assert.throws(() => parseNumberValue('NaN', 'n'), is400);
  });

  it('reads quantities', () => {
    assert.deepEqual(parseQuantityValue('5.4|http://unitsofmeasure.org|mg', 'q'), { prefix: 'eq', value: '5.4', half: '5e-2', system: 'http://unitsofmeasure.org', code: 'mg' });
    assert.equal(parseQuantityValue('5.4||mg', 'q').system, undefined);
    assert.throws(() => parseQuantityValue('5|mg', 'q'), is400);
  });

  it('escapes LIKE wildcards', () => {
    assert.equal(escapeLike('50%_a\\'), '50\\%\\_a\\\\');
  });

  it('reads references as local ids whatever their form', () => {
    assert.deepEqual(parseReferenceValue('123', ctx, 'patient'), { id: '123' });
    assert.deepEqual(parseReferenceValue('Patient/123', ctx, 'patient'), { type: 'Patient', id: '123' });
    assert.deepEqual(parseReferenceValue('https://portal.example/fhir/Patient/123', ctx, 'patient'), { type: 'Patient', id: '123' });
    assert.deepEqual(parseReferenceValue('https://elsewhere.example/fhir/Patient/123', ctx, 'patient'), { literal: 'https://elsewhere.example/fhir/Patient/123' });
  });
});

describe('search request parsing', () => {
  it('parses modifiers, chains, _has and composites into filters', () => {
    assert.equal(parseFilter('Observation', 'code:not', '1', ctx).kind, 'token');
    assert.equal(parseFilter('Observation', 'subject:Patient.name', 'x', ctx).kind, 'chain');
    assert.equal(parseFilter('Patient', '_has:Observation:patient:code', '1', ctx).kind, 'has');
    const composite = parseFilter('Observation', 'code-value-quantity', 'http://loinc.org|718-7$gt5,1$2', ctx);
    assert.ok(composite.kind === 'composite' && composite.alternatives.length === 2 && composite.alternatives[0].length === 2);
  });

  it('keeps applied parameters for the self link and collects unknown ones when lenient', () => {
    const req = parseSearchRequest('Observation', [['code', '1'], ['bogus', 'x'], ['_count', '5'], ['_cursor', 'abc']], ctx, false);
    assert.deepEqual(req.applied, [['code', '1'], ['_count', '5']]);
    assert.deepEqual(req.ignored, ['bogus']);
    assert.equal(req.count, 5);
    assert.equal(req.cursor, 'abc');
  });

  it('rejects unknown parameters when strict, and caps _count', () => {
    assert.throws(() => parseSearchRequest('Observation', [['bogus', 'x']], ctx, true), is400);
    assert.equal(parseSearchRequest('Observation', [['_count', '5000']], ctx, false).count, 1000);
    assert.equal(parseSearchRequest('Observation', [], ctx, false).count, 20);
  });

  it('parses _sort, _include and _revinclude', () => {
    const req = parseSearchRequest('Observation', [['_sort', '-date,code,_id'], ['_include', 'Observation:patient'], ['_revinclude', 'Provenance:target'], ['_include:iterate', 'Provenance:agent:Practitioner']], ctx, false);
    assert.deepEqual(req.sort.map((s) => [s.code, s.type, s.descending]), [['date', 'date', true], ['code', 'token', false], ['_id', 'id', false]]);
    assert.equal(req.includes.length, 2);
    assert.equal(req.includes[1].iterate, true);
    assert.equal(req.includes[1].targetType, 'Practitioner');
    assert.equal(req.revincludes[0].sourceType, 'Provenance');
  });

  it('round-trips paging cursors and refuses foreign ones', () => {
    const sql = sortSql([{ code: 'date', type: 'date', descending: true }], 'r', 'Observation', { params: [], policy: privilegedPolicy('operator'), aliases: 0 });
    const token = encodeCursor({ direction: 'n', values: ['2024-01-01 00:00:00+00', 'abc'] }, '-date');
    assert.deepEqual(decodeCursor(token, '-date', sql), { direction: 'n', values: ['2024-01-01 00:00:00+00', 'abc'] });
    assert.throws(() => decodeCursor(token, 'date', sql), is400);
    assert.throws(() => decodeCursor(encodeCursor({ direction: 'n', values: ["'; drop table x", 'abc'] }, '-date'), '-date', sql), is400);
    assert.throws(() => decodeCursor('%%%', '-date', sql), is400);
  });
});
