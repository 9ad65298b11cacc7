// Which PostgreSQL server may be stopped at start-up: only one of our own folder whose starter has
// ended (the orphaned case itself runs for real in integration/server-process.test.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { postmasterState } from '../../src/db/postmaster.js';

describe('postmasterState', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-postmaster-'));
  const pidFile = join(dir, 'postmaster.pid');
  const writePid = (pid: number) => writeFileSync(pidFile, `${pid}\n${dir}\n1700000000\n5432\n`);
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds nothing to stop without a postmaster.pid, or when its process is gone', () => {
    assert.deepEqual(postmasterState(dir, undefined), { kind: 'none' });
    writePid(2 ** 22 + 12345); // above Linux's largest pid: never a live process
    assert.deepEqual(postmasterState(dir, undefined), { kind: 'none' });
  });

  it('never stops a live process that is not a PostgreSQL server of this folder, and says what to do', () => {
    writePid(process.pid); // alive, but this is node, not postgres -D <dir>
    const state = postmasterState(dir, undefined);
    assert.equal(state.kind, 'busy');
    assert.match(state.kind === 'busy' ? state.message : '', /is not a PostgreSQL server of this folder.*delete .*postmaster\.pid/);
  });

  it('leaves the folder alone while the process that started its server is alive', () => {
    writePid(process.pid);
    const state = postmasterState(dir, process.ppid);
    assert.equal(state.kind, 'busy');
    assert.match(state.kind === 'busy' ? state.message : '', new RegExp(`Another process \\(pid ${process.ppid}\\) is using`));
  });
});
