// The staff app's patient chart reads through /fhir with the staff session: each section's search
// (the ones the staff chart screen issues) must be audited as staff access, naming the staff member
// and the patient, and a patient outside the staff member's organization must stay out of reach.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEvent, Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { Browser, makeAccount, startIdentityApp, TOTP_SECRET } from '../support/identity.js';
import { createResource, type TestApp } from '../support/harness.js';

const LOINC = 'http://loinc.org';
const category = (system: string, code: string) => [{ coding: [{ system, code }] }];
const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** One resource per chart section, for `patientId`; returns section -> resource reference. */
async function chartFor(t: TestApp, patientId: string): Promise<Record<string, string>> {
  const subject = { reference: `Patient/${patientId}` };
  const made = async (resource: Record<string, unknown>) => {
    const r = await createResource<Resource>(t.systemRepo, resource as unknown as Resource);
    return `${r.resourceType}/${r.id}`;
  };
  const lab = await made({ resourceType: 'Observation', status: 'final', category: category(OBS_CATEGORY, 'laboratory'), code: { coding: [{ system: LOINC, code: '4548-4' }] }, subject, effectiveDateTime: '2025-01-10', valueQuantity: { value: 6.1, unit: '%' } });
  const encounter = await made({ resourceType: 'Encounter', status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' }, subject, period: { start: '2025-01-10T09:00:00Z' } });
  return {
    results: lab,
    vitals: await made({ resourceType: 'Observation', status: 'final', category: category(OBS_CATEGORY, 'vital-signs'), code: { coding: [{ system: LOINC, code: '29463-7' }] }, subject, effectiveDateTime: '2025-01-10', valueQuantity: { value: 70, unit: 'kg' } }),
    medicines: await made({ resourceType: 'MedicationRequest', status: 'active', intent: 'order', medicationCodeableConcept: { text: 'Metformin' }, subject }),
    problems: await made({ resourceType: 'Condition', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, code: { text: 'Type 2 diabetes' }, subject }),
    allergies: await made({ resourceType: 'AllergyIntolerance', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] }, code: { text: 'Peanut' }, patient: subject }),
    immunizations: await made({ resourceType: 'Immunization', status: 'completed', vaccineCode: { text: 'Influenza' }, patient: subject, occurrenceDateTime: '2024-10-01' }),
    visits: encounter,
    notes: await made({ resourceType: 'DocumentReference', status: 'current', subject, context: { encounter: [{ reference: encounter }] }, content: [{ attachment: { contentType: 'text/plain', data: 'bm90ZQ==' } }] }),
  };
}

/** The searches of the staff chart (apps/web/src/features/staff/load-chart.ts) for one patient. */
const chartSearches = (id: string): Record<string, string> => ({
  results: `/fhir/Observation?patient=${id}&category=laboratory&_sort=-date&_count=200`,
  vitals: `/fhir/Observation?patient=${id}&category=vital-signs&_sort=date`,
  medicines: `/fhir/MedicationRequest?patient=${id}`,
  problems: `/fhir/Condition?patient=${id}`,
  allergies: `/fhir/AllergyIntolerance?patient=${id}`,
  immunizations: `/fhir/Immunization?patient=${id}`,
  visits: `/fhir/Encounter?patient=${id}&_sort=-date`,
  notes: `/fhir/DocumentReference?patient=${id}`,
});

describe('staff chart: every section read is audited as staff access; other organizations stay out of reach', () => {
  let t: TestApp & { dataDir: string };
  let ours: string;
  let theirs: string;
  let ourChart: Record<string, string>;
  let theirChart: Record<string, string>;
  let practitioner: string;
  let staff: Browser;
  before(async () => {
    t = await startIdentityApp();
    const org1 = (await createResource<Resource>(t.systemRepo, { resourceType: 'Organization', name: 'North Clinic' })).id!;
    const org2 = (await createResource<Resource>(t.systemRepo, { resourceType: 'Organization', name: 'South Clinic' })).id!;
    practitioner = (await createResource<Resource>(t.systemRepo, { resourceType: 'Practitioner', name: [{ family: 'Chen', given: ['Sarah'] }] })).id!;
    ours = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', managingOrganization: { reference: `Organization/${org1}` } })).id!;
    theirs = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', managingOrganization: { reference: `Organization/${org2}` } })).id!;
    ourChart = await chartFor(t, ours);
    theirChart = await chartFor(t, theirs);
    await makeAccount(t, { email: 'chen@example.org', kind: 'staff', organizationId: org1, practitionerId: practitioner, roles: ['clinician'], displayName: 'Dr. Sarah Chen', totpSecret: TOTP_SECRET });
    staff = new Browser(t, '10.2.0.1');
    assert.equal((await staff.signIn('chen@example.org', undefined, TOTP_SECRET)).statusCode, 200);
  });
  after(async () => t.close());

  it('each section a clinician opens writes an AuditEvent naming the clinician and the patient', async () => {
    for (const [section, url] of Object.entries(chartSearches(ours))) {
      const res = await staff.get(url);
      assert.equal(res.statusCode, 200, `${section}: ${res.body}`);
      const found = ((res.json() as Bundle).entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);
      assert.ok(found.includes(ourChart[section]), `${section} finds the patient's ${ourChart[section]}`);
    }
    assert.equal((await staff.get(`/fhir/Patient/${ours}`)).statusCode, 200);
    await t.audit.flush();

    const { rows } = await t.db.query<{ content: string; patient_ids: string[] }>('SELECT content, patient_ids FROM audit_event WHERE agent = $1 ORDER BY seq', [`Practitioner/${practitioner}`]);
    const events = rows.map((r) => ({ event: JSON.parse(r.content) as AuditEvent, patients: r.patient_ids }));
    for (const [section, reference] of Object.entries(ourChart)) {
      const hit = events.find(({ event }) => event.entity?.some((e) => e.what?.reference === reference));
      assert.ok(hit, `${section}: an AuditEvent lists ${reference}`);
      const agent = hit.event.agent[0];
      assert.equal(agent.who?.reference, `Practitioner/${practitioner}`, `${section}: the staff member is the agent`);
      assert.equal(agent.who?.display, 'Dr. Sarah Chen');
      assert.equal(agent.role?.[0]?.coding?.[0]?.code, 'clinician', `${section}: as staff, with the role`);
      assert.equal(agent.network?.address, '10.2.0.1');
      assert.deepEqual(hit.patients, [ours], `${section}: the patient is named`);
      assert.ok(hit.event.entity?.some((e) => e.what?.reference === `Patient/${ours}` && e.role?.code === '1'), `${section}: the patient is the AuditEvent's patient entity`);
      assert.equal(hit.event.subtype?.[0]?.code, 'search-type', `${section}: recorded as a search`);
    }
    const read = events.find(({ event }) => event.subtype?.[0]?.code === 'read' && event.entity?.some((e) => e.what?.reference === `Patient/${ours}`));
    assert.ok(read, 'opening the chart (the Patient read) is audited too');
  });

  it("a patient outside the clinician's organization answers 404 in words, and their sections come back empty", async () => {
    const read = await staff.get(`/fhir/Patient/${theirs}`);
    assert.equal(read.statusCode, 404);
    const outcome = read.json() as OperationOutcome;
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.match(outcome.issue[0].diagnostics ?? outcome.issue[0].details?.text ?? '', /[a-z]{3,} [a-z]{3,}/i, 'the outcome says what is wrong in words');
    assert.equal((await staff.get(`/fhir/${theirChart.visits}`)).statusCode, 404, 'a visit of theirs is not found either');
    for (const [section, url] of Object.entries(chartSearches(theirs))) {
      const res = await staff.get(url);
      assert.ok(res.statusCode === 200 || res.statusCode === 403 || res.statusCode === 404, `${section}: ${res.statusCode}`);
      if (res.statusCode === 200) assert.deepEqual((res.json() as Bundle).entry ?? [], [], `${section}: nothing of theirs`);
    }
    assert.equal((await staff.get(`/api/staff/patients/${theirs}/portal-access`)).statusCode, 404);
  });
});
