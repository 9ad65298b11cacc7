// One-time recovery codes for when the authenticator is lost: 10 codes of 60 random bits each,
// shown once. Stored as SHA-256 hashes: they never need to be read back, and a one-way hash is
// stronger than reversible encryption for that.
import { createHash, randomInt } from 'node:crypto';
import type { Queryable } from '../db/pool.js';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

const normalize = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const hashCode = (accountId: string, code: string) => createHash('sha256').update(`${accountId}:${normalize(code)}`).digest('hex');

export async function replaceRecoveryCodes(db: Queryable, accountId: string): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    let raw = '';
    for (let j = 0; j < 12; j++) raw += ALPHABET[randomInt(ALPHABET.length)];
    codes.push(raw.match(/.{4}/g)!.join('-'));
  }
  await storeRecoveryCodes(db, accountId, codes);
  return codes;
}

/** Replaces the account's codes with these (the demo accounts' published codes come this way). */
export async function storeRecoveryCodes(db: Queryable, accountId: string, codes: readonly string[]): Promise<void> {
  await db.query('DELETE FROM recovery_code WHERE account_id = $1', [accountId]);
  await db.query('INSERT INTO recovery_code (account_id, code_hash) SELECT $1, unnest($2::text[])', [accountId, codes.map((c) => hashCode(accountId, c))]);
}

/** Uses up a recovery code; true when it was valid and unused. */
export async function useRecoveryCode(db: Queryable, accountId: string, code: string): Promise<boolean> {
  if (normalize(code).length !== 12) return false;
  const r = await db.query('UPDATE recovery_code SET used_at = now() WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL', [accountId, hashCode(accountId, code)]);
  return (r.rowCount ?? 0) > 0;
}
