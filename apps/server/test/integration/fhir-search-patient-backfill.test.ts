// Migration 011 backfills sp_patient_token from the index rows already stored; the rows it makes
// must be the ones the store writes for new resources.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Resource } from '@medplum/fhirtypes';
import { runMigrations } from '../../src/db/migrate.js';
import { createDatabase } from '../../src/db/pool.js';
import { createResource, startTestApp, type TestApp } from '../support/harness.js';

describe('migration 011: sp_patient_token backfill', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('makes the same rows as the store, for resources of several types, dates and patients', async () => {
    const make = async (r: Record<string, unknown>) => (await createResource(t.systemRepo, r as unknown as Resource)).id as string;
    const p = await make({ resourceType: 'Patient', name: [{ family: 'Backfill' }] });
    const category = (code: string) => [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code }] }];
    const subject = { reference: `Patient/${p}` };
    await make({ resourceType: 'Observation', status: 'final', category: category('laboratory'), code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] }, subject, effectiveDateTime: '2024-03-01T10:00:00Z' });
    await make({ resourceType: 'Observation', status: 'final', category: category('vital-signs'), code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }, { code: 'hr' }] }, subject, effectivePeriod: { start: '2023-01' } });
    await make({ resourceType: 'Observation', status: 'final', code: { text: 'no coding' }, subject });
    await make({ resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2345-7' }] }, subject, effectivePeriod: { end: '2022-06-01' } });
    await make({ resourceType: 'DiagnosticReport', status: 'final', category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }], code: { coding: [{ system: 'http://loinc.org', code: '58410-2' }] }, subject, effectiveDateTime: '2024-03-02' });
    await make({ resourceType: 'Condition', category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }], code: { coding: [{ system: 'http://snomed.info/sct', code: '38341003' }] }, subject });

    const snapshot = async () =>
      (await t.db.query<{ row: string }>(`SELECT concat_ws(' ', resource_type, resource_id, patient_id, param, system, code, date_lo, date_hi) AS row FROM sp_patient_token ORDER BY 1`)).rows.map((r) => r.row);
    const written = await snapshot();
    assert.ok(written.length >= 10, written.join('\n'));
    assert.ok(written.some((r) => r.includes('infinity')), 'missing dates are stored as infinity');

    // As the owner (the app's own role may not drop tables), back to the state before migration 011.
    const url = new URL(process.env.PORTICO_TEST_ADMIN_URL as string);
    url.pathname = `/${(await t.db.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name}`;
    const owner = createDatabase({ url: url.toString(), poolSize: 1 });
    try {
      await owner.query('DROP TABLE sp_patient_token');
      await owner.query('DELETE FROM schema_migration WHERE version = 11');
      assert.deepEqual(await runMigrations(owner), ['011_patient_token_index']);
    } finally {
      await owner.close();
    }
    assert.deepEqual(await snapshot(), written);
  });
});
