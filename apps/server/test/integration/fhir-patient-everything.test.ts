// Patient/$everything through the access door: a patient gets their whole compartment and none of
// another patient's, page by page with `next` links; `_type` and `_since` narrow it; another
// patient's id answers like a missing one; an app with limited scopes gets only the granted types.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, CapabilityStatement, Resource } from '@medplum/fhirtypes';
import { createResource, type TestApp } from '../support/harness.js';
import { Browser, makeAccount, startIdentityApp } from '../support/identity.js';
import { compartmentResources } from '../support/patient-data.js';
import { registerClient } from '../../src/smart/clients.js';
import { registerPatientEverything } from '../../src/fhir/operations/patient-everything.js';
import { authorizeCode, Browser as SmartBrowser, exchangeCode, startSmartServer, type SmartServer } from './smart-support.js';

const refs = (bundle: Bundle) => (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => `${e.resource!.resourceType}/${e.resource!.id}`);

describe('Patient/$everything from a patient session', () => {
  let t: TestApp & { dataDir: string };
  let browser: Browser;
  const charts: Record<'a' | 'b', { patientId: string; refs: Set<string> }> = {} as never;
  let org = '';
  let practitioner = '';

  before(async () => {
    t = await startIdentityApp();
    org = (await createResource<Resource>(t.systemRepo, { resourceType: 'Organization', name: 'Clinic' })).id!;
    practitioner = (await createResource<Resource>(t.systemRepo, { resourceType: 'Practitioner', name: [{ family: 'Doc' }] })).id!;
    for (const tag of ['a', 'b'] as const) {
      const patient = await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: `${tag}family` }] });
      const set = new Set([`Patient/${patient.id}`]);
      for (const resource of compartmentResources(patient.id!, tag, org, practitioner)) {
        const stored = await createResource(t.systemRepo, resource);
        set.add(`${stored.resourceType}/${stored.id}`);
      }
      charts[tag] = { patientId: patient.id!, refs: set };
    }
    await makeAccount(t, { email: 'a@example.org', patientId: charts.a.patientId });
    browser = new Browser(t);
    assert.equal((await browser.signIn('a@example.org')).statusCode, 200);
  });
  after(async () => t.close());

  /** Follows `next` links from the first page; returns every match and the number of pages. */
  async function allPages(path: string): Promise<{ refs: string[]; pages: number }> {
    const out: string[] = [];
    let url: string | undefined = path;
    let pages = 0;
    while (url) {
      const res = await browser.get(url);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const bundle = res.json() as Bundle;
      assert.equal(bundle.type, 'searchset');
      out.push(...refs(bundle));
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      url = next ? new URL(next).pathname + new URL(next).search : undefined;
      pages++;
      assert.ok(pages < 100);
    }
    return { refs: out, pages };
  }

  it('is listed in the CapabilityStatement', async () => {
    const statement = (await t.app.inject({ url: '/fhir/metadata' })).json() as CapabilityStatement;
    const patient = statement.rest![0].resource!.find((r) => r.type === 'Patient')!;
    assert.ok(patient.operation?.some((o) => o.name === 'everything' && o.definition === 'http://hl7.org/fhir/OperationDefinition/Patient-everything'));
  });

  it("returns the patient's whole compartment over paged next links, without another patient's data", async () => {
    const { refs: found, pages } = await allPages(`/fhir/Patient/${charts.a.patientId}/$everything?_count=5`);
    assert.ok(pages > 2, `${pages} pages`);
    assert.equal(new Set(found).size, found.length, 'no resource twice across pages');
    const shared = found.filter((r) => !charts.a.refs.has(r));
    assert.deepEqual(found.filter((r) => charts.a.refs.has(r)).sort(), [...charts.a.refs].sort(), 'the whole compartment');
    assert.deepEqual(shared.sort(), [`Organization/${org}`, `Practitioner/${practitioner}`].sort(), 'and the shared resources it refers to');
    assert.deepEqual(found.filter((r) => charts.b.refs.has(r)), []);
  });

  it('narrows by _type and _since', async () => {
    const typed = await allPages(`/fhir/Patient/${charts.a.patientId}/$everything?_type=Observation,Condition`);
    const expected = [...charts.a.refs].filter((r) => r.startsWith('Observation/') || r.startsWith('Condition/'));
    assert.ok(expected.length >= 2);
    assert.deepEqual(typed.refs.sort(), expected.sort());
    const future = await allPages(`/fhir/Patient/${charts.a.patientId}/$everything?_since=2999-01-01T00:00:00Z`);
    assert.deepEqual(future.refs, []);
    const past = await allPages(`/fhir/Patient/${charts.a.patientId}/$everything?_since=2000-01-01T00:00:00Z&_count=1000`);
    assert.equal(past.refs.length, charts.a.refs.size + 2);
    const people = await allPages(`/fhir/Patient/${charts.a.patientId}/$everything?_type=Practitioner`);
    assert.deepEqual(people.refs, [`Practitioner/${practitioner}`]);
  });

  it("answers another patient's id exactly like a missing one, and refuses bad parameters with 4xx", async () => {
    const theirs = await browser.get(`/fhir/Patient/${charts.b.patientId}/$everything`);
    const missing = await browser.get('/fhir/Patient/no-such-patient/$everything');
    assert.equal(theirs.statusCode, 404);
    assert.equal(theirs.body.split(charts.b.patientId).join('<id>'), missing.body.split('no-such-patient').join('<id>'));
    for (const q of ['_since=yesterday', '_type=Nonsense', '_count=-1', '_cursor=bogus']) {
      const res = await browser.get(`/fhir/Patient/${charts.a.patientId}/$everything?${q}`);
      assert.equal(res.statusCode, 400, q);
    }
    const strict = await browser.request('GET', `/fhir/Patient/${charts.a.patientId}/$everything?start=2020-01-01`, undefined, { prefer: 'handling=strict' });
    assert.equal(strict.statusCode, 400);
    const lenient = await browser.get(`/fhir/Patient/${charts.a.patientId}/$everything?start=2020-01-01&_count=1`);
    assert.equal(lenient.statusCode, 200);
    assert.match(lenient.body, /"severity":"warning"/);
    assert.equal((await browser.get('/fhir/Observation/$everything')).statusCode, 404);
  });

  it('is audited against the patient', async () => {
    await t.audit.flush();
    const { rows } = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_event WHERE $1 = ANY(patient_ids) AND content LIKE '%$everything%'`, [charts.a.patientId]);
    assert.ok(Number(rows[0].n) > 0);
  });
});

describe('Patient/$everything for a SMART app with limited scopes', () => {
  let server: SmartServer;
  const ana = { email: 'ana@example.org', password: 'pw-long-enough' };
  const redirect = 'http://127.0.0.1:9/callback';
  let token = '';

  before(async () => {
    registerPatientEverything();
    server = await startSmartServer({ [ana.email]: { password: ana.password, user: { id: 'u-ana', kind: 'patient', displayName: 'Ana', patientId: 'pat-a' } } });
    for (const id of ['pat-a', 'pat-b']) {
      await server.repo.create({ resourceType: 'Patient', id }, { keepId: true });
      await server.repo.create({ resourceType: 'Observation', id: `obs-${id}`, status: 'final', code: { text: 'Weight' }, subject: { reference: `Patient/${id}` } }, { keepId: true });
      await server.repo.create({ resourceType: 'Condition', id: `cond-${id}`, subject: { reference: `Patient/${id}` }, code: { text: 'Asthma' } }, { keepId: true });
    }
    const clientId = (await registerClient(server.db, { name: 'Labs only', type: 'public', redirectUris: [redirect] })).client.clientId;
    const c = await authorizeCode(new SmartBrowser(server.base), server, { clientId, redirectUri: redirect, scope: 'launch/patient patient/Observation.rs', login: ana });
    const r = await exchangeCode(server.base, c, redirect, { clientId });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    token = String(r.body.access_token);
  });
  after(() => server?.close());

  const everything = async (patient: string) => {
    const res = await fetch(`${server.fhirBase}/Patient/${patient}/$everything`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as Bundle };
  };

  it('returns only the granted types, and nothing of another patient', async () => {
    const own = await everything('pat-a');
    assert.equal(own.status, 200);
    assert.deepEqual(refs(own.body), ['Observation/obs-pat-a']);
    const theirs = await everything('pat-b');
    assert.equal(theirs.status, 404);
  });
});
