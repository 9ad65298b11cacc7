// `npm run bench -- [--patients N] [--seconds S] [--connections C] [--scenario name,...]`
// Makes a fresh database (on DATABASE_URL's server, or an embedded one), imports N generated demo
// patients (import rate), starts the real server on 127.0.0.1, measures FHIR reads, searches and
// creates over HTTP with keep-alive connections, and the Home screen's whole data load (`home`,
// bench/home-load.ts) with real patient sessions, prints results next to targets, drops the database.
// The server runs in a child process of its own (bench/server-process.ts), so the CPU per request
// and the resident memory reported are the server's alone.
import { createSystemToken } from '../apps/server/src/auth/system-token.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createScratchDatabase } from './scratch-database.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { createDatabase, type Database } from '../apps/server/src/db/pool.js';
import { importClinic } from '../apps/server/src/demo/seed.js';
import { workerExecutor } from '../apps/server/src/import/run-import.js';
import { runLoad, type LoadRequest, type LoadResult } from './load.js';
import { runHomeLoad, signInPatients, type HomeLoadResult } from './home-load.js';
import { samplePostgresCpu, sumValues } from './proc.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

interface Options {
  patients: number;
  seconds: number;
  connections: number;
  scenarios?: string[];
  /** Leave the database in place (for EXPLAIN) instead of dropping it. */
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { patients: 1000, seconds: 10, connections: 10, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--patients') (o.patients = Number(v)), i++;
    else if (argv[i] === '--seconds') (o.seconds = Number(v)), i++;
    else if (argv[i] === '--connections') (o.connections = Number(v)), i++;
    else if (argv[i] === '--scenario') (o.scenarios = v.split(',')), i++;
    else if (argv[i] === '--keep') o.keep = true;
    else throw new Error(`Unknown option ${argv[i]}. Options: --patients N --seconds S --connections C --scenario a,b --keep`);
  }
  if (!(o.patients >= 1 && o.seconds > 0 && o.connections >= 1)) throw new Error('--patients, --seconds and --connections must be positive');
  return o;
}

const mb = (megabytes: number | undefined) => (megabytes === undefined ? 'unknown' : `${Math.round(megabytes)} MB`);

/** CPU milliseconds per request of the server process and of the PostgreSQL backends serving it. */
interface CpuPerRequest {
  server?: number;
  postgres?: number;
}

/** Runs `work` (which makes `count()` requests) and measures the CPU it cost the server and PostgreSQL. */
async function measureCpu(server: ServerProcess, db: Database, database: string, work: () => Promise<number>): Promise<CpuPerRequest> {
  const pgBefore = new Map<number, number>();
  await samplePostgresCpu(db, database, pgBefore);
  const pgAfter = new Map(pgBefore);
  // Backends may come and go during the load: sampled while it runs.
  const sampler = setInterval(() => void samplePostgresCpu(db, database, pgAfter).catch(() => undefined), 250);
  const before = server.cpuSeconds();
  let requests: number;
  try {
    requests = await work();
  } finally {
    clearInterval(sampler);
  }
  const after = server.cpuSeconds();
  await samplePostgresCpu(db, database, pgAfter);
  // Our own pool's backend (these samples) is in the sets too; its share is a few queries.
  const pgSeconds = sumValues(pgAfter) - sumValues(pgBefore);
  return {
    server: before === undefined || after === undefined || requests === 0 ? undefined : ((after - before) * 1000) / requests,
    postgres: pgAfter.size === 0 || requests === 0 ? undefined : (pgSeconds * 1000) / requests,
  };
}
const ms = (v: number | undefined) => (v === undefined ? '?' : v.toFixed(2));
const pick = <T>(items: T[], i: number) => items[i % items.length];

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const scratch = await createScratchDatabase('portico_bench');
  const { name, url } = scratch;
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', PORTICO_DEMO: 'false' });
  const db = createDatabase({ url, poolSize: config.dbPoolSize });
  try {
    await runMigrations(db);
    console.log(`Database ${name}; importing ${options.patients} generated patients…`);
    const executor = await workerExecutor(url, config.fhirBaseUrl);
    const started = performance.now();
    const imported = await importClinic(executor, options.patients, { seed: 1 });
    const importSeconds = (performance.now() - started) / 1000;
    await executor.close();
    const importRate = imported.resources / importSeconds;
    console.log(`Imported ${imported.resources} resources in ${importSeconds.toFixed(1)} s (${Math.round(importRate)} resources/s), ${imported.problems.length} problems`);
    await db.query('VACUUM ANALYZE');

    const server = await startServerProcess({ databaseUrl: url, dataDir: scratch.tmp });
    const port = server.port;
    const { token } = await createSystemToken(db, 'bench');
    const memoryBefore = server.memoryMb();

    const patients = (await db.query<{ id: string }>(`SELECT id FROM fhir_resource WHERE resource_type = 'Patient' ORDER BY random() LIMIT 500`)).rows.map((r) => r.id);
    const observations = (await db.query<{ id: string }>(`SELECT id FROM fhir_resource WHERE resource_type = 'Observation' ORDER BY random() LIMIT 2000`)).rows.map((r) => r.id);
    const loinc = (await db.query<{ code: string }>(
      `SELECT code FROM sp_token WHERE resource_type = 'Observation' AND param = 'code' AND system = 'http://loinc.org' GROUP BY code ORDER BY count(*) DESC LIMIT 1`,
    )).rows[0]?.code ?? '4548-4';
    const many = (make: (i: number) => LoadRequest) => Array.from({ length: 2000 }, (_, i) => make(i));
    const scenarios: { name: string; target: string; p99Target: number; rpsTarget?: number; /** Server CPU per request, ms. */ cpuTarget?: number; requests: LoadRequest[] }[] = [
      { name: 'read', target: '≥5000 req/s, p99 <10 ms', p99Target: 10, rpsTarget: 5000, requests: many((i) => ({ method: 'GET', path: `/fhir/Observation/${pick(observations, i)}` })) },
      { name: 'search-lab', target: 'p99 <25 ms, server CPU <0.3 ms', p99Target: 25, cpuTarget: 0.3, requests: many((i) => ({ method: 'GET', path: `/fhir/Observation?patient=${pick(patients, i)}&category=laboratory` })) },
      { name: 'search-code-sorted', target: 'p99 <25 ms, server CPU <0.3 ms', p99Target: 25, cpuTarget: 0.3, requests: many((i) => ({ method: 'GET', path: `/fhir/Observation?patient=${pick(patients, i)}&code=${loinc}&_sort=-date&_count=50` })) },
      { name: 'search-condition', target: 'p99 <25 ms, server CPU <0.3 ms', p99Target: 25, cpuTarget: 0.3, requests: many((i) => ({ method: 'GET', path: `/fhir/Condition?patient=${pick(patients, i)}` })) },
      { name: 'search-medreq-include', target: 'p99 <25 ms, server CPU <0.3 ms', p99Target: 25, cpuTarget: 0.3, requests: many((i) => ({ method: 'GET', path: `/fhir/MedicationRequest?patient=${pick(patients, i)}&_include=MedicationRequest:medication` })) },
      {
        name: 'create',
        target: 'server CPU <0.5 ms',
        p99Target: Infinity,
        cpuTarget: 0.5,
        requests: many((i) => ({
          method: 'POST',
          path: '/fhir/Observation',
          body: JSON.stringify({
            resourceType: 'Observation',
            status: 'final',
            category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
            code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
            subject: { reference: `Patient/${pick(patients, i)}` },
            effectiveDateTime: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
            valueQuantity: { value: 60 + (i % 40), unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
          }),
        })),
      },
    ];
    const results: { name: string; target: string; result: LoadResult; cpu: CpuPerRequest; ok: boolean }[] = [];
    // `home`: the Home screen's whole data load per iteration (bench/home-load.ts), real patient
    // sessions, measured before `create` adds rows. Target: p95 < 25 ms for the whole load.
    // Measured with one patient at a time (the latency of one Home load on an otherwise idle
    // server) and with --connections patients at once.
    const homes: { concurrency: number; result: HomeLoadResult; cpu: CpuPerRequest }[] = [];
    if (!options.scenarios || options.scenarios.includes('home')) {
      const users = await signInPatients(db, port, patients.slice(0, 50));
      for (const concurrency of [...new Set([1, options.connections])]) {
        await runHomeLoad({ port, users, concurrency, seconds: Math.min(1, options.seconds / 5) });
        let home!: HomeLoadResult;
        const cpu = await measureCpu(server, db, name, async () => {
          home = await runHomeLoad({ port, users, concurrency, seconds: options.seconds });
          return home.requests;
        });
        homes.push({ concurrency, result: home, cpu });
        console.log(`  home ×${concurrency}: ${home.loadsPerSecond.toFixed(1)} loads/s (${(home.requests / Math.max(1, home.loads)).toFixed(1)} requests each), p50 ${home.p50.toFixed(1)} ms, p95 ${home.p95.toFixed(1)} ms, p99 ${home.p99.toFixed(1)} ms${home.errors ? `, ${home.errors} errors (${home.firstError})` : ''}`);
      }
    }
    for (const s of scenarios) {
      if (options.scenarios && !options.scenarios.includes(s.name)) continue;
      // A short warm-up so JIT and connection set-up do not count.
      await runLoad({ port, token, requests: s.requests, connections: options.connections, seconds: Math.min(1, options.seconds / 5) });
      let result!: LoadResult;
      const cpu = await measureCpu(server, db, name, async () => {
        result = await runLoad({ port, token, requests: s.requests, connections: options.connections, seconds: options.seconds });
        return result.requests;
      });
      const ok = result.errors === 0 && result.p99 < s.p99Target && (s.rpsTarget === undefined || result.rps >= s.rpsTarget) && (s.cpuTarget === undefined || (cpu.server !== undefined && cpu.server < s.cpuTarget));
      results.push({ name: s.name, target: s.target, result, cpu, ok });
      console.log(`  ${s.name}: ${Math.round(result.rps)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, CPU per request: server ${ms(cpu.server)} ms, PostgreSQL ${ms(cpu.postgres)} ms${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}`);
    }
    const memoryAfter = server.memoryMb();
    await server.stop();

    const rows = [
      ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'server CPU ms/req', 'PG CPU ms/req', 'target', 'met'],
      ['import', `${Math.round(importRate)} res/s`, '', '', String(imported.problems.length), '', '', '≥5000 res/s', importRate >= 5000 ? 'yes' : 'NO'],
      ...results.map((r) => [r.name, String(Math.round(r.result.rps)), r.result.p50.toFixed(1), r.result.p99.toFixed(1), String(r.result.errors), ms(r.cpu.server), ms(r.cpu.postgres), r.target, r.ok ? 'yes' : 'NO']),
    ];
    for (const { concurrency, result: home, cpu } of homes) {
      rows.push([`home ×${concurrency} (loads)`, home.loadsPerSecond.toFixed(1), home.p50.toFixed(1), home.p99.toFixed(1), String(home.errors), ms(cpu.server), ms(cpu.postgres), `p95 <25 ms (p95 ${home.p95.toFixed(1)})`, home.errors === 0 && home.p95 < 25 ? 'yes' : 'NO']);
    }
    const rssOk = memoryAfter !== undefined && memoryAfter.rss < 250;
    rows.push(['server RSS after load', mb(memoryAfter?.rss), '', '', '', '', '', `<250 MB (peak ${mb(memoryAfter?.peak)}, ${mb(memoryBefore?.rss)} before load)`, rssOk ? 'yes' : 'NO']);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    console.log(`\nFHIR bench: ${options.patients} patients (${imported.resources} resources), ${options.connections} connections, ${options.seconds} s per scenario`);
    for (const [i, r] of rows.entries()) {
      console.log(r.map((c, j) => (j === 0 || j === 7 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
    console.log('CPU per request: the server process (all its threads) and the PostgreSQL backends serving the run, from /proc.');
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
