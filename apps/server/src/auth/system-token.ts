// Operator tokens: full-access bearer tokens for scripts and the bootstrap of a new install. Only a
// SHA-256 of the token is stored (the token has 256 bits of entropy, so a slow hash adds nothing).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool.js';
import { privilegedPolicy, type AccessPolicy } from '../access/policy.js';

const PREFIX = 'pst_';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSystemToken(db: Queryable, label: string, days = 30): Promise<{ id: string; token: string; expiresAt: string }> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + days * 86_400_000).toISOString();
  await db.query('INSERT INTO system_token (id, token_hash, label, expires_at) VALUES ($1, $2, $3, $4)', [id, hashToken(token), label, expiresAt]);
  return { id, token, expiresAt };
}

export async function revokeSystemToken(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query('UPDATE system_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
  // At once in this process; other processes drop it when their entry is older than RECHECK_MS.
  for (const cache of [recent.get(db)]) for (const [hash, entry] of cache ?? []) if (entry.id === id) cache?.delete(hash);
  return (r.rowCount ?? 0) > 0;
}

/**
 * Operator tokens found valid in the last RECHECK_MS, per database, so a busy script does not cost a
 * token query per request. Only positive answers are kept, so a new token works at once; a token
 * revoked with revokeSystemToken in this process stops at once, and one revoked elsewhere (the
 * command line, another node) stops within RECHECK_MS. Expiry is checked on every use.
 */
const RECHECK_MS = 2000;
const MAX_ENTRIES = 1000;
const recent = new WeakMap<Queryable, Map<string, { id: string; label: string; expiresAt: number; checkedAt: number }>>();

/** The policy for a valid operator token, or undefined when the token is not one. */
export async function authenticateSystemToken(db: Queryable, token: string): Promise<AccessPolicy | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 100) return undefined;
  const hash = hashToken(token);
  let cache = recent.get(db);
  const now = Date.now();
  const hit = cache?.get(hash);
  if (hit && now - hit.checkedAt < RECHECK_MS && now < hit.expiresAt) return privilegedPolicy('operator', { name: `token:${hit.label}` });
  const { rows } = await db.query<{ id: string; label: string; expires_at: string }>(
    { name: 'system-token-auth', text: 'SELECT id, label, expires_at FROM system_token WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()' },
    [hash],
  );
  const row = rows[0];
  if (!row) {
    cache?.delete(hash);
    return undefined;
  }
  if (!cache) recent.set(db, (cache = new Map()));
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(hash, { id: row.id, label: row.label, expiresAt: Date.parse(row.expires_at), checkedAt: now });
  return privilegedPolicy('operator', { name: `token:${row.label}` });
}
