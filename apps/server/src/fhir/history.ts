// history interactions (FHIR R4 http §3.1.0.12): instance, type and system level, newest first,
// paged with a keyset cursor so pages stay correct while new versions are written.
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { toInstantRange } from '#fhir/dates.js';
import { badRequest, FhirError, notFound, outcome } from '#fhir/outcomes.js';
import { reachableCondition } from '../access/sql.js';
import type { FhirRepository } from './repository.js';
import { toStoredVersion } from './store/resource-store.js';

const MAX_COUNT = 1000;

/** The history parameters this server answers (FHIR R4 http.html "history"); `_at` and `_list` are not. */
const HISTORY_PARAMS = new Set(['_count', '_since', '_cursor']);

export async function readHistory(repo: FhirRepository, scope: { type?: string; id?: string }, query: [string, string][], options: { strict?: boolean } = {}): Promise<Bundle> {
  const get = (name: string) => query.find(([k]) => k === name)?.[1];
  // Prefer: handling=strict (search.html "Handling errors"): a parameter that would be ignored is refused.
  const unknown = query.find(([k]) => !HISTORY_PARAMS.has(k));
  if (options.strict && unknown) throw new FhirError(400, outcome('error', 'not-supported', `History does not support the parameter ${unknown[0].slice(0, 40)}; it takes _since and _count`, [unknown[0].slice(0, 40)]));
  const count = parseCount(get('_count'));
  const params: unknown[] = [];
  const where: string[] = [];
  if (scope.type) {
    if (!repo.policy.canRead(scope.type)) throw notFound();
    params.push(scope.type);
    where.push(`h.resource_type = $${params.length}`);
  }
  if (scope.id) {
    params.push(scope.id);
    where.push(`h.id = $${params.length}`);
  }
  const since = get('_since');
  if (since !== undefined) {
    const range = toInstantRange(since);
    if (!range) throw badRequest(`_since must be a FHIR instant, got ${JSON.stringify(since.slice(0, 40))}`);
    params.push(range.lo);
    where.push(`h.last_updated >= $${params.length}`);
  }
  const cursor = get('_cursor');
  if (cursor !== undefined) {
    const decoded = decodeCursor(cursor);
    params.push(decoded.lastUpdated, decoded.type, decoded.id, decoded.version);
    const n = params.length;
    where.push(`(h.last_updated, h.resource_type, h.id, h.version_id) < ($${n - 3}::timestamptz, $${n - 2}, $${n - 1}, $${n}::bigint)`);
  }
  where.push(reachableCondition(repo.policy, 'h', params));
  params.push(count + 1);
  const { rows } = await repo.sql.query(
    `SELECT h.resource_type, h.id, h.version_id, h.last_updated, h.deleted, h.content, h.compartments
     FROM fhir_resource_history h WHERE ${where.join(' AND ')}
     ORDER BY h.last_updated DESC, h.resource_type DESC, h.id DESC, h.version_id DESC LIMIT $${params.length}`,
    params,
  );
  const versions = rows.slice(0, count).map(toStoredVersion);
  if (scope.id && versions.length === 0 && cursor === undefined) throw notFound(`${scope.type}/${scope.id} not found`);
  const base = repo.deps.baseUrl;
  const entries: BundleEntry[] = versions.map((v) => ({
    fullUrl: `${base}/${v.resourceType}/${v.id}`,
    ...(v.content ? { resource: JSON.parse(v.content) as Resource } : {}),
    request: { method: v.deleted ? 'DELETE' : v.versionId === '1' ? 'POST' : 'PUT', url: v.versionId === '1' && !v.deleted ? v.resourceType : `${v.resourceType}/${v.id}` },
    response: { status: v.deleted ? '204' : v.versionId === '1' ? '201' : '200', etag: `W/"${v.versionId}"`, lastModified: v.lastUpdated },
  }));
  const selfPath = [scope.type, scope.id, '_history'].filter(Boolean).join('/');
  const link: Bundle['link'] = [{ relation: 'self', url: `${base}/${selfPath}${query.length ? `?${new URLSearchParams(query)}` : ''}` }];
  if (rows.length > count) {
    const last = versions[versions.length - 1];
    const next = new URLSearchParams(query.filter(([k]) => k !== '_cursor'));
    next.set('_cursor', encodeCursor(last.lastUpdated, last.resourceType, last.id, last.versionId));
    link.push({ relation: 'next', url: `${base}/${selfPath}?${next}` });
  }
  const patients = versions.flatMap((v) => v.compartments);
  repo.audit('R', scope.id ? 'history-instance' : scope.type ? 'history-type' : 'history-system', versions.map((v) => `${v.resourceType}/${v.id}/_history/${v.versionId}`), patients);
  return { resourceType: 'Bundle', type: 'history', link, entry: entries };
}

function parseCount(value: string | undefined): number {
  if (value === undefined) return 50;
  if (!/^\d{1,6}$/.test(value)) throw badRequest(`_count must be a non-negative whole number, got ${JSON.stringify(value.slice(0, 20))}`);
  return Math.min(Math.max(Number(value), 1), MAX_COUNT);
}

function encodeCursor(lastUpdated: string, type: string, id: string, version: string): string {
  return Buffer.from(JSON.stringify([lastUpdated, type, id, version])).toString('base64url');
}

function decodeCursor(cursor: string): { lastUpdated: string; type: string; id: string; version: string } {
  try {
    const [lastUpdated, type, id, version] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as string[];
    if (![lastUpdated, type, id, version].every((v) => typeof v === 'string') || !toInstantRange(lastUpdated) || !/^\d+$/.test(version)) throw new Error('bad');
    return { lastUpdated, type, id, version };
  } catch {
    throw badRequest('Invalid paging cursor');
  }
}
