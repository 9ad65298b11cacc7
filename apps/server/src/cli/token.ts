// `npm run token -- create [--label NAME] [--days N]` prints a new operator bearer token with full
// access to the FHIR API; `npm run token -- revoke <id>` ends one. Uses the server's configuration.
import { parseArgs } from 'node:util';
import { createSystemToken, revokeSystemToken } from '../auth/system-token.js';
import { runCommand, USAGE_ERROR, withDatabase } from './command.js';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { label: { type: 'string', default: 'operator' }, days: { type: 'string', default: '30' } },
  });
  const [command, id] = positionals;
  const days = Number(values.days);
  if (!['create', 'revoke'].includes(command ?? '') || (command === 'revoke' && !id) || !Number.isInteger(days) || days < 1 || days > 365) {
    process.stderr.write('Usage: npm run token -- create [--label NAME] [--days 1-365]\n       npm run token -- revoke <token id>\n');
    return USAGE_ERROR;
  }
  return withDatabase(async (runtime) => {
    if (command === 'create') {
      const created = await createSystemToken(runtime.db, values.label as string, days);
      process.stdout.write(`Token id: ${created.id}\nExpires: ${created.expiresAt}\nBearer token (shown once, keep it secret):\n${created.token}\n`);
    } else {
      const ok = await revokeSystemToken(runtime.db, id);
      process.stdout.write(ok ? `Revoked ${id}\n` : `No active token ${id}\n`);
      if (!ok) return 1;
    }
    return 0;
  });
}

runCommand(main);
