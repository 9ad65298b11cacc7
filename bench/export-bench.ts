// `npm run bench:export -- [--patients N]`
// Makes a fresh database (on DATABASE_URL's server, or an embedded one), imports N generated demo
// patients, starts the real server on 127.0.0.1 and times Bulk Data exports over HTTP, as a client
// would run them: kick-off, polling until the manifest, then downloading every NDJSON file. Runs a
// system export, a Patient export and a Group export of the demo Group (all patients), prints the
// figures and drops the database.
// Importing through validation costs minutes per thousand patients on a small machine, so by default
// only `--distinct K` (100) generated patients go through the importer and SQL copies their charts
// (new ids, rewritten patient references and compartments) up to N; the export reads stored text
// and does not care. `--distinct N` imports every patient.
import { buildApp } from '../apps/server/src/app.js';
import { createSystemToken } from '../apps/server/src/auth/system-token.js';
import { loadConfig } from '../apps/server/src/config.js';
import { createScratchDatabase } from './scratch-database.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { createDatabase } from '../apps/server/src/db/pool.js';
import { importClinic } from '../apps/server/src/demo/seed.js';
import { workerExecutor } from '../apps/server/src/import/run-import.js';

function parseArgs(argv: string[]): { patients: number; distinct: number } {
  const o = { patients: 1000, distinct: 100 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--patients') (o.patients = Number(argv[i + 1])), i++;
    else if (argv[i] === '--distinct') (o.distinct = Number(argv[i + 1])), i++;
    else throw new Error(`Unknown option ${argv[i]}. Options: --patients N --distinct K`);
  }
  if (!(o.patients >= 1 && o.distinct >= 1)) throw new Error('--patients and --distinct must be positive');
  o.distinct = Math.min(o.distinct, o.patients);
  return o;
}

/**
 * Copies the charts of the imported patients (every resource in a patient compartment) until there
 * are `patients`, and makes the demo Group list them all. Copy k of a resource gets the id
 * `<id>.c<k>`, and its references to its patient point at that patient's copy.
 */
async function cloneCharts(db: import('../apps/server/src/db/pool.js').Database, distinct: number, patients: number): Promise<void> {
  for (let k = 1; k * distinct < patients; k++) {
    const take = Math.min(distinct, patients - k * distinct);
    const suffix = `.c${k}`;
    await db.query(
      `WITH chosen AS (SELECT id FROM fhir_resource WHERE resource_type = 'Patient' AND id NOT LIKE '%.c%' ORDER BY id LIMIT $2)
       INSERT INTO fhir_resource (resource_type, id, version_id, last_updated, deleted, content, compartments)
       SELECT r.resource_type, r.id || $1, r.version_id, r.last_updated, r.deleted,
              replace(replace(r.content, '"id":"' || r.id || '"', '"id":"' || r.id || $1 || '"'), 'Patient/' || r.compartments[1] || '"', 'Patient/' || r.compartments[1] || $1 || '"'),
              ARRAY(SELECT c || $1 FROM unnest(r.compartments) c)
       FROM fhir_resource r
       WHERE r.resource_type <> 'Group' AND cardinality(r.compartments) = 1 AND r.compartments[1] IN (SELECT id FROM chosen)`,
      [suffix, take],
    );
  }
  await db.query(
    `UPDATE fhir_resource g SET
       content = jsonb_set(g.content::jsonb, '{member}', (SELECT jsonb_agg(jsonb_build_object('entity', jsonb_build_object('reference', 'Patient/' || p.id)) ORDER BY p.id) FROM fhir_resource p WHERE p.resource_type = 'Patient'))::text,
       compartments = ARRAY(SELECT p.id FROM fhir_resource p WHERE p.resource_type = 'Patient' ORDER BY p.id)
     WHERE g.resource_type = 'Group'`,
  );
}

interface Manifest {
  output: { type: string; url: string; count: number }[];
}

async function timeExport(origin: string, token: string, path: string) {
  const auth = { authorization: `Bearer ${token}` };
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
  return { path, resources, files: manifest.output.length, bytes, exportS: (exported - started) / 1000, downloadS: (downloaded - exported) / 1000 };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const scratch = await createScratchDatabase('portico_bench');
  const { name, url } = scratch;
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', PORTICO_DEMO: 'false' });
  const db = createDatabase({ url, poolSize: config.dbPoolSize });
  try {
    await runMigrations(db);
    console.log(`Database ${name}; importing ${options.distinct} generated patients…`);
    const executor = await workerExecutor(url, config.fhirBaseUrl);
    const started = performance.now();
    const imported = await importClinic(executor, options.distinct, { seed: 1 });
    await executor.close();
    console.log(`Imported ${imported.resources} resources in ${((performance.now() - started) / 1000).toFixed(1)} s, ${imported.problems.length} problems`);
    if (options.patients > options.distinct) {
      const cloned = performance.now();
      await cloneCharts(db, options.distinct, options.patients);
      console.log(`Copied charts up to ${options.patients} patients in ${((performance.now() - cloned) / 1000).toFixed(1)} s`);
    }
    await db.query('VACUUM ANALYZE');
    const stored = (await db.query<{ n: number; p: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE resource_type = 'Patient')::int AS p FROM fhir_resource`)).rows[0];
    const groupId = (await db.query<{ id: string }>(`SELECT id FROM fhir_resource WHERE resource_type = 'Group' LIMIT 1`)).rows[0]?.id;

    const { app } = await buildApp(config, { db, logger: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const { token } = await createSystemToken(db, 'bench');
    const results = [];
    for (const path of ['/fhir/$export', '/fhir/Patient/$export', ...(groupId ? [`/fhir/Group/${groupId}/$export`] : [])]) {
      const r = await timeExport(origin, token, path);
      results.push(r);
      console.log(`  ${r.path}: ${r.resources} resources in ${r.files} files (${(r.bytes / 1024 / 1024).toFixed(0)} MB): export ${r.exportS.toFixed(1)} s, download ${r.downloadS.toFixed(1)} s`);
    }
    await app.close();

    console.log(`\nBulk export bench: ${stored.p} patients, ${stored.n} resources (${options.distinct} generated and imported${stored.p > options.distinct ? ', the rest copied' : ''})`);
    const rows = [
      ['export', 'resources', 'MB', 'export s', 'res/s', 'download s', 'total s'],
      ...results.map((r) => [
        r.path.replace(/Group\/[^/]+/, 'Group/[id]'),
        String(r.resources),
        (r.bytes / 1024 / 1024).toFixed(0),
        r.exportS.toFixed(1),
        String(Math.round(r.resources / r.exportS)),
        r.downloadS.toFixed(1),
        (r.exportS + r.downloadS).toFixed(1),
      ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const [i, r] of rows.entries()) {
      console.log(r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    }
  } finally {
    await db.close().catch(() => undefined);
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
