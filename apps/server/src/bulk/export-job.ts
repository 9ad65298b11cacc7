// Runs one Bulk Data export (export.html "Bulk Data Output File Request" describes what it makes):
// per resource type, reads the reachable resources in pages by key (resource_type, id), with the
// job's access policy (reachableCondition) and the export's own scope (group members, patient
// compartments, _since), and writes NDJSON files. Every file written is audited as an export of
// the patients it holds. The server reads after the request is gone, so the job goes through the
// privileged door ('bulk-export') on behalf of its requester, with the requester's reach: its SQL
// below carries that policy's reachableCondition like the repository's own searches.
import type { Group } from '@medplum/fhirtypes';
import { isPatientCompartmentType } from '../access/compartment.js';
import type { AccessPolicy } from '../access/policy.js';
import { onBehalfOf } from '../access/privileged.js';
import { reachableCondition } from '../access/sql.js';
import { FhirRepository, type RepositoryDeps } from '../fhir/repository.js';
import { JobAborted, type JobContext } from '../jobs/worker.js';
import { deleteJobFiles, NdjsonFileWriter } from './file-store.js';
import { restorePolicy, type PolicySnapshot } from './policy-snapshot.js';

export const BULK_EXPORT_JOB = 'bulk-export';

export interface ExportJobPayload {
  level: 'system' | 'patient' | 'group';
  groupId?: string;
  types?: string[];
  since?: string;
  /** The kick-off URL, echoed in the manifest's `request`. */
  request: string;
  policy: PolicySnapshot;
  warnings: string[];
}

export interface ExportJobResult {
  transactionTime: string;
  request: string;
}

const PAGE_ROWS = 2000;
const FILE_MAX_RESOURCES = 100_000;
const PROGRESS_EVERY_MS = 1000;

export async function runExportJob(deps: RepositoryDeps, ctx: JobContext): Promise<ExportJobResult> {
  const payload = ctx.job.payload as ExportJobPayload;
  const jobId = ctx.job.id;
  const policy = onBehalfOf(restorePolicy(payload.policy), 'bulk-export');
  const repo = new FhirRepository(deps, { policy });
  // A job resumed after its node died starts over: what the last attempt wrote goes first.
  await deleteJobFiles(deps.db, jobId);
  // Resources changed after this instant are left to the next `_since` export (export.html: transactionTime).
  const transactionTime = new Date().toISOString();

  const members = payload.level === 'group' ? await groupMembers(repo, payload.groupId as string) : undefined;
  const types = payload.types ?? (await typesToExport(repo, policy, payload.level));
  let fileSeq = 0;
  let lastProgress = 0;

  if (payload.warnings.length) {
    const errors = new NdjsonFileWriter(deps.db, jobId, 'error', 'OperationOutcome', fileSeq++);
    await errors.add(payload.warnings.map((text) => JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'warning', code: 'not-supported', diagnostics: text }] })));
    await errors.close();
  }

  for (const [typeIndex, type] of types.entries()) {
    if (!policy.canRead(type)) continue;
    const progress = `exporting ${type}, ${Math.floor((typeIndex / types.length) * 100)}%`;
    await ctx.progress(progress);
    let writer: NdjsonFileWriter | undefined;
    let lastId = '';
    for (;;) {
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new JobAborted('aborted');
      const params: unknown[] = [type, lastId, transactionTime];
      const conditions = ['r.resource_type = $1', 'r.id > $2', 'NOT r.deleted', 'r.last_updated <= $3', reachableCondition(policy, 'r', params)];
      if (payload.since) {
        params.push(payload.since);
        conditions.push(`r.last_updated > $${params.length}`);
      }
      if (members) {
        params.push(members);
        // Hashed membership test: a group can have many thousand members.
        conditions.push(type === 'Patient' ? `r.id = ANY($${params.length}::text[])` : `EXISTS (SELECT 1 FROM unnest(r.compartments) c WHERE c = ANY($${params.length}::text[]))`);
      } else if (payload.level === 'patient') {
        conditions.push(`r.compartments <> '{}'`);
      }
      params.push(PAGE_ROWS);
      const { rows } = await deps.db.query<{ id: string; content: string; compartments: string[] }>(
        `SELECT r.id, r.content, r.compartments FROM fhir_resource r WHERE ${conditions.join(' AND ')} ORDER BY r.id LIMIT $${params.length}`,
        params,
      );
      if (rows.length === 0) break;
      lastId = rows[rows.length - 1].id;
      if (writer && writer.count >= FILE_MAX_RESOURCES) {
        await finishFile(repo, writer, jobId, type);
        writer = undefined;
      }
      writer ??= new NdjsonFileWriter(deps.db, jobId, 'output', type, fileSeq++);
      const patients: string[] = [];
      for (const row of rows) for (const p of row.compartments) patients.push(p);
      await writer.add(rows.map((r) => r.content), patients);
      if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        await ctx.progress(progress);
      }
      if (rows.length < PAGE_ROWS) break;
    }
    if (writer) await finishFile(repo, writer, jobId, type);
  }
  return { transactionTime, request: payload.request };
}

async function finishFile(repo: FhirRepository, writer: NdjsonFileWriter, jobId: string, type: string): Promise<void> {
  if (!(await writer.close())) return;
  // 'E' (execute): the export of these patients' data, one AuditEvent per file (AuditEvent.action).
  repo.audit('E', 'operation', [], [...writer.patients], true, `$export job ${jobId}: ${writer.count} ${type}`);
}

/** Current members of the group that the policy reaches (Group.member.entity, not inactive). */
async function groupMembers(repo: FhirRepository, groupId: string): Promise<string[]> {
  const group = JSON.parse((await repo.read('Group', groupId)).content as string) as Group;
  const ids = new Set<string>();
  for (const member of group.member ?? []) {
    if (member.inactive) continue;
    const m = /^(?:.*\/)?Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(member.entity?.reference ?? '');
    if (m) ids.add(m[1]);
  }
  const reach = repo.policy.patientIds;
  return [...ids].filter((id) => reach === null || reach.includes(id)).sort();
}

/**
 * Without `_type`: for a system export every readable type that has resources; for Patient and
 * Group exports the readable types of the patient compartment (export.html "Endpoint - …").
 */
async function typesToExport(repo: FhirRepository, policy: AccessPolicy, level: ExportJobPayload['level']): Promise<string[]> {
  // A loose index scan over the primary key: one probe per distinct type, not a scan of every row.
  // Only the names of the types stored, no resource: not a read of health data.
  const { rows } = await repo.deps.db.query<{ rt: string }>(
    `WITH RECURSIVE t(rt) AS (
       SELECT min(resource_type) FROM fhir_resource
       UNION ALL SELECT (SELECT min(resource_type) FROM fhir_resource WHERE resource_type > t.rt) FROM t WHERE t.rt IS NOT NULL)
     SELECT rt FROM t WHERE rt IS NOT NULL`,
  );
  return rows.map((r) => r.rt).filter((t) => policy.canRead(t) && (level === 'system' || isPatientCompartmentType(t)));
}
