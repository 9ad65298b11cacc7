// Passkeys (WebAuthn Level 2/3) through @simplewebauthn/server. The relying party id is the host
// of PUBLIC_URL and the expected origin its origin. Challenges live in the database for 5 minutes,
// referenced by an HttpOnly cookie, and are consumed on first use.
import { randomUUID } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  AuthenticatorTransportFuture,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

// The library (~25 MB resident with its CBOR and ASN.1 parsers) is loaded with the first passkey
// ceremony, not at start: most sign-ins use a password.
const webauthn = () => import('@simplewebauthn/server');
import type { Queryable } from '../db/pool.js';

export const CHALLENGE_COOKIE = 'portico_webauthn';

export interface RelyingParty {
  rpID: string;
  origin: string;
  rpName: string;
}

export const relyingPartyFor = (publicUrl: string): RelyingParty => {
  const url = new URL(publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: 'Portico' };
};

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

async function saveChallenge(db: Queryable, challenge: string, purpose: string, accountId?: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO webauthn_challenge (id, challenge, account_id, purpose, expires_at) VALUES ($1, $2, $3, $4, now() + interval '5 minutes')`,
    [id, challenge, accountId ?? null, purpose],
  );
  await db.query(`DELETE FROM webauthn_challenge WHERE expires_at < now() - interval '1 hour'`);
  return id;
}

async function takeChallenge(db: Queryable, id: string | undefined, purpose: string): Promise<{ challenge: string; accountId: string | null } | undefined> {
  if (!id) return undefined;
  const { rows } = await db.query<{ challenge: string; account_id: string | null }>(
    'DELETE FROM webauthn_challenge WHERE id = $1 AND purpose = $2 AND expires_at > now() RETURNING challenge, account_id',
    [id, purpose],
  );
  return rows[0] ? { challenge: rows[0].challenge, accountId: rows[0].account_id } : undefined;
}

export async function listPasskeys(db: Queryable, accountId: string): Promise<Passkey[]> {
  const { rows } = await db.query('SELECT id, name, created_at, last_used_at FROM webauthn_credential WHERE account_id = $1 ORDER BY created_at', [accountId]);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at).toISOString(), lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null }));
}

export async function registrationOptions(db: Queryable, rp: RelyingParty, account: { id: string; email: string; displayName: string }) {
  const existing = await db.query<{ id: string; transports: string[] }>('SELECT id, transports FROM webauthn_credential WHERE account_id = $1', [account.id]);
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: account.email,
    userDisplayName: account.displayName,
    userID: new TextEncoder().encode(account.id),
    attestationType: 'none',
    excludeCredentials: existing.rows.map((r) => ({ id: r.id, transports: r.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
  });
  const challengeId = await saveChallenge(db, options.challenge, 'register', account.id);
  return { options, challengeId };
}

export async function verifyRegistration(db: Queryable, rp: RelyingParty, accountId: string, challengeId: string | undefined, response: RegistrationResponseJSON, name: string): Promise<Passkey | undefined> {
  const saved = await takeChallenge(db, challengeId, 'register');
  if (!saved || saved.accountId !== accountId) return undefined;
  let verification;
  try {
    verification = await (await webauthn()).verifyRegistrationResponse({ response, expectedChallenge: saved.challenge, expectedOrigin: rp.origin, expectedRPID: rp.rpID, requireUserVerification: true });
  } catch {
    return undefined;
  }
  if (!verification.verified) return undefined;
  const { credential } = verification.registrationInfo;
  const { rows } = await db.query(
    `INSERT INTO webauthn_credential (id, account_id, public_key, counter, transports, name) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO NOTHING RETURNING id, name, created_at, last_used_at`,
    [credential.id, accountId, Buffer.from(credential.publicKey), credential.counter, credential.transports ?? [], name.slice(0, 60) || 'Passkey'],
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, createdAt: new Date(r.created_at).toISOString(), lastUsedAt: null } : undefined;
}

/** Options for signing in: the account's passkeys (second factor) or any discoverable one. */
export async function authenticationOptions(db: Queryable, rp: RelyingParty, accountId?: string) {
  const allow = accountId ? (await db.query<{ id: string; transports: string[] }>('SELECT id, transports FROM webauthn_credential WHERE account_id = $1', [accountId])).rows : [];
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: 'required',
    allowCredentials: allow.map((r) => ({ id: r.id, transports: r.transports as AuthenticatorTransportFuture[] })),
  });
  const challengeId = await saveChallenge(db, options.challenge, 'authenticate', accountId);
  return { options, challengeId };
}

/** The account a valid passkey assertion belongs to, or undefined. */
export async function verifyAuthentication(db: Queryable, rp: RelyingParty, challengeId: string | undefined, response: AuthenticationResponseJSON): Promise<string | undefined> {
  const saved = await takeChallenge(db, challengeId, 'authenticate');
  if (!saved || typeof response?.id !== 'string') return undefined;
  const { rows } = await db.query<{ account_id: string; public_key: Buffer; counter: string; transports: string[] }>(
    'SELECT account_id, public_key, counter, transports FROM webauthn_credential WHERE id = $1',
    [response.id],
  );
  const row = rows[0];
  if (!row || (saved.accountId && saved.accountId !== row.account_id)) return undefined;
  let verification;
  try {
    verification = await (await webauthn()).verifyAuthenticationResponse({
      response,
      expectedChallenge: saved.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      credential: { id: response.id, publicKey: new Uint8Array(row.public_key), counter: Number(row.counter), transports: row.transports as AuthenticatorTransportFuture[] },
    });
  } catch {
    return undefined;
  }
  if (!verification.verified) return undefined;
  await db.query('UPDATE webauthn_credential SET counter = $2, last_used_at = now() WHERE id = $1', [response.id, verification.authenticationInfo.newCounter]);
  return row.account_id;
}

export async function deletePasskey(db: Queryable, accountId: string, id: string): Promise<boolean> {
  const r = await db.query('DELETE FROM webauthn_credential WHERE account_id = $1 AND id = $2', [accountId, id]);
  return (r.rowCount ?? 0) > 0;
}
