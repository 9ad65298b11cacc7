import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Observation } from '@medplum/fhirtypes';
import { patientPolicy, type AccessPolicy } from '../../src/access/policy.js';
import type { AuditEntry } from '../../src/audit/audit-event.js';
import { FhirError } from '#fhir/outcomes.js';
import { FhirRepository } from '../../src/fhir/repository.js';
import { searchResources } from '../../src/fhir/search/search.js';
import { createResource, startTestApp, type TestApp } from '../support/harness.js';
import { ids, loadClinic, type Clinic } from './fhir-search-fixtures.js';

describe('FHIR search: access door', () => {
  let t: TestApp;
  let c: Clinic;
  let audited: AuditEntry[];
  let policyA: AccessPolicy;
  let repoA: FhirRepository;
  before(async () => {
    t = await startTestApp();
    c = await loadClinic(t);
    audited = [];
    policyA = patientPolicy({ kind: 'patient', userId: 'u', patientId: c.a });
    repoA = new FhirRepository({ ...t.repositoryDeps, audit: { record: (e: AuditEntry) => void audited.push(e) } as never }, { policy: policyA });
  });
  after(async () => t.close());

  const search = (repo: FhirRepository, type: string, q: string) => searchResources(repo, type, [...new URLSearchParams(q).entries()], { strict: false });
  const everyId = (b: Bundle) => (b.entry ?? []).map((e) => e.resource?.id as string);
  const forbiddenIds = () => [c.b, c.glucoseB, c.conditionB, c.medRequestB, c.provenanceB];
  /** No entry, and no link beyond what the caller itself asked for, names patient B's data. */
  const assertNoB = (b: Bundle, what: string, asked = '') => {
    const links = (b.link ?? []).map((l) => l.url.replace(encodeURIComponent(asked), '').replace(asked, ''));
    const text = JSON.stringify([b.entry ?? [], links]);
    for (const id of forbiddenIds()) assert.ok(!text.includes(id), `${what} leaked ${id}`);
  };

  it("never returns another patient's resources, however asked", async () => {
    const queries: [string, string][] = [
      ['Observation', ''],
      ['Observation', `patient=${c.b}`],
      ['Observation', `subject=Patient/${c.b}`],
      ['Observation', 'code=2345-7'],
      ['Observation', 'subject:Patient.family=muller'],
      ['Observation', `patient.identifier=urn:mrn|MRN-B`],
      ['Patient', ''],
      ['Patient', '_has:Observation:patient:code=2345-7'],
      ['Patient', `_id=${c.b}`],
      ['Condition', '_sort=-onset-date'],
      ['MedicationRequest', ''],
      ['Provenance', ''],
    ];
    for (const [type, q] of queries) {
      const b = await search(repoA, type, q);
      assertNoB(b, `${type}?${q}`, q.split('=')[1]);
    }
    assert.deepEqual(ids(await search(repoA, 'Observation', `patient=${c.b}`)), []);
    assert.equal((await search(repoA, 'Observation', '_summary=count')).total, 2);
  });

  it("never includes or revincludes another patient's resources", async () => {
    const meds = await search(repoA, 'MedicationRequest', '_include=MedicationRequest:medication&_include=MedicationRequest:patient&_revinclude=Provenance:target');
    assert.deepEqual(ids(meds), [c.medRequestA]);
    assert.ok(ids(meds, 'include').includes(c.medication), 'shared Medication is included');
    assertNoB(meds, 'includes');
    const obs = await search(repoA, 'Observation', '_revinclude=Provenance:target&_include=Observation:patient&_include:iterate=Provenance:target');
    assertNoB(obs, 'revincludes');
    assert.ok(ids(obs, 'include').includes(c.provenanceA));
    const practitioner = await search(repoA, 'Practitioner', `_revinclude=Observation:performer&_revinclude=Provenance:agent`);
    assert.deepEqual(ids(practitioner), [c.practitioner]);
    assertNoB(practitioner, 'revinclude from a shared resource');
  });

  it('pages only through reachable resources, and links keep working after inserts', async () => {
    const made: string[] = [];
    for (let i = 1; i <= 4; i++) {
      made.push((await createResource<Observation>(t.systemRepo, { resourceType: 'Observation', status: 'final', code: { text: 'bp' }, subject: { reference: `Patient/${c.a}` }, effectiveDateTime: `2025-01-0${i}` })).id as string);
      await createResource<Observation>(t.systemRepo, { resourceType: 'Observation', status: 'final', code: { text: 'bp' }, subject: { reference: `Patient/${c.b}` }, effectiveDateTime: `2025-01-0${i}` });
    }
    const first = await search(repoA, 'Observation', 'code:text=bp&_sort=date&_count=2&_total=accurate');
    assert.deepEqual(ids(first), made.slice(0, 2));
    assert.equal(first.total, 4);
    const next = first.link?.find((l) => l.relation === 'next')?.url ?? '';
    assert.ok(next.startsWith(`${t.repositoryDeps.baseUrl}/Observation?`), next);
    await createResource<Observation>(t.systemRepo, { resourceType: 'Observation', status: 'final', code: { text: 'bp' }, subject: { reference: `Patient/${c.a}` }, effectiveDateTime: '2024-12-31' });
    const second = await search(repoA, 'Observation', new URL(next).search.slice(1));
    assert.deepEqual(ids(second), made.slice(2, 4));
    assertNoB(second, 'second page');
  });

  it('answers 403 for types the policy cannot read and drops them from includes', async () => {
    const noConditions: AccessPolicy = { ...policyA, canRead: (type: string) => type !== 'Condition' };
    const repo = new FhirRepository(t.repositoryDeps, { policy: noConditions });
    await assert.rejects(search(repo, 'Condition', ''), (err: unknown) => err instanceof FhirError && err.status === 403);
    const patients = await search(repo, 'Patient', '_revinclude=Condition:patient');
    assert.deepEqual(ids(patients), [c.a]);
    assert.deepEqual(ids(patients, 'include'), []);
    await assert.rejects(search(repo, 'Patient', '_has:Condition:patient:code=38341003'), (err: unknown) => err instanceof FhirError && err.status === 403);
  });

  it('audits each search with the returned ids and their patients', async () => {
    audited.length = 0;
    const b = await search(repoA, 'Observation', `code=718-7&_include=Observation:patient`);
    await t.audit.flush?.();
    const entry = audited.find((e) => e.subtype === 'search-type');
    assert.ok(entry);
    assert.deepEqual([...entry.entities].sort(), everyId(b).map((id) => (id === c.a ? `Patient/${id}` : `Observation/${id}`)).sort());
    assert.deepEqual(entry.patientIds, [c.a]);
    assert.equal(entry.principal.kind, 'patient');
  });
});
