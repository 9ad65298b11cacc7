// Grants, authorization codes, access and refresh tokens, stored as SHA-256 hashes only. Tokens are
// opaque (prefix + 256 random bits), so revoking one takes effect on the next request.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/pool.js';
import { randomToken, sha256 } from './errors.js';

export const ACCESS_PREFIX = 'sat_';
const REFRESH_PREFIX = 'srt_';
const CODE_PREFIX = 'sac_';
/** SMART/ONC practice: access tokens live at most one hour; backend-service tokens five minutes. */
export const ACCESS_SECONDS = 3600;
export const BACKEND_ACCESS_SECONDS = 300;
/**
 * Refresh tokens: at least three months (ONC §170.315(g)(10) asks for "no less than three months";
 * three calendar months can be 92 days), renewed on every use so an app in regular use keeps working.
 */
export const REFRESH_SECONDS = 92 * 86_400;
const CODE_SECONDS = 120;

/** The signed-in person a grant was made by. */
export interface SmartUser {
  id: string;
  kind: 'patient' | 'staff' | 'admin';
  displayName?: string;
  patientId?: string | null;
  practitionerId?: string | null;
  organizationId?: string | null;
}

/** Launch context carried from the authorization to the token response and the access policy. */
export interface TokenContext {
  user?: SmartUser;
  patient?: string;
  encounter?: string;
  fhirUser?: string;
  needPatientBanner?: boolean;
  smartStyleUrl?: string;
  nonce?: string;
  /**
   * SHA-256 of the code the tokens came from, kept through refreshes: a replayed code (RFC 6749
   * §4.1.2) or a reused rotated refresh token ends every token of that chain.
   */
  fromCode?: string;
  /** online_access without offline_access: the portal session the refresh token is bound to (online-access.ts). */
  onlineSession?: string;
}

export interface TokenRow {
  kind: 'access' | 'refresh';
  client_id: string;
  grant_id: string | null;
  scope: string;
  context: TokenContext;
  created_at: string;
  expires_at: string;
  client_name: string;
}

export async function saveGrant(db: Queryable, clientId: string, user: SmartUser | undefined, patientId: string | undefined, scope: string): Promise<string> {
  // One active grant per app and person: a new authorization replaces what was allowed before.
  const { rows } = await db.query<{ id: string }>(
    `UPDATE smart_grant SET scope = $4, created_at = now() WHERE client_id = $1 AND user_id IS NOT DISTINCT FROM $2 AND patient_id IS NOT DISTINCT FROM $3 AND revoked_at IS NULL RETURNING id`,
    [clientId, user?.id ?? null, patientId ?? null, scope],
  );
  if (rows[0]) return rows[0].id;
  const id = randomUUID();
  await db.query('INSERT INTO smart_grant (id, client_id, user_id, user_json, patient_id, scope) VALUES ($1, $2, $3, $4, $5, $6)', [
    id, clientId, user?.id ?? null, user ? JSON.stringify(user) : null, patientId ?? null, scope,
  ]);
  return id;
}

export async function issueCode(db: Queryable, grantId: string, clientId: string, redirectUri: string, codeChallenge: string, context: TokenContext & { scope: string }): Promise<string> {
  const code = randomToken(CODE_PREFIX);
  await db.query(
    `INSERT INTO smart_code (code_hash, grant_id, client_id, redirect_uri, code_challenge, context, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
    [sha256(code), grantId, clientId, redirectUri, codeChallenge, JSON.stringify(context), CODE_SECONDS],
  );
  return code;
}

export interface CodeRow {
  code_hash: string;
  grant_id: string;
  client_id: string;
  redirect_uri: string;
  code_challenge: string;
  context: TokenContext & { scope: string };
  expired: boolean;
}

/** Marks a code used and returns it; `reused` when it had been redeemed before. */
export async function consumeCode(db: Queryable, code: string): Promise<{ row?: CodeRow; reused: boolean }> {
  const hash = sha256(code);
  const { rows } = await db.query<CodeRow>(
    `UPDATE smart_code SET used_at = now() WHERE code_hash = $1 AND used_at IS NULL
     RETURNING code_hash, grant_id, client_id, redirect_uri, code_challenge, context, expires_at < now() AS expired`,
    [hash],
  );
  if (rows[0]) return { row: rows[0], reused: false };
  const used = await db.query('SELECT 1 FROM smart_code WHERE code_hash = $1', [hash]);
  if ((used.rowCount ?? 0) > 0) {
    await revokeChain(db, hash);
    return { reused: true };
  }
  return { reused: false };
}

export interface IssueInput {
  clientId: string;
  grantId?: string;
  scope: string;
  context: TokenContext;
  accessSeconds: number;
  refresh: boolean;
  /** The refresh token keeps the whole grant even when this access token is narrowed (RFC 6749 §6). */
  refreshScope?: string;
}

export async function issueTokens(db: Queryable, input: IssueInput): Promise<{ accessToken: string; refreshToken?: string }> {
  const accessToken = randomToken(ACCESS_PREFIX);
  await insertToken(db, accessToken, 'access', input, input.accessSeconds);
  let refreshToken: string | undefined;
  if (input.refresh) {
    refreshToken = randomToken(REFRESH_PREFIX);
    await insertToken(db, refreshToken, 'refresh', { ...input, scope: input.refreshScope ?? input.scope }, REFRESH_SECONDS);
  }
  return { accessToken, refreshToken };
}

async function insertToken(db: Queryable, token: string, kind: 'access' | 'refresh', input: IssueInput, seconds: number): Promise<void> {
  await db.query(
    `INSERT INTO smart_token (token_hash, kind, client_id, grant_id, scope, context, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
    [sha256(token), kind, input.clientId, input.grantId ?? null, input.scope, JSON.stringify(input.context), seconds],
  );
}

/** An active token (not expired, not revoked, its app and grant still active), or undefined. */
export async function findActiveToken(db: Queryable, token: string, kind?: 'access' | 'refresh'): Promise<TokenRow | undefined> {
  if (token.length > 200) return undefined;
  const { rows } = await db.query<TokenRow>(
    `SELECT t.kind, t.client_id, t.grant_id, t.scope, t.context, t.created_at, t.expires_at, c.name AS client_name
     FROM smart_token t
     JOIN smart_client c ON c.client_id = t.client_id AND c.revoked_at IS NULL
     LEFT JOIN smart_grant g ON g.id = t.grant_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()
       AND (t.grant_id IS NULL OR g.revoked_at IS NULL) AND ($2::text IS NULL OR t.kind = $2)`,
    [sha256(token), kind ?? null],
  );
  return rows[0];
}

/** Revokes one token; a refresh token takes the grant's access tokens with it (RFC 7009 §2.1). */
export async function revokeToken(db: Queryable, token: string, clientId: string): Promise<void> {
  const { rows } = await db.query<{ kind: string; grant_id: string | null }>(
    'UPDATE smart_token SET revoked_at = now() WHERE token_hash = $1 AND client_id = $2 AND revoked_at IS NULL RETURNING kind, grant_id',
    [sha256(token), clientId],
  );
  const row = rows[0];
  if (row?.kind === 'refresh' && row.grant_id) {
    await db.query(`UPDATE smart_token SET revoked_at = now() WHERE grant_id = $1 AND kind = 'access' AND revoked_at IS NULL`, [row.grant_id]);
  }
}

/**
 * A refresh token that is no longer active presented again by its client. A rotated one means a
 * copy exists, and the server cannot tell whether the app or an attacker holds the newer token, so
 * the chain ends (OAuth 2.0 Security BCP §4.14.2); for tokens ended otherwise this changes nothing.
 */
export async function revokeChainOfReusedToken(db: Queryable, token: string, clientId: string): Promise<void> {
  if (token.length > 200) return;
  const { rows } = await db.query<{ chain: string | null }>(
    `SELECT context->>'fromCode' AS chain FROM smart_token WHERE token_hash = $1 AND client_id = $2 AND kind = 'refresh' AND revoked_at IS NOT NULL`,
    [sha256(token), clientId],
  );
  if (rows[0]?.chain) await revokeChain(db, rows[0].chain);
}

/** Ends every token an authorization code led to (the smart_token_chain index). */
export async function revokeChain(db: Queryable, codeHash: string): Promise<void> {
  await db.query(`UPDATE smart_token SET revoked_at = now() WHERE context ? 'fromCode' AND context->>'fromCode' = $1 AND revoked_at IS NULL`, [codeHash]);
}

/** Rotation: the used refresh token ends (public clients get a new one each time). */
export async function retireToken(db: Queryable, token: string): Promise<boolean> {
  const r = await db.query('UPDATE smart_token SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [sha256(token)]);
  return (r.rowCount ?? 0) > 0;
}

export async function extendRefreshToken(db: Queryable, token: string): Promise<void> {
  await db.query('UPDATE smart_token SET expires_at = now() + make_interval(secs => $2) WHERE token_hash = $1', [sha256(token), REFRESH_SECONDS]);
}

export async function touchGrant(db: Queryable, grantId: string | null): Promise<void> {
  if (!grantId) return;
  await db.query(`UPDATE smart_grant SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [grantId]);
}

export async function revokeGrant(db: Queryable, grantId: string): Promise<void> {
  await db.query('UPDATE smart_grant SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [grantId]);
  await db.query('UPDATE smart_token SET revoked_at = now() WHERE grant_id = $1 AND revoked_at IS NULL', [grantId]);
}
