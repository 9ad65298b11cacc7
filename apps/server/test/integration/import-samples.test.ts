import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { privilegedPolicy } from '../../src/access/policy.js';
import { AuditLog } from '../../src/audit/audit-log.js';
import { FhirRepository } from '../../src/fhir/repository.js';
import { rewriteReferences } from '../../src/fhir/bundle/rewrite-references.js';
import { listImportFiles } from '../../src/import/read-source.js';
import { inProcessExecutor, runImport, workerExecutor, type Executor } from '../../src/import/run-import.js';
import { createTestDatabase, type TestDatabase } from '../support/harness.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
// Synthea bundles kept in the repository (fixtures/synthea/README.md says which and why).
const samples = join(repoRoot, 'fixtures', 'synthea');
const SAMPLE_FILES = 5;
const BASE = 'http://localhost:3000/fhir';

const withoutMeta = (r: Resource) => JSON.stringify({ ...r, meta: undefined });
/** Entries in all sample bundles: each is one resource once imported. */
const sampleEntries = () =>
  listImportFiles([samples]).reduce((n, file) => n + ((JSON.parse(readFileSync(file, 'utf8')) as Bundle).entry?.length ?? 0), 0);

describe('importer on the Synthea sample bundles', () => {
  let t: TestDatabase;
  let audit: AuditLog;
  let repo: FhirRepository;
  let workers: Executor;

  before(async () => {
    // The samples are part of the repository: a missing folder is a broken checkout, not a reason to skip.
    assert.ok(existsSync(samples), `The sample bundles are missing: expected them in ${samples}`);
    t = await createTestDatabase();
    audit = new AuditLog(t.db);
    repo = new FhirRepository({ db: t.db, audit, baseUrl: BASE }, { policy: privilegedPolicy('import') });
    workers = await workerExecutor(t.url, BASE, 2);
  });
  after(async () => {
    await workers?.close();
    await audit?.close();
    await t?.drop();
  });

  const snapshot = async () =>
    (await t.db.query<{ k: string }>(`SELECT resource_type || '/' || id || '@' || version_id AS k FROM fhir_resource ORDER BY 1`)).rows.map((r) => r.k);
  const historyCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM fhir_resource_history')).rows[0].n;

  it('imports every sample bundle without loss: same content, every reference resolves', async () => {
    const files = listImportFiles([samples]);
    assert.equal(files.length, SAMPLE_FILES);
    const run = await runImport(files, workers, t.db);
    assert.deepEqual(run.problems, []);
    assert.deepEqual(run.unresolved, []);
    const totals = Object.values(run.counts).reduce((a, c) => a + c.created + c.unchanged + c.updated, 0);
    let inFiles = 0;
    for (const file of files) {
      const bundle = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
      const links = new Map<string, string>();
      for (const e of bundle.entry ?? []) links.set(e.fullUrl as string, `${e.resource!.resourceType}/${e.resource!.id}`);
      const ids = (bundle.entry ?? []).map((e) => [e.resource!.resourceType, e.resource!.id as string]);
      const { rows } = await t.db.query<{ k: string; content: string }>(
        `SELECT resource_type || '/' || id AS k, content FROM fhir_resource JOIN unnest($1::text[], $2::text[]) AS w(t, i) ON resource_type = w.t AND id = w.i`,
        [ids.map((x) => x[0]), ids.map((x) => x[1])],
      );
      const stored = new Map(rows.map((r) => [r.k, JSON.parse(r.content) as Resource]));
      for (const [i, entry] of (bundle.entry ?? []).entries()) {
        inFiles++;
        const expected = entry.resource as Resource;
        rewriteReferences(expected, (ref) => links.get(ref));
        const got = stored.get(`${expected.resourceType}/${expected.id}`);
        assert.ok(got, `${file} entry ${i} (${expected.resourceType}/${expected.id}) was not stored`);
        assert.equal(withoutMeta(got), withoutMeta(expected), `${file} entry ${i} differs`);
        assert.deepEqual(got.meta?.tag, expected.meta?.tag);
      }
    }
    assert.equal(totals, inFiles);
    // Every literal reference in what is stored points at a stored resource (contained ones excepted).
    const dangling = await t.db.query(
      `SELECT r.resource_type, r.id, ref FROM fhir_resource r, regexp_matches(r.content, '"reference":"([^"#][^"]*)"', 'g') AS m(refs), unnest(m.refs) AS ref
       WHERE NOT EXISTS (SELECT 1 FROM fhir_resource t WHERE t.resource_type || '/' || t.id = ref) LIMIT 5`,
    );
    assert.deepEqual(dangling.rows, []);
    // Contained resources stay contained (Synthea ExplanationOfBenefits carry #referral / #coverage).
    const claim = await t.db.query<{ content: string }>(`SELECT content FROM fhir_resource WHERE resource_type = 'ExplanationOfBenefit' AND content LIKE '%"contained"%' LIMIT 1`);
    assert.ok(JSON.parse(claim.rows[0].content).contained.length > 0);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await snapshot();
    const historyBefore = await historyCount();
    const run = await runImport(listImportFiles([samples]), workers, t.db);
    assert.deepEqual(run.problems, []);
    const counts = Object.values(run.counts);
    assert.equal(counts.reduce((a, c) => a + c.created + c.updated, 0), 0);
    assert.equal(counts.reduce((a, c) => a + c.unchanged, 0), sampleEntries());
    assert.deepEqual(await snapshot(), before);
    assert.equal(await historyCount(), historyBefore);
  });

  it('reports a broken transaction bundle with file, entry and problem, and stores none of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-import-'));
    try {
      const file = join(dir, 'broken.json');
      const pid = 'a0f1e2d3-c4b5-4a69-8877-665544332211';
      writeFileSync(file, JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: `urn:uuid:${pid}`, resource: { resourceType: 'Patient', id: pid, name: [{ family: 'Broken' }] }, request: { method: 'POST', url: 'Patient' } },
          { fullUrl: 'urn:uuid:b0f1e2d3-c4b5-4a69-8877-665544332211', resource: { resourceType: 'Observation', status: 'final', code: { text: 'ok' }, subject: { reference: `urn:uuid:${pid}` } }, request: { method: 'POST', url: 'Observation' } },
          { fullUrl: 'urn:uuid:c0f1e2d3-c4b5-4a69-8877-665544332211', resource: { resourceType: 'Observation', status: 'sort-of', subject: { reference: `urn:uuid:${pid}` } }, request: { method: 'POST', url: 'Observation' } },
        ],
      }));
      writeFileSync(join(dir, 'lines.ndjson'), [
        JSON.stringify({ resourceType: 'Patient', id: 'ndjson-ok-1', name: [{ family: 'Lines' }] }),
        '{ not json',
        JSON.stringify({ resourceType: 'Patient', id: 'ndjson-bad', gender: 'unknown-gender-code', birthDate: 'yesterday' }),
        JSON.stringify({ resourceType: 'Patient', id: 'ndjson-ok-2', name: [{ family: 'Lines' }] }),
      ].join('\n'));
      const run = await runImport(listImportFiles([dir]), inProcessExecutor(repo), t.db);
      const txProblem = run.problems.find((p) => p.file === file);
      assert.ok(txProblem, JSON.stringify(run.problems));
      assert.equal(txProblem.position, 'Bundle.entry[2]');
      assert.match(txProblem.problems.join(' '), /status|code/i);
      const stored = await t.db.query(`SELECT id FROM fhir_resource WHERE id = ANY($1)`, [[pid, 'b0f1e2d3-c4b5-4a69-8877-665544332211']]);
      assert.equal(stored.rowCount, 0, 'nothing of a failed transaction is stored');

      const positions = run.problems.filter((p) => p.file.endsWith('lines.ndjson')).map((p) => p.position).sort();
      assert.deepEqual(positions, ['line 2', 'line 3']);
      const lines = await t.db.query(`SELECT id FROM fhir_resource WHERE id LIKE 'ndjson-%' ORDER BY id`);
      assert.deepEqual(lines.rows.map((r) => r.id), ['ndjson-ok-1', 'ndjson-ok-2']);
      assert.ok(Object.values(run.counts).some((c) => c.failed > 0));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('audits imported writes under the import principal', async () => {
    await audit.flush();
    // Worker threads audit with their own log; their entries are durable once the workers close.
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'create' AND agent LIKE '%import%'`);
    assert.ok(rows[0].n >= sampleEntries(), `audited creates: ${rows[0].n}`);
  });
});
