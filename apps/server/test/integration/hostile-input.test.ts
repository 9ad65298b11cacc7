// An outside tester's battery against every route the app registers: malformed bodies, wrong
// content types, hostile path segments and query strings, anonymous, with a patient's session
// cookie, with the system bearer token and with garbage credentials. Every answer must be a clear
// 4xx (or a success), in the route family's error format, and must not leak internals.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import { createResource } from '../support/harness.js';
import { Browser, makeAccount, startIdentityApp } from '../support/identity.js';
import type { TestApp } from '../support/harness.js';
import { HOSTILE_HEADERS, HOSTILE_QUERIES, HOSTILE_SEGMENTS, hostileBodies, LEAKS, registeredRoutes, slots, type BodyCase, type RouteEntry } from './hostile-support.js';

type Mode = 'anonymous' | 'patient' | 'system' | 'garbage-credentials';
const MODES: Mode[] = ['anonymous', 'patient', 'system', 'garbage-credentials'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PATIENT_EMAIL = 'hostile-patient@example.org';

/** Values of the wrong shape for each FHIR search parameter type (already percent-encoded). */
const BAD_SEARCH_VALUES: Record<string, string[]> = {
  date: ['ge2024-13-45', 'lt99999-01-01T00%3A00%3A00Z', 'eq1e10', 'sa0000-00-00', 'ap2024-02-30T25%3A61%3A00%2B99%3A00'],
  number: ['gt1e400', 'NaN', '99999999999999999999999999999999999.5', 'ap-'],
  quantity: ['le1e400%7Chttp%3A%2F%2Funitsofmeasure.org%7Cmg', 'abc%7C%7C', 'ap-0', 'gt%7C%7C%7C'],
  token: ['%00', '%7C', 'a%7Cb%7Cc', '%7C%00'],
  string: ['%00', '%5C', '%25', 'x%00y'],
  reference: ['Patient%2F%00', 'http%3A%2F%2F%5Bbad', 'Nope%2F1%2F_history%2Fx', '%2F%2F'],
  uri: ['%00', 'urn%3A', '%3A%2F%2F'],
  composite: ['%24%24%24', 'a%24b%24c', '%00%24%00'],
  special: ['%00', '%7C%7C%7C'],
};

interface Probe {
  method: string;
  url: string;
  variant: string;
  body?: BodyCase;
}

describe('hostile input on every route', () => {
  let t: TestApp;
  let patientId: string;
  let patient: Browser;
  let routes: RouteEntry[];
  let requestNo = 0;

  before(async () => {
    t = await startIdentityApp();
    patientId = (await createResource<Resource>(t.systemRepo, { resourceType: 'Patient', name: [{ family: 'Hostile', given: ['Hana'] }], birthDate: '1990-01-01' })).id!;
    await makeAccount(t, { email: PATIENT_EMAIL, patientId });
    patient = new Browser(t, '203.0.113.77');
    routes = registeredRoutes(t.app);
  });
  after(async () => t?.close());

  /** Signs the patient in again when a probe (logout, logout-all, …) ended the session. */
  async function ensurePatientSession(): Promise<void> {
    if (patient.cookies.has('portico_session') && (await patient.get('/api/session')).statusCode === 200) return;
    // Wrong-password probes on the patient's own endpoints may have locked the email; that is the
    // throttle working, not something this test is about.
    await t.db.query('DELETE FROM auth_throttle');
    patient.cookies.clear();
    const res = await patient.signIn(PATIENT_EMAIL);
    assert.equal(res.statusCode, 200, `patient sign-in failed: ${res.body}`);
  }

  function headersFor(mode: Mode): Record<string, string> {
    if (mode === 'patient') {
      const cookie = [...patient.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return { cookie, 'x-csrf-token': patient.csrf ?? '' };
    }
    if (mode === 'system') return { authorization: `Bearer ${t.systemToken}` };
    if (mode === 'garbage-credentials') {
      return {
        authorization: `Bearer ${'x'.repeat(8000)}%00`,
        cookie: 'portico_session=%ff%00; portico_smart_authz=%E0%A4%A; portico_webauthn=../../x',
        'x-csrf-token': '%E0%A4%A',
      };
    }
    return {};
  }

  function probesFor(route: RouteEntry): Probe[] {
    const { method, pattern } = route;
    const fhir = pattern.startsWith('/fhir');
    const probes: Probe[] = [];
    const seedsGet = fhir
      ? ['Patient', 'Observation', 'Encounter', `Patient/${patientId}`, `Patient/${patientId}/_history`, 'DocumentReference/$docref', '$export', 'Patient/$export', '_history', '$export-status/abc', '$export-file/abc']
      : ['some/page'];
    const seedsWrite = fhir ? ['Patient', `Patient/${patientId}`, 'Patient/_search', 'DocumentReference/$docref', '$export', 'Observation/hostile-1'] : ['some/page'];
    const base = fill(pattern, 'abc123', BODY_METHODS.has(method) ? seedsWrite : seedsGet);
    const jsonType = fhir ? 'application/fhir+json' : 'application/json';

    // Hostile path segments in every `:param` and `*`.
    if (slots(pattern) > 0) {
      const templates = fhir
        ? ['{v}', 'Patient/{v}', 'Patient/{v}/_history/{v}', '{v}/{v}/{v}', '$export-status/{v}', '$export-file/{v}', `Patient/${patientId}/{v}`, 'Patient/{v}/$everything', '${v}']
        : ['{v}', 'assets/{v}'];
      for (const [name, v] of Object.entries(HOSTILE_SEGMENTS)) {
        for (const url of fill(pattern, v, templates.map((tpl) => tpl.replaceAll('{v}', v)))) probes.push({ method, url, variant: `path:${name}` });
      }
    }
    // Hostile query strings: all of them on reads, a few on writes.
    const queries = method === 'GET' ? Object.entries(HOSTILE_QUERIES) : Object.entries(HOSTILE_QUERIES).filter(([k]) => ['repeated', 'huge', 'bad-percent-key', 'proto-keys'].includes(k));
    for (const path of base) for (const [name, q] of queries) probes.push({ method, url: `${path}?${q}`, variant: `query:${name}` });
    // Malformed bodies and content types.
    if (BODY_METHODS.has(method)) {
      for (const path of base) for (const [name, body] of Object.entries(hostileBodies(jsonType))) probes.push({ method, url: path, variant: `body:${name}`, body });
    } else {
      for (const path of base) probes.push({ method, url: path, variant: 'plain' });
    }
    return probes;
  }

  async function send(mode: Mode, probe: Probe, extraHeaders: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const n = ++requestNo;
    const headers: Record<string, string> = { 'user-agent': 'hostile-input-test', ...headersFor(mode), ...extraHeaders };
    if (probe.body?.contentType) headers['content-type'] = probe.body.contentType;
    return t.app.inject({
      method: probe.method as 'GET',
      url: probe.url,
      // A different address per request, so the per-IP sign-in throttle does not hide the handlers.
      remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      headers,
      payload: probe.body?.payload,
    });
  }

  /** What is wrong with one answer, or undefined. */
  function problemWith(probe: Probe, res: LightMyRequestResponse): string | undefined {
    const status = res.statusCode;
    if (status >= 500) return `status ${status}`;
    // The path the server saw: the client resolves `..` segments before sending.
    const path = new URL(probe.url, 'http://localhost').pathname;
    const type = String(res.headers['content-type'] ?? '');
    const body = res.body;
    for (const [what, re] of LEAKS) if (re.test(body)) return `leaks ${what}`;
    if (probe.method === 'HEAD' || body.length === 0 || (status >= 300 && status < 400)) return undefined;
    if (path.startsWith('/auth/assets/')) return /^text\/css/.test(type) ? undefined : `content-type ${type}`;
    if (path.startsWith('/auth/authorize') || path.startsWith('/auth/interaction')) return /^text\/html|json/.test(type) ? undefined : `content-type ${type}`;
    if (path === '/api/records/export.pdf' && status < 300) return /^application\/pdf/.test(type) ? undefined : `content-type ${type}`;
    if (/^\/fhir\/\$export-file\//.test(path) && status < 300) return /ndjson/.test(type) ? undefined : `content-type ${type}`;
    const api = /^\/(api|fhir|auth|healthz)(\/|$)/.test(path);
    if (!api) return undefined; // the web app's pages and files
    if (!/^application\/(problem\+|fhir\+)?json/.test(type)) return `content-type ${type || '(none)'}`;
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return 'body is not JSON';
    }
    if (status < 400) return undefined;
    if (path.startsWith('/api/')) {
      return ['type', 'title', 'status', 'detail'].every((k) => k in json) && json.status === status ? undefined : `not problem JSON: ${body.slice(0, 120)}`;
    }
    if (path.startsWith('/fhir')) return json.resourceType === 'OperationOutcome' ? undefined : `not an OperationOutcome: ${body.slice(0, 120)}`;
    if (/^\/auth\/(token|introspect|revoke|register)$/.test(path)) return typeof json.error === 'string' ? undefined : `not an OAuth error: ${body.slice(0, 120)}`;
    return undefined;
  }

  test('the route list comes from the app and covers every module', () => {
    const names = new Set(routes.map((r) => `${r.method} ${r.pattern}`));
    for (const expected of ['POST /api/auth/login', 'GET /api/session', 'POST /auth/token', 'GET /auth/authorize', 'GET /fhir/*', 'PUT /fhir/*', 'GET /fhir/metadata', 'GET /healthz', 'GET /*']) {
      assert.ok(names.has(expected), `${expected} missing from ${[...names].join(', ')}`);
    }
  });

  test('no 5xx, no leaks, the documented error format, for every route, body, path and query', { timeout: 15 * 60_000 }, async () => {
    const failures = new Map<string, string>();
    const successes = new Map<Mode, number>(MODES.map((m) => [m, 0]));
    let sent = 0;
    for (const mode of MODES) {
      for (const route of routes) {
        if (route.method === 'HEAD') continue; // Fastify derives HEAD from GET; probed below with plain requests
        if (mode === 'patient') await ensurePatientSession();
        const probes = probesFor(route);
        for (let i = 0; i < probes.length; i += 8) {
          await Promise.all(
            probes.slice(i, i + 8).map(async (probe) => {
              const res = await send(mode, probe);
              sent++;
              if (res.statusCode < 300) successes.set(mode, successes.get(mode)! + 1);
              const wrong = problemWith(probe, res);
              const key = `${mode} ${route.method} ${route.pattern} [${probe.variant}]`;
              if (wrong && !failures.has(key)) failures.set(key, `${wrong} — ${probe.method} ${probe.url.slice(0, 120)} → ${res.body.slice(0, 160)}`);
            }),
          );
        }
      }
      for (const route of routes.filter((r) => r.method === 'HEAD')) {
        for (const url of fill(route.pattern, HOSTILE_SEGMENTS.nul, ['Patient', `Patient/${HOSTILE_SEGMENTS['bad-utf8']}`])) {
          const res = await send(mode, { method: 'HEAD', url, variant: 'head' });
          sent++;
          if (res.statusCode >= 500) failures.set(`${mode} HEAD ${route.pattern}`, `status ${res.statusCode} — HEAD ${url}`);
        }
      }
    }
    assert.ok(sent > 1000, `only ${sent} requests were sent`);
    // The credentials worked: signed-in probes got past authentication to the handlers.
    assert.ok(successes.get('patient')! > successes.get('anonymous')!, `successes by mode: ${[...successes].join(' ')}`);
    assert.ok(successes.get('system')! > successes.get('anonymous')!, `successes by mode: ${[...successes].join(' ')}`);
    assert.equal(failures.size, 0, `${failures.size} of ${sent} hostile requests were answered badly:\n${[...failures].map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
    // JSON bodies with __proto__ keys must not have reached Object.prototype.
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(({} as Record<string, unknown>).admin, undefined);
  });

  test('forged and malformed headers on every route', { timeout: 10 * 60_000 }, async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes.filter((r) => r.method !== 'HEAD')) {
      const probes = probesFor(route).filter((p) => p.variant === 'plain' || p.variant === 'body:wrong-types' || p.variant === 'body:form');
      for (const [name, headers] of Object.entries(HOSTILE_HEADERS)) {
        await Promise.all(
          probes.map(async (probe) => {
            const res = await send('anonymous', probe, headers);
            sent++;
            const wrong = problemWith(probe, res);
            if (wrong) failures.push(`${route.method} ${route.pattern} [${name}, ${probe.variant}]: ${wrong} — ${probe.url.slice(0, 100)} → ${res.body.slice(0, 160)}`);
          }),
        );
      }
    }
    assert.ok(sent > 500, `only ${sent} requests were sent`);
    assert.equal(failures.length, 0, `${failures.length} of ${sent} requests with hostile headers were answered badly:\n  ${failures.slice(0, 60).join('\n  ')}`);
  });

  test('every search parameter of every type, from the CapabilityStatement, with values of the wrong shape', { timeout: 10 * 60_000 }, async () => {
    const statement = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json() as {
      rest: { resource: { type: string; searchParam?: { name: string; type: string }[] }[] }[];
    };
    const failures: string[] = [];
    let sent = 0;
    const jobs: (() => Promise<void>)[] = [];
    for (const resource of statement.rest[0].resource) {
      for (const param of resource.searchParam ?? []) {
        for (const value of BAD_SEARCH_VALUES[param.type] ?? BAD_SEARCH_VALUES.string) {
          const url = `/fhir/${resource.type}?${encodeURIComponent(param.name)}=${value}`;
          jobs.push(async () => {
            const res = await send('system', { method: 'GET', url, variant: 'search' });
            sent++;
            const wrong = problemWith({ method: 'GET', url, variant: 'search' }, res);
            if (wrong) failures.push(`${param.type} ${url.slice(0, 140)}: ${wrong} → ${res.body.slice(0, 200)}`);
          });
        }
      }
    }
    for (let i = 0; i < jobs.length; i += 16) await Promise.all(jobs.slice(i, i + 16).map((job) => job()));
    assert.ok(sent > 1000, `only ${sent} searches were sent`);
    assert.equal(failures.length, 0, `${failures.length} of ${sent} searches were answered badly:\n  ${failures.slice(0, 60).join('\n  ')}`);
  });

  test('security headers on API answers, pages and errors', async () => {
    const samples = [
      await t.app.inject({ method: 'GET', url: '/api/session' }),
      await t.app.inject({ method: 'GET', url: '/fhir/metadata' }),
      await t.app.inject({ method: 'GET', url: '/fhir/Patient?name=%ff' }),
      await t.app.inject({ method: 'GET', url: '/auth/authorize?client_id=nope' }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
      await t.app.inject({ method: 'GET', url: '/' }),
    ];
    for (const res of samples) {
      const where = `${res.statusCode} ${res.body.slice(0, 60)}`;
      const csp = String(res.headers['content-security-policy'] ?? '');
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(csp)?.[1];
      assert.ok(scriptSrc, `no script-src in CSP (${where}): ${csp}`);
      assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'/, where);
      assert.match(csp, /frame-ancestors 'none'/, where);
      assert.match(String(res.headers['strict-transport-security']), /max-age=\d{7,}/, where);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', where);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', where);
    }
  });
});

/** Concrete paths for a pattern: `:param` gets `value`, `*` gets each of `wildcards`. */
function fill(pattern: string, value: string, wildcards: string[]): string[] {
  const withParams = pattern.replace(/:[A-Za-z_]+/g, value);
  if (!withParams.includes('*')) return [withParams];
  return wildcards.map((w) => withParams.replace('*', w));
}
