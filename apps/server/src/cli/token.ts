// `npm run token -- create [--label NAME] [--days N]` prints a new operator bearer token with full
// access to the FHIR API; `npm run token -- revoke <id>` ends one. Uses the server's configuration.
import { parseArgs } from 'node:util';
import { createSystemToken, revokeSystemToken } from '../auth/system-token.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../server-runtime.js';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { label: { type: 'string', default: 'operator' }, days: { type: 'string', default: '30' } },
  });
  const [command, id] = positionals;
  const days = Number(values.days);
  if (!['create', 'revoke'].includes(command ?? '') || (command === 'revoke' && !id) || !Number.isInteger(days) || days < 1 || days > 365) {
    process.stderr.write('Usage: npm run token -- create [--label NAME] [--days 1-365]\n       npm run token -- revoke <token id>\n');
    return 2;
  }
  const config = loadConfig(process.env);
  const runtime = await openDatabase(config);
  try {
    if (command === 'create') {
      const created = await createSystemToken(runtime.db, values.label as string, days);
      process.stdout.write(`Token id: ${created.id}\nExpires: ${created.expiresAt}\nBearer token (shown once, keep it secret):\n${created.token}\n`);
    } else {
      const ok = await revokeSystemToken(runtime.db, id);
      process.stdout.write(ok ? `Revoked ${id}\n` : `No active token ${id}\n`);
      if (!ok) return 1;
    }
    return 0;
  } finally {
    await runtime.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
    process.exit(1);
  },
);
