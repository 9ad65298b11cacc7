// Patient-scoped searches (`patient=X` with a `code` or `category` token) are answered from
// sp_patient_token (migration 011). They must page exactly like the general plan: the same order,
// ties broken by id, missing dates last, periods by their start going up and their end going down,
// links that stay right while resources are added, changed and removed, and the access door.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import { toInstantRange } from '#fhir/dates.js';
import { patientPolicy } from '../../src/access/policy.js';
import { FhirRepository } from '../../src/fhir/repository.js';
import { searchBundleText, searchResources } from '../../src/fhir/search/search.js';
import { createResource, startTestApp, type TestApp } from '../support/harness.js';
import { get, ids } from './fhir-search-fixtures.js';

const LOINC = 'http://loinc.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

interface Made {
  id: string;
  /** Sort keys as the search defines them: earliest start going up, latest end going down. */
  lo: number;
  hi: number;
  category: string;
  code: string;
  /** The effective[x] it was made with. */
  when: Partial<Observation>;
}

describe('FHIR search: patient-scoped pages', () => {
  let t: TestApp;
  let base: string;
  let p: string;
  let q: string;
  const made: Made[] = [];

  const obs = async (patient: string, category: string, code: string, when: Partial<Observation>, extra: Partial<Observation> = {}): Promise<Made> => {
    const o = await createResource<Observation>(t.systemRepo, {
      resourceType: 'Observation',
      status: 'final',
      category: [{ coding: [{ system: CATEGORY, code: category }] }],
      code: { coding: [{ system: LOINC, code }] },
      subject: { reference: `Patient/${patient}` },
      ...when,
      ...extra,
    } as Observation);
    const m = { id: o.id as string, ...keys(o), category, code, when };
    if (patient === p) made.push(m);
    return m;
  };

  before(async () => {
    t = await startTestApp();
    base = t.repositoryDeps.baseUrl;
    const patient = async (family: string) => (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family }] } as Resource)).id as string;
    p = await patient('Scoped');
    q = await patient('Other');
    const noon = { effectiveDateTime: '2024-03-01T10:00:00Z' };
    for (let i = 0; i < 3; i++) await obs(p, 'laboratory', '718-7', noon); // equal dates: ordered by id
    await obs(p, 'laboratory', '2345-7', { effectiveDateTime: '2024-03' }); // a month: [03-01, 04-01)
    for (let i = 0; i < 2; i++) await obs(p, 'laboratory', '718-7', {}); // no date: last both ways
    await obs(p, 'laboratory', '718-7', { effectivePeriod: { start: '2023-01-01' } }); // open end: first going down
    await obs(p, 'laboratory', '718-7', { effectivePeriod: { end: '2022-06-01' } }); // open start: first going up
    // The same category twice (two index rows for one resource): still one entry.
    await obs(p, 'laboratory', '718-7', { effectiveDateTime: '2021-05-05' }, { category: [{ coding: [{ system: CATEGORY, code: 'laboratory' }, { code: 'laboratory' }] }] });
    await obs(p, 'vital-signs', '8867-4', noon);
    await obs(q, 'laboratory', '718-7', noon);
    for (let i = 0; i < 4; i++) await obs(p, 'laboratory', '718-7', { effectiveDateTime: `2020-0${i + 1}-15` });
  });
  after(async () => t.close());

  const follow = async (url: string) => get(t, url.slice(base.length + 1));
  const linkOf = (b: Bundle, relation: string) => b.link?.find((l) => l.relation === relation)?.url;

  /** Every page from the first by `next`, then back by `previous`; both must give the same list. */
  async function walk(path: string): Promise<string[]> {
    const pages: string[][] = [];
    let res = await get(t, path);
    for (;;) {
      assert.equal(res.status, 200, JSON.stringify(res.body));
      pages.push(ids(res.body));
      const next = linkOf(res.body, 'next');
      if (!next) break;
      res = await follow(next);
    }
    const back: string[][] = [];
    for (let prev = linkOf(res.body, 'previous'); prev; ) {
      const page = await follow(prev);
      back.unshift(ids(page.body));
      prev = linkOf(page.body, 'previous');
    }
    assert.deepEqual(back, pages.slice(0, -1), `${path}: previous links give the same pages`);
    const all = pages.flat();
    assert.equal(new Set(all).size, all.length, `${path}: no resource twice`);
    return all;
  }

  const expected = (pick: (m: Made) => boolean, sort: string) => {
    const rows = made.filter(pick);
    const byId = (a: Made, b: Made) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    if (sort === '-date') rows.sort((a, b) => b.hi - a.hi || byId(a, b));
    else if (sort === 'date') rows.sort((a, b) => a.lo - b.lo || byId(a, b));
    else if (sort === '-_id') rows.sort((a, b) => byId(b, a));
    else rows.sort(byId);
    return rows.map((m) => m.id);
  };

  it('orders, pages and breaks ties like the general plan, for every sort and page size', async () => {
    const labs = (m: Made) => m.category === 'laboratory';
    const hemoglobin = (m: Made) => m.code === '718-7';
    const cases: [string, (m: Made) => boolean][] = [
      ['category=laboratory', labs],
      ['code=718-7', hemoglobin],
      [`code=${encodeURIComponent(`${LOINC}|718-7`)}`, hemoglobin],
      ['category=laboratory&code=718-7', (m) => labs(m) && hemoglobin(m)],
    ];
    for (const [filter, pick] of cases) {
      for (const sort of ['', '-date', 'date', '_id', '-_id']) {
        for (const count of [1, 3, 100]) {
          const tail = `${filter}${sort ? `&_sort=${sort}` : ''}&_count=${count}`;
          const scoped = await walk(`Observation?patient=${p}&${tail}`);
          assert.deepEqual(scoped, expected(pick, sort), `${tail}: order`);
          // Two values for patient take the general plan; the answer must be the same.
          assert.deepEqual(await walk(`Observation?patient=${p},${p}&${tail}`), scoped, `${tail}: same as the general plan`);
        }
      }
    }
  });

  it('applies the other filters, and tokens the scope does not cover', async () => {
    const same = async (tail: string, expectedIds?: string[]) => {
      const scoped = await walk(`Observation?patient=${p}&${tail}`);
      assert.deepEqual(scoped, await walk(`Observation?patient=${p},${p}&${tail}`), tail);
      if (expectedIds) assert.deepEqual(scoped, expectedIds, tail);
    };
    await same('category=laboratory&date=ge2024-01-01&_sort=-date&_count=2', expected((m) => m.category === 'laboratory' && m.hi > Date.parse('2024-01-01'), '-date'));
    await same('category=laboratory&_lastUpdated=gt2000-01-01&_count=3', expected((m) => m.category === 'laboratory', ''));
    await same('category=laboratory&_lastUpdated=lt2000-01-01', []);
    await same('code=|718-7', []); // stored with a system
    await same('code=718-7&code:not=2345-7&_sort=date&_count=4');
    await same(`category=${encodeURIComponent(`${CATEGORY}|laboratory`)}&_sort=-date&_count=5`);
    await same(`patient=Patient/${p}&category=vital-signs`, expected((m) => m.category === 'vital-signs', ''));
    assert.deepEqual(await walk(`Observation?patient=${q}&code=8867-4`), []);
  });

  it('keeps next links right while resources are added, changed and removed', async () => {
    const tail = `category=laboratory&_sort=-date&_count=3`;
    const first = await get(t, `Observation?patient=${p}&${tail}`);
    const shown = ids(first.body);
    const last = made.find((m) => m.id === shown[2]) as Made;
    // A tie with the last row shown: after it if its id sorts after, otherwise it belongs to page one.
    const tie = await obs(p, 'laboratory', '718-7', last.when);
    assert.equal(tie.hi, last.hi);
    // A change that moves a resource from a later page to the top, and a removal.
    const rest = expected((m) => m.category === 'laboratory', '-date').filter((id) => !shown.includes(id));
    const moved = rest[rest.length - 1];
    const stored = JSON.parse((await t.systemRepo.read('Observation', moved)).content as string) as Observation;
    const update = await t.systemRepo.update({ ...stored, effectiveDateTime: '2030-01-01' });
    Object.assign(made.find((m) => m.id === moved) as Made, keys(JSON.parse(update.version.content as string) as Observation));
    const removed = rest[0] === tie.id ? rest[1] : rest[0];
    await t.systemRepo.delete('Observation', removed);
    made.splice(made.findIndex((m) => m.id === removed), 1);

    const after: string[] = [];
    for (let next = linkOf(first.body, 'next'); next; ) {
      const page = await follow(next);
      after.push(...ids(page.body));
      next = linkOf(page.body, 'next');
    }
    const model = expected((m) => m.category === 'laboratory', '-date');
    assert.deepEqual(after, model.slice(model.indexOf(last.id) + 1));
    assert.ok(!after.includes(moved) && !after.includes(removed));
    assert.equal(after.includes(tie.id), tie.id > last.id);
    // Only the ongoing period (open end) sorts above the moved one.
    assert.deepEqual(ids((await get(t, `Observation?patient=${p}&${tail}`)).body), model.slice(0, 3));
    assert.equal(model[1], moved);
  });

  it('gives total when one page holds every match, and counts only when asked', async () => {
    const one = await get(t, `Observation?patient=${p}&category=vital-signs`);
    assert.equal(one.body.total, 1);
    const paged = await get(t, `Observation?patient=${p}&category=laboratory&_count=2`);
    assert.equal(paged.body.total, undefined);
    const labs = made.filter((m) => m.category === 'laboratory').length;
    assert.equal((await get(t, `Observation?patient=${p}&category=laboratory&_count=2&_total=accurate`)).body.total, labs);
    const counted = await get(t, `Observation?patient=${p}&category=laboratory&_summary=count`);
    assert.equal(counted.body.total, labs);
  });

  it("passes the access door: another patient's search finds nothing", async () => {
    const search = (patient: string, query: string) =>
      searchResources(new FhirRepository(t.repositoryDeps, { policy: patientPolicy({ kind: 'patient', userId: 'u', patientId: patient }) }), 'Observation', [...new URLSearchParams(query)], { strict: false });
    for (const query of [`patient=${p}&category=laboratory`, `patient=${p}&code=718-7&_sort=-date`, `patient=${p}&code=718-7&_sort=date&_count=1`]) {
      assert.deepEqual(ids(await search(q, query)), [], query);
      assert.equal(ids(await search(p, query)).length > 0, true, query);
    }
  });

  it('writes the same Bundle as text as it builds as objects', async () => {
    const query: [string, string][] = [['patient', p], ['category', 'laboratory'], ['_count', '2'], ['_include', 'Observation:patient'], ['unknown-parameter', 'x']];
    const text = await searchBundleText(t.systemRepo, 'Observation', query, { strict: false });
    assert.deepEqual(JSON.parse(text), await searchResources(t.systemRepo, 'Observation', query, { strict: false }));
    const elements: [string, string][] = [...query, ['_elements', 'code']];
    assert.deepEqual(JSON.parse(await searchBundleText(t.systemRepo, 'Observation', elements, { strict: false })), await searchResources(t.systemRepo, 'Observation', elements, { strict: false }));
  });
});

/** The `date` keys of an Observation's effective[x], as extraction stores them (Period: open ends are open). */
function keys(o: Observation): { lo: number; hi: number } {
  if (o.effectiveDateTime) {
    const r = toInstantRange(o.effectiveDateTime)!;
    return { lo: Date.parse(r.lo), hi: Date.parse(r.hi) };
  }
  if (o.effectivePeriod) {
    const start = o.effectivePeriod.start ? Date.parse(toInstantRange(o.effectivePeriod.start)!.lo) : -Infinity;
    const end = o.effectivePeriod.end ? Date.parse(toInstantRange(o.effectivePeriod.end)!.hi) : Infinity;
    return { lo: start, hi: end };
  }
  return { lo: Infinity, hi: -Infinity };
}
