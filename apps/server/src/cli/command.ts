// The shared frame of the command-line tools (`npm run token`, `app`, `import`, `audit:verify`):
// configuration from the environment, the same database the server uses (attaching to a running
// server's embedded PostgreSQL rather than starting a second one), exit codes, and error output.
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openDatabase, type Runtime } from '../server-runtime.js';

/** Exit code for a usage or configuration error. */
export const USAGE_ERROR = 2;

export class UsageError extends Error {}

/** Runs `work` with the configured database open, and closes it afterwards. */
export async function withDatabase<T>(work: (runtime: Runtime, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const logger = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const runtime = await openDatabase(config, logger, { attachToRunning: true });
  try {
    return await work(runtime, config);
  } finally {
    await runtime.close();
  }
}

/** Runs a command's main function and exits with its code; configuration and usage errors exit 2. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof ConfigError || err instanceof UsageError) {
        process.stderr.write(`${err.message}\n`);
        process.exit(USAGE_ERROR);
      }
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
