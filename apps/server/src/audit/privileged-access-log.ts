// Every privileged access (access/privileged.ts) with one search: its AuditEvent's first agent is
// the server named by its reason (`Device/system-<reason>`, the `agent` column), with the reason as
// AuditEvent.agent.role in the privileged-access CodeSystem. The FHIR search it answers is
// `AuditEvent?agent-role=https://portico.health/fhir/CodeSystem/privileged-access|` (any reason) or
// `…|identity-proofing` (one); `npm run audit:privileged` prints it (docs/decisions/0018).
import type { AuditEvent } from '@medplum/fhirtypes';
import { principalReference } from '../access/principal.js';
import { PRIVILEGED_REASONS, type PrivilegedReason } from '../access/privileged-reasons.js';
import type { Queryable } from '../db/pool.js';

export interface PrivilegedAccessEntry {
  seq: string;
  recorded: string;
  reason: PrivilegedReason;
  /** The REST interaction or operation (read, search-type, create, operation…). */
  subtype: string;
  /** The party the server acted for, when someone asked (an app, a person enrolling, a requester). */
  onBehalfOf?: string;
  patientIds: string[];
  description?: string;
  event: AuditEvent;
}

/** The agent references of privileged accesses, for every reason or the ones given. */
export function privilegedAgents(reasons: readonly PrivilegedReason[] = Object.keys(PRIVILEGED_REASONS) as PrivilegedReason[]): string[] {
  return reasons.map((reason) => principalReference({ kind: 'system', name: reason, reason }));
}

/** Privileged accesses, newest first: `before` (a seq) pages back, `since` bounds by time. */
export async function listPrivilegedAccess(
  db: Queryable,
  options: { reasons?: PrivilegedReason[]; since?: string; before?: string; count: number },
): Promise<PrivilegedAccessEntry[]> {
  const { rows } = await db.query<{ seq: string; recorded: Date; action: string; patient_ids: string[]; content: string }>(
    `SELECT seq, recorded, action, patient_ids, content FROM audit_event
     WHERE agent = ANY($1::text[]) AND ($2::timestamptz IS NULL OR recorded >= $2::timestamptz) AND ($3::bigint IS NULL OR seq < $3::bigint)
     ORDER BY seq DESC LIMIT $4`,
    [privilegedAgents(options.reasons), options.since ?? null, options.before ?? null, options.count],
  );
  return rows.map((row) => {
    const event = JSON.parse(row.content) as AuditEvent;
    const [server, actor] = event.agent;
    return {
      seq: row.seq,
      recorded: new Date(row.recorded).toISOString(),
      reason: server.role?.[0]?.coding?.[0]?.code as PrivilegedReason,
      subtype: row.action,
      ...(actor ? { onBehalfOf: actor.who?.display ?? actor.who?.reference } : {}),
      patientIds: row.patient_ids,
      ...(event.outcomeDesc ? { description: event.outcomeDesc } : {}),
      event,
    };
  });
}
