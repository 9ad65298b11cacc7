// The kick-off request (Bulk Data Access 2.0.0 export.html "Bulk Data Kick-off Request"):
// `[base]/$export`, `[base]/Patient/$export` and `[base]/Group/[id]/$export`. It checks headers and
// parameters, stores a job with the requester's access, and answers 202 with the status URL.
import { allOk, badRequest, FhirError, forbidden, outcome } from '#fhir/outcomes.js';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { isPatientCompartmentType } from '../access/compartment.js';
import type { Database } from '../db/pool.js';
import type { OperationCall } from '../fhir/operations.js';
import type { FhirResponse } from '../fhir/router.js';
import { enqueueJob } from '../jobs/queue.js';
import { wakeWorker } from '../jobs/worker.js';
import { BULK_EXPORT_JOB, type ExportJobPayload } from './export-job.js';
import { checkKickoffHeaders, exportParameters } from './parameters.js';
import { ownerKey, snapshotPolicy } from './policy-snapshot.js';

export async function kickOffExport(call: OperationCall): Promise<FhirResponse> {
  const { repo, req } = call;
  const level = exportLevel(call);
  if (req.method !== 'GET' && req.method !== 'POST') throw new FhirError(405, outcome('error', 'not-supported', '$export takes GET or POST'));
  checkKickoffHeaders(req);
  const params = exportParameters(req);
  const policy = repo.policy;
  if (params.types) {
    const unreadable = params.types.filter((t) => !policy.canRead(t));
    if (unreadable.length) throw forbidden(`Not permitted to read ${unreadable.join(', ')}`);
    if (level !== 'system') {
      const outside = params.types.filter((t) => !isPatientCompartmentType(t));
      if (outside.length) throw badRequest(`${outside.join(', ')} ${outside.length > 1 ? 'are' : 'is'} not in the patient compartment; use the system-level $export`, ['_type']);
    }
  }
  // The group must exist and be readable now (a read, audited); its members are read when the job runs.
  if (level === 'group') await repo.read('Group', call.id as string);

  const base = repo.deps.baseUrl.replace(/\/+$/, '');
  const query = new URLSearchParams(req.query).toString();
  const payload: ExportJobPayload = {
    level,
    groupId: call.id,
    types: params.types,
    since: params.since,
    request: `${base}/${req.path}${query ? `?${query}` : ''}`,
    policy: snapshotPolicy(policy),
    warnings: params.warnings,
  };
  const jobId = await enqueueJob(repo.deps.db, BULK_EXPORT_JOB, ownerKey(policy.principal), payload);
  wakeWorker(repo.deps.db as Database);
  const body: OperationOutcome = allOk(`Export ${jobId} accepted; poll the Content-Location URL for its status`);
  for (const text of params.warnings) body.issue.push({ severity: 'warning', code: 'not-supported', diagnostics: text, details: { text } });
  return { status: 202, body, headers: { 'content-location': `${base}/$export-status/${jobId}` } };
}

function exportLevel(call: OperationCall): ExportJobPayload['level'] {
  if (call.rest.length > 0) throw new FhirError(404, outcome('error', 'not-found', 'Nothing is served below $export'));
  if (call.level === 'system') return 'system';
  if (call.level === 'type' && call.type === 'Patient') return 'patient';
  if (call.level === 'instance' && call.type === 'Group') return 'group';
  throw new FhirError(404, outcome('error', 'not-supported', `$export is served on the system, on Patient and on a Group, not on ${call.type}${call.id ? '/[id]' : ''}`));
}
