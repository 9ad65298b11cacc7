// A patient's view of their audit trail: who accessed their record (the patient, staff by name and
// role, apps, proxies), what they did and when — from the audit_event rows naming the patient.
import type { AuditEvent } from '@medplum/fhirtypes';
import type { Queryable } from '../db/pool.js';
import { IDENTITY_SUBTYPES, REST_SUBTYPES } from './audit-event.js';

/** The log's action for an event code: one word for the forms of search and history. */
export const accessLogAction = (subtype: string) => subtype.replace(/-(type|system|instance)$/, '');

/** Every action the access log can show; the web app words each one (a test checks). */
export const ACCESS_LOG_ACTIONS: readonly string[] = [...new Set([...REST_SUBTYPES, ...Object.keys(IDENTITY_SUBTYPES)].map(accessLogAction))];

export interface AccessLogEntry {
  id: string;
  recorded: string;
  action: string;
  outcome: 'success' | 'failure';
  actor: { kind: 'patient' | 'staff' | 'app' | 'proxy' | 'system'; name: string; roles: string[]; reference: string };
  resourceTypes: string[];
  count: number;
}

function actorOf(event: AuditEvent, patientId: string): AccessLogEntry['actor'] {
  // The one who asked: for a privileged access made on someone's behalf (an app's export, a person
  // enrolling), that party rather than the server (access/privileged.ts).
  const agent = event.agent?.find((a) => a.requestor) ?? event.agent?.[0];
  const reference = agent?.who?.reference ?? '';
  const roles = (agent?.role ?? []).map((r) => r.text ?? r.coding?.[0]?.code ?? '').filter(Boolean);
  const display = agent?.who?.display;
  if (reference === `Patient/${patientId}`) return { kind: 'patient', name: display ?? 'You', roles, reference };
  if (reference.startsWith('Patient/') || reference.startsWith('RelatedPerson/')) return { kind: 'proxy', name: display ?? 'A person you gave access to', roles, reference };
  if (reference.startsWith('Practitioner/')) return { kind: 'staff', name: display ?? 'Clinic staff', roles, reference };
  if (reference.startsWith('Device/app-')) return { kind: 'app', name: display ?? reference.slice('Device/app-'.length), roles, reference };
  return { kind: 'system', name: display?.startsWith('system (anonymous') ? 'Someone (not signed in)' : 'Portico', roles, reference };
}

export async function listAccessLog(db: Queryable, patientId: string, options: { count: number; before?: string }): Promise<{ entries: AccessLogEntry[]; next: string | null }> {
  const { rows } = await db.query<{ seq: string; recorded: string; action: string; outcome: string; content: string }>(
    `SELECT seq, recorded, action, outcome, content FROM audit_event
     WHERE patient_ids @> ARRAY[$1]::text[] AND ($2::bigint IS NULL OR seq < $2::bigint)
     ORDER BY seq DESC LIMIT $3`,
    [patientId, options.before ?? null, options.count + 1],
  );
  const page = rows.slice(0, options.count);
  const entries = page.map((row) => {
    const event = JSON.parse(row.content) as AuditEvent;
    const refs = (event.entity ?? []).map((e) => e.what?.reference).filter((r): r is string => !!r && !r.startsWith('Patient/'));
    const types = [...new Set(refs.map((r) => r.split('/')[0]))];
    const restCode = event.subtype?.[0]?.code ?? row.action;
    return {
      id: row.seq,
      recorded: new Date(row.recorded).toISOString(),
      action: accessLogAction(restCode),
      outcome: row.outcome === 'success' ? ('success' as const) : ('failure' as const),
      actor: actorOf(event, patientId),
      resourceTypes: types.length ? types : (event.entity ?? []).some((e) => e.what?.reference === `Patient/${patientId}`) && /^(read|vread|search|history|update|create)/.test(restCode) ? ['Patient'] : [],
      count: refs.length,
    };
  });
  return { entries, next: rows.length > options.count ? page[page.length - 1].seq : null };
}
