// `npm run audit:privileged [-- --reason R] [--since 2026-01-01] [--count N]`: lists the privileged
// accesses of the audit trail, newest first (audit/privileged-access-log.ts). Prints patient ids,
// never health data; exit code 2 on a usage or configuration error.
import { parseArgs } from 'node:util';
import { isPrivilegedReason, PRIVILEGED_REASONS } from '../access/privileged-reasons.js';
import { runCommand, UsageError, withDatabase } from '../cli/command.js';
import { listPrivilegedAccess } from './privileged-access-log.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { reason: { type: 'string', multiple: true }, since: { type: 'string' }, count: { type: 'string', default: '100' } } });
  const reasons = values.reason ?? [];
  const unknown = reasons.filter((r) => !isPrivilegedReason(r));
  if (unknown.length) throw new UsageError(`Unknown reason ${unknown.join(', ')}; one of: ${Object.keys(PRIVILEGED_REASONS).join(', ')}`);
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new UsageError('--count must be a whole number from 1 to 10000');
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) throw new UsageError('--since must be a date, e.g. 2026-01-31');
  return withDatabase(async (runtime) => {
    const entries = await listPrivilegedAccess(runtime.db, { reasons: reasons.filter(isPrivilegedReason), since: values.since, count });
    for (const e of entries) {
      const patients = e.patientIds.length > 5 ? `${e.patientIds.slice(0, 5).join(',')} +${e.patientIds.length - 5}` : e.patientIds.join(',');
      process.stdout.write(`${e.seq}\t${e.recorded}\t${e.reason}\t${e.subtype}\t${e.onBehalfOf ?? '-'}\t${patients || '-'}\t${e.description ?? ''}\n`);
    }
    process.stdout.write(`${entries.length} privileged access(es)\n`);
    return 0;
  });
}

runCommand(main);
