// Runs an import: hands tasks to worker threads (or runs them in-process), streams NDJSON in chunks,
// then checks the references that lenient units left open, against everything now stored.
import { createReadStream, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import type { Database } from '../db/pool.js';
import type { FhirRepository } from '../fhir/repository.js';
import { isNdjson, UNIT_SIZE } from './read-source.js';
import { runTask, type ImportTask } from './task.js';
import { emptyResult, mergeResult, type TaskResult } from './types.js';

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  resources: number;
  elapsedMs: number;
}

export interface ImportRun extends TaskResult {
  elapsedMs: number;
  /** References that point at nothing stored (from batch, collection and NDJSON sources). */
  unresolved: { reference: string; file: string; position: string }[];
}

/** Where tasks run: worker threads (fast) or the calling thread (small loads, tests of one unit). */
export interface Executor {
  /** Resolves when a task can be submitted without queueing more than a little work. */
  ready(): Promise<void>;
  submit(task: ImportTask): Promise<TaskResult>;
  close(): Promise<void>;
}

export function inProcessExecutor(repo: FhirRepository): Executor {
  let last: Promise<unknown> = Promise.resolve();
  return {
    ready: () => last.then(() => undefined, () => undefined),
    submit: (task) => {
      const p = runTask(repo, task);
      last = p;
      return p;
    },
    close: async () => undefined,
  };
}

/** A pool of import workers, each with its own connections; at most two tasks queued per worker. */
/** `reason`: the privileged purpose the workers write under (access/privileged-reasons.ts). */
export async function workerExecutor(url: string, baseUrl: string, size = Math.max(1, Math.min(cpus().length, 4)), reason: 'import' | 'demo-seed' = 'import'): Promise<Executor> {
  const workers: { worker: Worker; busy: number }[] = [];
  const pending = new Map<number, { resolve: (r: TaskResult) => void; reject: (e: Error) => void; slot: { busy: number } }>();
  const waiters: (() => void)[] = [];
  let nextId = 1;
  const fromSource = import.meta.url.endsWith('.ts');
  const workerFile = new URL(`./worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
  // Run from TypeScript sources (tsx), a worker registers the same loader before loading its module
  // (loader hooks of the main thread do not reach workers).
  const boot = fromSource
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerFile.href)}); });`
    : undefined;
  await Promise.all(
    Array.from({ length: size }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = boot ? new Worker(boot, { eval: true, workerData: { url, baseUrl, reason } }) : new Worker(workerFile, { workerData: { url, baseUrl, reason } });
        const slot = { worker, busy: 0 };
        worker.on('message', (msg: { ready?: boolean; id?: number; result?: TaskResult; error?: string; closed?: boolean }) => {
          if (msg.ready) return resolve();
          const p = pending.get(msg.id as number);
          if (!p) return;
          pending.delete(msg.id as number);
          slot.busy--;
          for (const wake of waiters.splice(0)) wake();
          if (msg.error) p.reject(new Error(msg.error));
          else p.resolve(msg.result ?? emptyResult());
        });
        worker.on('error', (err) => {
          reject(err);
          for (const p of pending.values()) p.reject(err);
        });
        workers.push(slot);
      }),
    ),
  );
  const send = (slot: { worker: Worker; busy: number }, payload: object) =>
    new Promise<TaskResult>((resolve, reject) => {
      const id = nextId++;
      slot.busy++;
      pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, ...payload });
    });
  const leastBusy = () => workers.reduce((a, b) => (b.busy < a.busy ? b : a));
  return {
    async ready() {
      while (leastBusy().busy >= 2) await new Promise<void>((r) => waiters.push(r));
    },
    submit: (task) => send(leastBusy(), { task }),
    async close() {
      await Promise.all(workers.map((slot) => send(slot, { close: true })));
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}

export async function runImport(files: string[], executor: Executor, db: Database, onProgress?: (p: ImportProgress) => void): Promise<ImportRun> {
  const started = performance.now();
  const total = emptyResult();
  const sizes = files.map((f) => statSync(f).size);
  const progress: ImportProgress = { filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal: sizes.reduce((a, b) => a + b, 0), resources: 0, elapsedMs: 0 };
  const report = () => onProgress?.({ ...progress, elapsedMs: performance.now() - started });
  const inFlight = new Set<Promise<void>>();
  const track = async (task: ImportTask, bytes: number, fileDone: boolean) => {
    // Reading stays only a step ahead of writing, so memory stays flat on big NDJSON files.
    await executor.ready();
    const p = executor.submit(task).then((result) => {
      mergeResult(total, result);
      progress.resources += result.resources;
      progress.bytesDone += bytes;
      if (fileDone) progress.filesDone++;
      report();
    });
    const tracked = p.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  for (const [i, file] of files.entries()) {
    if (!isNdjson(file)) {
      await track({ kind: 'json', file }, sizes[i], true);
      continue;
    }
    let lines: string[] = [];
    let firstLine = 1;
    let lineNo = 0;
    let bytes = 0;
    const input = createReadStream(file);
    const stream = /\.gz$/i.test(file) ? input.pipe(createGunzip()) : input;
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNo++;
      lines.push(line);
      if (lines.length >= UNIT_SIZE) {
        const share = lines.reduce((n, l) => n + l.length + 1, 0);
        bytes += share;
        await track({ kind: 'lines', file, firstLine, lines }, share, false);
        lines = [];
        firstLine = lineNo + 1;
      }
    }
    await track({ kind: 'lines', file, firstLine, lines }, Math.max(0, sizes[i] - bytes), true);
  }
  await Promise.all(inFlight);
  const unresolved = await findUnresolved(db, total.outward);
  total.outward = [];
  return { ...total, elapsedMs: performance.now() - started, unresolved };
}

/** The outward references (deduplicated) that match no live stored resource. */
async function findUnresolved(db: Database, outward: [string, string, string][]): Promise<ImportRun['unresolved']> {
  const first = new Map<string, [string, string]>();
  for (const [key, file, position] of outward) if (!first.has(key)) first.set(key, [file, position]);
  const keys = [...first.keys()];
  const missing: ImportRun['unresolved'] = [];
  for (let i = 0; i < keys.length; i += 5000) {
    const chunk = keys.slice(i, i + 5000);
    // Existence of the referenced keys only (as FhirRepository.checkReferences): no content or
    // compartment is read, so this is not a read of health data and needs no privileged access.
    const { rows } = await db.query<{ key: string }>(
      `SELECT r.resource_type || '/' || r.id AS key FROM fhir_resource r
       JOIN unnest($1::text[], $2::text[]) AS w(t, i) ON r.resource_type = w.t AND r.id = w.i WHERE NOT r.deleted`,
      [chunk.map((k) => k.split('/')[0]), chunk.map((k) => k.split('/')[1])],
    );
    const present = new Set(rows.map((r) => r.key));
    for (const key of chunk) if (!present.has(key)) missing.push({ reference: key, file: first.get(key)![0], position: first.get(key)![1] });
  }
  return missing;
}
