import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { startTestApp, type TestApp } from '../support/harness.js';
import { get, ids, loadClinic, type Clinic } from './fhir-search-fixtures.js';

describe('FHIR search: unknown parameters and malformed values', () => {
  let t: TestApp;
  let c: Clinic;
  before(async () => {
    t = await startTestApp();
    c = await loadClinic(t);
  });
  after(async () => t.close());

  it('ignores unknown parameters by default, warns in an outcome entry, and leaves them out of self', async () => {
    const { status, body } = await get(t, `Observation?patient=${c.a}&shoe-size=9&category=laboratory`);
    assert.equal(status, 200);
    assert.deepEqual(ids(body), [c.hemoglobinA]);
    const outcome = body.entry?.find((e) => e.search?.mode === 'outcome')?.resource as OperationOutcome;
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.match(outcome.issue[0].diagnostics ?? '', /shoe-size/);
    const self = body.link?.find((l) => l.relation === 'self')?.url ?? '';
    assert.ok(!self.includes('shoe-size'), self);
    assert.ok(self.includes('category=laboratory'), self);
  });

  it('rejects unknown parameters with 400 under Prefer: handling=strict', async () => {
    const { status, body } = await get(t, 'Observation?shoe-size=9', { prefer: 'handling=strict' });
    assert.equal(status, 400);
    assert.equal(body.resourceType, 'OperationOutcome');
    assert.match(JSON.stringify(body), /shoe-size/);
  });

  it('rejects unsupported modifiers even when lenient', async () => {
    for (const q of ['code:below=718-7', 'date:exact=2024', 'patient:Medication=1', 'family:fuzzy=x']) {
      const { status, body } = await get(t, `${q.startsWith('family') ? 'Patient' : 'Observation'}?${q}`);
      assert.equal(status, 400, q);
      assert.equal(body.resourceType, 'OperationOutcome');
    }
  });

  it('answers malformed values with 400, never 500', async () => {
    const cases = [
      'Observation?_count=-1',
      'Observation?_count=abc',
      'Observation?_sort=shoe-size',
      'Observation?_summary=maybe',
      'Observation?_total=lots',
      'Observation?_elements=code;drop',
      'Observation?_cursor=not-a-cursor',
      'Observation?code:missing=perhaps',
      'Observation?value-quantity=1e999999',
      'Observation?code=',
      'Observation?_id=..%2F..%2Fetc',
      'Observation?code-value-quantity=718-7',
      'Observation?subject.organization.name=x',
      'Observation?_has:Foo:bar:baz=1',
      `Observation?code=${Array.from({ length: 300 }, (_, i) => i).join(',')}`,
      `Observation?${Array.from({ length: 150 }, (_, i) => `code=${i}`).join('&')}`,
    ];
    for (const path of cases) {
      const { status, body } = await get(t, path);
      assert.equal(status, 400, `${path}: ${JSON.stringify(body)}`);
      assert.equal(body.resourceType, 'OperationOutcome', path);
    }
  });

  it('rejects a cursor made for a different sort', async () => {
    const first = await get(t, 'Observation?_sort=date&_count=1');
    const next = first.body.link?.find((l) => l.relation === 'next')?.url ?? '';
    const cursor = new URL(next).searchParams.get('_cursor') ?? '';
    const other = await get(t, `Observation?_sort=-date&_count=1&_cursor=${cursor}`);
    assert.equal(other.status, 400);
  });

  it('answers searches on unknown types with 404', async () => {
    const { status } = await get(t, 'Spaceship?name=x');
    assert.equal(status, 404);
  });

  it('accepts POST [type]/_search with a form body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/fhir/Observation/_search',
      headers: { authorization: `Bearer ${t.systemToken}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `patient=${c.b}&code=2345-7`,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(ids(res.json()), [c.glucoseB]);
  });
});
