// Who is asking. Every repository is built for one principal; there is no ambient identity.
import type { PrivilegedReason } from './privileged-reasons.js';

export type Principal =
  /**
   * The server itself. With a `reason` it is a privileged access (access/privileged.ts): unrestricted,
   * for one purpose from a closed list, on behalf of `actor` when someone asked for it. Without one it
   * is only an audit agent that never reads data (the unknown caller of a failed sign-in).
   */
  | { kind: 'system'; name: string; reason?: PrivilegedReason; actor?: Principal }
  | { kind: 'patient'; userId: string; patientId: string; displayName?: string }
  | { kind: 'staff'; userId: string; practitionerId?: string; organizationId?: string; roles: string[]; displayName?: string }
  | { kind: 'app'; clientId: string; clientName?: string; userId?: string; patientId?: string; scopes: string[] };

export function principalReference(principal: Principal): string {
  switch (principal.kind) {
    case 'system':
      // A privileged access is named by its purpose, so one list of references finds them all.
      return `Device/system-${principal.reason ?? principal.name}`;
    case 'patient':
      return `Patient/${principal.patientId}`;
    case 'staff':
      return principal.practitionerId ? `Practitioner/${principal.practitionerId}` : `Practitioner/user-${principal.userId}`;
    case 'app':
      return `Device/app-${principal.clientId}`;
  }
}
