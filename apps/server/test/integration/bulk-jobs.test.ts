// The job queue behind bulk export (and later features): each job runs once across nodes, a
// stopping worker hands its jobs back, an expired lease is taken over, a cancelled job stops, and
// finished jobs are deleted with their files after their expiry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { claimJob, deleteExpiredJobs, deleteJob, enqueueJob, findJob } from '../../src/jobs/queue.js';
import { JobWorker } from '../../src/jobs/worker.js';
import { createTestDatabase, type TestDatabase } from '../support/harness.js';

const until = async (check: () => Promise<boolean>, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('job queue', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(async () => t.drop());

  it('runs every job exactly once when two nodes compete', async () => {
    const runs: string[] = [];
    const workers = ['a', 'b'].map((node) => {
      const w = new JobWorker(t.db, { node, pollMs: 10, concurrency: 3 });
      w.register('count', async ({ job }) => {
        runs.push(job.id);
        await new Promise((r) => setTimeout(r, 5));
        return { node };
      });
      return w;
    });
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => enqueueJob(t.db, 'count', 'owner', { i })));
    for (const w of workers) w.start();
    await until(async () => (await t.db.query(`SELECT 1 FROM job WHERE kind = 'count' AND status <> 'completed'`)).rowCount === 0);
    for (const w of workers) await w.stop();
    assert.equal(runs.length, 20);
    assert.deepEqual([...runs].sort(), [...ids].sort());
  });

  it('hands a running job back when the worker stops, and another worker finishes it', async () => {
    const first = new JobWorker(t.db, { node: 'stopping', pollMs: 10 });
    let started = false;
    first.register('slow', ({ signal }) => new Promise((_resolve, reject) => {
      started = true;
      signal.addEventListener('abort', () => reject(signal.reason));
    }));
    const id = await enqueueJob(t.db, 'slow', 'owner', {});
    first.start();
    await until(async () => started);
    await first.stop();
    const released = await findJob(t.db, id);
    assert.equal(released?.status, 'queued');
    assert.equal(released?.locked_by, null);

    const second = new JobWorker(t.db, { node: 'next', pollMs: 10 });
    second.register('slow', async () => 'done');
    second.start();
    await until(async () => (await findJob(t.db, id))?.status === 'completed');
    await second.stop();
    assert.deepEqual((await findJob(t.db, id))?.result, 'done');
  });

  it('takes over a job whose lease ran out, and not before', async () => {
    const id = await enqueueJob(t.db, 'lease', 'owner', {});
    assert.equal((await claimJob(t.db, 'dead', ['lease'], 300))?.id, id);
    assert.equal(await claimJob(t.db, 'other', ['lease'], 300), undefined, 'a live lease is respected');
    await new Promise((r) => setTimeout(r, 350));
    const taken = await claimJob(t.db, 'other', ['lease'], 300);
    assert.equal(taken?.id, id);
    assert.equal(taken?.attempts, 2);
  });

  it('stops a running job that was cancelled (deleted)', async () => {
    const worker = new JobWorker(t.db, { node: 'w', pollMs: 10, leaseMs: 150 });
    let aborted = false;
    let started = false;
    worker.register('cancel-me', ({ signal }) => new Promise((_resolve, reject) => {
      started = true;
      signal.addEventListener('abort', () => {
        aborted = true;
        reject(signal.reason);
      });
    }));
    const id = await enqueueJob(t.db, 'cancel-me', 'owner', {});
    worker.start();
    await until(async () => started);
    assert.equal(await deleteJob(t.db, id), true);
    await until(async () => aborted);
    await worker.stop();
    assert.equal(await findJob(t.db, id), undefined);
  });

  it('records a failing handler as failed, and deletes expired jobs with their files', async () => {
    const worker = new JobWorker(t.db, { node: 'f', pollMs: 10, keepMs: 50 });
    worker.register('broken', async () => {
      throw new Error('the data source is unavailable');
    });
    const id = await enqueueJob(t.db, 'broken', 'owner', {});
    worker.start();
    await until(async () => (await findJob(t.db, id))?.status === 'failed');
    await worker.stop();
    assert.equal((await findJob(t.db, id))?.error, 'the data source is unavailable');
    await t.db.query(`INSERT INTO bulk_export_file (id, job_id, kind, resource_type, seq, count, bytes) VALUES (gen_random_uuid(), $1, 'output', 'Patient', 0, 0, 0)`, [id]);
    await new Promise((r) => setTimeout(r, 60));
    assert.ok((await deleteExpiredJobs(t.db)) >= 1);
    assert.equal(await findJob(t.db, id), undefined);
    assert.equal((await t.db.query('SELECT 1 FROM bulk_export_file WHERE job_id = $1', [id])).rowCount, 0);
  });
});
