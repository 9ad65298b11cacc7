// Hostile input, values (found by a 10,000-request fuzz of /fhir): an object or list where FHIR wants
// a primitive must be refused with 400 before anything is stored or indexed, and a value too long for
// a database index must be stored whole and stay findable.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { indexKey, INDEXED_PREFIX_CHARS } from '../../src/fhir/indexing/index-keys.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { fhirClient, rowCounts, type FhirClient } from './hostile-fhir-support.js';

let t: TestApp;
let fhir: FhirClient;
before(async () => {
  t = await startTestApp();
  fhir = fhirClient(t, t.systemToken);
});
after(async () => t?.close());

const observation = (extra: Record<string, unknown>) => ({ resourceType: 'Observation', status: 'final', code: { text: 'Glucose' }, ...extra });

/** Bodies with a non-primitive where a primitive belongs, each with the path the answer must name. */
const NON_PRIMITIVES: [string, Record<string, unknown>, string][] = [
  ['object for a string', { resourceType: 'Patient', name: [{ family: {} }] }, 'Patient.name[0].family'],
  ['list for a single string', { resourceType: 'Patient', name: [{ family: [] }] }, 'Patient.name[0].family'],
  ['object in a list of strings', { resourceType: 'Patient', name: [{ given: ['Ana', {}] }] }, 'Patient.name[0].given[1]'],
  ['object for CodeableConcept.text (crashed indexing)', observation({ code: { text: {} } }), 'Observation.code.text'],
  ['object for a code', observation({ code: { coding: [{ system: 'http://loinc.org', code: { a: 1 } }] } }), 'Observation.code.coding[0].code'],
  ['object for a boolean', { resourceType: 'Patient', active: {} }, 'Patient.active'],
  ['object for a date', { resourceType: 'Patient', birthDate: {} }, 'Patient.birthDate'],
  ['object for a decimal', observation({ valueQuantity: { value: {} } }), 'Observation.value.ofType(Quantity).value'],
  ['object for an extension value', { resourceType: 'Patient', extension: [{ url: 'http://example.org/x', valueString: {} }] }, 'Patient.extension[0].value.ofType(string)'],
  ['list for a nested extension value', { resourceType: 'Patient', extension: [{ url: 'http://example.org/x', extension: [{ url: 'y', valueCode: ['a'] }] }] }, 'Patient.extension[0].extension[0].value.ofType(code)'],
  ['object in a contained resource', { resourceType: 'Patient', contained: [{ resourceType: 'Practitioner', id: 'p', name: [{ family: {} }] }] }, 'Patient.contained[0].name[0].family'],
  ['primitive companion that is not an object', { resourceType: 'Patient', birthDate: '1990-01-01', _birthDate: 'x' }, 'Patient._birthDate'],
  ['object inside a primitive companion extension', { resourceType: 'Patient', birthDate: '1990-01-01', _birthDate: { extension: [{ url: 'http://example.org/t', valueTime: {} }] } }, 'Patient._birthDate.extension[0].value.ofType(time)'],
  ['object for a reference string', observation({ subject: { reference: {} } }), 'Observation.subject.reference'],
  ['string where an object belongs', observation({ subject: 'Patient/1' }), 'Observation.subject'],
];

describe('an object or list where FHIR wants a primitive', () => {
  test('is refused with 400 naming the element, on create, update and conditional update, and nothing is written', async () => {
    const before = await rowCounts(t);
    for (const [what, body, path] of NON_PRIMITIVES) {
      const type = body.resourceType as string;
      for (const [method, url, payload] of [
        ['POST', `/fhir/${type}`, body],
        ['PUT', `/fhir/${type}/shape-1`, { ...body, id: 'shape-1' }],
        ['PUT', `/fhir/${type}?identifier=http://example.org|none`, body],
      ] as const) {
        const res = await fhir.send(method, url, payload);
        assert.equal(res.statusCode, 400, `${what}: ${method} ${url} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
        const outcome = res.json() as { resourceType: string; issue: { expression?: string[]; diagnostics?: string }[] };
        assert.equal(outcome.resourceType, 'OperationOutcome');
        assert.ok(outcome.issue.some((i) => i.expression?.includes(path) && i.diagnostics?.startsWith(path)), `${what}: expected an issue at ${path}, got ${res.body.slice(0, 300)}`);
      }
    }
    assert.deepEqual(await rowCounts(t), before, 'a refused write left rows behind');
  });

  test('is refused inside batch and transaction entries, at the entry, without failing the other batch entries', async () => {
    const before = await rowCounts(t);
    const entries = NON_PRIMITIVES.slice(0, 4).map(([, resource]) => ({ request: { method: 'POST', url: resource.resourceType as string }, resource }));
    const good = { request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Patient', name: [{ family: 'Fine' }] } };

    const transaction = await fhir.send('POST', '/fhir', { resourceType: 'Bundle', type: 'transaction', entry: [good, ...entries] });
    assert.equal(transaction.statusCode, 400, transaction.body.slice(0, 300));
    assert.match(transaction.body, /Bundle\.entry\[1\]\.resource\.name\[0\]\.family/);
    assert.deepEqual(await rowCounts(t), before, 'a refused transaction left rows behind');

    const batch = await fhir.send('POST', '/fhir', { resourceType: 'Bundle', type: 'batch', entry: [good, ...entries] });
    assert.equal(batch.statusCode, 200, batch.body.slice(0, 300));
    const statuses = (batch.json() as { entry: { response: { status: string } }[] }).entry.map((e) => e.response.status);
    assert.deepEqual(statuses, ['201 Created', ...entries.map(() => '400 Bad Request')]);
    const after = await rowCounts(t);
    assert.equal(after.resources, before.resources + 1, 'only the good batch entry is stored');
  });

  test('well-formed primitives, nulls paired with companions and empty lists still pass', async () => {
    const res = await fhir.send('POST', '/fhir/Patient', {
      resourceType: 'Patient',
      active: true,
      name: [{ given: ['Ana', null], _given: [null, { extension: [{ url: 'http://example.org/n', valueString: 'second' }] }], family: 'Ruiz' }],
      multipleBirthInteger: 2,
      extension: [{ url: 'http://example.org/x', valueDecimal: 1.5 }],
    });
    assert.equal(res.statusCode, 201, res.body.slice(0, 300));
  });
});

describe('values too long for a database index', () => {
  const MB = 1024 * 1024;
  // FHIR strings may be up to 1 MB (R4 datatypes.html#string); the validator refuses longer ones.
  const NEAR_MB = MB - 64;

  test('a 1 MB family name and a 1 MB code are stored whole and found by exact and prefix searches', async () => {
    const family = `Long${'x'.repeat(NEAR_MB)}`;
    // Exact searches send the whole value in a form body (at most 1 MB): half a megabyte is as far
    // past the index limit (about 2.7 kB) as a whole one.
    const code = `c${'y'.repeat(MB / 2)}`;
    const exactFamily = `Exact${'z'.repeat(MB / 2)}`;
    const stored = await fhir.send('POST', '/fhir/Observation', observation({ code: { coding: [{ system: 'http://example.org/codes', code: `k${'q'.repeat(NEAR_MB)}` }] } }));
    assert.equal(stored.statusCode, 201, stored.body.slice(0, 200));
    const patient = await fhir.send('POST', '/fhir/Patient', { resourceType: 'Patient', name: [{ family }, { family: exactFamily }] });
    assert.equal(patient.statusCode, 201, patient.body.slice(0, 200));
    const patientId = (patient.json() as { id: string }).id;
    const obs = await fhir.send('POST', '/fhir/Observation', observation({ code: { coding: [{ system: 'http://example.org/codes', code }] }, subject: { reference: `Patient/${patientId}` } }));
    assert.equal(obs.statusCode, 201, obs.body.slice(0, 200));
    const obsId = (obs.json() as { id: string }).id;

    // Stored whole.
    const read = (await fhir.send('GET', `/fhir/Patient/${patientId}`)).json() as { name: { family: string }[] };
    assert.equal(read.name[0].family, family);

    // Exact token match on the whole code (POST _search: the code does not fit a URL), and a code that
    // shares its first characters is not a match.
    const byCode = await fhir.search('Observation', { code: `http://example.org/codes|${code}` });
    assert.deepEqual(byCode, [obsId]);
    assert.deepEqual(await fhir.search('Observation', { code: `http://example.org/codes|${code}z` }), []);
    assert.deepEqual(await fhir.search('Observation', { code }), [obsId]);
    // Patient-scoped code searches read sp_patient_token: the same key.
    assert.deepEqual(await fhir.search('Observation', { patient: patientId, code }), [obsId]);

    // String search: starts-with on the first characters, :exact on the whole value.
    assert.deepEqual(await fhir.search('Patient', { name: 'Longxxx' }), [patientId]);
    assert.deepEqual(await fhir.search('Patient', { 'family:exact': exactFamily }), [patientId]);
    assert.deepEqual(await fhir.search('Patient', { 'family:exact': `${exactFamily}z` }), []);
    assert.deepEqual(await fhir.search('Patient', { family: family.slice(0, INDEXED_PREFIX_CHARS) }), [patientId]);
    assert.deepEqual(await fhir.search('Patient', { family: exactFamily.slice(0, INDEXED_PREFIX_CHARS + 50) }), [patientId]);
  });

  test('a 1 MB value inside a batch entry is stored, and a long reference type is not indexed as a type', async () => {
    const batch = await fhir.send('POST', '/fhir', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Patient', identifier: [{ system: `urn:x:${'s'.repeat(NEAR_MB)}`, value: 'v'.repeat(NEAR_MB) }] } },
        { request: { method: 'POST', url: 'Observation' }, resource: observation({ subject: { reference: `${'A'.repeat(NEAR_MB)}/1` } }) },
      ],
    });
    assert.equal(batch.statusCode, 200, batch.body.slice(0, 300));
    const statuses = (batch.json() as { entry: { response: { status: string } }[] }).entry.map((e) => e.response.status);
    assert.equal(statuses[0], '201 Created');
    // The reference is to no stored resource: refused as such, not a database error.
    assert.equal(statuses[1], '400 Bad Request');
  });

  test('migration 013 rewrites rows stored before it to the keys the code computes, astral characters too', async () => {
    const samples = ['short', 'é'.repeat(INDEXED_PREFIX_CHARS), `${'😀'.repeat(INDEXED_PREFIX_CHARS - 1)}ab`, `${'a'.repeat(INDEXED_PREFIX_CHARS)}b`, 'ü😀'.repeat(300)];
    const migration = readFileSync(new URL('../../src/db/migrations/013_index_keys_for_long_values.sql', import.meta.url), 'utf8');
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      // Rows as the code before the migration wrote them: the raw values.
      for (const [i, value] of samples.entries()) {
        await client.query(`INSERT INTO sp_token (resource_type, resource_id, param, system, code) VALUES ('Observation', $1, 'code', $2, $2)`, [`mig-${i}`, value]);
        await client.query(`INSERT INTO sp_string (resource_type, resource_id, param, value, value_norm) VALUES ('Patient', $1, 'name', $2, $2)`, [`mig-${i}`, value]);
        await client.query(`INSERT INTO sp_uri (resource_type, resource_id, param, value) VALUES ('ValueSet', $1, 'url', $2)`, [`mig-${i}`, value]);
      }
      await client.query(migration);
      const { rows } = await client.query<{ id: string; code: string; system: string; norm: string; uri: string }>(
        `SELECT t.resource_id AS id, t.code, t.system, s.value_norm AS norm, u.value AS uri FROM sp_token t
         JOIN sp_string s ON s.resource_id = t.resource_id JOIN sp_uri u ON u.resource_id = t.resource_id WHERE t.resource_id LIKE 'mig-%'`,
      );
      assert.equal(rows.length, samples.length);
      for (const row of rows) {
        const value = samples[Number(row.id.slice(4))];
        const expected = indexKey(value);
        assert.deepEqual([row.code, row.system, row.norm, row.uri], [expected, expected, expected, expected], `key of ${value.slice(0, 20)}… (${value.length} UTF-16 units)`);
      }
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    assert.ok(Buffer.byteLength(indexKey('😀'.repeat(MB))) < 1100, 'a key of 4-byte characters fits a B-tree entry with room for the other columns');
  });
});
