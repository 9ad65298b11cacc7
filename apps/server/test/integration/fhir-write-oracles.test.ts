// Writes must not tell whether another patient's id exists, as reads do not (decision 0003):
// a reference to another patient's resource is refused exactly like a reference to a missing one,
// and a caller who reaches only some patients gets the same refusal for a PUT to any id outside its
// reach, new or taken (decision 0019). Tested with an app acting for one patient.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { registerClient } from '../../src/smart/clients.js';
import { authorizeCode, Browser, exchangeCode, startSmartServer, type SmartServer } from './smart-support.js';

let server: SmartServer;
let token = '';
const ana = { email: 'ana@example.org', password: 'pw-long-enough' };
const redirect = 'http://127.0.0.1:9/callback';
const MISSING = 'no-such-observation';

const observation = (id: string | undefined, patient: string, extra: Partial<Observation> = {}): Observation => ({
  resourceType: 'Observation', ...(id ? { id } : {}), status: 'final', code: { text: 'Weight' }, subject: { reference: `Patient/${patient}` }, ...extra,
});

before(async () => {
  server = await startSmartServer({ [ana.email]: { password: ana.password, user: { id: 'u-ana', kind: 'patient', displayName: 'Ana', patientId: 'pat-a' } } });
  await server.repo.create({ resourceType: 'Patient', id: 'pat-a' }, { keepId: true });
  await server.repo.create({ resourceType: 'Patient', id: 'pat-b' }, { keepId: true });
  await server.repo.create(observation('obs-a', 'pat-a'), { keepId: true });
  await server.repo.create(observation('obs-b', 'pat-b'), { keepId: true });
  const clientId = (await registerClient(server.db, { name: 'Writer', type: 'public', redirectUris: [redirect] })).client.clientId;
  const c = await authorizeCode(new Browser(server.base), server, { clientId, redirectUri: redirect, scope: 'launch/patient patient/*.cruds', login: ana });
  const r = await exchangeCode(server.base, c, redirect, { clientId });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  token = String(r.body.access_token);
});
after(() => server?.close());

async function fhir(method: string, path: string, body?: unknown, bearer = token) {
  const res = await fetch(`${server.fhirBase}/${path}`, {
    method, headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/fhir+json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, text: await res.text() };
}

/** The answer with an id replaced, so "another patient's id" and "a missing id" can be compared. */
const normalized = (text: string, id: string) => text.split(id).join('<id>');

const obsB = async () => JSON.parse((await fhir('GET', 'Observation/obs-b', undefined, server.systemToken)).text) as Observation;

describe('references in a written resource', () => {
  it("refuse another patient's resource exactly like a missing one, and accept the caller's own", async () => {
    const theirs = await fhir('POST', 'Observation', observation(undefined, 'pat-a', { hasMember: [{ reference: 'Observation/obs-b' }] }));
    const missing = await fhir('POST', 'Observation', observation(undefined, 'pat-a', { hasMember: [{ reference: `Observation/${MISSING}` }] }));
    assert.equal(theirs.status, 400, theirs.text);
    assert.equal(missing.status, 400);
    assert.equal(normalized(theirs.text, 'obs-b'), normalized(missing.text, MISSING));
    const own = await fhir('POST', 'Observation', observation(undefined, 'pat-a', { hasMember: [{ reference: 'Observation/obs-a' }] }));
    assert.equal(own.status, 201, own.text);
  });

  it('do the same inside a transaction', async () => {
    const bundle = (ref: string): Bundle => ({
      resourceType: 'Bundle', type: 'transaction',
      entry: [{ resource: observation(undefined, 'pat-a', { hasMember: [{ reference: ref }] }), request: { method: 'POST', url: 'Observation' } }],
    });
    const theirs = await fhir('POST', '', bundle('Observation/obs-b'));
    const missing = await fhir('POST', '', bundle(`Observation/${MISSING}`));
    assert.equal(theirs.status, 400, theirs.text);
    assert.equal(normalized(theirs.text, 'obs-b'), normalized(missing.text, MISSING));
  });
});

describe('PUT with an id the caller chose', () => {
  it("answers the same refusal for another patient's id and for a new id, and changes nothing", async () => {
    const theirs = await fhir('PUT', 'Observation/obs-b', observation('obs-b', 'pat-a'));
    const fresh = await fhir('PUT', `Observation/${MISSING}`, observation(MISSING, 'pat-a'));
    assert.equal(theirs.status, 403, theirs.text);
    assert.equal(fresh.status, 403, fresh.text);
    assert.equal(normalized(theirs.text, 'obs-b'), normalized(fresh.text, MISSING));
    assert.equal((await obsB()).subject?.reference, 'Patient/pat-b');
    assert.equal((await fhir('GET', `Observation/${MISSING}`, undefined, server.systemToken)).status, 404, 'nothing was created');
  });

  it("still updates the caller's own resources", async () => {
    const own = await fhir('PUT', 'Observation/obs-a', observation('obs-a', 'pat-a', { status: 'amended' }));
    assert.equal(own.status, 200, own.text);
  });

  it('a conditional update that names an id answers the same for a taken and a new id', async () => {
    const theirs = await fhir('PUT', 'Observation?identifier=urn:x|none', observation('obs-b', 'pat-a'));
    const fresh = await fhir('PUT', 'Observation?identifier=urn:x|none', observation(MISSING, 'pat-a'));
    assert.equal(theirs.status, 403, theirs.text);
    assert.equal(normalized(theirs.text, 'obs-b'), normalized(fresh.text, MISSING));
    const unnamed = await fhir('PUT', 'Observation?identifier=urn:x|none', observation(undefined, 'pat-a', { identifier: [{ system: 'urn:x', value: 'none' }] }));
    assert.equal(unnamed.status, 201, `the server chooses the id: ${unnamed.text}`);
  });

  it('inside a transaction, too', async () => {
    const bundle = (id: string): Bundle => ({ resourceType: 'Bundle', type: 'transaction', entry: [{ resource: observation(id, 'pat-a'), request: { method: 'PUT', url: `Observation/${id}` } }] });
    const theirs = await fhir('POST', '', bundle('obs-b'));
    const fresh = await fhir('POST', '', bundle(MISSING));
    assert.equal(theirs.status, 403, theirs.text);
    assert.equal(normalized(theirs.text, 'obs-b'), normalized(fresh.text, MISSING));
    assert.equal((await obsB()).subject?.reference, 'Patient/pat-b');
  });

  it('a caller who reaches every patient still creates with its own ids', async () => {
    const created = await fhir('PUT', 'Observation/chosen-by-system', observation('chosen-by-system', 'pat-b'), server.systemToken);
    assert.equal(created.status, 201, created.text);
  });
});
