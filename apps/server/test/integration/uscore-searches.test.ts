// Every US Core 6.1.0 (and 7.0.0) search combination from uscore/profiles.ts, run the way the ONC
// (g)(10) test kit runs them: with a patient's SMART token against the seeded demo clinic, values
// taken from one of the patient's resources. Each search must find that resource, and every match
// must satisfy every parameter (judged from the resource's own index rows). Patient searches must
// give the same answer for `patient=id` and `patient=Patient/id`, POST _search the same as GET, and
// date parameters must work with gt/ge/lt/le.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { isPatientCompartmentType } from '../../src/access/compartment.js';
import { US_CORE_RESOURCES, type SearchCombination } from '../../src/uscore/profiles.js';
import { allPages, comparatorsFor, matches, rowsOf, satisfies, startSeededApp, valueFor, type Seeded } from './uscore-support.js';

let s: Seeded;
const tokens: string[] = [];

before(async () => {
  s = await startSeededApp();
  for (let i = 0; i < s.patientIds.length; i++) tokens.push(await s.token(i));
});
after(async () => s?.app.close());

/**
 * Combinations the demo data cannot exercise yet (no resources of the type, or none with the
 * element). Kept as an exact list, so the test fails when the data grows and the list should shrink.
 */
const KNOWN_GAPS = new Set<string>([]);

interface Candidate {
  resource: Resource;
  patientIndex: number;
  query: [string, string][];
}

/** A resource (of a demo patient, or shared) that has a value for every parameter of the combination. */
function candidateFor(type: string, combo: SearchCombination): Candidate | undefined {
  const inCompartment = isPatientCompartmentType(type) && type !== 'Patient';
  for (let k = 0; k < s.charts.length; k++) {
    const pool = type === 'Patient' ? [s.charts[k][0]] : inCompartment ? s.charts[k] : k === 0 ? s.shared : [];
    for (const resource of pool) {
      if (resource.resourceType !== type) continue;
      const query = combo.params.map((param) => [param, valueFor(resource, param, s.patientIds[k])] as [string, string | undefined]);
      if (query.every(([, v]) => v !== undefined)) return { resource, patientIndex: k, query: query as [string, string][] };
    }
  }
  return undefined;
}

async function search(token: string, type: string, query: [string, string][], post = false): Promise<Bundle> {
  const qs = new URLSearchParams([...query, ['_count', '1000']]).toString();
  const res = post ? await s.fhir(token, `${type}/_search`, { form: qs }) : await s.fhir(token, `${type}?${qs}`);
  assert.equal(res.status, 200, `${type}?${qs}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body as Bundle;
}

function assertAllSatisfy(found: Resource[], query: [string, string][], patientId: string, label: string): void {
  for (const resource of found) {
    for (const [param, value] of query) {
      const patientRef = param === 'patient' ? patientId : undefined;
      assert.ok(satisfies(resource, param, value, patientRef), `${label}: ${resource.resourceType}/${resource.id} does not satisfy ${param}=${value}`);
    }
  }
}

const uncovered: string[] = [];

for (const usCore of US_CORE_RESOURCES) {
  for (const combo of usCore.searches) {
    const label = `${usCore.type}?${combo.params.join('&')}`;
    test(`${combo.expectation}${combo.since ? ` (US Core ${combo.since})` : ''} ${label}`, async (t) => {
      const candidate = candidateFor(usCore.type, combo);
      if (!candidate) {
        uncovered.push(label);
        assert.ok(KNOWN_GAPS.has(label), `${label} has no demo data and is not listed as a known gap`);
        return;
      }
      assert.ok(!KNOWN_GAPS.has(label), `${label} is covered by demo data now: remove it from KNOWN_GAPS`);
      const { resource, patientIndex, query } = candidate;
      const token = tokens[patientIndex];
      const patientId = s.patientIds[patientIndex];
      const first = await search(token, usCore.type, query);
      const found = await allPages(s, token, first);
      assert.ok(found.some((r) => r.id === resource.id), `${label} with ${JSON.stringify(query)} did not find ${usCore.type}/${resource.id}`);
      assertAllSatisfy(found, query, patientId, label);
      if (first.total !== undefined) assert.equal(first.total, found.length, `${label}: total`);
      const ids = found.map((r) => r.id).sort();

      await t.test('POST _search gives the same result', async () => {
        const posted = await allPages(s, token, await search(token, usCore.type, query, true));
        assert.deepEqual(posted.map((r) => r.id).sort(), ids);
      });
      if (combo.params.includes('patient')) {
        await t.test('patient=id is the same as patient=Patient/id', async () => {
          const bare = query.map(([k, v]) => [k, k === 'patient' ? patientId : v] as [string, string]);
          const viaId = await allPages(s, token, await search(token, usCore.type, bare));
          assert.deepEqual(viaId.map((r) => r.id).sort(), ids);
        });
      }
      for (const param of combo.params.filter((p) => p === '_lastUpdated' || rowsOf(resource).date.some((r) => r.param === p))) {
        await t.test(`${param} with gt, ge, lt and le`, async () => {
          const values = comparatorsFor(resource, param);
          assert.equal(values.length, 4);
          for (const value of values) {
            const q = query.map(([k, v]) => [k, k === param ? value : v] as [string, string]);
            const got = await allPages(s, token, await search(token, usCore.type, q));
            assert.ok(got.some((r) => r.id === resource.id), `${label} ${param}=${value} did not find ${resource.id}`);
            assertAllSatisfy(got, q, patientId, `${label} ${param}=${value}`);
          }
        });
      }
    });
  }
}

test('every combination without demo data is a listed gap, and every listed gap is still one', () => {
  assert.deepEqual([...uncovered].sort(), [...KNOWN_GAPS].sort());
});

test('a date comparator excludes what lies on the other side', async () => {
  const token = tokens[1];
  const obs = s.charts[1].filter((r) => r.resourceType === 'Observation');
  const dates = obs.map((o) => rowsOf(o).date.find((d) => d.param === 'date')?.lo).filter((d): d is string => Boolean(d)).sort();
  const middle = dates[Math.floor(dates.length / 2)].slice(0, 10);
  const before = await allPages(s, token, await search(token, 'Observation', [['patient', s.patientIds[1]], ['category', 'vital-signs'], ['date', `lt${middle}`]]));
  const after = await allPages(s, token, await search(token, 'Observation', [['patient', s.patientIds[1]], ['category', 'vital-signs'], ['date', `ge${middle}`]]));
  assert.ok(before.length > 0 && after.length > 0);
  const beforeIds = new Set(before.map((r) => r.id));
  assert.ok(after.every((r) => !beforeIds.has(r.id)), 'lt and ge of the same day are disjoint');
  const all = await allPages(s, token, await search(token, 'Observation', [['patient', s.patientIds[1]], ['category', 'vital-signs']]));
  assert.equal(before.length + after.length, all.length, 'lt and ge of the same day cover everything');
});

test('OR lists: category=vital-signs,laboratory and code=a,b find the union', async () => {
  const token = tokens[1];
  const pid = s.patientIds[1];
  const count = async (query: [string, string][]) => (await allPages(s, token, await search(token, 'Observation', [['patient', pid], ...query]))).length;
  const vitals = await count([['category', 'http://terminology.hl7.org/CodeSystem/observation-category|vital-signs']]);
  const labs = await count([['category', 'http://terminology.hl7.org/CodeSystem/observation-category|laboratory']]);
  assert.ok(vitals > 0 && labs > 0);
  assert.equal(await count([['category', 'http://terminology.hl7.org/CodeSystem/observation-category|vital-signs,http://terminology.hl7.org/CodeSystem/observation-category|laboratory']]), vitals + labs);
  const heart = await count([['code', 'http://loinc.org|8867-4']]);
  const weight = await count([['code', 'http://loinc.org|29463-7']]);
  assert.ok(heart > 0 && weight > 0);
  assert.equal(await count([['code', 'http://loinc.org|8867-4,http://loinc.org|29463-7']]), heart + weight);
});

test('Condition clinical-status and MedicationRequest intent/status OR lists', async () => {
  const token = tokens[3];
  const pid = s.patientIds[3];
  const conds = s.charts[3].filter((r) => r.resourceType === 'Condition' && rowsOf(r).token.some((t) => t.param === 'clinical-status' && t.code));
  const all = await allPages(s, token, await search(token, 'Condition', [['patient', pid], ['clinical-status', 'active,recurrence,relapse,inactive,remission,resolved']]));
  assert.equal(all.length, conds.length);
  const meds = s.charts[3].filter((r) => r.resourceType === 'MedicationRequest');
  const intents = await allPages(s, token, await search(token, 'MedicationRequest', [['patient', pid], ['intent', 'proposal,plan,order,original-order,reflex-order,filler-order,instance-order,option']]));
  assert.equal(intents.length, meds.length);
  assert.ok(meds.length > 0);
});

test('paging: next links walk every match once, with a stable total', async () => {
  const token = tokens[1];
  const query: [string, string][] = [['patient', s.patientIds[1]], ['category', 'laboratory'], ['_count', '7']];
  const res = await s.fhir(token, `Observation?${new URLSearchParams(query)}`);
  assert.equal(res.status, 200);
  const first = res.body as Bundle;
  assert.equal(matches(first).length, 7);
  assert.ok(first.link?.some((l) => l.relation === 'next'));
  const all = await allPages(s, token, first);
  assert.equal(new Set(all.map((r) => r.id)).size, all.length, 'no resource on two pages');
  const expected = s.charts[1].filter((r) => r.resourceType === 'Observation' && satisfies(r, 'category', 'laboratory')).length;
  assert.equal(all.length, expected);
  if (first.total !== undefined) assert.equal(first.total, expected);
});

test('_revinclude=Provenance:target brings the Provenance of each match', async () => {
  const token = tokens[0];
  for (const type of ['Encounter', 'Observation', 'Condition', 'DocumentReference', 'Immunization']) {
    const res = await s.fhir(token, `${type}?patient=${s.patientIds[0]}&_revinclude=Provenance:target&_count=5`);
    assert.equal(res.status, 200);
    const bundle = res.body as Bundle;
    const found = new Set(matches(bundle).map((r) => `${type}/${r.id}`));
    const provenance = (bundle.entry ?? []).filter((e) => e.search?.mode === 'include' && e.resource?.resourceType === 'Provenance');
    assert.ok(provenance.length > 0, `${type}: Provenance included`);
    for (const e of provenance) {
      const targets = ((e.resource as { target?: { reference?: string }[] }).target ?? []).map((t) => t.reference);
      assert.ok(targets.some((t) => t && found.has(t)), `${type}: an included Provenance targets a match`);
    }
  }
});

test('_include=MedicationRequest:medication brings the Medication resources', async () => {
  const token = tokens[3];
  const res = await s.fhir(token, `MedicationRequest?patient=${s.patientIds[3]}&intent=order&_include=MedicationRequest:medication`);
  assert.equal(res.status, 200);
  const bundle = res.body as Bundle;
  const wanted = new Set(matches(bundle).map((r) => (r as { medicationReference?: { reference?: string } }).medicationReference?.reference).filter(Boolean));
  assert.ok(wanted.size > 0);
  const got = new Set((bundle.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => `${e.resource!.resourceType}/${e.resource!.id}`));
  for (const ref of wanted) assert.ok(got.has(ref as string), `${ref} included`);
});

test('every resource in a patient chart can be read with the patient token', async () => {
  const token = tokens[2];
  for (const resource of s.charts[2]) {
    const res = await s.fhir(token, `${resource.resourceType}/${resource.id}`);
    assert.equal(res.status, 200, `${resource.resourceType}/${resource.id}`);
    assert.equal(res.body.id, resource.id);
  }
});
