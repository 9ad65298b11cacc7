// Runs queued jobs on this node. Each job kind has a handler; the worker claims jobs (queue.ts),
// renews their lease while the handler works, and records the result. Stopping the worker aborts
// running handlers and hands their jobs back, so another node (or the next start) resumes them;
// a node that dies without stopping loses its lease, and its jobs are claimed again after it.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/pool.js';
import { claimJob, completeJob, deleteExpiredJobs, failJob, heartbeat, releaseJob, type JobRow } from './queue.js';

export interface JobContext {
  job: JobRow;
  /** Aborted when the worker stops, or the job was cancelled or taken over: stop soon and throw. */
  signal: AbortSignal;
  /** Records progress for status polling (also renews the lease). */
  progress(text: string): Promise<void>;
}

/** Returns the job's result (stored as JSON). Throwing fails the job with the error's message. */
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface JobWorkerOptions {
  /** This node's name in job.locked_by; default a random id per process start. */
  node?: string;
  pollMs?: number;
  leaseMs?: number;
  /** How long finished jobs (and their outputs) are kept. */
  keepMs?: number;
  concurrency?: number;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export class JobAborted extends Error {}

const SWEEP_EVERY_MS = 60_000;

/** The running worker of each database in this process, so code that enqueues can wake it. */
const workers = new WeakMap<Database, JobWorker>();

/** Wakes this process's worker for `db` (other nodes find the job on their next poll). */
export function wakeWorker(db: Database): void {
  workers.get(db)?.wake();
}

export class JobWorker {
  readonly node: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private stopping = false;
  private polling = false;
  /** The poll in progress, so stop() can wait for a claim that is still on its way back. */
  private pollDone?: Promise<void>;
  private lastSweep = 0;
  readonly pollMs: number;
  readonly leaseMs: number;
  readonly keepMs: number;
  private readonly concurrency: number;

  constructor(
    private readonly db: Database,
    private readonly options: JobWorkerOptions = {},
  ) {
    this.node = options.node ?? `node-${randomUUID()}`;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.keepMs = options.keepMs ?? 24 * 3600_000;
    this.concurrency = options.concurrency ?? 2;
  }

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    workers.set(this.db, this);
    this.schedule(0);
  }

  /** Looks for work now (called after enqueueing on this node, so a new job need not wait a poll). */
  wake(): void {
    if (this.started && !this.stopping) this.schedule(0);
  }

  /** Aborts running handlers, waits for them and hands their jobs back to the queue. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (workers.get(this.db) === this) workers.delete(this.db);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // A claim made just before stopping may still be on its way back; poll() hands it back itself.
    await this.pollDone;
    for (const { controller } of this.running.values()) controller.abort(new JobAborted('the worker is stopping'));
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.pollDone = this.poll();
    }, ms);
    this.timer.unref?.();
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    if (this.polling || this.stopping) return;
    this.polling = true;
    try {
      if (Date.now() - this.lastSweep > SWEEP_EVERY_MS) {
        this.lastSweep = Date.now();
        await deleteExpiredJobs(this.db);
      }
      while (!this.stopping && this.running.size < this.concurrency) {
        const job = await claimJob(this.db, this.node, [...this.handlers.keys()], this.leaseMs);
        if (!job) break;
        if (this.stopping) {
          await releaseJob(this.db, job.id, this.node).catch(() => undefined);
          break;
        }
        this.run(job);
      }
    } catch (err) {
      if (!this.stopping) this.options.logger?.error({ err }, 'job poll failed');
    } finally {
      this.polling = false;
      if (!this.stopping && this.started) this.schedule(this.pollMs);
    }
  }

  private run(job: JobRow): void {
    const controller = new AbortController();
    const handler = this.handlers.get(job.kind)!;
    let lastProgress: string | undefined;
    const renew = async () => {
      const ours = await heartbeat(this.db, job.id, this.node, this.leaseMs, lastProgress).catch(() => true);
      if (!ours) controller.abort(new JobAborted('the job was cancelled or taken over'));
    };
    const beat = setInterval(() => void renew(), Math.max(50, Math.floor(this.leaseMs / 3)));
    const ctx: JobContext = {
      job,
      signal: controller.signal,
      progress: async (text) => {
        lastProgress = text;
        await renew();
        if (controller.signal.aborted) throw controller.signal.reason;
      },
    };
    const done = (async () => {
      try {
        const result = await handler(ctx);
        if (controller.signal.aborted) throw controller.signal.reason;
        await completeJob(this.db, job.id, this.node, result, this.keepMs);
      } catch (err) {
        if (controller.signal.aborted) {
          // Stopping: hand the job back. Cancelled or taken over: nothing of ours to record.
          if (this.stopping) await releaseJob(this.db, job.id, this.node).catch(() => undefined);
        } else {
          this.options.logger?.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
          await failJob(this.db, job.id, this.node, (err as Error).message ?? String(err), this.keepMs).catch(() => undefined);
        }
      } finally {
        clearInterval(beat);
        this.running.delete(job.id);
        if (!this.stopping) this.schedule(0);
      }
    })();
    this.running.set(job.id, { controller, done });
  }
}
