// `npm run bench:import -- [--patients N] [--workers W] [--keep]`
// Imports N generated demo patients into a fresh database through the importer's worker threads
// (validation, index rows, the same writes as `npm run import`) and reports the rate and where the
// CPU went: this process (main thread and workers) and, when the PostgreSQL server runs on this
// machine and its processes can be read, the server processes that served the import. CPU per
// resource moves far less than wall time when other work shares the machine, so compare those.
import { loadavg } from 'node:os';
import { loadConfig } from '../apps/server/src/config.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { createDatabase } from '../apps/server/src/db/pool.js';
import { importClinic } from '../apps/server/src/demo/seed.js';
import { workerExecutor } from '../apps/server/src/import/run-import.js';
import { createScratchDatabase } from './scratch-database.js';
import { samplePostgresCpu, sumValues } from './proc.js';

interface Options {
  patients: number;
  workers?: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { patients: 60, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--patients') (o.patients = Number(argv[i + 1])), i++;
    else if (argv[i] === '--workers') (o.workers = Number(argv[i + 1])), i++;
    else if (argv[i] === '--keep') o.keep = true;
    else throw new Error(`Unknown option ${argv[i]}. Options: --patients N --workers W --keep`);
  }
  if (!(o.patients >= 1) || (o.workers !== undefined && !(o.workers >= 1))) throw new Error('--patients and --workers must be positive');
  return o;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const scratch = await createScratchDatabase('portico_bench');
  const config = loadConfig({ DATABASE_URL: scratch.url, LOG_LEVEL: 'silent', PORTICO_DEMO: 'false' });
  const db = createDatabase({ url: scratch.url, poolSize: 2 });
  try {
    await runMigrations(db);
    const executor = await workerExecutor(scratch.url, config.fhirBaseUrl, options.workers);
    const serverCpu = new Map<number, number>();
    // Server processes come and go with pool connections: sampled while the import runs.
    const sampler = setInterval(() => void samplePostgresCpu(db, scratch.name, serverCpu).catch(() => undefined), 500);
    const load = loadavg()[0];
    const cpu = process.cpuUsage();
    const started = performance.now();
    const imported = await importClinic(executor, options.patients, { seed: 1 });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    await samplePostgresCpu(db, scratch.name, serverCpu);
    await executor.close();
    const n = imported.resources;
    const size = Number((await db.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
    const nodeMs = ((used.user + used.system) / 1000) / n;
    const pgSeconds = sumValues(serverCpu);
    console.log(`Import bench: ${options.patients} patients, ${n} resources, ${imported.problems.length} problems`);
    console.log(`  wall       ${seconds.toFixed(1)} s, ${Math.round(n / seconds)} resources/s (load average ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)})`);
    console.log(`  CPU        importer ${nodeMs.toFixed(3)} ms/resource${serverCpu.size ? `, PostgreSQL ${((pgSeconds * 1000) / n).toFixed(3)} ms/resource (${serverCpu.size} server processes)` : ', PostgreSQL not visible'}`);
    console.log(`  database   ${(size / 1024 / 1024).toFixed(0)} MB, ${(size / n / 1024).toFixed(1)} KB/resource`);
  } finally {
    await db.close().catch(() => undefined);
    await scratch.drop(options.keep);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
