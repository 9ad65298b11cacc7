// Export output files live in PostgreSQL (migration 008): a bulk_export_file row per NDJSON file and
// its text in chunks of a few MB, written as the export reads and streamed out chunk by chunk, so
// neither side ever holds a whole file. Files go when their job is cancelled or expires (cascade).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool.js';

/** Text per chunk row: large enough that writing costs few round trips, small enough to stream. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface ExportFileRow {
  id: string;
  job_id: string;
  kind: 'output' | 'error';
  resource_type: string;
  seq: number;
  count: number;
  bytes: string;
  patient_ids: string[];
}

/** Writes one NDJSON file: add lines, then close. Nothing is listed until close records the count. */
export class NdjsonFileWriter {
  readonly id = randomUUID();
  private parts: string[] = [];
  private pending = 0;
  private chunkSeq = 0;
  private opened = false;
  count = 0;
  bytes = 0;
  readonly patients = new Set<string>();

  constructor(
    private readonly db: Queryable,
    private readonly jobId: string,
    private readonly kind: 'output' | 'error',
    private readonly resourceType: string,
    private readonly seq: number,
  ) {}

  /** Adds NDJSON lines (each a JSON text without newline). */
  async add(lines: string[], patientIds: Iterable<string> = []): Promise<void> {
    for (const line of lines) {
      this.parts.push(line, '\n');
      this.pending += line.length + 1;
    }
    this.count += lines.length;
    for (const p of patientIds) this.patients.add(p);
    if (this.pending >= CHUNK_BYTES) await this.flush();
  }

  private async open(): Promise<void> {
    if (this.opened) return;
    this.opened = true;
    // count stays -1 until close, so a half-written file (the node died) is never listed.
    await this.db.query(
      `INSERT INTO bulk_export_file (id, job_id, kind, resource_type, seq, count, bytes) VALUES ($1, $2, $3, $4, $5, -1, 0)`,
      [this.id, this.jobId, this.kind, this.resourceType, this.seq],
    );
  }

  private async flush(): Promise<void> {
    if (this.pending === 0) return;
    await this.open();
    const data = this.parts.join('');
    this.parts = [];
    this.pending = 0;
    this.bytes += Buffer.byteLength(data);
    await this.db.query('INSERT INTO bulk_export_chunk (file_id, seq, data) VALUES ($1, $2, $3)', [this.id, this.chunkSeq++, data]);
  }

  /** Writes what is left and records count and patients. Returns false for an empty file (not stored). */
  async close(): Promise<boolean> {
    if (this.count === 0) return false;
    await this.flush();
    await this.db.query('UPDATE bulk_export_file SET count = $2, bytes = $3, patient_ids = $4 WHERE id = $1', [this.id, this.count, this.bytes, [...this.patients].sort()]);
    return true;
  }
}

export async function listJobFiles(db: Queryable, jobId: string): Promise<ExportFileRow[]> {
  const { rows } = await db.query<ExportFileRow>(
    'SELECT id, job_id, kind, resource_type, seq, count, bytes, patient_ids FROM bulk_export_file WHERE job_id = $1 AND count >= 0 ORDER BY seq',
    [jobId],
  );
  return rows;
}

export async function deleteJobFiles(db: Queryable, jobId: string): Promise<void> {
  await db.query('DELETE FROM bulk_export_file WHERE job_id = $1', [jobId]);
}

/** A finished file with the owner of its job, or undefined. */
export async function findFile(db: Queryable, fileId: string): Promise<(ExportFileRow & { owner: string; kind_of_job: string }) | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) return undefined;
  const { rows } = await db.query<ExportFileRow & { owner: string; kind_of_job: string }>(
    `SELECT f.id, f.job_id, f.kind, f.resource_type, f.seq, f.count, f.bytes, f.patient_ids, j.owner, j.kind AS kind_of_job
     FROM bulk_export_file f JOIN job j ON j.id = f.job_id WHERE f.id = $1 AND f.count >= 0 AND j.status = 'completed'`,
    [fileId],
  );
  return rows[0];
}

/** The file's text, chunk by chunk (two chunks per query). */
export async function* streamFile(db: Queryable, fileId: string): AsyncGenerator<string> {
  let after = -1;
  for (;;) {
    const { rows } = await db.query<{ seq: number; data: string }>(
      'SELECT seq, data FROM bulk_export_chunk WHERE file_id = $1 AND seq > $2 ORDER BY seq LIMIT 2',
      [fileId, after],
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      after = row.seq;
      yield row.data;
    }
  }
}
