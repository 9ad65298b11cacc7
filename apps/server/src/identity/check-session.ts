// The per-request session check in one database statement: find the live session for the cookie,
// end it if it is past its idle or absolute deadline, move its idle deadline (throttled), and read
// its account and MFA status. Every /api and /fhir request with the cookie pays for this, so it is
// one round trip and one prepared plan per connection instead of four statements.
import type { Queryable } from '../db/pool.js';
import { accountColumns, accountFromRow, type Account, type MfaStatus } from './accounts.js';
import { sessionFromRow, hashSessionToken, type SessionRow } from './sessions.js';

export type SessionCheck =
  | { session: SessionRow; account: Account | undefined; mfa: MfaStatus }
  | { expired: SessionRow; reason: 'idle-timeout' | 'absolute-timeout'; account: Account | undefined }
  | undefined;

export interface CheckOptions {
  idleMinutes: number;
  /**
   * Touch the session (last_seen_at, idle deadline) when its last touch is at least this many
   * seconds old; 0 always touches, undefined never does (passive reads, or writes that must pass
   * the CSRF check first).
   */
  touchAfterSeconds?: number;
}

// Both UPDATEs see the session as `found` read it; their conditions exclude each other (expired or
// not, by the one now() of the statement), so at most one of them writes the row. A revocation
// committed before the statement starts is seen by `found`; the UPDATEs re-check ended_at on the
// newest row version, so a session ended meanwhile is neither touched nor reported as expired twice.
const CHECK_SESSION = {
  name: 'portal-check-session',
  text: `WITH found AS (
    SELECT s.id, s.account_id, s.state, s.csrf_token, s.created_at, s.last_seen_at, s.idle_expires_at, s.absolute_expires_at,
           s.ip_address, s.user_agent, s.auth_methods,
           CASE WHEN now() >= s.absolute_expires_at THEN 'absolute-timeout' WHEN now() >= s.idle_expires_at THEN 'idle-timeout' END AS expired_reason
    FROM account_session s WHERE s.token_hash = $1 AND s.ended_at IS NULL
  ), ended AS (
    UPDATE account_session s SET ended_at = now(), end_reason = f.expired_reason
    FROM found f WHERE s.id = f.id AND f.expired_reason IS NOT NULL AND s.ended_at IS NULL
    RETURNING s.id
  ), touched AS (
    UPDATE account_session s SET last_seen_at = now(), idle_expires_at = LEAST(s.absolute_expires_at, now() + make_interval(mins => $2))
    FROM found f JOIN account a ON a.id = f.account_id
    WHERE s.id = f.id AND f.expired_reason IS NULL AND s.state = 'active' AND s.ended_at IS NULL AND NOT a.disabled
      AND s.last_seen_at <= now() - make_interval(secs => $3::double precision)
    RETURNING s.last_seen_at, s.idle_expires_at
  )
  SELECT f.*, EXISTS (SELECT 1 FROM ended) AS ended_now, t.last_seen_at AS touched_last_seen_at, t.idle_expires_at AS touched_idle_expires_at,
         ${accountColumns('a', 'a_')},
         EXISTS (SELECT 1 FROM totp_credential c WHERE c.account_id = f.account_id AND c.confirmed_at IS NOT NULL) AS mfa_totp,
         (SELECT count(*) FROM webauthn_credential w WHERE w.account_id = f.account_id) AS mfa_passkeys,
         (SELECT count(*) FROM recovery_code r WHERE r.account_id = f.account_id AND r.used_at IS NULL) AS mfa_codes
  FROM found f LEFT JOIN account a ON a.id = f.account_id LEFT JOIN touched t ON true`,
};

/** Resolves a session cookie value; an expired session is ended here and reported once. */
export async function checkSession(db: Queryable, token: string, options: CheckOptions): Promise<SessionCheck> {
  if (!token || token.length > 100) return undefined;
  const { rows } = await db.query(CHECK_SESSION, [hashSessionToken(token), options.idleMinutes, options.touchAfterSeconds ?? null]);
  const row = rows[0];
  if (!row) return undefined;
  const account = row.a_id ? accountFromRow(row, 'a_') : undefined;
  const session = sessionFromRow(row);
  if (row.expired_reason) return row.ended_now ? { expired: session, reason: row.expired_reason, account } : undefined;
  if (row.touched_idle_expires_at) {
    session.lastSeenAt = new Date(row.touched_last_seen_at).toISOString();
    session.idleExpiresAt = new Date(row.touched_idle_expires_at).toISOString();
  }
  return { session, account, mfa: { totp: row.mfa_totp, passkeys: Number(row.mfa_passkeys), recoveryCodesRemaining: Number(row.mfa_codes) } };
}
