// Response compression (http/compression.ts): FHIR and /api reads go out brotli or gzip to clients
// that ask, byte-identical once decoded; Bulk Data NDJSON streams are compressed as they stream;
// small responses, secret-bearing ones and clients without Accept-Encoding get the plain body.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Observation, Patient } from '@medplum/fhirtypes';
import { mayCompress, negotiateEncoding } from '../../src/http/compression.js';
import { createResource, type TestApp } from '../support/harness.js';
import { Browser, makeAccount, startIdentityApp } from '../support/identity.js';
import { kickOff, pathOf, waitForManifest } from './bulk-support.js';

describe('response compression', () => {
  let t: TestApp;
  let patientId: string;
  let auth: Record<string, string>;

  before(async () => {
    t = await startIdentityApp();
    auth = { authorization: `Bearer ${t.systemToken}` };
    patientId = (await createResource<Patient>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Squeeze', given: ['Zip'] }] })).id!;
    for (let i = 0; i < 40; i++) {
      await createResource<Observation>(t.systemRepo, {
        resourceType: 'Observation',
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma' }] },
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T08:00:00Z`,
        valueQuantity: { value: 80 + i, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
      });
    }
  });
  after(async () => t.close());

  const search = (headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/fhir/Observation?patient=${patientId}&_count=100`, headers: { ...auth, ...headers } });

  it('sends FHIR searches brotli or gzip by Accept-Encoding, identical once decoded', async () => {
    const plain = await search();
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /accept-encoding/, 'caches learn the body depends on Accept-Encoding');
    const bundle = JSON.parse(plain.body) as { entry?: unknown[] };
    assert.equal(bundle.entry?.length, 40);

    const br = await search({ 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /^application\/fhir\+json/);
    assert.match(String(br.headers.vary), /accept-encoding/);
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 5, `${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
    assert.equal(Number(br.headers['content-length']), br.rawPayload.length);
    // Same search, same data: only the bundle's id and timestamp differ between two answers.
    const strip = (text: string) => text.replace(/"id":"[^"]+","meta":\{"lastUpdated":"[^"]+"\}/, '').replace(/"timestamp":"[^"]+"/, '');
    assert.equal(strip(brotliDecompressSync(br.rawPayload).toString('utf8')), strip(plain.body));

    const gz = await search({ 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(strip(gunzipSync(gz.rawPayload).toString('utf8')), strip(plain.body));
    assert.equal((await search({ 'accept-encoding': 'br;q=0, gzip;q=0.5' })).headers['content-encoding'], 'gzip');
    assert.equal((await search({ 'accept-encoding': 'identity' })).headers['content-encoding'], undefined);
  });

  it('leaves small responses alone', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${patientId}`, headers: { ...auth, 'accept-encoding': 'br, gzip' } });
    assert.equal(res.statusCode, 200);
    assert.ok(res.rawPayload.length < 1024);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.json<Patient>().id, patientId);
  });

  it('streams Bulk Data NDJSON compressed, line for line the same file', async () => {
    const manifest = await waitForManifest(t.app, t.systemToken, await kickOff(t.app, t.systemToken, '/fhir/$export?_type=Observation'));
    const file = manifest.output.find((f) => f.type === 'Observation');
    assert.ok(file);
    const url = pathOf(file.url);
    const plain = await t.app.inject({ method: 'GET', url, headers: auth });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.body.split('\n').filter(Boolean).length, 40);
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: { ...auth, 'accept-encoding': encoding } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], encoding);
      assert.match(String(res.headers['content-type']), /^application\/fhir\+ndjson/);
      assert.equal(res.headers['content-length'], undefined, 'a stream has no length up front');
      assert.equal(decode(res.rawPayload).toString('utf8'), plain.body);
    }
  });

  it('compresses the portal API reads a signed-in patient makes, not sign-in or the session view', async () => {
    await makeAccount(t, { email: 'zip@example.org', patientId });
    const patient = new Browser(t);
    const login = await patient.signIn('zip@example.org');
    assert.equal(login.statusCode, 200);
    assert.equal(login.headers['content-encoding'], undefined);
    for (let i = 0; i < 6; i++) assert.equal((await patient.get(`/fhir/Observation?patient=${patientId}&_count=${i + 1}`)).statusCode, 200);
    await t.audit.flush();
    const plain = await patient.get('/api/access-log?count=50');
    assert.equal(plain.statusCode, 200);
    assert.ok(plain.rawPayload.length >= 1024, `${plain.rawPayload.length} bytes`);
    const br = await patient.request('GET', '/api/access-log?count=50', undefined, { 'accept-encoding': 'br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8')), plain.json());
    const session = await patient.request('GET', '/api/session', undefined, { 'accept-encoding': 'br, gzip' });
    assert.equal(session.statusCode, 200);
    assert.equal(session.headers['content-encoding'], undefined, 'the session view carries the CSRF token');
  });

  it('never compresses secret-bearing endpoints', async () => {
    assert.equal(mayCompress('GET', '/fhir/Observation'), true);
    assert.equal(mayCompress('POST', '/fhir'), true);
    assert.equal(mayCompress('GET', '/api/access-log'), true);
    assert.equal(mayCompress('GET', '/api/session'), false, 'the session view carries the CSRF token');
    for (const path of ['/api/auth/login', '/api/mfa/totp/setup', '/api/mfa/recovery-codes']) assert.equal(mayCompress('POST', path), false, path);
    for (const path of ['/auth/token', '/auth/register', '/auth/jwks', '/']) assert.equal(mayCompress('GET', path), false, path);
    const token = await t.app.inject({ method: 'POST', url: '/auth/token', headers: { 'accept-encoding': 'br, gzip', 'content-type': 'application/x-www-form-urlencoded' }, payload: 'grant_type=client_credentials' });
    assert.equal(token.headers['content-encoding'], undefined);
  });

  it('negotiates by quality value, brotli first', () => {
    assert.equal(negotiateEncoding(undefined), undefined);
    assert.equal(negotiateEncoding('gzip, deflate, br'), 'br');
    assert.equal(negotiateEncoding('gzip'), 'gzip');
    assert.equal(negotiateEncoding('br;q=0.1, gzip;q=0.9'), 'gzip');
    assert.equal(negotiateEncoding('*'), 'br');
    assert.equal(negotiateEncoding('*;q=0, gzip'), 'gzip');
    assert.equal(negotiateEncoding('identity, deflate'), undefined);
  });
});
