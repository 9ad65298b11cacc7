// The only file that listens: read config, open the database, seed the demo clinic on first start,
// serve, and shut down cleanly on SIGTERM/SIGINT.
import pino from 'pino';
import { buildApp, loggerOptions } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { MigrationError } from './db/migrate.js';
import { seedDemoClinicIfEmpty } from './demo/seed.js';
import { ensureDemoAccounts } from './identity/demo-accounts.js';
import { openDatabase } from './server-runtime.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = pino({ level: config.logLevel });
  let runtime;
  try {
    runtime = await openDatabase(config, logger);
  } catch (err) {
    logger.fatal(err instanceof MigrationError ? { msg: err.message } : { err }, 'could not open the database');
    process.exit(1);
  }
  if (config.demo) {
    await seedDemoClinicIfEmpty(runtime.db, config, logger);
    await ensureDemoAccounts(runtime.db, config, logger);
  }

  const { app } = await buildApp(config, { db: runtime.db, logger: loggerOptions(config) });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // app.close waits for in-flight requests and flushes the audit log.
    await app.close().catch((err) => logger.error({ err }, 'error while closing the server'));
    await runtime.close().catch((err) => logger.error({ err }, 'error while closing the database'));
    logger.info('stopped');
    process.exit(0);
  };
  // SIGHUP: the terminal that ran `npm start` was closed.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: config.publicUrl, fhir: config.fhirBaseUrl }, 'Portico is ready');
}

void main();
