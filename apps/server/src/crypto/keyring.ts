// Secrets at rest (TOTP secrets, anything kept that must be read back) are sealed with AES-256-GCM
// (NIST SP 800-38D) under a keyring. Each sealed value names the key id it was sealed with, so keys
// can be rotated: new values use the first (current) key, old values still open with the older
// keys until `resealAll` has rewritten them.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config.js';

const PREFIX = 'v1';

export class KeyringError extends Error {}

export interface Keyring {
  /** Key id new values are sealed with. */
  readonly currentKeyId: string;
  seal(plaintext: string, associatedData?: string): string;
  open(sealed: string, associatedData?: string): string;
  /** The key id a sealed value names (to find values to reseal after a rotation). */
  keyIdOf(sealed: string): string;
}

function decodeKey(text: string): Buffer {
  const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32) throw new KeyringError('Secret keys must be 32 bytes, base64 encoded (e.g. `openssl rand -base64 32`)');
  return key;
}

/** A short id derived from the key itself, so the same key always has the same id. */
export const keyIdFor = (key: Buffer) => createHash('sha256').update('portico-key-id').update(key).digest('hex').slice(0, 8);

/** Builds a keyring from `kid:base64key` or bare `base64key` entries; the first is current. */
export function createKeyring(entries: string[]): Keyring {
  if (entries.length === 0) throw new KeyringError('No secret keys');
  const keys = new Map<string, Buffer>();
  const ids: string[] = [];
  for (const entry of entries) {
    const m = /^([A-Za-z0-9_.-]{1,32}):(.+)$/.exec(entry.trim());
    const key = decodeKey(m && m[2].length >= 43 ? m[2] : entry.trim());
    const id = m && m[2].length >= 43 ? m[1] : keyIdFor(key);
    if (keys.has(id)) throw new KeyringError(`Duplicate secret key id ${id}`);
    keys.set(id, key);
    ids.push(id);
  }
  const currentKeyId = ids[0];
  return {
    currentKeyId,
    seal(plaintext, associatedData) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.get(currentKeyId)!, iv);
      if (associatedData) cipher.setAAD(Buffer.from(associatedData));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [PREFIX, currentKeyId, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
    },
    open(sealed, associatedData) {
      const parts = sealed.split(':');
      if (parts.length !== 5 || parts[0] !== PREFIX) throw new KeyringError('Not a sealed value');
      const key = keys.get(parts[1]);
      if (!key) throw new KeyringError(`Secret key ${parts[1]} is not configured (was it rotated out too early?)`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[2], 'base64url'));
      if (associatedData) decipher.setAAD(Buffer.from(associatedData));
      decipher.setAuthTag(Buffer.from(parts[4], 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(parts[3], 'base64url')), decipher.final()]).toString('utf8');
    },
    keyIdOf(sealed) {
      return sealed.split(':')[1] ?? '';
    },
  };
}

/**
 * The keyring from configuration: PORTICO_SECRET_KEYS (comma-separated, current first), else
 * PORTICO_SECRET_KEY. In development without either, a key is generated once into
 * DATA_DIR/secret-key (mode 0600); production installs must configure a key.
 */
export function loadKeyring(config: Pick<Config, 'secretKey' | 'secretKeys' | 'dataDir'>): Keyring {
  if (config.secretKeys) return createKeyring(config.secretKeys.split(',').filter(Boolean));
  if (config.secretKey) return createKeyring([config.secretKey]);
  const file = join(config.dataDir, 'secret-key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return createKeyring([readFileSync(file, 'utf8').trim()]);
}
