// Hostile input, conflicting writes (found by a 10,000-request fuzz of /fhir): a conditional update
// that matches nothing but names an existing id, and concurrent update-as-create of one new id, must
// answer 4xx or succeed, never a constraint error, and leave a consistent version history.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/harness.js';
import { fhirClient, rowCounts, type FhirClient } from './hostile-fhir-support.js';

let t: TestApp;
let fhir: FhirClient;
before(async () => {
  // Enough connections for eight writers at once, and a per-client cap above them.
  t = await startTestApp({ FHIR_CONCURRENT_REQUESTS_PER_CLIENT: '32' });
  fhir = fhirClient(t, t.systemToken);
});
after(async () => t?.close());

const versionsOf = async (type: string, id: string) =>
  (await t.db.query<{ v: string }>('SELECT version_id::text AS v FROM fhir_resource_history WHERE resource_type = $1 AND id = $2 ORDER BY version_id', [type, id])).rows.map((r) => r.v);

describe('conditional update with no match and the id of an existing resource', () => {
  const existing = { resourceType: 'Patient', id: 'cu-existing', name: [{ family: 'Original' }] };
  const intruder = { ...existing, name: [{ family: 'Overwritten' }] };
  before(async () => assert.equal((await fhir.send('PUT', '/fhir/Patient/cu-existing', existing)).statusCode, 201));

  const assertUnchanged = async () => {
    assert.deepEqual(await versionsOf('Patient', 'cu-existing'), ['1']);
    const current = (await fhir.send('GET', '/fhir/Patient/cu-existing')).json() as { name: { family: string }[] };
    assert.equal(current.name[0].family, 'Original');
  };

  test('alone: 409 with an OperationOutcome, the resource untouched', async () => {
    const before = await rowCounts(t);
    const res = await fhir.send('PUT', '/fhir/Patient?identifier=http://example.org/mrn|nobody', intruder);
    assert.equal(res.statusCode, 409, res.body);
    const outcome = res.json() as { resourceType: string; issue: { code: string; diagnostics: string }[] };
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.equal(outcome.issue[0].code, 'conflict');
    assert.match(outcome.issue[0].diagnostics, /Patient\/cu-existing already exists but does not match the criteria/);
    assert.deepEqual(await rowCounts(t), before);
    await assertUnchanged();
  });

  test('in a batch: that entry 409, the others go on', async () => {
    const res = await fhir.send('POST', '/fhir', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'PUT', url: 'Patient?identifier=http://example.org/mrn|nobody' }, resource: intruder },
        { request: { method: 'GET', url: 'Patient/cu-existing' } },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const entries = (res.json() as { entry: { response: { status: string; outcome?: { issue: { diagnostics: string }[] } } }[] }).entry;
    assert.equal(entries[0].response.status, '409 Conflict');
    assert.match(entries[0].response.outcome!.issue[0].diagnostics, /^Bundle\.entry\[0\]: Patient\/cu-existing already exists/);
    assert.equal(entries[1].response.status, '200 OK');
    await assertUnchanged();
  });

  test('in a transaction: 409 for the whole, nothing written', async () => {
    const before = await rowCounts(t);
    const res = await fhir.send('POST', '/fhir', {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Patient', name: [{ family: 'Bystander' }] } },
        { request: { method: 'PUT', url: 'Patient?identifier=http://example.org/mrn|nobody' }, resource: intruder },
      ],
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.match(res.body, /Bundle\.entry\[1\]/);
    assert.deepEqual(await rowCounts(t), before);
    await assertUnchanged();
  });

  test('a new id is created (update as create), and a matching body id updates the match', async () => {
    const created = await fhir.send('PUT', '/fhir/Patient?identifier=http://example.org/mrn|cu-new', { resourceType: 'Patient', id: 'cu-new', identifier: [{ system: 'http://example.org/mrn', value: 'cu-new' }] });
    assert.equal(created.statusCode, 201, created.body);
    const updated = await fhir.send('PUT', '/fhir/Patient?identifier=http://example.org/mrn|cu-new', { resourceType: 'Patient', id: 'cu-new', active: true, identifier: [{ system: 'http://example.org/mrn', value: 'cu-new' }] });
    assert.equal(updated.statusCode, 200, updated.body);
    assert.deepEqual(await versionsOf('Patient', 'cu-new'), ['1', '2']);
    // Found by the criteria, but the body names another id: 400, as before.
    const mismatch = await fhir.send('PUT', '/fhir/Patient?identifier=http://example.org/mrn|cu-new', { resourceType: 'Patient', id: 'cu-other', identifier: [{ system: 'http://example.org/mrn', value: 'cu-new' }] });
    assert.equal(mismatch.statusCode, 400, mismatch.body);
  });
});

describe('concurrent PUTs creating the same new id', () => {
  const CONCURRENT = 8;

  test('the same body eight times at once: one 201, seven 200 with the same version, one history row', async () => {
    const body = { resourceType: 'Patient', id: 'race-same', name: [{ family: 'Race' }] };
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => fhir.send('PUT', '/fhir/Patient/race-same', body)));
    const statuses = answers.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 201], answers.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n'));
    assert.deepEqual(new Set(answers.map((r) => r.headers.etag)), new Set(['W/"1"']));
    assert.deepEqual(await versionsOf('Patient', 'race-same'), ['1']);
  });

  test('eight different bodies at once: one create and seven updates, versions 1 to 8 with nothing lost', async () => {
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => fhir.send('PUT', '/fhir/Patient/race-diff', { resourceType: 'Patient', id: 'race-diff', name: [{ family: `Writer${i}` }] })),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 201], answers.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`).join('\n'));
    assert.deepEqual(await versionsOf('Patient', 'race-diff'), ['1', '2', '3', '4', '5', '6', '7', '8']);
    const etags = answers.map((r) => r.headers.etag).sort();
    assert.equal(new Set(etags).size, CONCURRENT, `each writer got its own version: ${etags.join(' ')}`);
    // The index holds the last version's name only.
    const { rows } = await t.db.query<{ value: string }>(`SELECT value FROM sp_string WHERE resource_type = 'Patient' AND resource_id = 'race-diff' AND param = 'family'`);
    const current = (await fhir.send('GET', '/fhir/Patient/race-diff')).json() as { name: { family: string }[] };
    assert.deepEqual(rows.map((r) => r.value), [current.name[0].family]);
  });

  test('concurrent conditional updates naming the same new id: one 201, the others 409, never 5xx', async () => {
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        fhir.send('PUT', `/fhir/Patient?identifier=http://example.org/mrn|race-cu-${i}`, { resourceType: 'Patient', id: 'race-cu', identifier: [{ system: 'http://example.org/mrn', value: `race-cu-${i}` }] }),
      ),
    );
    const statuses = answers.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(' '));
    assert.ok(statuses.every((s) => s === 201 || s === 409), statuses.join(' '));
    assert.deepEqual(await versionsOf('Patient', 'race-cu'), ['1']);
  });
});
