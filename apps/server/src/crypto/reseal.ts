// Key rotation, second half: after a new key is put first in PORTICO_SECRET_KEYS, rewrite every
// sealed value still under an older key, then the old key can be removed from configuration.
import type { Database } from '../db/pool.js';
import type { Keyring } from './keyring.js';

export async function resealTotpSecrets(db: Database, keyring: Keyring): Promise<number> {
  const { rows } = await db.query<{ account_id: string; secret_enc: string }>('SELECT account_id, secret_enc FROM totp_credential');
  let count = 0;
  for (const row of rows) {
    if (keyring.keyIdOf(row.secret_enc) === keyring.currentKeyId) continue;
    const sealed = keyring.seal(keyring.open(row.secret_enc, row.account_id), row.account_id);
    await db.query('UPDATE totp_credential SET secret_enc = $2 WHERE account_id = $1 AND secret_enc = $3', [row.account_id, sealed, row.secret_enc]);
    count += 1;
  }
  return count;
}
