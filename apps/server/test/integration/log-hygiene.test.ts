// The server's own log, at debug level, during an ordinary day: sign-in (and a failed one), a
// patient searching and reading their chart, an app getting a token and using it. Logs end up in
// log shippers and support tickets, so none of it may carry credentials or health data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Resource } from '@medplum/fhirtypes';
import { pino } from 'pino';
import { buildApp, loggerOptions, type Portico } from '../../src/app.js';
import { createSystemToken } from '../../src/auth/system-token.js';
import { registerClient } from '../../src/smart/clients.js';
import { FhirRepository } from '../../src/fhir/repository.js';
import { privilegedPolicy } from '../../src/access/policy.js';
import { createDatabase, type Database } from '../../src/db/pool.js';
import { createResource, createTestDatabase, testConfig, type TestApp, type TestDatabase } from '../support/harness.js';
import { Browser, GOOD_PASSWORD, makeAccount } from '../support/identity.js';

const FAMILY = 'Quillfeather';
const GIVEN = 'Ottoline';
const WRONG_PASSWORD = 'saffron-lighthouse-wrong-31';
const SEARCH_VALUE = 'Quillfea';
const CODE_SEARCH = 'zz-private-code-4471';

describe('log hygiene', () => {
  const lines: string[] = [];
  const secrets = new Map<string, string>();
  let db: TestDatabase;
  let portico: Portico;
  let appDb: Database;

  before(async () => {
    db = await createTestDatabase();
    const config = testConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'portico-logs-')), LOG_LEVEL: 'debug' });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const options = loggerOptions(config) as Record<string, unknown>;
    // The database logs every statement at debug level too (SQL_DEBUG), as in production.
    appDb = createDatabase({ url: db.url, poolSize: 5, logger: pino({ level: 'debug' }, stream), sqlDebug: true });
    portico = await buildApp(config, { db: appDb, logger: { ...options, level: 'debug', stream } });
    await portico.app.ready();
    const t = { ...portico, db: appDb, config } as unknown as TestApp;

    const systemRepo = new FhirRepository(portico.repositoryDeps, { policy: privilegedPolicy('operator', { name: 'test' }) });
    const patient = await createResource<Resource>(systemRepo, { resourceType: 'Patient', name: [{ family: FAMILY, given: [GIVEN] }], birthDate: '1961-07-23' });
    await createResource<Resource>(systemRepo, {
      resourceType: 'Observation', status: 'final', code: { coding: [{ system: 'http://example.org/codes', code: CODE_SEARCH }] }, subject: { reference: `Patient/${patient.id}` },
    } as Resource);
    await makeAccount(t, { email: 'ottoline@example.org', patientId: patient.id });

    // A failed sign-in, then the real one; the patient searches for and reads their own chart.
    const browser = new Browser(t, '203.0.113.31');
    assert.equal((await browser.post('/api/auth/login', { email: 'ottoline@example.org', password: WRONG_PASSWORD })).statusCode, 401);
    const signIn = await browser.signIn('ottoline@example.org');
    assert.equal(signIn.statusCode, 200, signIn.body);
    secrets.set('session cookie', browser.cookies.get('portico_session')!);
    secrets.set('CSRF token', browser.csrf!);
    const search = await browser.get(`/fhir/Patient?name=${SEARCH_VALUE}`);
    assert.equal(search.statusCode, 200, search.body);
    assert.equal((await browser.get(`/fhir/Patient/${patient.id}`)).statusCode, 200);
    assert.equal((await browser.get(`/fhir/Observation?code=${CODE_SEARCH}&patient=${patient.id}`)).statusCode, 200);
    assert.equal((await browser.post('/api/session/keepalive', {})).statusCode, 200);

    // An app gets a token (client secret in the Authorization header) and uses it.
    const { client, secret } = await registerClient(appDb, { name: 'Log test app', type: 'confidential-symmetric', redirectUris: [], backend: true });
    secrets.set('client secret', secret!);
    const tokenRes = await portico.app.inject({
      method: 'POST',
      url: '/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString('base64')}` },
      payload: new URLSearchParams({ grant_type: 'client_credentials', scope: 'system/Patient.rs' }).toString(),
    });
    assert.equal(tokenRes.statusCode, 200, tokenRes.body);
    const accessToken = (tokenRes.json() as { access_token: string }).access_token;
    secrets.set('access token', accessToken);
    assert.equal((await portico.app.inject({ method: 'GET', url: `/fhir/Patient?family=${FAMILY}`, headers: { authorization: `Bearer ${accessToken}` } })).statusCode, 200);
    // A token where it must never be sent (the query string) and a bad one in the header.
    await portico.app.inject({ method: 'GET', url: `/fhir/Patient?access_token=${accessToken}&name=${SEARCH_VALUE}` });
    await portico.app.inject({ method: 'GET', url: '/fhir/Patient', headers: { authorization: `Bearer ${accessToken}x` } });
    // The operator token.
    const { token: systemToken } = await createSystemToken(appDb, 'log-test');
    secrets.set('system token', systemToken);
    assert.equal((await portico.app.inject({ method: 'GET', url: `/fhir/Patient?given=${GIVEN}`, headers: { authorization: `Bearer ${systemToken}` } })).statusCode, 200);
    await portico.app.close();
    await appDb.close();
  });
  after(async () => db?.drop());

  test('the scenario was logged at debug level', () => {
    const log = lines.join('');
    assert.ok(lines.length > 10, `only ${lines.length} log lines`);
    assert.match(log, /"level":20.*"msg":"sql"/, 'SQL statements are logged at debug level');
    assert.match(log, /\/fhir\/Patient/, 'request paths are logged');
  });

  test('no passwords, tokens, session ids or client secrets in the log', () => {
    const log = lines.join('');
    const leaked = [
      ['password', GOOD_PASSWORD],
      ['wrong password', WRONG_PASSWORD],
      ...secrets,
    ].filter(([, value]) => log.includes(value));
    assert.deepEqual(leaked.map(([what]) => what), []);
    assert.doesNotMatch(log, /authorization"?\s*:\s*"(Bearer|Basic) /i);
    assert.doesNotMatch(log, /portico_session=/);
  });

  test('no search values, patient names or birth dates in the log', () => {
    const log = lines.join('');
    for (const value of [SEARCH_VALUE, FAMILY, GIVEN, CODE_SEARCH, '1961-07-23']) assert.ok(!log.includes(value), `${value} appears in: ${lines.find((l) => l.includes(value))}`);
  });
});
