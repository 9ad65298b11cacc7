import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Observation, Patient } from '@medplum/fhirtypes';
import { createResource, startTestApp, type TestApp } from '../support/harness.js';
import { get, ids, loadClinic, sameSet, type Clinic } from './fhir-search-fixtures.js';

const linkOf = (bundle: Bundle, relation: string) => bundle.link?.find((l) => l.relation === relation)?.url;

describe('FHIR search: include, revinclude, sort, paging, summary, elements', () => {
  let t: TestApp;
  let c: Clinic;
  let base: string;
  before(async () => {
    t = await startTestApp();
    c = await loadClinic(t);
    base = t.repositoryDeps.baseUrl;
  });
  after(async () => t.close());

  /** Follows an absolute link through the app. */
  const follow = async (url: string) => get(t, url.slice(base.length + 1));

  it('includes referenced resources with search mode include', async () => {
    const { body } = await get(t, `MedicationRequest?patient=${c.a}&_include=MedicationRequest:medication`);
    assert.deepEqual(ids(body), [c.medRequestA]);
    assert.deepEqual(ids(body, 'include'), [c.medication]);
    const both = await get(t, `Observation?code=718-7&_include=Observation:patient&_include=Observation:performer:Practitioner`);
    assert.ok(sameSet(ids(both.body, 'include'), [c.a, c.practitioner]));
    assert.equal(both.body.entry?.find((e) => e.resource?.id === c.a)?.fullUrl, `${base}/Patient/${c.a}`);
  });

  it('revincludes Provenance:target and iterates one level', async () => {
    const { body } = await get(t, `Observation?patient=${c.a}&_revinclude=Provenance:target`);
    assert.deepEqual(ids(body, 'include'), [c.provenanceA]);
    const iter = await get(t, `Observation?code=718-7&_revinclude=Provenance:target&_include:iterate=Provenance:agent`);
    assert.ok(sameSet(ids(iter.body, 'include'), [c.provenanceA, c.practitioner]), ids(iter.body, 'include').join());
    const patients = await get(t, `Patient?_id=${c.b}&_revinclude=Condition:patient`);
    assert.deepEqual(ids(patients.body, 'include'), [c.conditionB]);
  });

  it('sorts by date, string, token, _id and _lastUpdated, with - for descending', async () => {
    const byDate = await get(t, 'Observation?_sort=date');
    assert.deepEqual(ids(byDate.body), [c.glucoseB, c.hemoglobinA, c.heartRateA]);
    const byDateDesc = await get(t, 'Observation?_sort=-date');
    assert.deepEqual(ids(byDateDesc.body), [c.heartRateA, c.hemoglobinA, c.glucoseB]);
    const byFamily = await get(t, 'Patient?_sort=family');
    assert.deepEqual(ids(byFamily.body), [c.b, c.a]); // muller < rivera
    const byCode = await get(t, 'Observation?_sort=-code');
    assert.deepEqual(ids(byCode.body), [c.heartRateA, c.hemoglobinA, c.glucoseB]); // 8867-4 > 718-7 > 2345-7
    const byCategoryThenDate = await get(t, 'Observation?_sort=category,-date');
    assert.deepEqual(ids(byCategoryThenDate.body), [c.hemoglobinA, c.glucoseB, c.heartRateA]);
    const byUpdated = await get(t, 'Observation?_sort=-_lastUpdated');
    assert.deepEqual(ids(byUpdated.body), [c.glucoseB, c.heartRateA, c.hemoglobinA]);
    const byId = await get(t, 'Observation?_sort=_id');
    assert.deepEqual(ids(byId.body), [c.hemoglobinA, c.heartRateA, c.glucoseB].sort());
  });

  it('pages with absolute next/previous/self/first links that survive new inserts', async () => {
    const p = (await createResource<Patient>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Pager' }] })).id as string;
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      const o = await createResource<Observation>(t.systemRepo, { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${p}` }, effectiveDateTime: `2024-03-0${i + 1}` });
      made.push(o.id as string);
    }
    const first = await get(t, `Observation?patient=${p}&_sort=-date&_count=3&_total=accurate`);
    assert.equal(first.body.total, 7);
    assert.deepEqual(ids(first.body), [made[6], made[5], made[4]]);
    for (const rel of ['self', 'first', 'next']) assert.ok(linkOf(first.body, rel)?.startsWith(`${base}/Observation?`), rel);
    assert.equal(linkOf(first.body, 'previous'), undefined);

    // A newer observation arrives between pages; page 2 continues where page 1 ended.
    await createResource(t.systemRepo, { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: `Patient/${p}` }, effectiveDateTime: '2024-03-31' });
    const second = await follow(linkOf(first.body, 'next')!);
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.deepEqual(ids(second.body), [made[3], made[2], made[1]]);
    const third = await follow(linkOf(second.body, 'next')!);
    assert.deepEqual(ids(third.body), [made[0]]);
    assert.equal(linkOf(third.body, 'next'), undefined);
    const back = await follow(linkOf(third.body, 'previous')!);
    assert.deepEqual(ids(back.body), [made[3], made[2], made[1]]);
    const self = await follow(linkOf(second.body, 'self')!);
    assert.deepEqual(ids(self.body), ids(second.body));
  });

  it('_count limits and caps the page; default is 20', async () => {
    const one = await get(t, `Observation?patient=${c.a},${c.b}&_count=1`);
    assert.equal(ids(one.body).length, 1);
    assert.equal(one.body.total, undefined, 'more pages: not counted unless _total asks');
    const all = await get(t, `Observation?patient=${c.a},${c.b}`);
    assert.equal(all.body.total, 3, 'the first page holds every match');
    const estimate = await get(t, `Observation?patient=${c.a},${c.b}&_count=1&_total=estimate`);
    assert.equal(estimate.body.total, 3);
    const big = await get(t, 'Observation?_count=100000');
    assert.equal(big.status, 200);
  });

  it('_summary=count returns only the total; _total=none leaves it out', async () => {
    const count = await get(t, 'Observation?category=laboratory&_summary=count');
    assert.equal(count.body.total, 2);
    assert.equal(count.body.entry?.length ?? 0, 0);
    const none = await get(t, `Observation?patient=${c.a},${c.b}&_total=none`);
    assert.equal(none.body.total, undefined);
    const accurate = await get(t, `Observation?patient=${c.a},${c.b}&_total=accurate&_count=1`);
    assert.equal(accurate.body.total, 3);
  });

  it('_summary=true and _elements return marked subsets', async () => {
    const summary = await get(t, `Patient?_id=${c.a}&_summary=true`);
    const p = summary.body.entry?.[0].resource as Record<string, any>;
    assert.equal(p.birthDate, '1980-04-02');
    assert.equal(p.generalPractitioner, undefined); // not a summary element
    assert.ok(p.meta.tag.some((tag: { code: string }) => tag.code === 'SUBSETTED'));
    const elements = await get(t, `Observation?_id=${c.hemoglobinA}&_elements=code,value[x]`);
    const o = elements.body.entry?.[0].resource as Record<string, any>;
    assert.deepEqual(Object.keys(o).sort(), ['code', 'id', 'meta', 'resourceType', 'status', 'valueQuantity'].sort());
  });
});
