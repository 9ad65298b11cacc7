// The app registry: clients registered by administrators (staff app, command line) or by RFC 7591
// dynamic registration. Secrets are shown once and only their SHA-256 is kept (256 random bits).
import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import type { Queryable } from '../db/pool.js';
import { checkJwks, checkJwksUrl } from './client-keys.js';
import { OAuthError, randomToken, sha256 } from './errors.js';

export type ClientType = 'public' | 'confidential-symmetric' | 'confidential-asymmetric';

export interface SmartClient {
  clientId: string;
  name: string;
  type: ClientType;
  secretHash?: string;
  redirectUris: string[];
  jwksUrl?: string;
  jwks?: { keys: JWK[] };
  backend: boolean;
  launchUrl?: string;
  registeredBy: 'admin' | 'dynamic';
  createdAt: string;
}

export interface NewClient {
  name: string;
  type: ClientType;
  redirectUris: string[];
  jwksUrl?: string;
  jwks?: { keys: JWK[] };
  backend?: boolean;
  launchUrl?: string;
  registeredBy?: 'admin' | 'dynamic';
}

interface Row {
  client_id: string;
  name: string;
  client_type: ClientType;
  secret_hash: string | null;
  redirect_uris: string[];
  jwks_url: string | null;
  jwks: { keys: JWK[] } | null;
  backend: boolean;
  launch_url: string | null;
  registered_by: 'admin' | 'dynamic';
  created_at: string;
}

const toClient = (r: Row): SmartClient => ({
  clientId: r.client_id,
  name: r.name,
  type: r.client_type,
  secretHash: r.secret_hash ?? undefined,
  redirectUris: r.redirect_uris,
  jwksUrl: r.jwks_url ?? undefined,
  jwks: r.jwks ?? undefined,
  backend: r.backend,
  launchUrl: r.launch_url ?? undefined,
  registeredBy: r.registered_by,
  createdAt: r.created_at,
});

/** Checks a redirect URI: absolute, no fragment; https except on loopback hosts (RFC 8252 §7.3). */
export function checkRedirectUri(uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new OAuthError('invalid_redirect_uri', `Not an absolute URL: ${uri.slice(0, 200)}`);
  }
  if (url.hash) throw new OAuthError('invalid_redirect_uri', 'A redirect URI must not have a fragment');
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback) && !/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/.test(url.protocol)) {
    throw new OAuthError('invalid_redirect_uri', 'Redirect URIs must use https (http only for localhost, or a private-use scheme)');
  }
}

/**
 * The page staff open to launch the app (EHR launch): https, or http on a loopback host. It is put
 * in front of staff as a link, so anything else (javascript:, a relative path) is refused here.
 */
export function checkLaunchUrl(value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const loopback = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!url || url.hash || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback))) {
    throw new OAuthError('invalid_client_metadata', 'The launch URL must be an absolute https URL (http only for localhost) without a fragment');
  }
}

export async function registerClient(db: Queryable, input: NewClient): Promise<{ client: SmartClient; secret?: string }> {
  if (!input.name.trim()) throw new OAuthError('invalid_client_metadata', 'The app needs a name');
  if (!input.backend && input.redirectUris.length === 0) throw new OAuthError('invalid_redirect_uri', 'At least one redirect URI is needed');
  input.redirectUris.forEach(checkRedirectUri);
  if (input.type === 'confidential-asymmetric' && !input.jwksUrl && !input.jwks?.keys?.length) {
    throw new OAuthError('invalid_client_metadata', 'An asymmetric client needs a JWKS URL or an inline JWKS');
  }
  // RFC 7591 §2: one or the other, so which keys count is never in doubt.
  if (input.jwks !== undefined && input.jwksUrl !== undefined) throw new OAuthError('invalid_client_metadata', 'Give a JWKS URL or an inline JWKS, not both');
  if (input.jwks !== undefined) checkJwks(input.jwks);
  if (input.jwksUrl !== undefined) checkJwksUrl(input.jwksUrl, true);
  if (input.backend && input.type !== 'confidential-asymmetric' && input.type !== 'confidential-symmetric') {
    throw new OAuthError('invalid_client_metadata', 'A backend service must be a confidential client');
  }
  if (input.launchUrl !== undefined) {
    if (input.backend) throw new OAuthError('invalid_client_metadata', 'A backend service is not launched, so it has no launch URL');
    checkLaunchUrl(input.launchUrl);
  }
  const clientId = randomUUID();
  const secret = input.type === 'confidential-symmetric' ? randomToken('') : undefined;
  const { rows } = await db.query<Row>(
    `INSERT INTO smart_client (client_id, name, client_type, secret_hash, redirect_uris, jwks_url, jwks, backend, launch_url, registered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [clientId, input.name.trim().slice(0, 200), input.type, secret ? sha256(secret) : null, input.redirectUris, input.jwksUrl ?? null,
      input.jwks ? JSON.stringify(input.jwks) : null, input.backend ?? false, input.launchUrl ?? null, input.registeredBy ?? 'admin'],
  );
  return { client: toClient(rows[0]), secret };
}

export async function findClient(db: Queryable, clientId: string | undefined): Promise<SmartClient | undefined> {
  if (!clientId || clientId.length > 200) return undefined;
  const { rows } = await db.query<Row>('SELECT * FROM smart_client WHERE client_id = $1 AND revoked_at IS NULL', [clientId]);
  return rows[0] ? toClient(rows[0]) : undefined;
}

export async function listClients(db: Queryable): Promise<SmartClient[]> {
  const { rows } = await db.query<Row>('SELECT * FROM smart_client WHERE revoked_at IS NULL ORDER BY created_at');
  return rows.map(toClient);
}

/** Ends an app's registration and every token it holds. */
export async function revokeClient(db: Queryable, clientId: string): Promise<boolean> {
  const r = await db.query('UPDATE smart_client SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL', [clientId]);
  await db.query('UPDATE smart_token SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL', [clientId]);
  await db.query('UPDATE smart_grant SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL', [clientId]);
  return (r.rowCount ?? 0) > 0;
}

/** The administrator who registered or disabled an app in the staff app (a snapshot). */
export interface AppActor {
  id: string;
  displayName: string;
}

export interface RegisteredApp extends SmartClient {
  registeredByUser?: AppActor;
  disabledAt?: string;
  disabledByUser?: AppActor;
}

/** Every app, disabled ones too, newest first: the administrators' list. */
export async function listAllClients(db: Queryable): Promise<RegisteredApp[]> {
  const { rows } = await db.query<Row & { revoked_at: string | null; registered_by_user: AppActor | null; revoked_by_user: AppActor | null }>(
    'SELECT * FROM smart_client ORDER BY created_at DESC, client_id',
  );
  return rows.map((r) => ({
    ...toClient(r),
    registeredByUser: r.registered_by_user ?? undefined,
    disabledAt: r.revoked_at ?? undefined,
    disabledByUser: r.revoked_by_user ?? undefined,
  }));
}

/** Notes who registered (or disabled) an app; call in the same transaction as the change. */
export async function recordClientActor(db: Queryable, clientId: string, change: 'registered' | 'revoked', actor: AppActor): Promise<void> {
  const column = change === 'registered' ? 'registered_by_user' : 'revoked_by_user';
  await db.query(`UPDATE smart_client SET ${column} = $2 WHERE client_id = $1`, [clientId, JSON.stringify({ id: actor.id, displayName: actor.displayName })]);
}
