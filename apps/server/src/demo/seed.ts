// Seeds the demo clinic (25 generated patients with full charts) on the first start of an empty
// database, through the importer's fast path. A session advisory lock makes concurrent app nodes
// wait for the first one; the demo_seed row makes later starts skip.
import type { Logger } from 'pino';
import { privilegedRepository } from '../access/privileged.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Config } from '../config.js';
import type { Database } from '../db/pool.js';
import { inProcessExecutor, workerExecutor, type Executor } from '../import/run-import.js';
import { emptyResult, mergeResult } from '../import/types.js';
import { generateClinic } from './generate-clinic.js';

const SEED_LOCK = 7_407_100;
export const DEMO_PATIENTS = 25;

export async function seedDemoClinicIfEmpty(db: Database, config: Config, logger: Logger): Promise<void> {
  const client = await db.pool.connect();
  try {
    // Waiting for another node's seeding, and ANALYZE, may take longer than a request may.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
    const marker = await client.query('SELECT 1 FROM demo_seed WHERE id = 1');
    if (marker.rowCount) return;
    // Whether any chart exists at all (no row is read): not a read of health data.
    const existing = await client.query(`SELECT 1 FROM fhir_resource WHERE resource_type = 'Patient' LIMIT 1`);
    if (existing.rowCount) {
      await client.query(`INSERT INTO demo_seed (id, patients, resources, note) VALUES (1, 0, 0, 'database already had patients; demo not seeded')`);
      logger.info('database already has patients: demo clinic not seeded');
      return;
    }
    const started = performance.now();
    const audit = new AuditLog(db, logger);
    const repo = privilegedRepository({ db, audit, baseUrl: config.fhirBaseUrl }, { reason: 'demo-seed' });
    // Worker threads validate and index in parallel; in-process is the fallback.
    const url = (db.pool as unknown as { options: { connectionString?: string } }).options.connectionString;
    const executor = url ? await workerExecutor(url, config.fhirBaseUrl, 2, 'demo-seed').catch(() => inProcessExecutor(repo)) : inProcessExecutor(repo);
    let outcome;
    try {
      outcome = await importClinic(executor, DEMO_PATIENTS);
    } finally {
      await executor.close();
      await audit.close();
    }
    const { resources, problems } = outcome;
    if (problems.length) logger.warn({ problems: problems.slice(0, 5) }, 'some demo resources were not stored');
    await client.query('INSERT INTO demo_seed (id, patients, resources) VALUES (1, $1, $2)', [DEMO_PATIENTS, resources]);
    // Fresh tables have no planner statistics until autovacuum gets to them; without them the lab
    // searches pick sequential plans that take seconds, so the first visitors would see a slow portal.
    await client.query('ANALYZE').catch((err: Error) => logger.warn({ err: { message: err.message } }, 'ANALYZE after seeding failed'));
    logger.info({ patients: DEMO_PATIENTS, resources, ms: Math.round(performance.now() - started) }, 'seeded the demo clinic');
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
}

/** Generates `patients` charts and writes them (shared clinic resources first) through `executor`. */
export async function importClinic(executor: Executor, patients: number, options: { seed?: number; asOf?: Date } = {}) {
  const clinic = generateClinic({ patients, seed: options.seed, asOf: options.asOf });
  const total = emptyResult();
  mergeResult(total, await executor.submit({ kind: 'resources', source: 'demo clinic', resources: clinic.shared }));
  const inFlight = new Set<Promise<void>>();
  let batch: import('@medplum/fhirtypes').Resource[] = [];
  let n = 0;
  const flush = async () => {
    await executor.ready();
    const p = executor.submit({ kind: 'resources', source: 'demo patients', resources: batch }).then((r) => mergeResult(total, r));
    batch = [];
    const tracked: Promise<void> = p.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  for (const chart of clinic.patients()) {
    batch.push(...chart);
    if (++n % 4 === 0) await flush();
  }
  if (batch.length) await flush();
  await Promise.all(inFlight);
  return { resources: total.resources, counts: total.counts, problems: total.problems };
}
