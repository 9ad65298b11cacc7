// PLACEHOLDER until the generator lands: seeding is wired here.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/pool.js';

export async function seedDemoClinicIfEmpty(_db: Database, _config: Config, logger: Logger): Promise<void> {
  logger.info('demo seeding not wired yet');
}
