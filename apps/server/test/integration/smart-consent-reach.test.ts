// What a person's app can read is exactly what the consent page listed: every type a wildcard
// scope reaches is on the page (grouped in plain words), nothing unlisted is readable, and
// switching one kind off takes away that kind only (consent-catalogue.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPatientCompartmentType } from '../../src/access/compartment.js';
import { getResourceTypes } from '../../src/fhir/resource-types.js';
import { registerClient } from '../../src/smart/clients.js';
import { CONSENT_TYPES } from '../../src/smart/consent-catalogue.js';
import { texts } from '../../src/smart/i18n.js';
import { allChoices, authorizeCode, Browser, exchangeCode, startSmartServer, type SmartServer } from './smart-support.js';

let server: SmartServer;
let clientId = '';
const ana = { email: 'ana@example.org', password: 'pw-long-enough' };
const redirect = 'http://127.0.0.1:9/callback';
const subject = { reference: 'Patient/pat-a' };

/** The types the issue found readable but never shown, one stored resource each. */
const once = [
  { resourceType: 'Coverage', id: 'cov-a', status: 'active', beneficiary: subject, payor: [subject] },
  { resourceType: 'MedicationDispense', id: 'disp-a', status: 'completed', subject, medicationCodeableConcept: { text: 'Metformin 500 mg' } },
  { resourceType: 'QuestionnaireResponse', id: 'qr-a', status: 'completed', subject },
  { resourceType: 'ServiceRequest', id: 'sr-a', status: 'active', intent: 'order', subject },
  { resourceType: 'Specimen', id: 'spec-a', subject },
] as const;

before(async () => {
  server = await startSmartServer({ [ana.email]: { password: ana.password, user: { id: 'u-ana', kind: 'patient', displayName: 'Ana', patientId: 'pat-a' } } });
  await server.repo.create({ resourceType: 'Patient', id: 'pat-a' }, { keepId: true });
  for (const r of once) await server.repo.create(r, { keepId: true });
  clientId = (await registerClient(server.db, { name: 'Reader', type: 'public', redirectUris: [redirect] })).client.clientId;
});
after(() => server?.close());

/** Types the consent form offers: `t=<Type>` switches and `c=<Type>|<category>` switches. */
function listedTypes(html: string): Set<string> {
  const { t, c } = allChoices(html, false);
  return new Set([...t, ...c.map((v) => v.split('|')[0])]);
}

async function grant(choices?: (html: string) => Record<string, string | string[]>) {
  const c = await authorizeCode(new Browser(server.base), server, { clientId, redirectUri: redirect, scope: 'launch/patient patient/*.rs', login: ana, choices });
  const r = await exchangeCode(server.base, c, redirect, { clientId });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return { token: String(r.body.access_token), scope: String(r.body.scope), html: c.consentHtml };
}

/** Every patient-compartment type the server supports, and the shared types the page lists. */
const candidates = () => getResourceTypes().filter((type) => isPatientCompartmentType(type) || CONSENT_TYPES.includes(type));

/** The types a token may search: 200 for a readable type, 403 for one outside its scopes. */
async function readableTypes(token: string): Promise<Set<string>> {
  const readable = new Set<string>();
  for (const type of candidates()) {
    const res = await fetch(`${server.fhirBase}/${type}?_count=1`, { headers: { authorization: `Bearer ${token}` } });
    assert.ok(res.status === 200 || res.status === 403, `${type}: ${res.status}`);
    if (res.status === 200) readable.add(type);
  }
  return readable;
}

describe('a wildcard grant reads exactly what the consent page listed', () => {
  it('lists every type the wildcard reaches, in plain words under group headings, and the token reads those and nothing else', async () => {
    const { token, html } = await grant();
    const listed = listedTypes(html);
    assert.deepEqual([...listed].sort(), [...CONSENT_TYPES].sort());
    for (const type of CONSENT_TYPES) assert.ok(texts.en.types[type] && texts.es.types[type], `${type} has a plain label in both languages`);
    for (const heading of Object.values(texts.en.groups)) assert.ok(html.includes(`<h3>${heading.replace(/'/g, '&#39;')}</h3>`), heading);
    for (const r of once) assert.ok(html.includes(texts.en.types[r.resourceType]), `${r.resourceType} is shown`);
    assert.ok(!/>\s*(Coverage|Specimen|ServiceRequest|MedicationDispense|QuestionnaireResponse)\b/.test(html), 'no FHIR type names on the page');
    assert.deepEqual([...(await readableTypes(token))].sort(), [...listed].sort());
    for (const r of once) {
      const res = await fetch(`${server.fhirBase}/${r.resourceType}/${r.id}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 200, r.resourceType);
    }
  });

  it('with one switch off, the token reads every other listed type and not that one', async () => {
    const { token, scope, html } = await grant((page) => {
      const all = allChoices(page);
      return { ...all, t: all.t.filter((type) => type !== 'Goal') };
    });
    const listed = listedTypes(html);
    listed.delete('Goal');
    assert.ok(!scope.split(' ').includes('patient/*.rs'), scope);
    assert.deepEqual([...(await readableTypes(token))].sort(), [...listed].sort());
    for (const r of once) {
      const res = await fetch(`${server.fhirBase}/${r.resourceType}/${r.id}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.status, 200, `${r.resourceType} stays readable`);
    }
  });

  it('a type the page cannot show is neither offered nor granted when an app names it', async () => {
    const c = await authorizeCode(new Browser(server.base), server, { clientId, redirectUri: redirect, scope: 'launch/patient patient/AuditEvent.rs patient/Goal.rs', login: ana });
    assert.deepEqual([...listedTypes(c.consentHtml)], ['Goal']);
    const r = await exchangeCode(server.base, c, redirect, { clientId });
    assert.equal(r.body.scope, 'launch/patient patient/Goal.rs');
    const res = await fetch(`${server.fhirBase}/AuditEvent`, { headers: { authorization: `Bearer ${r.body.access_token}` } });
    assert.equal(res.status, 403);
  });
});
