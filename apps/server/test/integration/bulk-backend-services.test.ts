// Bulk export with SMART Backend Services tokens (client_credentials, system/ scopes): the export
// holds only the types the scopes grant, and one client cannot see another client's export.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registerClient } from '../../src/smart/clients.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { ASYNC, downloadAll, kickOff, pathOf, seedClinic, waitForManifest } from './bulk-support.js';

describe('bulk export with backend-services tokens', () => {
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
    await seedClinic(t.systemRepo, 2);
  });
  after(async () => t.close());

  async function backendToken(name: string, scope: string): Promise<string> {
    const { client, secret } = await registerClient(t.db, { name, type: 'confidential-symmetric', redirectUris: [], backend: true });
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString('base64')}` },
      payload: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
    });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { access_token: string }).access_token;
  }

  it('exports the types its system/ scopes grant, and only to the client that asked', async () => {
    const token = await backendToken('Analytics', 'system/Patient.read system/Condition.rs');
    const status = await kickOff(t.app, token, '/fhir/$export');
    const byType = await downloadAll(t.app, token, await waitForManifest(t.app, token, status));
    assert.deepEqual([...byType.keys()].sort(), ['Condition', 'Patient']);
    assert.equal(byType.get('Patient')?.length, 2);

    const denied = await t.app.inject({ method: 'GET', url: '/fhir/Patient/$export?_type=Observation', headers: { authorization: `Bearer ${token}`, ...ASYNC } });
    assert.equal(denied.statusCode, 403);

    const other = await backendToken('Registry', 'system/*.read');
    assert.equal((await t.app.inject({ method: 'GET', url: pathOf(status), headers: { authorization: `Bearer ${other}` } })).statusCode, 404);
    const everything = await downloadAll(t.app, other, await waitForManifest(t.app, other, await kickOff(t.app, other, '/fhir/$export')));
    assert.ok(everything.has('Observation') && everything.has('Practitioner'));
  });
});
