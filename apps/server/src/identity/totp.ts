// TOTP (RFC 6238) with the parameters authenticator apps expect (HMAC-SHA1, 6 digits, 30 s).
// The secret is sealed with the keyring; the last accepted time step is kept so a code cannot be
// used twice (RFC 6238 §5.2), and ±1 step of clock drift is accepted.
import { Secret, TOTP } from 'otpauth';
import type { Queryable } from '../db/pool.js';
import type { Keyring } from '../crypto/keyring.js';

const ISSUER = 'Portico';
const PERIOD = 30;

export function totpFor(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrSvgDataUrl: string;
}

/** Starts (or restarts) an unconfirmed TOTP enrollment. */
export async function beginTotpSetup(db: Queryable, keyring: Keyring, accountId: string, email: string): Promise<TotpSetup> {
  const secret = new Secret({ size: 20 }).base32;
  await db.query(
    `INSERT INTO totp_credential (account_id, secret_enc) VALUES ($1, $2)
     ON CONFLICT (account_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, confirmed_at = NULL, last_step = 0, created_at = now()
     WHERE totp_credential.confirmed_at IS NULL`,
    [accountId, keyring.seal(secret, accountId)],
  );
  const otpauthUri = totpFor(secret, email).toString();
  // Loaded when someone sets up an authenticator, not at start.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export async function storeConfirmedTotp(db: Queryable, keyring: Keyring, accountId: string, secret: string): Promise<void> {
  await db.query(
    `INSERT INTO totp_credential (account_id, secret_enc, confirmed_at) VALUES ($1, $2, now())
     ON CONFLICT (account_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc, confirmed_at = now(), last_step = 0`,
    [accountId, keyring.seal(secret, accountId)],
  );
}

/**
 * Checks a code against the account's secret (the confirmed one, or the pending one when
 * `pending`), and records its time step so it cannot be replayed. True when accepted.
 */
export async function checkTotp(db: Queryable, keyring: Keyring, accountId: string, code: string, pending = false): Promise<boolean> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  const { rows } = await db.query<{ secret_enc: string; last_step: string }>(
    `SELECT secret_enc, last_step FROM totp_credential WHERE account_id = $1 AND (confirmed_at IS ${pending ? '' : 'NOT '}NULL) FOR UPDATE`,
    [accountId],
  );
  if (!rows[0]) return false;
  const secret = keyring.open(rows[0].secret_enc, accountId);
  const delta = totpFor(secret).validate({ token, window: 1 });
  if (delta === null) return false;
  const step = TOTP.counter({ period: PERIOD }) + delta;
  const r = await db.query(
    `UPDATE totp_credential SET last_step = $2 ${pending ? ', confirmed_at = now()' : ''} WHERE account_id = $1 AND last_step < $2`,
    [accountId, step],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function disableTotp(db: Queryable, accountId: string): Promise<boolean> {
  const r = await db.query('DELETE FROM totp_credential WHERE account_id = $1', [accountId]);
  await db.query('DELETE FROM recovery_code WHERE account_id = $1', [accountId]);
  return (r.rowCount ?? 0) > 0;
}

/** Test and demo helper: the current code for a base32 secret. */
export const currentTotpCode = (secret: string, timestamp = Date.now()) => totpFor(secret).generate({ timestamp });
