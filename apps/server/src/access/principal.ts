// Who is asking. Every repository is built for one principal; there is no ambient identity.
export type Principal =
  /** The server itself or an operator's command line (seeding, import, migrations, bootstrap token). */
  | { kind: 'system'; name: string }
  | { kind: 'patient'; userId: string; patientId: string; displayName?: string }
  | { kind: 'staff'; userId: string; practitionerId?: string; organizationId?: string; roles: string[]; displayName?: string }
  | { kind: 'app'; clientId: string; clientName?: string; userId?: string; patientId?: string; scopes: string[] };

export function principalReference(principal: Principal): string {
  switch (principal.kind) {
    case 'system':
      return `Device/system-${principal.name}`;
    case 'patient':
      return `Patient/${principal.patientId}`;
    case 'staff':
      return principal.practitionerId ? `Practitioner/${principal.practitionerId}` : `Practitioner/user-${principal.userId}`;
    case 'app':
      return `Device/app-${principal.clientId}`;
  }
}
