// Import worker thread: validation and indexing are CPU-bound, so each worker prepares and writes
// its own tasks on its own connection pool; the main thread only reads files and reports.
import { parentPort, workerData } from 'node:worker_threads';
import { privilegedRepository } from '../access/privileged.js';
import { AuditLog } from '../audit/audit-log.js';
import { createDatabase } from '../db/pool.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { runTask, type ImportTask } from './task.js';

const { url, baseUrl, reason } = workerData as { url: string; baseUrl: string; reason: 'import' | 'demo-seed' };
loadFhirDefinitions();
const db = createDatabase({ url, poolSize: 2 });
const audit = new AuditLog(db, undefined, 200);
const repo = privilegedRepository({ db, audit, baseUrl }, { reason });

parentPort!.on('message', async (message: { id: number; task?: ImportTask; close?: boolean }) => {
  if (message.close) {
    await audit.close();
    await db.close();
    parentPort!.postMessage({ id: message.id, closed: true });
    return;
  }
  try {
    const result = await runTask(repo, message.task as ImportTask);
    parentPort!.postMessage({ id: message.id, result });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: (err as Error).stack ?? String(err) });
  }
});
parentPort!.postMessage({ ready: true });
