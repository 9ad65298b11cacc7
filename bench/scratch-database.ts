// A throwaway database for one benchmark run: on DATABASE_URL's server, or on an embedded
// PostgreSQL in a temporary folder; dropped (and the folder removed) at the end.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../apps/server/src/db/embedded.js';

export interface ScratchDatabase {
  name: string;
  url: string;
  /** A temporary folder for the run (embedded server, data dir), removed by drop(). */
  tmp: string;
  /** True when the database lives on a server started for this run (it cannot be kept). */
  embedded: boolean;
  /** Drops the database (unless `keep` and on an external server) and stops what was started. */
  drop(keep?: boolean): Promise<void>;
}

export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const tmp = mkdtempSync(join(tmpdir(), `${prefix.replace(/_/g, '-')}-`));
  // Run as root, the embedded server is another system user, which must be able to enter the folder.
  chmodSync(tmp, 0o755);
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres(join(tmp, 'pg'));
    adminUrl = embedded.url;
    stopEmbedded = () => embedded.stop();
  }
  const name = `${prefix.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    tmp,
    embedded: stopEmbedded !== undefined,
    async drop(keep = false) {
      if (keep && !stopEmbedded) console.log(`Kept database ${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      await stopEmbedded?.();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
