// The server as an operator runs it, with its embedded PostgreSQL: `npm start` stopped by a SIGTERM
// to its whole process group (Ctrl-C, a supervisor, .ci/run) stops cleanly with no ERROR line, and
// after the server's own process is killed (kill -9) the next start stops the PostgreSQL server
// it left behind and comes up.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isAlive } from '../../src/db/postmaster.js';

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'portico-process-'));
const started: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `command` as the leader of a new process group (as `setsid` does), its output in `logName`. */
function startServer(command: string, args: string[], port: number, logName: string): ChildProcess {
  const out = openSync(join(dataDir, logName), 'w');
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  const child = spawn(command, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  started.push(child);
  return child;
}

async function waitHealthy(port: number, child: ChildProcess, logName: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) assert.fail(`the server exited early:\n${readLog(logName)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`the server did not answer /healthz within 180 s:\n${readLog(logName)}`);
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until no process of the group `pgid` is left. */
async function waitGroupGone(pgid: number, seconds: number): Promise<boolean> {
  for (let i = 0; i < seconds * 10; i++) {
    if (!groupAlive(pgid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

const readLog = (name: string) => readFileSync(join(dataDir, name), 'utf8');
const postmasterPid = () => {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
};
/** Lines at pino's error or fatal level, and anything else that says ERROR (a stack trace, PostgreSQL). */
const errorLines = (log: string) => log.split('\n').filter((l) => /"level":(50|60)\b|ERROR/.test(l));

describe('the server process with its embedded PostgreSQL', { timeout: 600_000 }, () => {
  after(async () => {
    for (const child of started) if (child.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
    const pid = postmasterPid();
    // A failed test may leave PostgreSQL running: SIGQUIT is its immediate shutdown.
    if (pid && isAlive(pid)) process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 50 && pid && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('comes up again after its own process was killed with kill -9, stopping the PostgreSQL server it left', async () => {
    const port = await freePort();
    const first = startServer(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', '--no-demo'], port, 'first.log');
    await waitHealthy(port, first, 'first.log');
    const left = postmasterPid();
    assert.ok(left && isAlive(left), 'the embedded PostgreSQL runs');
    first.kill('SIGKILL');
    await waitGroupGone(first.pid!, 10);
    assert.ok(isAlive(left), 'PostgreSQL outlives a server killed with kill -9 (it runs in its own session)');

    const second = startServer(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', '--no-demo'], port, 'second.log');
    await waitHealthy(port, second, 'second.log');
    assert.ok(!isAlive(left), 'the left-over PostgreSQL server was stopped');
    assert.match(readLog('second.log'), /stopping the PostgreSQL server \(pid \d+\) that an ended process left running/);
    process.kill(-second.pid!, 'SIGTERM');
    assert.ok(await waitGroupGone(second.pid!, 60), 'the server stopped within 60 s of SIGTERM');
    assert.deepEqual(errorLines(readLog('second.log')), []);
  });

  it('`npm start` stopped by SIGTERM to its process group closes cleanly, with no ERROR line', async () => {
    const port = await freePort();
    const npm = startServer('npm', ['start', '--', '--no-demo'], port, 'npm.log');
    await waitHealthy(port, npm, 'npm.log');
    const postgres = postmasterPid();
    assert.ok(postgres && isAlive(postgres));
    process.kill(-npm.pid!, 'SIGTERM');
    assert.ok(await waitGroupGone(npm.pid!, 60), 'every process of the group ended within 60 s');
    for (let i = 0; i < 100 && isAlive(postgres); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!isAlive(postgres), 'the embedded PostgreSQL stopped too');
    const log = readLog('npm.log');
    assert.match(log, /"msg":"stopped"/);
    assert.deepEqual(errorLines(log), []);
  });
});
