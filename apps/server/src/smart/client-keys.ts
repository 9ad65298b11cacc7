// Checks on the keys a private_key_jwt client registers (RFC 7591 §2 `jwks` / `jwks_uri`), so a
// registration cannot store something the token endpoint would later choke on or leak.
import type { JWK } from 'jose';
import { isIP } from 'node:net';
import { OAuthError } from './errors.js';
import { isInternalAddress } from './jwks-fetch.js';

/** Key types that can verify RS384 or ES384 assertions (client-auth.ts ASSERTION_ALGS). */
const ASYMMETRIC = new Set(['RSA', 'EC']);
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

export function checkJwks(jwks: unknown): asserts jwks is { keys: JWK[] } {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 20) throw new OAuthError('invalid_client_metadata', 'jwks must be {"keys": [...]} with 1 to 20 keys');
  for (const key of keys) {
    if (!key || typeof key !== 'object' || Array.isArray(key)) throw new OAuthError('invalid_client_metadata', 'Each key in jwks must be a JSON Web Key object');
    const k = key as Record<string, unknown>;
    // A private or shared key here would be a secret stored in plain text, and a sign of a mistake.
    if (PRIVATE_MEMBERS.some((m) => m in k)) throw new OAuthError('invalid_client_metadata', 'jwks must hold public keys only');
    if (typeof k.kty !== 'string' || !ASYMMETRIC.has(k.kty)) throw new OAuthError('invalid_client_metadata', 'Keys must be RSA or EC public keys (for RS384 or ES384)');
  }
}

/**
 * The server fetches this URL on token requests, so it must point at the app, not at the server's
 * own network: https, or — for clients an administrator registers, e.g. on a developer machine —
 * http on a loopback host.
 */
export function checkJwksUrl(value: unknown, allowLoopbackHttp: boolean): asserts value is string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new OAuthError('invalid_client_metadata', 'jwks_uri must be an absolute URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (typeof value !== 'string' || value.length > 2000 || url.hash || url.username || url.password) {
    throw new OAuthError('invalid_client_metadata', 'jwks_uri must be a plain absolute URL without credentials or fragment');
  }
  if (!allowLoopbackHttp && internalAddress(url.hostname)) throw new OAuthError('invalid_client_metadata', 'jwks_uri must not point at a private or link-local address');
  if (url.protocol === 'https:' && !(loopback && !allowLoopbackHttp)) return;
  if (url.protocol === 'http:' && loopback && allowLoopbackHttp) return;
  throw new OAuthError('invalid_client_metadata', allowLoopbackHttp ? 'jwks_uri must use https (http only on localhost)' : 'jwks_uri must be an https URL of the app');
}

/** Loopback, private, link-local (cloud metadata) and unspecified IP literals, and localhost names. */
function internalAddress(hostname: string): boolean {
  const literal = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIP(literal)) return isInternalAddress(literal);
  return hostname === 'localhost' || hostname.endsWith('.localhost');
}
