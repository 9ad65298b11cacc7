// `npm run audit:verify`: re-computes the audit trail's hash chain and reports the first broken
// link. Exit code 0 when the chain is intact, 1 when it is broken, 2 on a configuration error.
import pino from 'pino';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../server-runtime.js';
import { verifyAuditChain } from './audit-log.js';

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const runtime = await openDatabase(config, pino({ level: 'warn' }));
  try {
    const report = await verifyAuditChain(runtime.db);
    if (report.ok) {
      process.stdout.write(`OK: audit chain intact (${report.checked} events checked)\n`);
      return 0;
    }
    process.stdout.write(`BROKEN: audit chain breaks at seq ${report.firstBroken!.seq}: ${report.firstBroken!.reason} (${report.checked} events before it verified)\n`);
    return 1;
  } finally {
    await runtime.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`audit:verify failed: ${(err as Error).message}\n`);
    process.exit(2);
  },
);
