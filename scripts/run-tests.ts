// `npm test`: prepares a fresh PostgreSQL database for this run (on DATABASE_URL's server, or an
// embedded server in a temporary folder), then runs every test file with Node's test runner.
// Each test file clones its own database from the migrated template, so files run in parallel.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { createDatabase } from '../apps/server/src/db/pool.js';

const root = join(import.meta.dirname, '..');
const roots = ['apps/server/test', 'apps/web/src', 'apps/web/e2e', 'packages'];

function findTests(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(findTests(path));
    else if (/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  let files = roots.flatMap((r) => findTests(join(root, r))).sort();
  if (filters.length) files = files.filter((f) => filters.some((flt) => relative(root, f).includes(flt)));
  if (files.length === 0) {
    console.error('No test files found');
    return 1;
  }

  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let tmp: string | undefined;
  if (!adminUrl) {
    tmp = mkdtempSync(join(tmpdir(), 'portico-test-'));
    console.log(`No DATABASE_URL: starting an embedded PostgreSQL in ${tmp}`);
    const embedded = await startEmbeddedPostgres(tmp);
    adminUrl = embedded.url;
    stopEmbedded = () => embedded.stop();
  } else {
    console.log('Running tests against the PostgreSQL server in DATABASE_URL');
  }
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const template = `portico_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const db = createDatabase({ url: templateUrl, poolSize: 2 });
  await runMigrations(db);
  await db.close();

  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files.map((f) => relative(root, f))], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PORTICO_TEST_ADMIN_URL: adminUrl, PORTICO_TEST_TEMPLATE: template, PORTICO_TEST_RUN: runId },
    });
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });

  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`portico_t_${runId}_%`, template]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
  await stopEmbedded?.();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  return code;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
