// `npm run bench:export -- [--patients N] [--distinct K] [--keep] [--reuse DB] [--kinds system,patient,group]`
// Makes a fresh database (on DATABASE_URL's server, or an embedded one), imports N generated demo
// patients, starts the real server on 127.0.0.1 and times Bulk Data exports over HTTP, as a client
// would run them: kick-off, polling until the manifest, then downloading every NDJSON file. Runs a
// system export, a Patient export and a Group export of the demo Group (all patients), prints the
// figures (resources, files, bytes, rates, the server process's peak RSS, load average) and drops
// the database.
// Importing through validation costs minutes per thousand patients on a small machine, so by default
// only `--distinct K` (100) generated patients go through the importer and SQL copies their charts
// (new ids, rewritten patient references and compartments) up to N; the export reads stored text
// and does not care. `--distinct N` imports every patient. The copies are resource rows only (no
// history or search-index rows, which an export never reads), so the database stays about a fifth
// of an imported one: 10,000 patients imported would take ~70 GB.
// `--keep` leaves the database for another run; `--reuse DB` runs the exports on such a database
// (on DATABASE_URL's server) without loading anything, and drops it at the end unless `--keep`.
import { buildApp } from '../apps/server/src/app.js';
import { createSystemToken } from '../apps/server/src/auth/system-token.js';
import { loadConfig } from '../apps/server/src/config.js';
import { loadavg } from 'node:os';
import { statfsSync } from 'node:fs';
import pg from 'pg';
import { createScratchDatabase } from './scratch-database.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { createDatabase, type Database } from '../apps/server/src/db/pool.js';
import { importClinic } from '../apps/server/src/demo/seed.js';
import { workerExecutor } from '../apps/server/src/import/run-import.js';

interface Options {
  patients: number;
  distinct: number;
  keep: boolean;
  reuse?: string;
  kinds: string[];
  /** Refuse to load when the database's disk would have less free than this (when it can be seen). */
  minFreeGb: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { patients: 1000, distinct: 100, keep: false, minFreeGb: 15, kinds: ['system', 'patient', 'group'] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--patients') (o.patients = Number(argv[i + 1])), i++;
    else if (argv[i] === '--distinct') (o.distinct = Number(argv[i + 1])), i++;
    else if (argv[i] === '--keep') o.keep = true;
    else if (argv[i] === '--reuse') (o.reuse = argv[i + 1]), i++;
    else if (argv[i] === '--min-free-gb') (o.minFreeGb = Number(argv[i + 1])), i++;
    else if (argv[i] === '--kinds') (o.kinds = argv[i + 1].split(',')), i++;
    else throw new Error(`Unknown option ${argv[i]}. Options: --patients N --distinct K --keep --reuse DB --kinds system,patient,group --min-free-gb G`);
  }
  if (!(o.patients >= 1 && o.distinct >= 1)) throw new Error('--patients and --distinct must be positive');
  if (o.kinds.some((k) => !['system', 'patient', 'group'].includes(k))) throw new Error('--kinds takes system, patient and group');
  if (o.reuse !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(o.reuse)) throw new Error('--reuse takes a database name');
  o.distinct = Math.min(o.distinct, o.patients);
  return o;
}

const GB = 1024 ** 3;

/**
 * Free bytes on the disk holding the server's data directory, when this process can see it (a
 * server on this machine, a role allowed to read `data_directory`); undefined otherwise.
 */
async function freeBytesOfDataDisk(db: Database): Promise<number | undefined> {
  try {
    const dir = (await db.query<{ d: string }>('SELECT current_setting($1) AS d', ['data_directory'])).rows[0].d;
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

/**
 * Copies the charts of the imported patients (every resource in one patient's compartment) until
 * there are `patients`, and makes the demo Group list them all. Copy k of a resource gets the id
 * `<id>.c<k>`, and its references to its patient point at that patient's copy. The charts are read
 * once into a temporary table; each round appends whole charts, as an import would.
 */
async function cloneCharts(db: Database, distinct: number, patients: number, onRound: (done: number) => void): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query(
      `CREATE TEMP TABLE chart_source AS
       SELECT r.*, r.compartments[1] AS patient, dense_rank() OVER (ORDER BY r.compartments[1]) AS n
       FROM fhir_resource r WHERE r.resource_type <> 'Group' AND cardinality(r.compartments) = 1`,
    );
    for (let k = 1; k * distinct < patients; k++) {
      const take = Math.min(distinct, patients - k * distinct);
      const suffix = `.c${k}`;
      await client.query(
        `INSERT INTO fhir_resource (resource_type, id, version_id, last_updated, deleted, content, compartments)
         SELECT r.resource_type, r.id || $1, r.version_id, r.last_updated, r.deleted,
                replace(replace(r.content, '"id":"' || r.id || '"', '"id":"' || r.id || $1 || '"'), 'Patient/' || r.patient || '"', 'Patient/' || r.patient || $1 || '"'),
                ARRAY[r.patient || $1]
         FROM chart_source r WHERE r.n <= $2 ORDER BY r.n`,
        [suffix, take],
      );
      onRound(k * distinct + take);
    }
  } finally {
    await client.query('DROP TABLE IF EXISTS chart_source').catch(() => undefined);
    client.release();
  }
  // A Group of many patients is in no patient's compartment (access/compartment.ts), as imported.
  await db.query(
    `UPDATE fhir_resource g SET
       content = jsonb_set(g.content::jsonb, '{member}', (SELECT jsonb_agg(jsonb_build_object('entity', jsonb_build_object('reference', 'Patient/' || p.id)) ORDER BY p.id) FROM fhir_resource p WHERE p.resource_type = 'Patient'))::text
     WHERE g.resource_type = 'Group'`,
  );
}

interface Manifest {
  output: { type: string; url: string; count: number }[];
}

/** Peak RSS of this process (the server and the client) while `work` runs, sampled every 100 ms. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  try {
    const result = await work();
    return { result, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}

async function timeExport(origin: string, token: string, path: string) {
  const auth = { authorization: `Bearer ${token}` };
  const load = loadavg()[0];
  const started = performance.now();
  const kick = await fetch(`${origin}${path}`, { headers: { ...auth, prefer: 'respond-async', accept: 'application/fhir+json' } });
  if (kick.status !== 202) throw new Error(`kick-off ${path}: ${kick.status} ${await kick.text()}`);
  const status = new URL(kick.headers.get('content-location') as string).pathname;
  let manifest: Manifest;
  for (;;) {
    const res = await fetch(`${origin}${status}`, { headers: auth });
    if (res.status === 200) {
      manifest = (await res.json()) as Manifest;
      break;
    }
    if (res.status !== 202) throw new Error(`status ${path}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    // Polls more often than Retry-After asks, to measure the job rather than the wait.
    await new Promise((r) => setTimeout(r, 100));
  }
  const exported = performance.now();
  let bytes = 0;
  let lines = 0;
  for (const file of manifest.output) {
    const res = await fetch(`${origin}${new URL(file.url).pathname}`, { headers: auth });
    if (res.status !== 200 || !res.body) throw new Error(`download ${file.url}: ${res.status}`);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    }
  }
  const downloaded = performance.now();
  // Cancel-after-download deletes the files now rather than at expiry (export.html "Delete Request").
  await (await fetch(`${origin}${status}`, { method: 'DELETE', headers: auth })).arrayBuffer();
  const resources = manifest.output.reduce((n, f) => n + f.count, 0);
  if (lines !== resources) throw new Error(`${path}: downloaded ${lines} lines, the manifest says ${resources}`);
  return {
    path,
    resources,
    files: manifest.output.length,
    bytes,
    exportS: (exported - started) / 1000,
    downloadS: (downloaded - exported) / 1000,
    loadBefore: load,
    loadAfter: loadavg()[0],
  };
}

/** Loads the bench data into a fresh database: K patients through the importer, copies up to N. */
async function loadData(db: Database, url: string, baseUrl: string, options: Options): Promise<void> {
  await runMigrations(db);
  console.log(`Importing ${options.distinct} generated patients…`);
  const executor = await workerExecutor(url, baseUrl);
  const started = performance.now();
  const imported = await importClinic(executor, options.distinct, { seed: 1 });
  await executor.close();
  console.log(`Imported ${imported.resources} resources in ${((performance.now() - started) / 1000).toFixed(1)} s, ${imported.problems.length} problems`);
  if (options.patients > options.distinct) {
    // Copies cost about what the imported patients' resource rows and their indexes cost, per patient.
    const perPatient = (await db.query<{ b: string }>(`SELECT pg_total_relation_size('fhir_resource') AS b`)).rows[0].b;
    const needed = (Number(perPatient) / options.distinct) * (options.patients - options.distinct) * 1.3;
    const free = await freeBytesOfDataDisk(db);
    console.log(`Copies need about ${(needed / GB).toFixed(1)} GB${free === undefined ? '' : `; ${(free / GB).toFixed(1)} GB free on the database's disk`}`);
    if (free !== undefined && free - needed < options.minFreeGb * GB) {
      throw new Error(`Not enough disk: copying up to ${options.patients} patients would leave less than ${options.minFreeGb} GB free`);
    }
    const cloned = performance.now();
    let lastLine = 0;
    await cloneCharts(db, options.distinct, options.patients, (done) => {
      if (performance.now() - lastLine < 30_000) return;
      lastLine = performance.now();
      void freeBytesOfDataDisk(db).then((f) => console.log(`  ${done} patients, ${((performance.now() - cloned) / 1000).toFixed(0)} s${f === undefined ? '' : `, ${(f / GB).toFixed(1)} GB free`}`));
    });
    console.log(`Copied charts up to ${options.patients} patients in ${((performance.now() - cloned) / 1000).toFixed(1)} s`);
  }
  const vacuumed = performance.now();
  await db.query('VACUUM ANALYZE');
  console.log(`VACUUM ANALYZE in ${((performance.now() - vacuumed) / 1000).toFixed(1)} s`);
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  let name: string;
  let url: string;
  let drop: (keep: boolean) => Promise<void>;
  if (options.reuse) {
    if (!process.env.DATABASE_URL) throw new Error('--reuse needs DATABASE_URL (the server that holds the kept database)');
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${options.reuse}`;
    name = options.reuse;
    url = u.toString();
    drop = async (keep) => {
      if (keep) return console.log(`Kept database ${name}`);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.end());
    };
  } else {
    const scratch = await createScratchDatabase('portico_bench');
    ({ name, url } = scratch);
    drop = (keep) => scratch.drop(keep);
  }
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', PORTICO_DEMO: 'false' });
  const db = createDatabase({ url, poolSize: config.dbPoolSize });
  try {
    console.log(`Database ${name}`);
    if (!options.reuse) await loadData(db, url, config.fhirBaseUrl, options);
    const stored = (await db.query<{ n: number; p: number; size: string }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE resource_type = 'Patient')::int AS p, pg_database_size(current_database()) AS size FROM fhir_resource`,
    )).rows[0];
    const groupId = (await db.query<{ id: string }>(`SELECT id FROM fhir_resource WHERE resource_type = 'Group' LIMIT 1`)).rows[0]?.id;
    console.log(`${stored.p} patients, ${stored.n} resources, database ${(Number(stored.size) / GB).toFixed(1)} GB`);

    const { app } = await buildApp(config, { db, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const { token } = await createSystemToken(db, 'bench');
    const results = [];
    const paths = { system: '/fhir/$export', patient: '/fhir/Patient/$export', group: groupId ? `/fhir/Group/${groupId}/$export` : undefined };
    for (const path of options.kinds.map((k) => paths[k as keyof typeof paths]).filter((p): p is string => p !== undefined)) {
      const { result: r, peakRss } = await withPeakRss(() => timeExport(origin, token, path));
      results.push({ ...r, peakRss });
      console.log(`  ${r.path}: ${r.resources} resources in ${r.files} files (${(r.bytes / 1024 / 1024).toFixed(0)} MB): export ${r.exportS.toFixed(1)} s, download ${r.downloadS.toFixed(1)} s, peak RSS ${Math.round(peakRss / 1024 / 1024)} MB, load ${r.loadBefore.toFixed(1)} → ${r.loadAfter.toFixed(1)}`);
    }
    await app.close();

    console.log(`\nBulk export bench: ${stored.p} patients, ${stored.n} resources (${options.reuse ? `kept database ${name}` : `${options.distinct} generated and imported${stored.p > options.distinct ? ', the rest copied' : ''}`})`);
    printTable([
      ['export', 'resources', 'files', 'MB', 'export s', 'res/s', 'MB/s', 'download s', 'total s', 'peak RSS MB', 'load avg'],
      ...results.map((r) => [
        r.path.replace(/Group\/[^/]+/, 'Group/[id]'),
        String(r.resources),
        String(r.files),
        (r.bytes / 1024 / 1024).toFixed(0),
        r.exportS.toFixed(1),
        String(Math.round(r.resources / r.exportS)),
        (r.bytes / 1024 / 1024 / r.exportS).toFixed(1),
        r.downloadS.toFixed(1),
        (r.exportS + r.downloadS).toFixed(1),
        String(Math.round(r.peakRss / 1024 / 1024)),
        `${r.loadBefore.toFixed(1)}–${r.loadAfter.toFixed(1)}`,
      ]),
    ]);
  } finally {
    await db.close().catch(() => undefined);
    await drop(options.keep);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
