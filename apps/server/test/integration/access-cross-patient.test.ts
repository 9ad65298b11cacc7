// The access door, from a patient's session: for every resource type in a patient's compartment,
// patient A cannot read, vread, search (by _id, patient, subject, chained name, identifier),
// include, revinclude, see the history of, or write any of patient B's resources; and B's ids
// answer exactly like ids that do not exist.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { Browser, makeAccount, startIdentityApp } from '../support/identity.js';
import { createResource, type TestApp } from '../support/harness.js';
import { compartmentResources } from '../support/patient-data.js';

interface Chart {
  patientId: string;
  family: string;
  byType: Map<string, string>;
  refs: Set<string>;
}

const MISSING_ID = 'does-not-exist-0000';

describe('cross-patient access from a patient session', () => {
  let t: TestApp & { dataDir: string };
  let a: Chart;
  let b: Chart;
  let browser: Browser;
  let types: string[] = [];

  async function chart(tag: string, org: string, practitioner: string): Promise<Chart> {
    const patient = await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: `${tag}family`, given: [`${tag}given`] }], identifier: [{ system: 'http://example.org/ids', value: `${tag}-Patient` }], birthDate: '1990-01-01' });
    const byType = new Map<string, string>([['Patient', patient.id!]]);
    for (const resource of compartmentResources(patient.id!, tag, org, practitioner)) {
      const stored = await createResource(t.systemRepo, resource);
      // A second version, so history and vread have something to show.
      await t.systemRepo.update({ ...stored, meta: undefined } as Resource);
      byType.set(stored.resourceType, stored.id!);
    }
    return { patientId: patient.id!, family: `${tag}family`, byType, refs: new Set([...byType].map(([type, id]) => `${type}/${id}`)) };
  }

  before(async () => {
    t = await startIdentityApp();
    const org = (await createResource<Resource>(t.systemRepo, { resourceType: 'Organization', name: 'Clinic' })).id!;
    const practitioner = (await createResource<Resource>(t.systemRepo, { resourceType: 'Practitioner', name: [{ family: 'Doc' }] })).id!;
    a = await chart('alpha', org, practitioner);
    b = await chart('bravo', org, practitioner);
    // Bad data on purpose: A's report points at B's observation, so _include could follow it.
    const link = await createResource<Resource>(t.systemRepo, { resourceType: 'DiagnosticReport', status: 'final', code: { text: 'link' }, subject: { reference: `Patient/${a.patientId}` }, result: [{ reference: `Observation/${b.byType.get('Observation')}` }] });
    a.byType.set('DiagnosticReport#link', link.id!);
    types = [...b.byType.keys()].filter((k) => !k.includes('#'));
    await makeAccount(t, { email: 'alpha@example.org', patientId: a.patientId });
    browser = new Browser(t, '203.0.113.99');
    const res = await browser.signIn('alpha@example.org');
    assert.equal(res.statusCode, 200);
  });
  after(async () => t.close());

  const leaked = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => !!r && b.refs.has(`${r.resourceType}/${r.id}`));
  /** The body with a given id replaced, so "B's id" and "a missing id" answers can be compared. */
  const normalized = (body: string, id: string) => body.split(id).join('<id>');

  it('covers at least 25 resource types', () => {
    assert.ok(types.length >= 26, `only ${types.length} types`);
  });

  it('reads and vreads of B resources answer exactly like missing ids', async () => {
    for (const type of types) {
      const id = b.byType.get(type)!;
      const own = await browser.get(`/fhir/${type}/${a.byType.get(type)}`);
      assert.equal(own.statusCode, 200, `A reads own ${type}`);
      const theirs = await browser.get(`/fhir/${type}/${id}`);
      const missing = await browser.get(`/fhir/${type}/${MISSING_ID}`);
      assert.equal(theirs.statusCode, 404, `read ${type}`);
      assert.equal(normalized(theirs.body, id), normalized(missing.body, MISSING_ID), `read ${type} body`);
      const v = await browser.get(`/fhir/${type}/${id}/_history/1`);
      const vm = await browser.get(`/fhir/${type}/${MISSING_ID}/_history/1`);
      assert.equal(v.statusCode, 404, `vread ${type}`);
      assert.equal(normalized(v.body, id), normalized(vm.body, MISSING_ID), `vread ${type} body`);
      const h = await browser.get(`/fhir/${type}/${id}/_history`);
      const hm = await browser.get(`/fhir/${type}/${MISSING_ID}/_history`);
      assert.equal(h.statusCode, hm.statusCode, `history ${type}`);
      assert.equal(normalized(h.body, id), normalized(hm.body, MISSING_ID), `history ${type} body`);
    }
  });

  it('searches by _id, patient, subject, chained name and identifier return none of B', async () => {
    for (const type of types) {
      const id = b.byType.get(type)!;
      const own = await browser.get(`/fhir/${type}?_id=${a.byType.get(type)}`);
      assert.equal(own.statusCode, 200, `${type}?_id own: ${own.body.slice(0, 200)}`);
      assert.equal((own.json() as Bundle).entry?.length, 1, `${type}?_id finds A's own`);
      const queries = [
        `_id=${id}`,
        `patient=${b.patientId}`,
        `patient=Patient/${b.patientId}`,
        `subject=Patient/${b.patientId}`,
        `subject:Patient.family=${b.family}`,
        `patient:Patient.family=${b.family}`,
        `identifier=http://example.org/ids|bravo-${type}`,
        `identifier=bravo-${type}`,
      ];
      for (const q of queries) {
        const res = await browser.get(`/fhir/${type}?${q}`);
        const control = await browser.get(`/fhir/${type}?${q.replaceAll(id, a.byType.get(type)!).replaceAll(b.patientId, a.patientId).replaceAll('bravo', 'alpha')}`);
        // An unsupported parameter is refused the same way for A's and B's values.
        assert.equal(res.statusCode, control.statusCode, `${type}?${q}: ${res.body.slice(0, 200)}`);
        if (res.statusCode !== 200) continue;
        assert.deepEqual(leaked(res.json()), [], `${type}?${q} leaks`);
      }
    }
  });

  it('_include and _revinclude never bring in B resources', async () => {
    const checks = [
      `/fhir/DiagnosticReport?_id=${a.byType.get('DiagnosticReport#link')}&_include=DiagnosticReport:result`,
      `/fhir/Patient?_id=${b.patientId}&_revinclude=Observation:subject`,
      `/fhir/Observation?_include=Observation:subject&_count=100`,
      `/fhir/Patient?_revinclude=*&_count=100`,
      `/fhir/Observation?_include=*&_count=100`,
      ...types.filter((tp) => tp !== 'Patient').map((tp) => `/fhir/Patient?_id=${a.patientId}&_revinclude=${tp}:patient`),
      ...types.filter((tp) => tp !== 'Patient').map((tp) => `/fhir/Patient?_id=${a.patientId}&_revinclude=${tp}:subject`),
      ...types.filter((tp) => tp !== 'Patient').map((tp) => `/fhir/${tp}?_include=${tp}:patient&_count=100`),
    ];
    for (const url of checks) {
      const res = await browser.get(url);
      if (res.statusCode !== 200) {
        assert.equal(res.statusCode, 400, `${url}: ${res.body.slice(0, 200)}`);
        continue;
      }
      assert.deepEqual(leaked(res.json()), [], `${url} leaks`);
    }
    const linked = await browser.get(checks[0]);
    assert.equal(linked.statusCode, 200);
    assert.equal((linked.json() as Bundle).entry?.some((e) => e.resource?.resourceType === 'DiagnosticReport'), true);
  });

  it('type and system history show none of B', async () => {
    for (const type of types) {
      const res = await browser.get(`/fhir/${type}/_history?_count=100`);
      assert.equal(res.statusCode, 200, `${type}/_history: ${res.body.slice(0, 200)}`);
      assert.deepEqual(leaked(res.json()), [], `${type}/_history leaks`);
      assert.ok((res.json() as Bundle).entry?.some((e) => e.resource?.id === a.byType.get(type)), `${type}/_history shows A's own`);
    }
    const all = await browser.get('/fhir/_history?_count=1000');
    assert.equal(all.statusCode, 200);
    assert.deepEqual(leaked(all.json()), []);
  });

  it('writes to B resources answer like writes to missing ids and change nothing', async () => {
    for (const type of types) {
      const id = b.byType.get(type)!;
      const before = await t.systemRepo.read(type, id);
      const put = await browser.request('PUT', `/fhir/${type}/${id}`, { resourceType: type, id });
      const putMissing = await browser.request('PUT', `/fhir/${type}/${MISSING_ID}`, { resourceType: type, id: MISSING_ID });
      assert.ok(put.statusCode >= 400, `PUT ${type}`);
      assert.equal(put.statusCode, putMissing.statusCode, `PUT ${type}`);
      assert.equal(normalized(put.body, id), normalized(putMissing.body, MISSING_ID), `PUT ${type} body`);
      const del = await browser.request('DELETE', `/fhir/${type}/${id}`);
      const delMissing = await browser.request('DELETE', `/fhir/${type}/${MISSING_ID}`);
      assert.ok(del.statusCode >= 400, `DELETE ${type}`);
      assert.equal(del.statusCode, delMissing.statusCode, `DELETE ${type}`);
      assert.equal(normalized(del.body, id), normalized(delMissing.body, MISSING_ID), `DELETE ${type} body`);
      const after = await t.systemRepo.read(type, id);
      assert.equal(after.versionId, before.versionId, `${type} unchanged`);
    }
    const create = await browser.request('POST', '/fhir/Observation', { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${b.patientId}` } });
    assert.ok(create.statusCode >= 400);
  });

  it('batch entries cannot reach B resources', async () => {
    const entries = types.map((type) => ({ request: { method: 'GET', url: `${type}/${b.byType.get(type)}` } }));
    const res = await browser.request('POST', '/fhir', { resourceType: 'Bundle', type: 'batch', entry: entries });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const bundle = res.json() as Bundle;
    assert.equal(bundle.entry?.length, types.length);
    for (const entry of bundle.entry ?? []) {
      assert.match(entry.response?.status ?? '', /^404/);
      assert.equal(entry.resource?.resourceType === 'OperationOutcome' || entry.resource === undefined, true);
    }
  });

  it('compartment searches on B are empty or refused', async () => {
    for (const type of ['Observation', 'Condition', 'Encounter']) {
      const res = await browser.get(`/fhir/Patient/${b.patientId}/${type}`);
      if (res.statusCode === 200) assert.deepEqual(leaked(res.json()), []);
      else assert.ok(res.statusCode === 404 || res.statusCode === 400, `${type}: ${res.statusCode}`);
    }
  });
  it('a Group of several patients is not readable by its members', async () => {
    const cohort = await createResource<Resource>(t.systemRepo, {
      resourceType: 'Group',
      type: 'person',
      actual: true,
      member: [{ entity: { reference: `Patient/${a.patientId}` } }, { entity: { reference: `Patient/${b.patientId}` } }],
    } as Resource);
    const read = await browser.get(`/fhir/Group/${cohort.id}`);
    assert.equal(read.statusCode, 404, 'a member must not see who else is in the cohort');
    const search = await browser.get(`/fhir/Group?member=Patient/${a.patientId}`);
    assert.equal(search.statusCode, 200);
    assert.equal((search.json() as Bundle).entry?.filter((e) => e.resource?.resourceType === 'Group').length ?? 0, 0);
  });
});
