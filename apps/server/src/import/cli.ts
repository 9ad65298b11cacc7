// `npm run import -- <files or folders>`: imports FHIR R4 Bundles, single resources and NDJSON into
// the database the server uses (DATABASE_URL, or the embedded one in DATA_DIR — the running
// server's, when it is up). Runs as the system principal; every write is audited.
import { runCommand, USAGE_ERROR, withDatabase } from '../cli/command.js';
import { listImportFiles } from './read-source.js';
import { formatSummary, importFailed, progressPrinter } from './report.js';
import { runImport, workerExecutor } from './run-import.js';

const USAGE = `Usage: npm run import -- [--workers N] <file or folder>...
Imports FHIR R4 JSON (Bundles of any type, single resources) and NDJSON (.ndjson, .ndjson.gz).`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let workers: number | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--workers') workers = Number(args[++i]);
    else if (args[i] === '--help' || args[i] === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else paths.push(args[i]);
  }
  if (paths.length === 0 || (workers !== undefined && !(workers >= 1))) {
    process.stderr.write(`${USAGE}\n`);
    return USAGE_ERROR;
  }
  let files: string[];
  try {
    files = listImportFiles(paths);
  } catch (err) {
    process.stderr.write(`Cannot read ${(err as NodeJS.ErrnoException).path ?? paths.join(' ')}: ${(err as Error).message}\n`);
    return USAGE_ERROR;
  }
  if (files.length === 0) {
    process.stderr.write('No .json or .ndjson files found.\n');
    return USAGE_ERROR;
  }
  return withDatabase(async (runtime, config) => {
    const executor = await workerExecutor(runtime.url, config.fhirBaseUrl, workers);
    try {
      process.stdout.write(`Importing ${files.length} file(s)\n`);
      const run = await runImport(files, executor, runtime.db, progressPrinter(process.stdout));
      if (process.stdout.isTTY) process.stdout.write('\n');
      process.stdout.write(`\n${formatSummary(run)}\n`);
      return importFailed(run) ? 1 : 0;
    } finally {
      await executor.close();
    }
  });
}

runCommand(main);
