// The real server (apps/server/src/main.ts) in a child process of its own, as `npm start` runs it,
// so the benchmarks read its CPU time and memory alone: not the load generator's, not the importer's.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { processCpuSeconds, processMemoryMb } from './proc.js';
import { freePort } from './free-port.js';

export interface ServerProcess {
  port: number;
  pid: number;
  cpuSeconds(): number | undefined;
  memoryMb(): { rss: number; peak: number } | undefined;
  stop(): Promise<void>;
}

export async function startServerProcess(options: { databaseUrl: string; dataDir: string }): Promise<ServerProcess> {
  const port = await freePort();
  const root = join(import.meta.dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DATABASE_URL: options.databaseUrl, DATA_DIR: options.dataDir, PORT: String(port), HOST: '127.0.0.1', PORTICO_DEMO: 'false', LOG_LEVEL: 'warn' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start: ${stderr}`);
    const ready = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /healthz within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid as number;
  return {
    port,
    pid,
    cpuSeconds: () => processCpuSeconds(pid),
    memoryMb: () => processMemoryMb(pid),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
