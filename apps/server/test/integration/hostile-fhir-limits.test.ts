// Hostile input, faults and load (found by a 10,000-request fuzz of /fhir): one bad batch entry fails
// alone; oversized bundles are refused whole; a query that runs too long is stopped with 503; one
// client cannot have more than its share of requests in flight (429), while others go on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { buildApp, type Portico } from '../../src/app.js';
import { createSystemToken } from '../../src/auth/system-token.js';
import { createDatabase, type Database } from '../../src/db/pool.js';
import { MAX_BUNDLE_ENTRIES, MAX_BUNDLE_READS } from '../../src/fhir/bundle/parse-bundle.js';
import { createTestDatabase, testConfig, type TestDatabase } from '../support/harness.js';
import { fhirClient, rowCounts, type FhirClient } from './hostile-fhir-support.js';

const STATEMENT_TIMEOUT_MS = 4000;
const PER_CLIENT = 4;

let testDb: TestDatabase;
let db: Database;
let portico: Portico;
let fhir: FhirClient;
let other: FhirClient;
let patientId: string;

before(async () => {
  testDb = await createTestDatabase();
  // The app's own pool, as server-runtime.ts builds it: with a statement timeout.
  db = createDatabase({ url: testDb.url, poolSize: 12, statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  portico = await buildApp(testConfig({ FHIR_CONCURRENT_REQUESTS_PER_CLIENT: String(PER_CLIENT) }), { db });
  await portico.app.ready();
  fhir = fhirClient(portico, (await createSystemToken(db, 'limits-a')).token);
  other = fhirClient(portico, (await createSystemToken(db, 'limits-b')).token);
  const created = await fhir.send('POST', '/fhir/Patient', { resourceType: 'Patient', name: [{ family: 'Limits' }] });
  patientId = (created.json() as { id: string }).id;
});
after(async () => {
  await portico?.app.close();
  await db?.close();
  await testDb?.drop();
});

const counts = () => rowCounts({ db });
const statuses = (res: { json(): unknown }) => (res.json() as { entry: { response: { status: string } }[] }).entry.map((e) => e.response.status);

describe('batch entries and bundle size', () => {
  test('a malformed url in one batch entry fails that entry with 400, as on its own; the others answer', async () => {
    const alone = await fhir.send('GET', '/fhir/Patient/%');
    assert.equal(alone.statusCode, 400);
    const res = await fhir.send('POST', '/fhir', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: 'Patient/%' } },
        { request: { method: 'GET', url: `Patient/${patientId}` } },
        { request: { method: 'DELETE', url: 'Patient/%E0%A4%A' } },
        { request: { method: 'PUT', url: 'Patient/%zz' }, resource: { resourceType: 'Patient', id: 'x' } },
      ],
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.deepEqual(statuses(res), ['400 Bad Request', '200 OK', '400 Bad Request', '400 Bad Request']);
    const first = (res.json() as { entry: { response: { outcome: { issue: { diagnostics: string }[] } } }[] }).entry[0].response.outcome;
    assert.match(first.issue[0].diagnostics, /^Bundle\.entry\[0\]: The URL is not valid \(check its percent-encoding\)/);
  });

  test(`more than ${MAX_BUNDLE_ENTRIES} entries or ${MAX_BUNDLE_READS} reads is refused whole with 413, nothing written`, async () => {
    const before = await counts();
    const create = { request: { method: 'POST', url: 'Patient' }, resource: { resourceType: 'Patient', name: [{ family: 'Bulk' }] } };
    for (const type of ['batch', 'transaction']) {
      const tooMany = await fhir.send('POST', '/fhir', { resourceType: 'Bundle', type, entry: Array.from({ length: MAX_BUNDLE_ENTRIES + 1 }, () => create) });
      assert.equal(tooMany.statusCode, 413, tooMany.body.slice(0, 200));
      assert.match(tooMany.body, new RegExp(`"too-costly".*${MAX_BUNDLE_ENTRIES + 1} entries; at most ${MAX_BUNDLE_ENTRIES}`));
      const reads = Array.from({ length: MAX_BUNDLE_READS + 1 }, () => ({ request: { method: 'GET', url: 'Patient?name=x' } }));
      const tooManyReads = await fhir.send('POST', '/fhir', { resourceType: 'Bundle', type, entry: [create, ...reads] });
      assert.equal(tooManyReads.statusCode, 413, tooManyReads.body.slice(0, 200));
      assert.match(tooManyReads.body, new RegExp(`${MAX_BUNDLE_READS + 1} read or search entries; at most ${MAX_BUNDLE_READS}`));
    }
    assert.deepEqual(await counts(), before);
    const atTheCap = await fhir.send('POST', '/fhir', { resourceType: 'Bundle', type: 'batch', entry: Array.from({ length: MAX_BUNDLE_READS }, () => ({ request: { method: 'GET', url: `Patient/${patientId}` } })) });
    assert.equal(atTheCap.statusCode, 200);
  });
});

describe('statement timeout and requests in flight per client', () => {
  test('a client over its cap gets 429 with Retry-After while others go on; queries past the timeout answer 503 with Retry-After', { timeout: 60_000 }, async () => {
    // Hold the string index so searches by name wait in the database, as slow queries would.
    const blocker = new pg.Client({ connectionString: testDb.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE sp_string IN ACCESS EXCLUSIVE MODE');
      let answered = 0;
      const slow = Array.from({ length: PER_CLIENT }, () => fhir.send('GET', '/fhir/Patient?name=Limits').finally(() => answered++));
      // While they wait, the same client's next request (a read the lock does not hold) is refused.
      let refused!: Awaited<ReturnType<FhirClient['send']>>;
      await waitFor(async () => (refused = await fhir.send('GET', `/fhir/Patient/${patientId}`)).statusCode === 429);
      assert.equal(answered, 0, 'the slow searches were still in flight');
      assert.equal(refused.statusCode, 429, refused.body);
      assert.equal(refused.headers['retry-after'], '1');
      const outcome = refused.json() as { resourceType: string; issue: { code: string; diagnostics: string }[] };
      assert.equal(outcome.resourceType, 'OperationOutcome');
      assert.equal(outcome.issue[0].code, 'throttled');
      assert.match(outcome.issue[0].diagnostics, new RegExp(`at most ${PER_CLIENT} requests of one client`));
      // Another client is not held back.
      assert.equal((await other.send('GET', `/fhir/Patient/${patientId}`)).statusCode, 200);

      for (const res of await Promise.all(slow)) {
        assert.equal(res.statusCode, 503, res.body);
        assert.equal(res.headers['retry-after'], '10');
        const timedOut = res.json() as { resourceType: string; issue: { code: string; diagnostics: string }[] };
        assert.equal(timedOut.resourceType, 'OperationOutcome');
        assert.equal(timedOut.issue[0].code, 'timeout');
        assert.match(timedOut.issue[0].diagnostics, /longer than the server allows/);
        assert.doesNotMatch(res.body, /statement timeout|canceling statement|57014/);
      }
      // Inside a batch, a stopped query fails its entry alone.
      const batch = await fhir.send('POST', '/fhir', {
        resourceType: 'Bundle',
        type: 'batch',
        entry: [{ request: { method: 'GET', url: 'Patient?name=Limits' } }, { request: { method: 'GET', url: `Patient/${patientId}` } }],
      });
      assert.equal(batch.statusCode, 200, batch.body.slice(0, 300));
      assert.deepEqual(statuses(batch), ['503 Service Unavailable', '200 OK']);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    // The cap counts requests in flight only: once they are answered the client is served again.
    const again = await fhir.send('GET', '/fhir/Patient?name=Limits');
    assert.equal(again.statusCode, 200, again.body);
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
