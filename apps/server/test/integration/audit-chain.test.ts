import { after, before, describe, it } from 'node:test';
import type { Resource } from '@medplum/fhirtypes';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { verifyAuditChain } from '../../src/audit/audit-log.js';
import { Browser, makeAccount, startIdentityApp } from '../support/identity.js';
import { createResource, type TestApp } from '../support/harness.js';

const run = promisify(execFile);

describe('audit trail: append-only and tamper-evident', () => {
  let t: TestApp & { dataDir: string };
  let patientId: string;
  before(async () => {
    t = await startIdentityApp();
    patientId = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Audit', given: ['Ann'] }] })).id!;
    await createResource<Resource>(t.systemRepo, { resourceType: 'Observation', status: 'final', code: { text: 'Weight' }, subject: { reference: `Patient/${patientId}` } });
    await makeAccount(t, { email: 'ann@example.org', patientId, displayName: 'Ann Audit' });
    await makeAccount(t, { email: 'nurse@example.org', kind: 'staff', roles: ['nurse'], displayName: 'Nina Nurse', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' });
  });
  after(async () => t.close());

  it('records sign-in, failed sign-in, reads and sign-out, and lists them in the patient access log', async () => {
    const b = new Browser(t, '192.0.2.50');
    await b.post('/api/auth/login', { email: 'ann@example.org', password: 'wrong password entirely' });
    await b.signIn('ann@example.org');
    assert.equal((await b.get(`/fhir/Observation?subject=Patient/${patientId}`)).statusCode, 200);
    await t.audit.flush();
    const log = await b.get('/api/access-log?count=50');
    assert.equal(log.statusCode, 200);
    const actions = (log.json().entries as { action: string; actor: { kind: string } }[]).map((e) => e.action);
    assert.ok(actions.includes('login'), actions.join());
    assert.ok(actions.includes('login-failed'));
    assert.ok(actions.includes('search'));
    assert.equal(log.json().entries[0].actor.kind, 'patient');
    assert.equal((await b.post('/api/auth/logout')).statusCode, 204);
    await t.audit.flush();
    const { rows } = await t.db.query<{ content: string }>(`SELECT content FROM audit_event WHERE action = 'logout'`);
    const event = JSON.parse(rows[0].content);
    assert.equal(event.agent[0].network.address, '192.0.2.50');
    assert.ok(event.entity.some((e: { what?: { reference: string } }) => e.what?.reference === `Patient/${patientId}`));
  });

  it('shows staff by name and role in the access log', async () => {
    const staff = new Browser(t, '192.0.2.51');
    const res = await staff.signIn('nurse@example.org', undefined, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await staff.get(`/fhir/Patient/${patientId}`)).statusCode, 200);
    await t.audit.flush();
    const patient = new Browser(t, '192.0.2.52');
    await patient.signIn('ann@example.org');
    const entries = (await patient.get('/api/access-log')).json().entries as { actor: { kind: string; name: string; roles: string[] }; action: string }[];
    const staffRead = entries.find((e) => e.actor.kind === 'staff' && e.action === 'read');
    assert.ok(staffRead, JSON.stringify(entries));
    assert.equal(staffRead.actor.name, 'Nina Nurse');
    assert.deepEqual(staffRead.actor.roles, ['nurse']);
  });

  it('the app role cannot update or delete audit rows', async () => {
    await t.audit.flush();
    await assert.rejects(t.db.query(`UPDATE audit_event SET outcome = 'success' WHERE seq = 1`));
    await assert.rejects(t.db.query('DELETE FROM audit_event WHERE seq = 1'));
    const { rows } = await t.db.query<{ r: string }>('SELECT current_user AS r');
    assert.equal(rows[0].r, 'portico_app');
  });

  it('every pooled connection, old or newly opened, works as the app role', async () => {
    // Enough at once that the pool opens new connections beside those from start-up.
    const clients = await Promise.all(Array.from({ length: 8 }, () => t.db.pool.connect()));
    try {
      const users = await Promise.all(clients.map(async (c) => (await c.query<{ r: string }>('SELECT current_user AS r')).rows[0].r));
      assert.deepEqual([...new Set(users)], ['portico_app']);
    } finally {
      for (const c of clients) c.release();
    }
  });

  it('verifies the chain, and after an edit that bypasses the trigger reports that row', async () => {
    await t.audit.flush();
    assert.equal((await verifyAuditChain(t.db)).ok, true);
    const cli = await run('npx', ['tsx', 'apps/server/src/audit/verify-cli.ts'], { env: { ...process.env, DATABASE_URL: dbUrl(t), LOG_LEVEL: 'silent' }, cwd: process.cwd() });
    assert.match(cli.stdout, /^OK: audit chain intact/);
    // A superuser edit, as an attacker with database access would make it.
    const admin = new pg.Client({ connectionString: dbUrl(t) });
    await admin.connect();
    await admin.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
    await admin.query(`UPDATE audit_event SET content = replace(content, '"action":"', '"action": "') WHERE seq = 1`);
    await admin.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
    await admin.end();
    const report = await verifyAuditChain(t.db);
    assert.equal(report.ok, false);
    assert.equal(report.firstBroken?.seq, '1');
    const broken = await run('npx', ['tsx', 'apps/server/src/audit/verify-cli.ts'], { env: { ...process.env, DATABASE_URL: dbUrl(t), LOG_LEVEL: 'silent' } }).catch((e: { code: number; stdout: string }) => e);
    assert.equal((broken as { code: number }).code, 1);
    assert.match((broken as { stdout: string }).stdout, /breaks at seq 1/);
  });
});

function dbUrl(t: TestApp): string {
  return (t.db.pool as unknown as { options: { connectionString: string } }).options.connectionString;
}
