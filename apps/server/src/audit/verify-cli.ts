// `npm run audit:verify`: re-computes the audit trail's hash chain and reports the first broken
// link. Exit code 0 when the chain is intact, 1 when it is broken, 2 on a configuration error.
import { runCommand, withDatabase } from '../cli/command.js';
import { verifyAuditChain } from './audit-log.js';

async function main(): Promise<number> {
  return withDatabase(async (runtime) => {
    const report = await verifyAuditChain(runtime.db);
    if (report.ok) {
      process.stdout.write(`OK: audit chain intact (${report.checked} events checked)\n`);
      return 0;
    }
    process.stdout.write(`BROKEN: audit chain breaks at seq ${report.firstBroken!.seq}: ${report.firstBroken!.reason} (${report.checked} events before it verified)\n`);
    return 1;
  });
}

runCommand(main);
