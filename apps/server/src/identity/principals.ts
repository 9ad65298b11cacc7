// Accounts as access-control principals and audit agents. Administrators are staff principals with
// the role `admin` and no organization (their policy reaches every patient).
import type { Principal } from '../access/principal.js';
import type { Account } from './accounts.js';

export function principalOf(account: Account): Principal {
  if (account.kind === 'patient' && account.patientId) {
    return { kind: 'patient', userId: account.id, patientId: account.patientId, displayName: account.displayName };
  }
  return {
    kind: 'staff',
    userId: account.id,
    practitionerId: account.practitionerId ?? undefined,
    organizationId: account.kind === 'admin' ? undefined : (account.organizationId ?? undefined),
    roles: account.kind === 'admin' ? ['admin', ...account.roles] : account.roles,
    displayName: account.displayName,
  };
}

/** The agent of a sign-in attempt for an email with no account. */
export const anonymousPrincipal: Principal = { kind: 'system', name: 'anonymous' };
