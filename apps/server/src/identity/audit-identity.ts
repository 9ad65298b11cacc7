// Sign-in, failed sign-in, MFA changes, session end, enrollment and password events go to the same
// hash-chained audit trail as health-data access, with the patient's id when the account has a
// chart, so patients see them in their access log.
import type { FastifyRequest } from 'fastify';
import type { AuditLog } from '../audit/audit-log.js';
import type { IdentitySubtype } from '../audit/audit-event.js';
import type { Account } from './accounts.js';
import { anonymousPrincipal, principalOf } from './principals.js';

export function auditIdentity(
  audit: AuditLog,
  request: FastifyRequest | undefined,
  subtype: IdentitySubtype,
  account: Account | undefined,
  success = true,
  description?: string,
): void {
  audit.record({
    action: 'E',
    subtype,
    principal: account ? principalOf(account) : anonymousPrincipal,
    patientIds: account?.patientId ? [account.patientId] : [],
    entities: [],
    outcome: success ? 'success' : 'failure',
    sourceIp: request?.ip,
    userAgent: request?.headers['user-agent'],
    description,
  });
}
