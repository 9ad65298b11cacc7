// The app registry API of the staff app (docs/api/smart.md "App registry") on the real identity
// module: only administrators manage apps, writes need the CSRF header, bad input is a 400 problem,
// a client secret is returned once and kept only as a hash, disabling an app ends its tokens, and
// both changes are in the audit trail with the administrator as the agent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';
import { Browser, makeAccount, startIdentityApp, TOTP_SECRET } from '../support/identity.js';
import { createResource, type TestApp } from '../support/harness.js';
import { findActiveToken, issueTokens } from '../../src/smart/tokens.js';

const PROBLEM = 'https://portico.health/problems/';
const publicApp = { name: 'Growth Charts', type: 'public', redirectUris: ['https://growth.example.org/callback'], launchUrl: 'https://growth.example.org/launch' };

describe('app registry API (/api/admin/apps)', () => {
  let t: TestApp & { dataDir: string };
  let admin: Browser;
  let clinician: Browser;
  let patient: Browser;
  let adminId = '';

  before(async () => {
    t = await startIdentityApp();
    const chart = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Lopez' }] })).id!;
    adminId = (await makeAccount(t, { email: 'admin@example.org', kind: 'admin', displayName: 'Ada Admin', totpSecret: TOTP_SECRET })).id;
    await makeAccount(t, { email: 'clin@example.org', kind: 'staff', roles: ['clinician'], totpSecret: TOTP_SECRET });
    await makeAccount(t, { email: 'pat@example.org', patientId: chart });
    admin = new Browser(t, '10.2.0.1');
    clinician = new Browser(t, '10.2.0.2');
    patient = new Browser(t, '10.2.0.3');
    assert.equal((await admin.signIn('admin@example.org', undefined, TOTP_SECRET)).statusCode, 200);
    assert.equal((await clinician.signIn('clin@example.org', undefined, TOTP_SECRET)).statusCode, 200);
    assert.equal((await patient.signIn('pat@example.org')).statusCode, 200);
  });
  after(async () => t?.close());

  const problemOf = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, slug: string) => {
    assert.equal(res.statusCode, status);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const body = res.json() as { type: string; status: number; detail: string; errors?: { path: string }[] };
    assert.equal(body.type, PROBLEM + slug);
    assert.equal(body.status, status);
    return body;
  };

  it('answers 401 without a session and 403 to clinicians and patients', async () => {
    const anonymous = new Browser(t, '10.2.0.4');
    problemOf(await anonymous.get('/api/admin/apps'), 401, 'unauthenticated');
    problemOf(await anonymous.request('POST', '/api/admin/apps', publicApp), 401, 'unauthenticated');
    problemOf(await anonymous.get('/api/smart/launchable-apps'), 401, 'unauthenticated');
    for (const who of [clinician, patient]) {
      problemOf(await who.get('/api/admin/apps'), 403, 'forbidden');
      problemOf(await who.post('/api/admin/apps', publicApp), 403, 'forbidden');
      problemOf(await who.delete('/api/admin/apps/anything'), 403, 'forbidden');
    }
    problemOf(await patient.get('/api/smart/launchable-apps'), 403, 'forbidden');
  });

  it('refuses writes without the CSRF header, and bodies that are not JSON', async () => {
    const token = admin.csrf;
    admin.csrf = undefined;
    try {
      problemOf(await admin.post('/api/admin/apps', publicApp), 403, 'csrf');
      problemOf(await admin.delete('/api/admin/apps/anything'), 403, 'csrf');
    } finally {
      admin.csrf = token;
    }
    const form = await admin.request('POST', '/api/admin/apps', 'name=x', { 'content-type': 'text/plain' });
    assert.equal(form.statusCode, 415);
    assert.equal((await admin.get('/api/admin/apps')).json().apps.length, 0, 'nothing was registered');
  });

  it('answers bad input with a 400 problem naming the field or the reason', async () => {
    const missing = problemOf(await admin.post('/api/admin/apps', { type: 'public', redirectUris: [] }), 400, 'invalid-request');
    assert.ok(missing.errors?.length, 'the schema errors are listed');
    problemOf(await admin.post('/api/admin/apps', { ...publicApp, type: 'magic' }), 400, 'invalid-request');
    const plainHttp = problemOf(await admin.post('/api/admin/apps', { ...publicApp, redirectUris: ['http://growth.example.org/cb'] }), 400, 'invalid-request');
    assert.match(plainHttp.detail, /https/);
    problemOf(await admin.post('/api/admin/apps', { ...publicApp, launchUrl: 'javascript:alert(1)' }), 400, 'invalid-request');
    problemOf(await admin.post('/api/admin/apps', { ...publicApp, redirectUris: [] }), 400, 'invalid-request');
    const noKeys = problemOf(await admin.post('/api/admin/apps', { ...publicApp, type: 'confidential-asymmetric' }), 400, 'invalid-request');
    assert.match(noKeys.detail, /JWKS/);
    const privateKey = { keys: [{ kty: 'EC', crv: 'P-384', x: 'x', y: 'y', d: 'secret' }] };
    const leaked = problemOf(await admin.post('/api/admin/apps', { ...publicApp, type: 'confidential-asymmetric', jwks: privateKey }), 400, 'invalid-request');
    assert.match(leaked.detail, /public keys only/);
    problemOf(await admin.post('/api/admin/apps', { name: 'Exporter', type: 'public', redirectUris: [], backend: true }), 400, 'invalid-request');
  });

  let secretClientId = '';
  let secret = '';

  it('registers apps; a client secret is shown once and stored as a hash', async () => {
    const pub = await admin.post('/api/admin/apps', publicApp);
    assert.equal(pub.statusCode, 201, pub.body);
    assert.equal(pub.json().clientSecret, undefined, 'a public app has no secret');
    assert.equal(pub.json().app.launchUrl, publicApp.launchUrl);

    const conf = await admin.post('/api/admin/apps', { name: 'Care Notes', type: 'confidential-symmetric', redirectUris: ['http://127.0.0.1:9000/callback'] });
    assert.equal(conf.statusCode, 201, conf.body);
    assert.equal(conf.headers['cache-control'], 'no-store');
    ({ clientSecret: secret } = conf.json());
    secretClientId = conf.json().app.clientId;
    assert.ok(secret.length >= 43, 'the secret has 256 bits');
    const { rows } = await t.db.query<{ secret_hash: string; row: string }>('SELECT secret_hash, row_to_json(c)::text AS row FROM smart_client c WHERE client_id = $1', [secretClientId]);
    assert.equal(rows[0].secret_hash, createHash('sha256').update(secret).digest('hex'));
    assert.ok(!rows[0].row.includes(secret), 'the secret itself is not stored');

    const keys = { keys: [{ kty: 'EC', crv: 'P-384', x: 'x', y: 'y', kid: 'k1' }] };
    const jwt = await admin.post('/api/admin/apps', { name: 'Exporter', type: 'confidential-asymmetric', redirectUris: [], backend: true, jwks: keys });
    assert.equal(jwt.statusCode, 201, jwt.body);
    assert.equal(jwt.json().app.jwksKeys, 1);
    assert.equal(jwt.json().app.backend, true);

    const list = await admin.get('/api/admin/apps');
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(secret) && !list.body.includes('secretHash') && !list.body.includes(rows[0].secret_hash), 'the list never shows the secret or its hash');
    const apps = list.json().apps as { name: string; type: string; registration: string; registeredBy: string; status: string; registeredAt: string }[];
    assert.deepEqual(apps.map((a) => a.name), ['Exporter', 'Care Notes', 'Growth Charts'], 'newest first');
    for (const a of apps) {
      assert.equal(a.registration, 'staff-app');
      assert.equal(a.registeredBy, 'Ada Admin');
      assert.equal(a.status, 'active');
      assert.ok(!Number.isNaN(Date.parse(a.registeredAt)));
    }
  });

  it('lists the apps staff can open for a patient: active, with a launch URL, not backend services', async () => {
    const res = await clinician.get('/api/smart/launchable-apps');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().apps.map((a: { name: string }) => a.name), ['Growth Charts']);
  });

  it('disables an app: its tokens stop working at once; it stays in the list as disabled', async () => {
    const { accessToken } = await issueTokens(t.db, { clientId: secretClientId, scope: 'user/*.rs', context: {}, accessSeconds: 3600, refresh: false });
    assert.ok(await findActiveToken(t.db, accessToken));
    const basic = Buffer.from(`${secretClientId}:${secret}`).toString('base64');
    const tokenRequest = () =>
      t.app.inject({ method: 'POST', url: '/auth/token', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'grant_type=refresh_token&refresh_token=srt_unknown' });
    assert.equal((await tokenRequest()).json().error, 'invalid_grant', 'the secret authenticates the app');
    assert.equal((await admin.delete(`/api/admin/apps/${secretClientId}`)).statusCode, 204);
    assert.equal(await findActiveToken(t.db, accessToken), undefined, 'the token ended with the app');
    assert.equal((await tokenRequest()).json().error, 'invalid_client', 'the app can no longer authenticate');
    problemOf(await admin.delete(`/api/admin/apps/${secretClientId}`), 404, 'not-found');
    const app = (await admin.get('/api/admin/apps')).json().apps.find((a: { clientId: string }) => a.clientId === secretClientId);
    assert.equal(app.status, 'disabled');
    assert.equal(app.disabledBy, 'Ada Admin');
    assert.ok(app.disabledAt);
  });

  it('records registrations and removals in the audit trail with the administrator as agent', async () => {
    await t.audit.flush();
    const { rows } = await t.db.query<{ action: string; agent: string; content: string }>(
      `SELECT action, agent, content FROM audit_event WHERE action IN ('app-registered', 'app-disabled') ORDER BY seq`,
    );
    assert.deepEqual(rows.map((r) => r.action), ['app-registered', 'app-registered', 'app-registered', 'app-disabled']);
    for (const r of rows) assert.equal(r.agent, `Practitioner/user-${adminId}`);
    const disabled = JSON.parse(rows[3].content) as { entity: { what?: { reference: string } }[]; outcomeDesc: string };
    assert.ok(disabled.entity.some((e) => e.what?.reference === `Device/app-${secretClientId}`));
    assert.equal(disabled.outcomeDesc, 'App disabled: Care Notes');
  });
});
