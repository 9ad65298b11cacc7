// Status polling, cancellation and file download (Bulk Data Access 2.0.0 export.html "Bulk Data
// Status Request", "Bulk Data Delete Request", "File Request"). Only the principal that started an
// export sees it: anyone else gets the same 404 as for a job that does not exist.
import { allOk, FhirError, notFound, outcome } from '#fhir/outcomes.js';
import type { OperationCall } from '../fhir/operations.js';
import type { FhirResponse } from '../fhir/router.js';
import { deleteJob, findJob, type JobRow } from '../jobs/queue.js';
import { BULK_EXPORT_JOB, type ExportJobPayload, type ExportJobResult } from './export-job.js';
import { findFile, listJobFiles, streamFile } from './file-store.js';
import { ownerKey } from './policy-snapshot.js';

/** Seconds a client should wait between polls (export.html: Retry-After on 202). */
const RETRY_AFTER = '2';

async function ownJob(call: OperationCall): Promise<JobRow> {
  if (call.level !== 'system' || call.rest.length !== 1) throw notFound('Use [base]/$export-status/[job id]');
  const job = await findJob(call.repo.deps.db, call.rest[0]);
  if (!job || job.kind !== BULK_EXPORT_JOB || job.owner !== ownerKey(call.repo.policy.principal)) throw notFound('No such export (it may have expired or been cancelled)');
  return job;
}

export async function exportStatus(call: OperationCall): Promise<FhirResponse> {
  const { repo, req } = call;
  if (req.method === 'DELETE') {
    const job = await ownJob(call);
    await deleteJob(repo.deps.db, job.id);
    return { status: 202, body: allOk(`Export ${job.id} was cancelled and its files deleted`) };
  }
  if (req.method !== 'GET') throw new FhirError(405, outcome('error', 'not-supported', 'Poll with GET, cancel with DELETE'));
  const job = await ownJob(call);
  if (job.status === 'queued' || job.status === 'running') {
    return { status: 202, body: undefined, headers: { 'x-progress': job.progress ?? (job.status === 'queued' ? 'queued' : 'starting'), 'retry-after': RETRY_AFTER } };
  }
  if (job.status === 'failed') {
    return { status: 500, body: outcome('error', 'exception', `The export failed: ${job.error ?? 'unknown error'}`) };
  }
  const result = job.result as ExportJobResult;
  const base = repo.deps.baseUrl.replace(/\/+$/, '');
  const files = await listJobFiles(repo.deps.db, job.id);
  const entry = (f: (typeof files)[number]) => ({ type: f.resource_type, url: `${base}/$export-file/${f.id}`, count: f.count });
  const manifest = {
    transactionTime: result.transactionTime,
    request: result.request ?? (job.payload as ExportJobPayload).request,
    requiresAccessToken: true,
    output: files.filter((f) => f.kind === 'output').map(entry),
    error: files.filter((f) => f.kind === 'error').map(entry),
  };
  const headers: Record<string, string> = {};
  if (job.expires_at) headers.expires = new Date(job.expires_at).toUTCString();
  return { status: 200, body: JSON.stringify(manifest), contentType: 'application/json; charset=utf-8', headers };
}

export async function exportFile(call: OperationCall): Promise<FhirResponse> {
  const { repo, req } = call;
  if (req.method !== 'GET') throw new FhirError(405, outcome('error', 'not-supported', 'Download export files with GET'));
  if (call.level !== 'system' || call.rest.length !== 1) throw notFound('Use [base]/$export-file/[file id]');
  const file = await findFile(repo.deps.db, call.rest[0]);
  if (!file || file.kind_of_job !== BULK_EXPORT_JOB || file.owner !== ownerKey(repo.policy.principal)) throw notFound('No such export file (it may have expired or been cancelled)');
  if (file.kind === 'output') repo.audit('R', 'operation', [], file.patient_ids, true, `$export file ${file.id}: ${file.count} ${file.resource_type}`);
  return { status: 200, contentType: 'application/fhir+ndjson', stream: streamFile(repo.deps.db, file.id) };
}
