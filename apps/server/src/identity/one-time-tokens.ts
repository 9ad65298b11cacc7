// Single-use secrets: activation codes (typed by the patient) and email links (enrollment
// verification, password reset). Only SHA-256 hashes are stored; a use marks the row, so a second
// use finds nothing.
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool.js';

export type TokenPurpose = 'activation' | 'enroll-verify' | 'password-reset';

// No 0/O, 1/I/L: codes are read from emails and typed by hand.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const hashToken = (purpose: TokenPurpose, token: string) => createHash('sha256').update(`${purpose}:${token}`).digest('hex');

export function normalizeActivationCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function newActivationCode(): { code: string; display: string } {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return { code, display: code.match(/.{4}/g)!.join('-') };
}

export const newLinkToken = () => randomBytes(32).toString('base64url');

export interface TokenRow {
  id: string;
  purpose: TokenPurpose;
  accountId: string | null;
  patientId: string | null;
  email: string | null;
  failedAttempts: number;
}

export async function storeToken(
  db: Queryable,
  input: { purpose: TokenPurpose; token: string; minutes: number; accountId?: string; patientId?: string; email?: string; createdBy?: string },
): Promise<{ id: string; expiresAt: string }> {
  const id = randomUUID();
  const { rows } = await db.query<{ expires_at: string }>(
    `INSERT INTO one_time_token (id, purpose, token_hash, account_id, patient_id, email, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(mins => $8)) RETURNING expires_at`,
    [id, input.purpose, hashToken(input.purpose, input.token), input.accountId ?? null, input.patientId ?? null, input.email ?? null, input.createdBy ?? null, input.minutes],
  );
  return { id, expiresAt: new Date(rows[0].expires_at).toISOString() };
}

/** The live (unused, unexpired) token row, locked for this transaction. */
export async function findLiveToken(db: Queryable, purpose: TokenPurpose, token: string): Promise<TokenRow | undefined> {
  const { rows } = await db.query(
    `SELECT id, purpose, account_id, patient_id, email, failed_attempts FROM one_time_token
     WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
    [hashToken(purpose, token), purpose],
  );
  const r = rows[0];
  return r ? { id: r.id, purpose: r.purpose, accountId: r.account_id, patientId: r.patient_id, email: r.email, failedAttempts: r.failed_attempts } : undefined;
}

export async function markUsed(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE one_time_token SET used_at = now() WHERE id = $1', [id]);
}

/** Counts a wrong answer with a valid token (e.g. wrong birth date); the 5th burns the token. */
export async function recordTokenFailure(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE one_time_token SET failed_attempts = failed_attempts + 1, used_at = CASE WHEN failed_attempts + 1 >= 5 THEN now() ELSE used_at END WHERE id = $1', [id]);
}

/** Retires earlier unused tokens of the same purpose for a patient or account. */
export async function retireTokens(db: Queryable, purpose: TokenPurpose, by: { patientId?: string; accountId?: string }): Promise<void> {
  await db.query(
    'UPDATE one_time_token SET used_at = now() WHERE purpose = $1 AND used_at IS NULL AND (patient_id = $2 OR account_id = $3)',
    [purpose, by.patientId ?? null, by.accountId ?? null],
  );
}
