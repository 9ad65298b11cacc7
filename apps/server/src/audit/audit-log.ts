// Appends AuditEvents to the hash-chained audit_event table. Entries are queued and written in small
// batches by whichever app node holds the chain lock, so that auditing every read does not cost a
// database round trip per request, while the chain stays one total order across nodes.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/pool.js';
import { toAuditEvent, type AuditEntry } from './audit-event.js';

const CHAIN_LOCK = 7_407_002;
export const GENESIS_HASH = '0'.repeat(64);

export function chainHash(prevHash: string, seq: string, content: string): string {
  return createHash('sha256').update(prevHash).update('|').update(seq).update('|').update(content).digest('hex');
}

export interface AuditSink {
  record(entry: AuditEntry): void;
}

export class AuditLog implements AuditSink {
  private queue: AuditEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly logger?: Logger,
    private readonly delayMs = 20,
  ) {}

  record(entry: AuditEntry): void {
    this.queue.push(entry);
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes everything queued so far; resolves when it is durable. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch = this.queue;
    this.queue = [];
    this.flushing = this.flushing.then(() => (batch.length ? this.write(batch) : undefined)).catch((err) => {
      // An audit failure must be loud: it is logged at error level for operators' alerting.
      this.logger?.error({ err, count: batch.length }, 'audit write failed');
    });
    return this.flushing;
  }

  private async write(batch: AuditEntry[]): Promise<void> {
    await this.db.withTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const last = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
      let seq = BigInt(last.rows[0]?.seq ?? '0');
      let prev = last.rows[0]?.hash ?? GENESIS_HASH;
      const cols: unknown[][] = [[], [], [], [], [], [], [], [], []];
      for (const entry of batch) {
        seq += 1n;
        const recorded = new Date().toISOString();
        const event = toAuditEvent(entry, recorded);
        event.id = seq.toString();
        const content = JSON.stringify(event);
        const hash = chainHash(prev, seq.toString(), content);
        const values = [seq.toString(), recorded, JSON.stringify(entry.patientIds), event.agent[0].who?.reference ?? '', entry.subtype, entry.outcome, content, prev, hash];
        values.forEach((v, i) => cols[i].push(v));
        prev = hash;
      }
      await client.query(
        `INSERT INTO audit_event (seq, recorded, patient_ids, agent, action, outcome, content, prev_hash, hash)
         SELECT s::bigint, r::timestamptz, ARRAY(SELECT jsonb_array_elements_text(p::jsonb)), a, ac, o, c, ph, h
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS x(s, r, p, a, ac, o, c, ph, h)`,
        cols,
      );
    });
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first row whose hash does not follow from the one before it. */
  firstBroken?: { seq: string; reason: string };
}

/** Re-computes the chain in order and reports the first broken link. */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  for (;;) {
    const { rows } = await db.query<{ seq: string; content: string; prev_hash: string; hash: string }>(
      'SELECT seq, content, prev_hash, hash FROM audit_event WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq.toString(), batchSize],
    );
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (BigInt(row.seq) !== expectedSeq) return { ok: false, checked, firstBroken: { seq: expectedSeq.toString(), reason: 'missing row' } };
      if (row.prev_hash !== prev) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'previous hash does not match' } };
      if (chainHash(prev, row.seq, row.content) !== row.hash) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'content does not match its hash' } };
      prev = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
  }
}
