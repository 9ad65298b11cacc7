// Server-side sessions (OWASP Session Management): the cookie holds 256 random bits; the table
// keeps only their SHA-256, so a database leak does not hand out live sessions. Idle timeout is
// configurable (default 15 minutes), the absolute lifetime is 12 hours, a pending second-factor
// step lives 5 minutes. Every sign-in step issues a new id (no session fixation).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/pool.js';

export const SESSION_COOKIE = 'portico_session';
export const ABSOLUTE_HOURS = 12;
export const MFA_PENDING_MINUTES = 5;

export type SessionState = 'mfa-pending' | 'active';

export interface SessionRow {
  id: string;
  accountId: string;
  state: SessionState;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  authMethods: string[];
}

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const SESSION_COLUMNS = 'id, account_id, state, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at, ip_address, user_agent, auth_methods';

export function sessionFromRow(r: Record<string, unknown>): SessionRow {
  return {
    id: r.id as string,
    accountId: r.account_id as string,
    state: r.state as SessionState,
    csrfToken: r.csrf_token as string,
    createdAt: new Date(r.created_at as string).toISOString(),
    lastSeenAt: new Date(r.last_seen_at as string).toISOString(),
    idleExpiresAt: new Date(r.idle_expires_at as string).toISOString(),
    absoluteExpiresAt: new Date(r.absolute_expires_at as string).toISOString(),
    ipAddress: (r.ip_address as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
    authMethods: (r.auth_methods as string[]) ?? [],
  };
}

export interface NewSession {
  accountId: string;
  state: SessionState;
  idleMinutes: number;
  ipAddress?: string;
  userAgent?: string;
  authMethods: string[];
}

/** Creates a session and returns it with the cookie value (shown once, never stored). */
export async function createSession(db: Queryable, input: NewSession): Promise<{ token: string; session: SessionRow }> {
  const token = randomBytes(32).toString('base64url');
  const pending = input.state === 'mfa-pending';
  const idle = pending ? MFA_PENDING_MINUTES : input.idleMinutes;
  const absoluteMinutes = pending ? MFA_PENDING_MINUTES : ABSOLUTE_HOURS * 60;
  const { rows } = await db.query(
    `INSERT INTO account_session (id, token_hash, account_id, state, csrf_token, idle_expires_at, absolute_expires_at, ip_address, user_agent, auth_methods)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6), now() + make_interval(mins => $7), $8, $9, $10)
     RETURNING ${SESSION_COLUMNS}`,
    [randomUUID(), hashSessionToken(token), input.accountId, input.state, randomBytes(32).toString('base64url'), idle, absoluteMinutes, input.ipAddress ?? null, input.userAgent?.slice(0, 300) ?? null, input.authMethods],
  );
  return { token, session: sessionFromRow(rows[0]) };
}

/**
 * How stale last_seen_at may get before a request writes it again: 1/15 of the idle window, at most
 * a minute. Requests inside that window do not write, so the stored idle deadline can be up to this
 * much earlier than "last request + idle" — never later, so a session never outlives its idle limit.
 */
export const touchSlackSeconds = (idleMinutes: number) => Math.min(60, idleMinutes * 4);

/**
 * Moves the idle deadline (never past the absolute one) when the last touch is older than
 * `slackSeconds` (0: always). Returns the session as stored afterwards.
 */
export async function touchSession(db: Queryable, session: SessionRow, idleMinutes: number, slackSeconds = 0): Promise<SessionRow> {
  if (session.state !== 'active') return session;
  const { rows } = await db.query(
    `UPDATE account_session SET last_seen_at = now(), idle_expires_at = LEAST(absolute_expires_at, now() + make_interval(mins => $2))
     WHERE id = $1 AND ended_at IS NULL AND last_seen_at <= now() - make_interval(secs => $3) RETURNING ${SESSION_COLUMNS}`,
    [session.id, idleMinutes, slackSeconds],
  );
  return rows[0] ? sessionFromRow(rows[0]) : session;
}

/** Ends one session; true when it was live. */
export async function endSession(db: Queryable, id: string, reason: string): Promise<boolean> {
  const r = await db.query('UPDATE account_session SET ended_at = now(), end_reason = $2 WHERE id = $1 AND ended_at IS NULL', [id, reason]);
  return (r.rowCount ?? 0) > 0;
}

/** Ends every live session of an account except `exceptId`; returns the ids ended. */
export async function endAccountSessions(db: Queryable, accountId: string, reason: string, exceptId?: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'UPDATE account_session SET ended_at = now(), end_reason = $2 WHERE account_id = $1 AND ended_at IS NULL AND ($3::text IS NULL OR id <> $3) RETURNING id',
    [accountId, reason, exceptId ?? null],
  );
  return rows.map((r) => r.id);
}

export async function listSessions(db: Queryable, accountId: string): Promise<SessionRow[]> {
  const { rows } = await db.query(
    `SELECT ${SESSION_COLUMNS} FROM account_session WHERE account_id = $1 AND ended_at IS NULL AND state = 'active'
       AND idle_expires_at > now() AND absolute_expires_at > now() ORDER BY created_at DESC`,
    [accountId],
  );
  return rows.map(sessionFromRow);
}

export function csrfMatches(session: SessionRow, header: string | undefined): boolean {
  if (!header) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
