// Signing keys for id_tokens (RS256, OpenID Connect Core §10.1), rotated: a key signs for 30 days,
// then stays published in the JWKS for another 30 so tokens it signed still verify. Keys live in
// PostgreSQL so every node signs with the same key; the private half is sealed with the portal's
// secrets keyring (crypto/keyring.ts, AES-256-GCM with key rotation).
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Keyring } from '../crypto/keyring.js';
import type { Queryable } from '../db/pool.js';

const SIGN_DAYS = 30;
const PUBLISH_DAYS = 60;
export const ID_TOKEN_ALG = 'RS256';
// Binds each sealed private key to its purpose, so a sealed value cannot be replayed elsewhere.
const SEAL_CONTEXT = 'smart-signing-key';

export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
}

export class KeyStore {
  private cached?: { key: SigningKey; until: number };

  constructor(
    private readonly db: Queryable,
    private readonly keyring: Keyring,
  ) {}

  /** The key to sign with now; creates the first key, or the next one when the current one retires. */
  async current(): Promise<SigningKey> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.key;
    const { rows } = await this.db.query<{ kid: string; alg: string; private_jwk: string; retire_at: string }>(
      'SELECT kid, alg, private_jwk, retire_at FROM smart_signing_key WHERE retire_at > now() ORDER BY created_at DESC LIMIT 1',
    );
    const row = rows[0] ?? (await this.rotate());
    const jwk = JSON.parse(this.keyring.open(row.private_jwk, SEAL_CONTEXT)) as JWK;
    const key: SigningKey = { kid: row.kid, alg: row.alg, privateKey: (await importJWK(jwk, row.alg)) as CryptoKey };
    this.cached = { key, until: Math.min(Date.now() + 60_000, new Date(row.retire_at).getTime()) };
    return key;
  }

  /** Adds a new signing key (the previous ones stay published until they expire). */
  async rotate(): Promise<{ kid: string; alg: string; private_jwk: string; retire_at: string }> {
    const { publicKey, privateKey } = await generateKeyPair(ID_TOKEN_ALG, { extractable: true, modulusLength: 2048 });
    const kid = randomUUID();
    const pub = { ...(await exportJWK(publicKey)), kid, alg: ID_TOKEN_ALG, use: 'sig' };
    const priv = { ...(await exportJWK(privateKey)), kid, alg: ID_TOKEN_ALG };
    const sealed = this.keyring.seal(JSON.stringify(priv), SEAL_CONTEXT);
    const { rows } = await this.db.query<{ kid: string; alg: string; private_jwk: string; retire_at: string }>(
      `INSERT INTO smart_signing_key (kid, alg, public_jwk, private_jwk, retire_at, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5), now() + make_interval(days => $6))
       RETURNING kid, alg, private_jwk, retire_at`,
      [kid, ID_TOKEN_ALG, JSON.stringify(pub), sealed, SIGN_DAYS, PUBLISH_DAYS],
    );
    this.cached = undefined;
    return rows[0];
  }

  /** The published JWKS: every key not yet expired, newest first. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const { rows } = await this.db.query<{ public_jwk: JWK }>('SELECT public_jwk FROM smart_signing_key WHERE expires_at > now() ORDER BY created_at DESC');
    if (rows.length === 0) {
      await this.current();
      return this.jwks();
    }
    return { keys: rows.map((r) => r.public_jwk) };
  }
}
