// "New" test results follow the patient across devices: the result screen tells the server which
// result was opened, per account, and Home and Test results ask which ones were.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { TestApp } from '../support/harness.js';
import { Browser, makeAccount, startIdentityApp } from '../support/identity.js';

describe('opened results', () => {
  let t: TestApp & { dataDir: string };
  before(async () => {
    t = await startIdentityApp({ NEW_RESULT_DAYS: '7' });
    await makeAccount(t, { email: 'ana@example.org', patientId: 'opened-p1' });
    await makeAccount(t, { email: 'ben@example.org', patientId: 'opened-p2' });
    await makeAccount(t, { email: 'nurse@example.org', kind: 'staff', organizationId: 'org-1', roles: ['nurse'] });
  });
  after(async () => t.close());

  it('use a window that NEW_RESULT_DAYS sets (30 days unless set), and a bad value stops start-up', () => {
    assert.equal(loadConfig({}).newResultDays, 30);
    assert.equal(loadConfig({ NEW_RESULT_DAYS: '14' }).newResultDays, 14);
    for (const bad of ['0', '366', 'soon']) assert.throws(() => loadConfig({ NEW_RESULT_DAYS: bad }), (err: unknown) => err instanceof ConfigError && /NEW_RESULT_DAYS/.test(err.message));
  });

  it('are remembered per account, on every device, once each', async () => {
    const phone = new Browser(t, '10.1.0.1');
    await phone.signIn('ana@example.org');
    assert.deepEqual((await phone.get('/api/records/opened-results')).json(), { newForDays: 7, opened: [] });
    assert.equal((await phone.post('/api/records/opened-results', { observation: 'obs-1' })).statusCode, 204);
    assert.equal((await phone.post('/api/records/opened-results', { observation: 'obs-1' })).statusCode, 204, 'opening again is fine');
    assert.equal((await phone.post('/api/records/opened-results', { observation: 'obs-2' })).statusCode, 204);

    const laptop = new Browser(t, '10.1.0.2');
    await laptop.signIn('ana@example.org');
    const listed = (await laptop.get('/api/records/opened-results')).json() as { opened: string[] };
    assert.deepEqual(listed.opened.sort(), ['obs-1', 'obs-2']);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM result_opened WHERE observation_id = 'obs-1'`);
    assert.equal(rows[0].n, 1);

    const other = new Browser(t, '10.1.0.3');
    await other.signIn('ben@example.org');
    assert.deepEqual((await other.get('/api/records/opened-results')).json().opened, [], 'another patient sees only their own');
  });

  it('leave out openings older than the "new" window', async () => {
    const b = new Browser(t, '10.1.0.4');
    await b.signIn('ana@example.org');
    await b.post('/api/records/opened-results', { observation: 'obs-old' });
    await t.db.query(`UPDATE result_opened SET opened_at = now() - interval '9 days' WHERE observation_id = 'obs-old'`);
    const opened = (await b.get('/api/records/opened-results')).json().opened as string[];
    assert.ok(!opened.includes('obs-old') && opened.includes('obs-1'));
  });

  it('refuse bad ids, staff accounts and callers not signed in with 4xx', async () => {
    const b = new Browser(t, '10.1.0.5');
    await b.signIn('ana@example.org');
    for (const body of [{ observation: '../Patient/x' }, { observation: '' }, { observation: 'x'.repeat(65) }, {}, { observation: { id: 'obs-1' } }]) {
      const res = await b.post('/api/records/opened-results', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(res.headers['content-type'] as string, /problem\+json/);
    }
    const nurse = new Browser(t, '10.1.0.6');
    await nurse.signIn('nurse@example.org');
    // Staff must set up two-step sign-in first, or are refused as not a patient: either way 403.
    assert.equal((await nurse.get('/api/records/opened-results')).statusCode, 403);
    const stranger = new Browser(t, '10.1.0.7');
    assert.equal((await stranger.get('/api/records/opened-results')).statusCode, 401);
    assert.equal((await stranger.post('/api/records/opened-results', { observation: 'obs-9' })).statusCode, 401);
  });
});
