// Builds FHIR R4 AuditEvent resources for accesses to health data (FHIR R4 AuditEvent, using the
// RESTful interaction subtypes and DICOM event types the spec recommends).
import type { AuditEvent } from '@medplum/fhirtypes';
import { principalReference, type Principal } from '../access/principal.js';
import { PRIVILEGED_ACCESS_SYSTEM, PRIVILEGED_REASONS } from '../access/privileged-reasons.js';

export type AuditAction = 'C' | 'R' | 'U' | 'D' | 'E';

export interface AuditEntry {
  action: AuditAction;
  /** FHIR restful interaction (read, vread, search-type, create, update, delete, history, …) or a portal event (login, logout, …). */
  subtype: AuditSubtype;
  principal: Principal;
  /** Patients whose data was touched. */
  patientIds: string[];
  /** References of the resources touched, e.g. `Observation/123`. */
  entities: string[];
  outcome: 'success' | 'failure';
  sourceIp?: string;
  userAgent?: string;
  /** Plain description without health data, e.g. "search Observation". */
  description?: string;
}

/** Portal (non-REST) events, each with the DICOM audit event type it is recorded under. */
export const IDENTITY_SUBTYPES = {
  login: '110114',
  'login-failed': '110114',
  logout: '110114',
  'session-expired': '110114',
  'session-ended': '110114',
  'logout-all': '110114',
  'mfa-enabled': '110137',
  'mfa-disabled': '110137',
  'recovery-codes-replaced': '110137',
  'recovery-code-used': '110114',
  'passkey-added': '110137',
  'passkey-removed': '110137',
  enrolled: '110137',
  'password-reset': '110137',
  'password-changed': '110137',
  'activation-code-created': '110137',
  'account-unlocked': '110137',
  // An app's grant or registration changes what can reach patient data on someone's behalf.
  'app-authorized': '110137',
  'app-revoked': '110137',
  'app-registered': '110137',
  'app-disabled': '110137',
} as const;
export type IdentitySubtype = keyof typeof IDENTITY_SUBTYPES;

const DICOM_DISPLAY: Record<string, string> = { '110114': 'User Authentication', '110137': 'User Security Attributes Changed' };

/** FHIR restful interactions (http://hl7.org/fhir/restful-interaction) the server records. */
export const REST_SUBTYPES = ['read', 'vread', 'update', 'patch', 'delete', 'history', 'history-instance', 'history-type', 'history-system', 'create', 'search', 'search-type', 'search-system', 'capabilities', 'transaction', 'batch', 'operation'] as const;
export type RestSubtype = (typeof REST_SUBTYPES)[number];
/** Every event code the server can write: the patient's access log has wording for each. */
export type AuditSubtype = RestSubtype | IdentitySubtype;
const REST = new Set<string>(REST_SUBTYPES);

export function toAuditEvent(entry: AuditEntry, recorded: string): AuditEvent {
  const rest = REST.has(entry.subtype);
  return {
    resourceType: 'AuditEvent',
    type: rest
      ? { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' }
      : dicomType(entry.subtype),
    subtype: [
      rest
        ? { system: 'http://hl7.org/fhir/restful-interaction', code: entry.subtype }
        : { system: 'https://portico.health/fhir/CodeSystem/portal-event', code: entry.subtype },
    ],
    action: entry.action,
    recorded,
    outcome: entry.outcome === 'success' ? '0' : '4',
    ...(entry.description ? { outcomeDesc: entry.description } : {}),
    agent: agentsOf(entry),
    source: {
      observer: { display: 'Portico' },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    entity: [
      ...entry.patientIds.map((id) => ({ what: { reference: `Patient/${id}` }, role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' } })),
      ...entry.entities.slice(0, 1000).map((reference) => ({ what: { reference } })),
      ...(entry.userAgent ? [{ name: 'user-agent', detail: [{ type: 'user-agent', valueString: entry.userAgent.slice(0, 300) }] }] : []),
    ],
  };
}

type Agent = AuditEvent['agent'][number];

/**
 * The requesting agent; for a privileged access (access/privileged.ts) first the server with its
 * reason as role (AuditEvent.agent.role, searchable as `agent-role`), then the party it acted for.
 */
function agentsOf(entry: AuditEntry): Agent[] {
  const { principal } = entry;
  const network = entry.sourceIp ? { network: { address: entry.sourceIp, type: '2' as const } } : {};
  if (principal.kind === 'system' && principal.reason) {
    const server: Agent = {
      who: { reference: principalReference(principal), display: displayOf(principal) },
      requestor: !principal.actor,
      role: [{ coding: [{ system: PRIVILEGED_ACCESS_SYSTEM, code: principal.reason, display: PRIVILEGED_REASONS[principal.reason] }], text: PRIVILEGED_REASONS[principal.reason] }],
      ...(principal.actor ? {} : network),
    };
    return principal.actor ? [server, agentOf(principal.actor, network)] : [server];
  }
  return [agentOf(principal, network)];
}

function agentOf(principal: Principal, network: Pick<Agent, 'network'>): Agent {
  const display = displayOf(principal);
  return {
    who: { reference: principalReference(principal), ...(display ? { display } : {}) },
    requestor: true,
    // Staff roles, so a patient's access log can say who looked (nurse, clinician, …).
    ...(principal.kind === 'staff' && principal.roles.length
      ? { role: principal.roles.map((r) => ({ coding: [{ system: 'https://portico.health/fhir/CodeSystem/staff-role', code: r }], text: r })) }
      : {}),
    ...network,
    ...(principal.kind === 'app' && principal.userId ? { altId: principal.userId } : {}),
  };
}

function dicomType(subtype: string): { system: string; code: string; display: string } {
  const code = (IDENTITY_SUBTYPES as Record<string, string>)[subtype] ?? '110114';
  return { system: 'http://dicom.nema.org/resources/ontology/DCM', code, display: DICOM_DISPLAY[code] };
}

function displayOf(principal: Principal): string | undefined {
  if (principal.kind === 'app') return principal.clientName ?? principal.clientId;
  if (principal.kind === 'system') return `system (${principal.name})`;
  return principal.displayName;
}
