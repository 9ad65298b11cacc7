// CPU time and memory of processes on this machine, read from Linux /proc. CPU time moves far less
// than wall time when other work shares the machine, so the benchmarks report it beside the rates.
import { readFileSync } from 'node:fs';
import type { Queryable } from '../apps/server/src/db/pool.js';

/** User plus system CPU seconds of a process and all its threads, or undefined when not readable. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    // Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (100 per second here).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Resident set size now (`VmRSS`) and at its peak (`VmHWM`) in MB, or undefined when not readable. */
export function processMemoryMb(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Samples the CPU seconds of the PostgreSQL server processes serving `database` into `seen` (by
 * pid; backends come and go with pool connections, so sample while the work runs).
 */
export async function samplePostgresCpu(db: Queryable, database: string, seen: Map<number, number>): Promise<void> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  for (const { pid } of rows) {
    const seconds = processCpuSeconds(pid);
    if (seconds !== undefined) seen.set(pid, seconds);
  }
}

export const sumValues = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
