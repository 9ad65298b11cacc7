import pg from 'pg';
import type { Logger } from 'pino';

// Keep timestamps and big integers as strings so FHIR instants and version ids round-trip exactly.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

/**
 * A statement: SQL text, or `{ name, text }` for a hot statement of fixed text, which each connection
 * parses and plans once and then reuses (a PostgreSQL named prepared statement).
 */
export type Statement = string | { name: string; text: string };

/** Anything that runs a parameterised statement: the pool, a transaction's client, a Database. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: Statement, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface Database {
  pool: pg.Pool;
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: Statement, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Runs `work` in one transaction on one connection; rolls back on any error. */
  withTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  logger?: Logger;
  /** Logs every statement with its duration at debug level. */
  sqlDebug?: boolean;
  /**
   * PostgreSQL's statement_timeout for every connection of the pool (0 or unset: none): bounds the
   * database work of one request, so one costly search cannot hold a connection for minutes. A
   * stopped statement fails with SQLSTATE 57014 (db/input-errors.ts isStatementTimeout). Maintenance
   * that may run longer (migrations, seeding) lifts it on its own session.
   */
  statementTimeoutMs?: number;
}

export function createDatabase(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 20,
    idleTimeoutMillis: 30_000,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  pool.on('error', (err) => options.logger?.error({ err }, 'idle database connection failed'));
  const log = options.sqlDebug ? options.logger : undefined;

  async function timed<R extends pg.QueryResultRow>(target: pg.Pool, sql: Statement, params?: unknown[]): Promise<pg.QueryResult<R>> {
    if (!log) return typeof sql === 'string' ? target.query<R>(sql, params) : target.query<R>({ ...sql, values: params });
    const start = process.hrtime.bigint();
    try {
      return await (typeof sql === 'string' ? target.query<R>(sql, params) : target.query<R>({ ...sql, values: params }));
    } finally {
      // Parameters are never logged: they can hold health data.
      log.debug({ sql, ms: Number(process.hrtime.bigint() - start) / 1e6 }, 'sql');
    }
  }

  return {
    pool,
    query: (sql, params) => timed(pool, sql, params),
    async withTransaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
