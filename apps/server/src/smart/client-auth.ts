// Client authentication at the token, introspection and revocation endpoints:
// client_secret_basic (RFC 6749 §2.3.1), private_key_jwt (RFC 7523, SMART "confidential
// asymmetric" with RS384/ES384 and jti replay protection), or a public client naming itself.
import { timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, customFetch, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { fetchJwks } from './jwks-fetch.js';
import type { Queryable } from '../db/pool.js';
import { findClient, type SmartClient } from './clients.js';
import { OAuthError, sha256 } from './errors.js';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const ASSERTION_ALGS = ['RS384', 'ES384'];
/** SMART Backend Services: the assertion's exp is at most five minutes ahead. */
const MAX_ASSERTION_LIFETIME_S = 300;

const remoteSets = new Map<string, JWTVerifyGetKey>();

export interface ClientCredentials {
  authorization?: string;
  form: Record<string, string | undefined>;
}

export interface AuthenticatedClient {
  client: SmartClient;
  /** How it proved itself; `none` for public clients. */
  method: 'client_secret_basic' | 'private_key_jwt' | 'none';
}

function basicCredentials(header: string): { id: string; secret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
  const dec = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: dec(decoded.slice(0, colon)), secret: dec(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function authenticateClient(db: Queryable, creds: ClientCredentials, tokenEndpoint: string): Promise<AuthenticatedClient> {
  const { form } = creds;
  const basicHeader = creds.authorization && /^Basic\s/i.test(creds.authorization) ? creds.authorization : undefined;
  const hasAssertion = form.client_assertion_type !== undefined || form.client_assertion !== undefined;
  // RFC 6749 §2.3: one authentication method per request; §5.2 names the error for using more.
  if (basicHeader && hasAssertion) throw new OAuthError('invalid_request', 'Use one client authentication method: the Basic header or a client assertion');
  // client_secret_post is not offered (discovery lists client_secret_basic); a secret in the body
  // is also what a misconfigured public client sends. Refusing it keeps secrets out of form logs.
  if (form.client_secret !== undefined) throw new OAuthError('invalid_client', 'Send the client secret in the Authorization header (client_secret_basic); public clients have no secret');
  if (basicHeader) {
    const basic = basicCredentials(basicHeader);
    const client = basic ? await findClient(db, basic.id) : undefined;
    if (!basic || !client || client.type !== 'confidential-symmetric' || !client.secretHash || !sameHash(sha256(basic.secret), client.secretHash)) {
      throw new OAuthError('invalid_client', 'Client authentication failed');
    }
    if (form.client_id && form.client_id !== client.clientId) throw new OAuthError('invalid_client', 'client_id does not match the authenticated client');
    return { client, method: 'client_secret_basic' };
  }
  if (hasAssertion) {
    if (form.client_assertion_type !== ASSERTION_TYPE || !form.client_assertion) throw new OAuthError('invalid_client', `client_assertion_type must be ${ASSERTION_TYPE}`);
    return { client: await verifyAssertion(db, form.client_assertion, tokenEndpoint, form.client_id), method: 'private_key_jwt' };
  }
  const client = await findClient(db, form.client_id);
  if (!client) throw new OAuthError('invalid_client', 'Unknown client');
  if (client.type !== 'public') throw new OAuthError('invalid_client', 'This client must authenticate');
  return { client, method: 'none' };
}

async function verifyAssertion(db: Queryable, assertion: string, tokenEndpoint: string, claimedId: string | undefined): Promise<SmartClient> {
  let iss: string | undefined;
  try {
    iss = decodeJwt(assertion).iss;
  } catch {
    throw new OAuthError('invalid_client', 'client_assertion is not a JWT');
  }
  const client = await findClient(db, iss);
  if (!client || client.type !== 'confidential-asymmetric') throw new OAuthError('invalid_client', 'Unknown client or not registered for private_key_jwt');
  if (claimedId && claimedId !== client.clientId) throw new OAuthError('invalid_client', 'client_id does not match the assertion');
  let keys: JWTVerifyGetKey;
  try {
    if (client.jwks?.keys?.length) keys = createLocalJWKSet(client.jwks);
    else if (client.jwksUrl) {
      keys = remoteSets.get(client.jwksUrl) ?? createRemoteJWKSet(new URL(client.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 0, [customFetch]: fetchJwks });
      remoteSets.set(client.jwksUrl, keys);
    } else throw new Error('no keys');
  } catch {
    // A registration holding no usable keys is the client's problem, not a server error.
    throw new OAuthError('invalid_client', 'The client has no usable keys registered');
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(assertion, keys, {
      algorithms: ASSERTION_ALGS,
      issuer: client.clientId,
      subject: client.clientId,
      audience: tokenEndpoint,
      requiredClaims: ['exp', 'jti'],
      clockTolerance: 30,
    }));
  } catch (err) {
    throw new OAuthError('invalid_client', `client_assertion rejected: ${(err as Error).message}`);
  }
  const now = Math.floor(Date.now() / 1000);
  if (payload.exp! > now + MAX_ASSERTION_LIFETIME_S + 30) throw new OAuthError('invalid_client', 'client_assertion exp is more than five minutes ahead');
  // RFC 7523 §3: a jti is accepted once. The row outlives the assertion, then is swept.
  await db.query('DELETE FROM smart_jti WHERE expires_at < now()');
  const r = await db.query(
    'INSERT INTO smart_jti (client_id, jti, expires_at) VALUES ($1, $2, to_timestamp($3)) ON CONFLICT DO NOTHING',
    [client.clientId, String(payload.jti).slice(0, 500), payload.exp! + 60],
  );
  if ((r.rowCount ?? 0) === 0) throw new OAuthError('invalid_client', 'client_assertion jti was already used');
  return client;
}
