// Test fixtures on real PostgreSQL: each call clones the run's migrated template into a new database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Resource } from '@medplum/fhirtypes';
import { buildApp, type Portico } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createDatabase, type Database } from '../../src/db/pool.js';
import { createSystemToken } from '../../src/auth/system-token.js';
import { FhirRepository } from '../../src/fhir/repository.js';
import { privilegedPolicy } from '../../src/access/policy.js';

export interface TestDatabase {
  db: Database;
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.PORTICO_TEST_ADMIN_URL;
  if (!url) throw new Error('Run the tests with `npm test`, which prepares the test database');
  return url;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `portico_t_${process.env.PORTICO_TEST_RUN}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.PORTICO_TEST_TEMPLATE}`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const db = createDatabase({ url: u.toString(), poolSize: 10 });
  return {
    db,
    url: u.toString(),
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ PUBLIC_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', PORTICO_DEMO: 'false', ...overrides });
}

export interface TestApp extends Portico {
  db: Database;
  config: Config;
  /** A bearer token with system access. */
  systemToken: string;
  /** A system repository on the same database, for fixtures. */
  systemRepo: FhirRepository;
  close(): Promise<void>;
}

export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = testConfig(overrides);
  const portico = await buildApp(config, { db: testDb.db });
  await portico.app.ready();
  const { token } = await createSystemToken(testDb.db, 'test');
  const systemRepo = new FhirRepository(portico.repositoryDeps, { policy: privilegedPolicy('operator', { name: 'test' }) });
  return {
    ...portico,
    db: testDb.db,
    config,
    systemToken: token,
    systemRepo,
    async close() {
      await portico.app.close();
      await testDb.drop();
    },
  };
}

/** Stores a resource as the system and returns it as stored. */
export async function createResource<T extends Resource>(repo: FhirRepository, resource: T): Promise<T> {
  const { version } = await repo.create(resource);
  return JSON.parse(version.content as string) as T;
}
