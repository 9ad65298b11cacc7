// Operator tokens are remembered for a moment so a busy script does not pay a token query per
// request; revocation must still stop them at once on this node and within seconds elsewhere.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSystemToken, revokeSystemToken } from '../../src/auth/system-token.js';
import { startTestApp, type TestApp } from '../support/harness.js';

describe('FHIR API with an operator token', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  const metadataRead = (token: string) => t.app.inject({ method: 'GET', url: '/fhir/Patient?_count=1', headers: { authorization: `Bearer ${token}` } });

  it('refuses a token revoked on this node on the very next request', async () => {
    const { id, token } = await createSystemToken(t.db, 'script');
    assert.equal((await metadataRead(token)).statusCode, 200);
    assert.equal(await revokeSystemToken(t.db, id), true);
    assert.equal((await metadataRead(token)).statusCode, 401);
  });

  it('refuses a token revoked by another process (the command line, another node) within a few seconds', async () => {
    const { id, token } = await createSystemToken(t.db, 'script');
    assert.equal((await metadataRead(token)).statusCode, 200);
    // Revoked directly in the database, as `npm run token` in another process does.
    await t.db.query('UPDATE system_token SET revoked_at = now() WHERE id = $1', [id]);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 5000) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await metadataRead(token)).statusCode;
    }
    assert.equal(status, 401);
    assert.ok(Date.now() - started <= 3000, `still accepted ${Date.now() - started} ms after revocation`);
  });
});
