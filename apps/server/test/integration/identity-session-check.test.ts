// The per-request session check: one statement per read, a throttled touch that never lets the idle
// deadline pass "last request + idle", expiry and revocation seen on the very next /fhir request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import type { Statement } from '../../src/db/pool.js';
import { touchSlackSeconds } from '../../src/identity/sessions.js';
import { createResource, type TestApp } from '../support/harness.js';
import { Browser, makeAccount, startIdentityApp } from '../support/identity.js';

const IDLE_MINUTES = 15;

describe('session check per request', () => {
  let t: TestApp & { dataDir: string };
  let patientId: string;
  let n = 0;
  before(async () => {
    t = await startIdentityApp({ SESSION_IDLE_MINUTES: String(IDLE_MINUTES) });
    patientId = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', birthDate: '1990-01-01' })).id!;
    await makeAccount(t, { email: 'ana@example.org', patientId });
  });
  after(async () => t.close());

  async function signedIn(): Promise<{ b: Browser; id: string }> {
    const b = new Browser(t, `198.51.100.${++n}`);
    assert.equal((await b.signIn('ana@example.org')).statusCode, 200);
    return { b, id: (await b.get('/api/session')).json().sessionId };
  }

  const stored = async (id: string) =>
    (await t.db.query<{ last_seen_at: string; idle_expires_at: string; absolute_expires_at: string; ended_at: string | null; end_reason: string | null }>(
      'SELECT last_seen_at, idle_expires_at, absolute_expires_at, ended_at, end_reason FROM account_session WHERE id = $1',
      [id],
    )).rows[0];

  /** Runs `work` and returns the statements the server sent that touch the session table. */
  async function sessionStatements(work: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const query = t.db.query;
    t.db.query = ((sql: Statement, params?: unknown[]) => {
      const text = typeof sql === 'string' ? sql : sql.text;
      if (/account_session|mfa|totp_credential|FROM account\b/.test(text)) seen.push(text);
      return query(sql, params);
    }) as typeof query;
    try {
      await work();
    } finally {
      t.db.query = query;
    }
    return seen;
  }

  it('reads the session, account and MFA status in one statement for a FHIR search and for GET /api/session', async () => {
    const { b } = await signedIn();
    const fhir = await sessionStatements(async () => assert.equal((await b.get(`/fhir/Condition?patient=${patientId}&_summary=count`)).statusCode, 200));
    assert.equal(fhir.length, 1, fhir.join('\n---\n'));
    const session = await sessionStatements(async () => assert.equal((await b.get('/api/session')).statusCode, 200));
    assert.equal(session.length, 1, session.join('\n---\n'));
  });

  it('does not write last-seen again within the touch slack; after it, moves the idle deadline to last request + idle', async () => {
    const { b, id } = await signedIn();
    const first = await stored(id);
    assert.equal((await b.get(`/fhir/Patient/${patientId}`)).statusCode, 200);
    assert.equal((await stored(id)).last_seen_at, first.last_seen_at, 'a request right after the last touch writes nothing');

    await t.db.query(`UPDATE account_session SET last_seen_at = now() - make_interval(secs => $2), idle_expires_at = now() + interval '1 minute' WHERE id = $1`, [id, touchSlackSeconds(IDLE_MINUTES) + 1]);
    const before = Date.now();
    assert.equal((await b.get(`/fhir/Patient/${patientId}`)).statusCode, 200);
    const after = await stored(id);
    const lastSeen = Date.parse(after.last_seen_at);
    const idle = Date.parse(after.idle_expires_at);
    assert.ok(lastSeen >= before - 1000, 'last-seen moved to now');
    assert.equal(idle - lastSeen, IDLE_MINUTES * 60_000, 'the idle deadline is exactly last-seen + idle');
  });

  it('never puts the idle deadline past the absolute one', async () => {
    const { b, id } = await signedIn();
    await t.db.query(`UPDATE account_session SET last_seen_at = now() - interval '5 minutes', absolute_expires_at = now() + interval '3 minutes' WHERE id = $1`, [id]);
    assert.equal((await b.get(`/fhir/Patient/${patientId}`)).statusCode, 200);
    const row = await stored(id);
    assert.equal(row.idle_expires_at, row.absolute_expires_at);
  });

  it('passive reads and writes refused for CSRF do not count as activity', async () => {
    const { b, id } = await signedIn();
    await t.db.query(`UPDATE account_session SET last_seen_at = now() - interval '5 minutes', idle_expires_at = now() + interval '10 minutes' WHERE id = $1`, [id]);
    const before = await stored(id);
    assert.equal((await b.get('/api/session')).statusCode, 200);
    assert.equal((await b.get('/api/sessions')).statusCode, 200);
    const csrf = b.csrf;
    b.csrf = 'x'.repeat(43);
    assert.equal((await b.post('/api/session/keepalive')).statusCode, 403);
    b.csrf = csrf;
    assert.deepEqual(await stored(id), before);
  });

  it('keepalive always moves the idle deadline, even inside the touch slack', async () => {
    const { b, id } = await signedIn();
    await t.db.query(`UPDATE account_session SET idle_expires_at = now() + interval '30 seconds' WHERE id = $1`, [id]);
    const kept = (await b.post('/api/session/keepalive')).json();
    assert.ok(Date.parse(kept.idleExpiresAt) > Date.now() + (IDLE_MINUTES - 1) * 60_000);
    assert.equal(Date.parse((await stored(id)).idle_expires_at), Date.parse(kept.idleExpiresAt));
  });

  for (const [column, reason] of [['idle_expires_at', 'idle-timeout'], ['absolute_expires_at', 'absolute-timeout']] as const) {
    it(`a FHIR request after the ${reason} is refused, and the session is ended and audited once`, async () => {
      const { b, id } = await signedIn();
      await t.db.query(`UPDATE account_session SET ${column} = now() - interval '1 second' WHERE id = $1`, [id]);
      const [one, two] = await Promise.all([b.get(`/fhir/Patient/${patientId}`), b.get(`/fhir/Patient/${patientId}`)]);
      assert.equal(one.statusCode, 401);
      assert.equal(two.statusCode, 401);
      const row = await stored(id);
      assert.ok(row.ended_at);
      assert.equal(row.end_reason, reason);
      await t.audit.flush();
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'session-expired' AND content LIKE $1`, [`%${reason}%`]);
      assert.equal(rows[0].n, 1, 'two racing requests record the expiry once');
      assert.equal((await b.get('/api/session')).statusCode, 401, 'stays ended');
    });
  }

  it('a revoked session is refused on its very next FHIR request', async () => {
    const one = await signedIn();
    const two = await signedIn();
    assert.equal((await two.b.get(`/fhir/Patient/${patientId}`)).statusCode, 200);
    assert.equal((await one.b.delete(`/api/sessions/${two.id}`)).statusCode, 204);
    assert.equal((await two.b.get(`/fhir/Patient/${patientId}`)).statusCode, 401);
    assert.equal((await one.b.get(`/fhir/Patient/${patientId}`)).statusCode, 200);
    assert.equal((await one.b.post('/api/sessions/logout-all')).statusCode, 204);
    assert.equal((await one.b.get(`/fhir/Patient/${patientId}`)).statusCode, 401);
  });

  it('a disabled account gets nothing, and its session is not touched', async () => {
    const { b, id } = await signedIn();
    await t.db.query(`UPDATE account_session SET last_seen_at = now() - interval '5 minutes' WHERE id = $1`, [id]);
    const before = await stored(id);
    await t.db.query(`UPDATE account SET disabled = true WHERE email = 'ana@example.org'`);
    try {
      assert.equal((await b.get(`/fhir/Patient/${patientId}`)).statusCode, 401);
      assert.equal((await b.get('/api/session')).statusCode, 401);
      assert.deepEqual(await stored(id), before);
    } finally {
      await t.db.query(`UPDATE account SET disabled = false WHERE email = 'ana@example.org'`);
    }
  });
});
