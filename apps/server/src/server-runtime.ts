// Opens the database the configuration names: DATABASE_URL, or an embedded PostgreSQL in DATA_DIR.
// Shared by the server, the importer and the other command-line tools.
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { findRunningEmbedded, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { runMigrations } from './db/migrate.js';
import { createDatabase, type Database } from './db/pool.js';

export interface Runtime {
  db: Database;
  /** The connection URL in use (for worker threads that open their own pools). */
  url: string;
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Command-line tools: use the embedded PostgreSQL a running server started in DATA_DIR. */
  attachToRunning?: boolean;
}

export async function openDatabase(config: Config, logger?: Logger, options: OpenOptions = {}): Promise<Runtime> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url && options.attachToRunning) {
    url = findRunningEmbedded(config.dataDir);
    if (url) logger?.info({ dataDir: config.dataDir }, 'using the embedded PostgreSQL of the running server');
  }
  if (!url) {
    logger?.info({ dataDir: config.dataDir }, 'starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres(
      config.dataDir,
      (msg) => logger?.debug({ postgres: msg }, 'postgres'),
      (msg) => logger?.warn({ dataDir: config.dataDir }, msg),
    );
    url = embedded.url;
  }
  const db = createDatabase({ url, poolSize: config.dbPoolSize, logger, sqlDebug: config.sqlDebug, statementTimeoutMs: config.dbStatementTimeoutMs });
  try {
    const applied = await runMigrations(db);
    if (applied.length) logger?.info({ applied }, 'applied database migrations');
  } catch (err) {
    await db.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
  return {
    db,
    url,
    embedded,
    async close() {
      await db.close();
      await embedded?.stop();
    },
  };
}
