// The app registry as administrators manage it in the staff app (docs/api/smart.md "App registry"):
// every app with how and by whom it was registered, registering one (a client secret is returned
// once; only its hash is kept), disabling one (its grants and tokens end at once), and the apps a
// staff member may open for a patient (EHR launch). Registrations and removals are audited with the
// administrator as the agent and the app as the entity.
import type { Principal } from '../access/principal.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { Database } from '../db/pool.js';
import { findClient, listAllClients, listClients, recordClientActor, registerClient, revokeClient, type NewClient, type RegisteredApp } from './clients.js';
import { OAuthError } from './errors.js';

/** The signed-in administrator, and where the request came from (for the audit trail). */
export interface AdminCaller {
  id: string;
  displayName: string;
  practitionerId?: string;
  sourceIp?: string;
  userAgent?: string;
}

/** What an administrator fills in; how the app came in is recorded by the use case. */
export type AppRegistration = Omit<NewClient, 'registeredBy'>;

/** How an app came into the registry. */
export type RegistrationSource = 'staff-app' | 'command-line' | 'dynamic';

export const registrationSource = (app: RegisteredApp): RegistrationSource =>
  app.registeredBy === 'dynamic' ? 'dynamic' : app.registeredByUser ? 'staff-app' : 'command-line';

/** https, or http on a loopback host (a developer's machine), like redirect URIs (RFC 8252 §7.3). */
function checkAppUrl(value: string | undefined, what: string): void {
  if (value === undefined) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OAuthError('invalid_client_metadata', `The ${what} is not an absolute URL`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.hash || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new OAuthError('invalid_client_metadata', `The ${what} must use https (http only for localhost) and have no fragment`);
  }
}

const principalOf = (admin: AdminCaller): Principal => ({
  kind: 'staff',
  userId: admin.id,
  practitionerId: admin.practitionerId,
  roles: ['admin'],
  displayName: admin.displayName,
});

function audit(sink: AuditSink, admin: AdminCaller, subtype: 'app-registered' | 'app-disabled', clientId: string, description: string): void {
  sink.record({
    action: subtype === 'app-registered' ? 'C' : 'D',
    subtype,
    principal: principalOf(admin),
    patientIds: [],
    entities: [`Device/app-${clientId}`],
    outcome: 'success',
    sourceIp: admin.sourceIp,
    userAgent: admin.userAgent,
    description,
  });
}

export const listAppsForAdmin = (db: Database): Promise<RegisteredApp[]> => listAllClients(db);

export async function registerAppAsAdmin(deps: { db: Database; audit: AuditSink }, admin: AdminCaller, input: AppRegistration): Promise<{ app: RegisteredApp; secret?: string }> {
  checkAppUrl(input.launchUrl, 'launch URL');
  checkAppUrl(input.jwksUrl, 'JWKS URL');
  if (input.type !== 'confidential-asymmetric' && (input.jwksUrl || input.jwks)) {
    throw new OAuthError('invalid_client_metadata', 'Only a private key JWT client has a JWKS');
  }
  // A pasted private key would be a secret kept in plain text, and a sign of a mistake.
  if (input.jwks?.keys.some((k) => 'd' in k)) throw new OAuthError('invalid_client_metadata', 'Paste the public keys only (the JWKS has a private key)');
  if (input.backend && input.launchUrl) throw new OAuthError('invalid_client_metadata', 'A backend service is not launched, so it has no launch URL');
  const { client, secret } = await deps.db.withTransaction(async (tx) => {
    const registered = await registerClient(tx, { ...input, redirectUris: input.backend ? [] : input.redirectUris, registeredBy: 'admin' });
    await recordClientActor(tx, registered.client.clientId, 'registered', admin);
    return registered;
  });
  audit(deps.audit, admin, 'app-registered', client.clientId, `App registered: ${client.name}`);
  return { app: { ...client, registeredByUser: { id: admin.id, displayName: admin.displayName } }, secret };
}

/** Disables an app: it can no longer sign in, and every grant and token it holds ends now. */
export async function disableApp(deps: { db: Database; audit: AuditSink }, admin: AdminCaller, clientId: string): Promise<boolean> {
  const disabled = await deps.db.withTransaction(async (tx) => {
    const client = await findClient(tx, clientId);
    if (!client || !(await revokeClient(tx, client.clientId))) return undefined;
    await recordClientActor(tx, client.clientId, 'revoked', admin);
    return client;
  });
  if (disabled) audit(deps.audit, admin, 'app-disabled', disabled.clientId, `App disabled: ${disabled.name}`);
  return disabled !== undefined;
}

/** Active apps a staff member can open for a patient: those with a launch URL (not backend services). */
export async function launchableApps(db: Database): Promise<{ clientId: string; name: string }[]> {
  return (await listClients(db))
    .filter((c) => c.launchUrl && !c.backend)
    .map((c) => ({ clientId: c.clientId, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
