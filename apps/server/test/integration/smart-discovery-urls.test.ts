// Every URL the discovery documents advertise answers as it should: SMART's
// .well-known/smart-configuration, the OpenID Provider metadata, and the CapabilityStatement's
// oauth-uris extension. Endpoints answer (with the method they are used with) anything but 404;
// the management URL is a screen of the web app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { findScreen, screens } from '../../../web/src/routes/index.js';
import { startSmartServer, type SmartServer } from './smart-support.js';

let server: SmartServer;

before(async () => {
  server = await startSmartServer({});
});
after(() => server?.close());

/** How each advertised endpoint is called (SMART App Launch 2.2, RFC 6749/7009/7591/7662). */
const METHOD: Record<string, 'GET' | 'POST'> = {
  authorization_endpoint: 'GET', authorize: 'GET', token_endpoint: 'POST', token: 'POST', introspection_endpoint: 'POST', introspect: 'POST',
  revocation_endpoint: 'POST', revoke: 'POST', registration_endpoint: 'POST', register: 'POST', jwks_uri: 'GET',
};
const MANAGE = new Set(['management_endpoint', 'manage']);

async function check(name: string, url: string): Promise<void> {
  assert.ok(url.startsWith(server.base), `${name} is on this server: ${url}`);
  const path = new URL(url).pathname;
  if (MANAGE.has(name)) {
    assert.ok(findScreen(screens, path), `${name} ${path} is a screen of the web app`);
    return;
  }
  const method = METHOD[name];
  assert.ok(method, `a known endpoint: ${name}`);
  const res = await fetch(url, { method, ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' } : {}) });
  await res.arrayBuffer();
  assert.notEqual(res.status, 404, `${name} ${method} ${path}`);
  assert.ok(res.status < 500, `${name} ${method} ${path}: ${res.status}`);
}

test('the SMART configuration and the OpenID metadata advertise only URLs that answer', async () => {
  for (const doc of ['smart-configuration', 'openid-configuration']) {
    const res = await fetch(`${server.fhirBase}/.well-known/${doc}`);
    assert.equal(res.status, 200, doc);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.issuer, server.fhirBase);
    const metadata = await fetch(`${String(body.issuer)}/metadata`);
    assert.equal(metadata.status, 200, 'the issuer is the FHIR base');
    const urls = Object.entries(body).filter(([k, v]) => typeof v === 'string' && (k.endsWith('_endpoint') || k.endsWith('_uri')));
    assert.ok(urls.length >= 5, doc);
    for (const [name, url] of urls) await check(name, url as string);
  }
  const smart = (await (await fetch(`${server.fhirBase}/.well-known/smart-configuration`)).json()) as { management_endpoint: string };
  assert.equal(new URL(smart.management_endpoint).pathname, '/apps');
});

test("the CapabilityStatement's oauth-uris extension advertises only URLs that answer", async () => {
  const statement = (await (await fetch(`${server.fhirBase}/metadata`)).json()) as CapabilityStatement;
  const uris = statement.rest?.[0].security?.extension?.find((e) => e.url === 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris')?.extension ?? [];
  assert.ok(uris.length >= 5);
  for (const e of uris) await check(e.url, e.valueUri!);
  assert.ok(uris.some((e) => e.url === 'manage'));
});
