// What the SMART routes share: database, URLs, keys and the portal sign-in.
import type { AuditSink } from '../audit/audit-log.js';
import type { Database } from '../db/pool.js';
import type { Authenticator } from '../auth/authenticate.js';
import type { RepositoryDeps } from '../fhir/repository.js';
import type { PortalIdentity } from './identity-port.js';
import type { KeyStore } from './keys.js';

export interface SmartContext {
  db: Database;
  audit: AuditSink;
  keys: KeyStore;
  identity: PortalIdentity;
  repositoryDeps: RepositoryDeps;
  authenticators: Authenticator[];
  publicUrl: string;
  /** The FHIR base: the `aud` apps must send, and the issuer of id_tokens. */
  fhirBase: string;
  urls: { authorize: string; token: string; introspect: string; revoke: string; register: string; jwks: string; manage: string };
}

export function smartUrls(publicUrl: string) {
  return {
    authorize: `${publicUrl}/auth/authorize`,
    token: `${publicUrl}/auth/token`,
    introspect: `${publicUrl}/auth/introspect`,
    revoke: `${publicUrl}/auth/revoke`,
    register: `${publicUrl}/auth/register`,
    jwks: `${publicUrl}/auth/jwks`,
    // The web app's Connected apps screen (apps/web/src/routes/index.ts), where a patient removes an app.
    manage: `${publicUrl}/apps`,
  };
}

/** Parses an application/x-www-form-urlencoded body (or an already-parsed object) into single values. */
export function formFields(body: unknown): Record<string, string | undefined> {
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  if (body && typeof body === 'object') {
    const out: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(body)) out[k] = Array.isArray(v) ? String(v[0]) : v === undefined ? undefined : String(v);
    return out;
  }
  return {};
}

/** All values of a repeated form field. */
export function formAll(body: unknown, name: string): string[] {
  if (typeof body === 'string') return new URLSearchParams(body).getAll(name);
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
}
