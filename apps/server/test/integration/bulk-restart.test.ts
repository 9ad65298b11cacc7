// Export jobs live in PostgreSQL: a job claimed by a node that died is taken over once its lease
// runs out, one handed back by a node that closed is resumed at once, and a job that cannot run
// ends as a failed export (an OperationOutcome on the status URL).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Group, OperationOutcome } from '@medplum/fhirtypes';
import { buildApp, type Portico } from '../../src/app.js';
import { createSystemToken } from '../../src/auth/system-token.js';
import { privilegedPolicy } from '../../src/access/policy.js';
import { FhirRepository } from '../../src/fhir/repository.js';
import { claimJob, findJob } from '../../src/jobs/queue.js';
import { createResource, createTestDatabase, testConfig, type TestDatabase } from '../support/harness.js';
import { downloadAll, kickOff, pathOf, seedClinic, waitForManifest } from './bulk-support.js';

const JOBS = { pollMs: 50, leaseMs: 600 };

describe('bulk export jobs across restarts', () => {
  let testDb: TestDatabase;
  let token: string;
  let patientIds: string[];
  const config = testConfig();
  const open: Portico[] = [];

  const start = async () => {
    const portico = await buildApp(config, { db: testDb.db, jobs: JOBS });
    await portico.app.ready();
    open.push(portico);
    return portico;
  };

  before(async () => {
    testDb = await createTestDatabase();
    const first = await start();
    const repo = new FhirRepository(first.repositoryDeps, { policy: privilegedPolicy('operator', { name: 'test' }) });
    ({ patientIds } = await seedClinic(repo, 2));
    ({ token } = await createSystemToken(testDb.db, 'restart'));
    await first.app.close();
  });
  after(async () => {
    for (const p of open) await p.app.close().catch(() => undefined);
    await testDb.drop();
  });

  it('completes a job whose node died holding it, after a restart on the same database', async () => {
    const before = await start();
    await before.jobs.stop();
    const status = await kickOff(before.app, token, '/fhir/Patient/$export');
    const jobId = pathOf(status).split('/').pop() as string;
    // Another node claims the job and dies: its lease is never renewed.
    const claimed = await claimJob(testDb.db, 'node-that-died', ['bulk-export'], 300);
    assert.equal(claimed?.id, jobId);
    const progress = await before.app.inject({ method: 'GET', url: pathOf(status), headers: { authorization: `Bearer ${token}` } });
    assert.equal(progress.statusCode, 202);
    await before.app.close();

    const after = await start();
    const manifest = await waitForManifest(after.app, token, status);
    const byType = await downloadAll(after.app, token, manifest);
    assert.deepEqual(byType.get('Patient')?.map((p) => p.id).sort(), [...patientIds].sort());
    const job = await findJob(testDb.db, jobId);
    assert.equal(job?.status, 'completed');
    assert.equal(job?.attempts, 2);
    assert.equal(job?.locked_by, after.jobs.node);
    await after.app.close();
  });

  it('resumes a job that a closing app was running, on the next app', async () => {
    const first = await start();
    const status = await kickOff(first.app, token, '/fhir/$export');
    const jobId = pathOf(status).split('/').pop() as string;
    // Wait until the job is claimed, then close the app mid-job: it hands the job back.
    for (let i = 0; i < 200 && (await findJob(testDb.db, jobId))?.status === 'queued'; i++) await new Promise((r) => setTimeout(r, 5));
    await first.app.close();
    const left = await findJob(testDb.db, jobId);
    assert.ok(left?.status === 'queued' || left?.status === 'completed', `after close: ${left?.status}`);

    const second = await start();
    const manifest = await waitForManifest(second.app, token, status);
    const total = manifest.output.reduce((n, f) => n + f.count, 0);
    const live = (await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM fhir_resource WHERE NOT deleted')).rows[0].n;
    assert.equal(total, live);
    // A resumed job starts over: no file is listed twice.
    assert.equal(new Set(manifest.output.map((f) => f.url)).size, manifest.output.length);
    assert.equal(new Set(manifest.output.map((f) => f.type)).size, manifest.output.length);
    await second.app.close();
  });

  it('reports a job that failed as an OperationOutcome on the status URL', async () => {
    const app = await start();
    const repo = new FhirRepository(app.repositoryDeps, { policy: privilegedPolicy('operator', { name: 'test' }) });
    const group = await createResource<Group>(repo, { resourceType: 'Group', type: 'person', actual: true, member: [{ entity: { reference: `Patient/${patientIds[0]}` } }] });
    await app.jobs.stop();
    const status = await kickOff(app.app, token, `/fhir/Group/${group.id}/$export`);
    await repo.delete('Group', group.id as string);
    app.jobs.start();
    let res;
    for (let i = 0; i < 200; i++) {
      res = await app.app.inject({ method: 'GET', url: pathOf(status), headers: { authorization: `Bearer ${token}` } });
      if (res.statusCode !== 202) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(res?.statusCode, 500);
    const outcome = res?.json() as OperationOutcome;
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.match(outcome.issue[0].diagnostics ?? '', /deleted/);
    await app.app.close();
  });
});
