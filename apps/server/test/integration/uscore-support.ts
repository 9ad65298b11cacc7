// Fixtures for the US Core tests: a test app seeded with generated demo charts through the
// importer, SMART access tokens for its patients, and a checker that tells whether a resource
// satisfies a search parameter value (from the same index rows the server writes).
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { toInstantRange } from '#fhir/dates.js';
import { normalizeString } from '#fhir/strings.js';
import { generateClinic } from '../../src/demo/generate-clinic.js';
import { importClinic } from '../../src/demo/seed.js';
import { extractIndexRows, type IndexRows } from '../../src/fhir/indexing/extract.js';
import { inProcessExecutor } from '../../src/import/run-import.js';
import { registerClient } from '../../src/smart/clients.js';
import { ACCESS_SECONDS, issueTokens } from '../../src/smart/tokens.js';
import { startTestApp, type TestApp } from '../support/harness.js';

export const SEED = 20240601;
export const AS_OF = new Date('2025-03-01T00:00:00Z');
/** Patients 0–3 are the demo personas (parent, adult with diabetes, child, elderly with an implant). */
export const PATIENTS = 4;

export interface Seeded {
  app: TestApp;
  shared: Resource[];
  charts: Resource[][];
  patientIds: string[];
  clientId: string;
  /** A patient-context access token with the given scopes. */
  token(patientIndex: number, scope?: string): Promise<string>;
  /** GET (or POST with a form body) under /fhir with a bearer token; returns status, headers, JSON body. */
  fhir(token: string, path: string, init?: { method?: string; form?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; headers: Record<string, unknown>; body: any }>;
}

/** When the demo data was stored (its meta.lastUpdated is later the same day). */
export let seededAt = new Date().toISOString();

export async function startSeededApp(): Promise<Seeded> {
  const app = await startTestApp();
  seededAt = new Date().toISOString();
  const result = await importClinic(inProcessExecutor(app.systemRepo), PATIENTS, { seed: SEED, asOf: AS_OF });
  if (result.problems.length) throw new Error(`demo import problems: ${JSON.stringify(result.problems.slice(0, 3))}`);
  await app.audit.flush();
  const clinic = generateClinic({ patients: PATIENTS, seed: SEED, asOf: AS_OF });
  const charts = [...clinic.patients()];
  const patientIds = charts.map((c) => c[0].id as string);
  const { client } = await registerClient(app.db, { name: 'US Core test app', type: 'public', redirectUris: ['http://127.0.0.1:9/callback'] });
  const seeded: Seeded = {
    app,
    shared: clinic.shared,
    charts,
    patientIds,
    clientId: client.clientId,
    async token(patientIndex, scope = 'launch/patient openid fhirUser patient/*.rs') {
      const patient = patientIds[patientIndex];
      const user = { id: `user-${patient}`, kind: 'patient' as const, patientId: patient };
      const { accessToken } = await issueTokens(app.db, { clientId: client.clientId, scope, context: { user, patient }, accessSeconds: ACCESS_SECONDS, refresh: false });
      return accessToken;
    },
    async fhir(token, path, init = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...init.headers };
      let payload: string | undefined;
      if (init.form !== undefined) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = init.form;
      } else if (init.body !== undefined) {
        headers['content-type'] = 'application/fhir+json';
        payload = JSON.stringify(init.body);
      }
      const res = await app.app.inject({ method: (init.method ?? (payload ? 'POST' : 'GET')) as 'GET', url: path.startsWith('/') ? path : `/fhir/${path}`, headers, payload });
      return { status: res.statusCode, headers: res.headers, body: res.body ? JSON.parse(res.body) : undefined };
    },
  };
  return seeded;
}

export const matches = (bundle: Bundle) => (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource as Resource);
export const included = (bundle: Bundle) => (bundle.entry ?? []).filter((e) => e.search?.mode === 'include').map((e) => e.resource as Resource);

/** Follows `next` links from a first search page; returns every match. */
export async function allPages(s: Seeded, token: string, first: Bundle): Promise<Resource[]> {
  const out = [...matches(first)];
  let bundle = first;
  for (let guard = 0; guard < 100; guard++) {
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    if (!next) return out;
    const res = await s.fhir(token, new URL(next).pathname + new URL(next).search);
    if (res.status !== 200) throw new Error(`next page ${res.status}`);
    bundle = res.body as Bundle;
    out.push(...matches(bundle));
  }
  throw new Error('too many pages');
}

const rowsCache = new WeakMap<Resource, IndexRows>();
export function rowsOf(resource: Resource): IndexRows {
  let rows = rowsCache.get(resource);
  if (!rows) rowsCache.set(resource, (rows = extractIndexRows(resource)));
  return rows;
}

const PREFIX = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)(?=\d)/;
const time = (v: string | null, open: number) => (v === null ? open : Date.parse(v));

/** Whether `resource` satisfies `param=value` (one value, no OR list), judged from its index rows. */
export function satisfies(resource: Resource, param: string, value: string, patientId?: string): boolean {
  if (param === '_id') return resource.id === value;
  if (param === '_lastUpdated') return dateSatisfies([{ lo: resource.meta?.lastUpdated ?? null, hi: resource.meta?.lastUpdated ?? null }], value);
  const rows = rowsOf(resource);
  if (param === 'patient' && patientId) return rows.reference.some((r) => r.param === 'patient' && r.targetType === 'Patient' && r.targetId === patientId);
  const token = rows.token.filter((r) => r.param === param);
  const ref = rows.reference.filter((r) => r.param === param);
  const str = rows.string.filter((r) => r.param === param);
  const date = rows.date.filter((r) => r.param === param);
  if (date.length) return dateSatisfies(date, value);
  if (ref.length) return ref.some((r) => `${r.targetType}/${r.targetId}` === value || r.targetId === value);
  if (str.length) return str.some((r) => r.valueNorm.startsWith(normalizeString(value)));
  if (token.length) {
    const bar = value.indexOf('|');
    return bar < 0 ? token.some((r) => r.code === value) : token.some((r) => r.system === value.slice(0, bar) && r.code === value.slice(bar + 1));
  }
  return false;
}

/** The R4 prefix table (search.html "date") over [lo, hi) ranges, as the server applies it. */
function dateSatisfies(rows: { lo: string | null; hi: string | null }[], value: string): boolean {
  const prefix = PREFIX.exec(value)?.[1] ?? 'eq';
  const range = toInstantRange(value.replace(PREFIX, ''));
  if (!range) return false;
  const [ql, qh] = [Date.parse(range.lo), Date.parse(range.hi)];
  return rows.some((row) => {
    const lo = time(row.lo, -Infinity);
    // A point (lastUpdated) is the range [t, t].
    const hi = row.hi === row.lo && row.lo !== null ? lo : time(row.hi, Infinity);
    const contained = lo >= ql && hi <= qh;
    switch (prefix) {
      case 'gt': return hi > qh || (row.hi === row.lo && lo >= qh);
      case 'ge': return hi > qh || contained || (row.hi === row.lo && lo >= ql);
      case 'lt': return lo < ql;
      case 'le': return lo < ql || contained;
      default: return contained;
    }
  });
}

/** A search value for `param` taken from `resource` (the first indexed value), or undefined when it has none. */
export function valueFor(resource: Resource, param: string, patientId?: string): string | undefined {
  if (param === '_id') return resource.id;
  if (param === '_lastUpdated') return `ge${(resource.meta?.lastUpdated ?? seededAt).slice(0, 10)}`;
  if (param === 'patient') return patientId ? `Patient/${patientId}` : undefined;
  const rows = rowsOf(resource);
  const date = rows.date.find((r) => r.param === param && r.lo);
  if (date) return `ge${date.lo!.slice(0, 10)}`;
  const ref = rows.reference.find((r) => r.param === param && r.targetType && r.targetId);
  if (ref) return `${ref.targetType}/${ref.targetId}`;
  // A comma in a string value would make it an OR list (search.html "OR"); the kit sends one part.
  const str = rows.string.find((r) => r.param === param && !r.value.includes(','));
  if (str) return str.value;
  const token = rows.token.find((r) => r.param === param && r.code);
  if (token) return token.system ? `${token.system}|${token.code}` : token.code!;
  return undefined;
}

/**
 * Four comparator values around a resource's first date for `param` (gt, ge, lt, le), each of
 * which must match it under the R4 prefix table; open period ends are handled.
 */
export function comparatorsFor(resource: Resource, param: string): string[] {
  const stamp = resource.meta?.lastUpdated ?? seededAt;
  const row = param === '_lastUpdated' ? { lo: stamp, hi: stamp } : rowsOf(resource).date.find((r) => r.param === param && (r.lo || r.hi));
  if (!row) return [];
  const DAY = 86_400_000;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const lo = row.lo ? Date.parse(row.lo) : undefined;
  const hi = row.hi ? Date.parse(row.hi) : undefined;
  // The last instant inside the range (a point is its own last instant).
  const last = hi === undefined ? undefined : row.hi === row.lo ? hi : hi - 1;
  const gt = lo !== undefined ? day(lo - DAY) : day(last! - DAY);
  const ge = lo !== undefined ? day(lo) : day(last! - DAY);
  const lt = day((last ?? lo!) + DAY);
  const le = last !== undefined ? day(last) : day(lo! + DAY);
  return [`gt${gt}`, `ge${ge}`, `lt${lt}`, `le${le}`];
}
