// Operator tokens: full-access bearer tokens for scripts and the bootstrap of a new install. Only a
// SHA-256 of the token is stored (the token has 256 bits of entropy, so a slow hash adds nothing).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool.js';
import { systemPolicy, type AccessPolicy } from '../access/policy.js';

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
  return (r.rowCount ?? 0) > 0;
}

/** The policy for a valid operator token, or undefined when the token is not one. */
export async function authenticateSystemToken(db: Queryable, token: string): Promise<AccessPolicy | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 100) return undefined;
  const { rows } = await db.query<{ label: string }>(
    'SELECT label FROM system_token WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()',
    [hashToken(token)],
  );
  return rows[0] ? systemPolicy(`token:${rows[0].label}`) : undefined;
}
