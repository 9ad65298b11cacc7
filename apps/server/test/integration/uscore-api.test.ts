// The rest of the US Core surface the certification kit looks at: DocumentReference $docref, the
// CapabilityStatement (instantiates us-core-server, profiles, includes, operations, SMART), and
// CORS for browser-based SMART apps.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Bundle, CapabilityStatement, DocumentReference, Resource } from '@medplum/fhirtypes';
import { US_CORE_RESOURCES, US_CORE_SERVER } from '../../src/uscore/profiles.js';
import { matches, startSeededApp, type Seeded } from './uscore-support.js';

let s: Seeded;

before(async () => {
  s = await startSeededApp();
});
after(async () => s?.app.close());

const docsOf = (k: number) => s.charts[k].filter((r): r is DocumentReference => r.resourceType === 'DocumentReference');
const typeToken = (d: DocumentReference) => `${d.type!.coding![0].system}|${d.type!.coding![0].code}`;

test('$docref with type and a date range returns the documents whose period overlaps it', async () => {
  const token = await s.token(1);
  const pid = s.patientIds[1];
  const doc = docsOf(1).find((d) => d.context?.period?.start)!;
  const day = doc.context!.period!.start!.slice(0, 10);
  const res = await s.fhir(token, `DocumentReference/$docref?patient=${pid}&type=${encodeURIComponent(typeToken(doc))}&start=${day}&end=${day}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const bundle = res.body as Bundle;
  assert.equal(bundle.type, 'searchset');
  const found = matches(bundle) as DocumentReference[];
  assert.ok(found.some((d) => d.id === doc.id));
  for (const d of found) {
    assert.equal(typeToken(d), typeToken(doc));
    assert.ok(d.context!.period!.start!.slice(0, 10) <= day && (d.context!.period!.end ?? '9999').slice(0, 10) >= day, `${d.id} overlaps ${day}`);
  }
  assert.equal(bundle.total, found.length);
});

test('$docref without a date range returns the most current document of the type; POST Parameters is the same', async () => {
  const token = await s.token(1);
  const pid = s.patientIds[1];
  const type = typeToken(docsOf(1)[0]);
  const ofType = docsOf(1).filter((d) => typeToken(d) === type).sort((a, b) => (a.context!.period!.start! < b.context!.period!.start! ? 1 : -1));
  const res = await s.fhir(token, `DocumentReference/$docref?patient=Patient/${pid}&type=${encodeURIComponent(type)}`);
  assert.equal(res.status, 200);
  assert.deepEqual(matches(res.body).map((r) => r.id), [ofType[0].id]);
  const [system, code] = type.split('|');
  const posted = await s.fhir(token, 'DocumentReference/$docref', {
    body: { resourceType: 'Parameters', parameter: [{ name: 'patient', valueId: pid }, { name: 'type', valueCodeableConcept: { coding: [{ system, code }] } }] },
  });
  assert.equal(posted.status, 200);
  assert.deepEqual(matches(posted.body).map((r) => r.id), [ofType[0].id]);
});

test("$docref without a type means the CCD (LOINC 34133-9): the patient's summary document; on-demand says it is not generated", async () => {
  const token = await s.token(1);
  const res = await s.fhir(token, `DocumentReference/$docref?patient=${s.patientIds[1]}`);
  assert.equal(res.status, 200);
  const summary = docsOf(1).filter((d) => typeToken(d) === 'http://loinc.org|34133-9');
  assert.equal(summary.length, 1);
  assert.deepEqual(matches(res.body).map((r) => r.id), [summary[0].id]);
  assert.equal((res.body as Bundle).total, 1);
  const onDemand = await s.fhir(token, `DocumentReference/$docref?patient=${s.patientIds[1]}&on-demand=true`);
  assert.equal(onDemand.status, 200);
  const outcome = (onDemand.body as Bundle).entry?.find((e) => e.search?.mode === 'outcome');
  assert.equal(outcome?.resource?.resourceType, 'OperationOutcome');
});

test('$docref errors are 400s, another patient is an empty result, and search permission is needed', async () => {
  const token = await s.token(1);
  assert.equal((await s.fhir(token, 'DocumentReference/$docref')).status, 400);
  assert.equal((await s.fhir(token, `DocumentReference/$docref?patient=${s.patientIds[1]}&start=yesterday`)).status, 400);
  assert.equal((await s.fhir(token, `DocumentReference/$docref?patient=${s.patientIds[1]}&color=blue`)).status, 400);
  assert.equal((await s.fhir(token, `Observation/$docref?patient=${s.patientIds[1]}`)).status, 404);
  const other = docsOf(3)[0];
  const res = await s.fhir(token, `DocumentReference/$docref?patient=${s.patientIds[3]}&type=${encodeURIComponent(typeToken(other))}`);
  assert.equal(res.status, 200);
  assert.equal(matches(res.body).length, 0);
  const readOnly = await s.token(1, 'launch/patient patient/DocumentReference.r');
  assert.equal((await s.fhir(readOnly, `DocumentReference/$docref?patient=${s.patientIds[1]}`)).status, 403);
});

test('the CapabilityStatement instantiates US Core Server 6.1.0 and lists profiles, combinations, includes, operations and SMART', async () => {
  const res = await s.app.app.inject({ method: 'GET', url: '/fhir/metadata' });
  assert.equal(res.statusCode, 200);
  const cs = JSON.parse(res.body) as CapabilityStatement;
  assert.ok(cs.instantiates?.includes(US_CORE_SERVER));
  const rest = cs.rest![0];
  const byType = new Map<string, NonNullable<typeof rest.resource>[number]>(rest.resource!.map((r) => [r.type, r]));
  for (const usCore of US_CORE_RESOURCES) {
    const resource = byType.get(usCore.type);
    assert.ok(resource, usCore.type);
    for (const profile of usCore.profiles) assert.ok(resource.supportedProfile?.includes(profile), `${usCore.type} lists ${profile}`);
    const params = new Set((resource.searchParam ?? []).map((p) => p.name));
    for (const combo of usCore.searches) for (const p of combo.params) assert.ok(params.has(p), `${usCore.type} declares search parameter ${p}`);
    if (usCore.searches.length && usCore.type !== 'Provenance') assert.ok(resource.searchRevInclude?.includes('Provenance:target'), `${usCore.type} revinclude`);
    assert.ok(resource.interaction?.some((i) => i.code === 'read'));
    assert.ok(resource.interaction?.some((i) => i.code === 'search-type'));
  }
  assert.ok(byType.get('MedicationRequest')!.searchInclude?.includes('MedicationRequest:medication'));
  assert.ok(byType.get('MedicationDispense')!.searchInclude?.includes('MedicationDispense:medication'));
  assert.ok(byType.get('DocumentReference')!.operation?.some((o) => o.name === 'docref' && o.definition === 'http://hl7.org/fhir/us/core/OperationDefinition/docref'));
  assert.ok(byType.get('Group')!.operation?.some((o) => o.name === 'export'), 'Group $export');
  const combos = byType.get('Observation')!.extension?.filter((e) => e.url.endsWith('capabilitystatement-search-parameter-combination')) ?? [];
  assert.ok(combos.some((e) => e.extension?.filter((x) => x.url === 'required').map((x) => x.valueString).join('&') === 'patient&category&date'));
  assert.ok(rest.security?.service?.some((c) => c.coding?.some((x) => x.code === 'SMART-on-FHIR')));
  assert.equal(rest.security?.cors, true);
});

test('CORS preflight on /fhir allows Authorization from any origin, without credentials', async () => {
  for (const url of ['/fhir/Observation?patient=1', '/fhir/Patient/1', '/fhir', '/fhir/.well-known/smart-configuration', '/fhir/metadata']) {
    const res = await s.app.app.inject({
      method: 'OPTIONS',
      url,
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization, content-type' },
    });
    assert.equal(res.statusCode, 204, url);
    assert.equal(res.headers['access-control-allow-origin'], '*', url);
    assert.match(String(res.headers['access-control-allow-headers']), /authorization/);
    assert.match(String(res.headers['access-control-allow-methods']), /GET/);
    assert.equal(res.headers['access-control-allow-credentials'], undefined);
  }
});

test('CORS headers on bearer-token responses, errors and discovery; none on cookie requests; never credentials', async () => {
  const token = await s.token(1);
  const origin = { origin: 'https://app.example.com' };
  const cases: { url: string; headers: Record<string, string>; status: number }[] = [
    { url: `/fhir/Patient/${s.patientIds[1]}`, headers: { ...origin, authorization: `Bearer ${token}` }, status: 200 },
    { url: `/fhir/Observation?patient=${s.patientIds[1]}&category=vital-signs&_count=1`, headers: { ...origin, authorization: `Bearer ${token}` }, status: 200 },
    { url: `/fhir/Patient/${s.patientIds[3]}`, headers: { ...origin, authorization: `Bearer ${token}` }, status: 404 },
    { url: '/fhir/Patient', headers: origin, status: 401 },
    { url: '/fhir/metadata', headers: origin, status: 200 },
    { url: '/fhir/.well-known/smart-configuration', headers: origin, status: 200 },
  ];
  for (const c of cases) {
    const res = await s.app.app.inject({ method: 'GET', url: c.url, headers: c.headers });
    assert.equal(res.statusCode, c.status, c.url);
    assert.equal(res.headers['access-control-allow-origin'], '*', c.url);
    assert.equal(res.headers['access-control-allow-credentials'], undefined, c.url);
    assert.match(String(res.headers['access-control-expose-headers']), /location/);
  }
  const cookie = await s.app.app.inject({ method: 'GET', url: '/fhir/Patient', headers: { ...origin, cookie: 'portico_session=abc' } });
  assert.equal(cookie.headers['access-control-allow-origin'], undefined, 'cookie-authenticated requests get no CORS headers');
  assert.equal(cookie.headers['access-control-allow-credentials'], undefined);
  const tokenPreflight = await s.app.app.inject({ method: 'OPTIONS', url: '/auth/token', headers: { ...origin, 'access-control-request-method': 'POST' } });
  assert.equal(tokenPreflight.statusCode, 204);
  assert.equal(tokenPreflight.headers['access-control-allow-origin'], '*');
  assert.equal(tokenPreflight.headers['access-control-allow-credentials'], undefined);
});

test('a resource read over CORS is the same as without (no CORS-specific filtering)', async () => {
  const token = await s.token(1);
  const a = await s.fhir(token, `Patient/${s.patientIds[1]}`, { headers: { origin: 'https://app.example.com' } });
  const b = await s.fhir(token, `Patient/${s.patientIds[1]}`);
  assert.deepEqual(a.body as Resource, b.body as Resource);
});
