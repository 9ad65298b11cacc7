// Type-level search (FHIR R4 http.html "search", search.html). Parses the query, builds one SQL
// statement that carries the access door, pages with a keyset cursor, adds includes, and audits
// what it returns.
import type { Bundle, BundleEntry, BundleLink, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { badRequest, forbidden } from '#fhir/outcomes.js';
import { reachableCondition } from '../../access/sql.js';
import { canSearch } from '../../access/policy.js';
import type { FhirRepository } from '../repository.js';
import { bind, filterCondition, type SqlContext } from './conditions.js';
import { INCLUDE_LIMIT, resolveIncludes, type FoundRow } from './includes.js';
import { decodeCursor, encodeCursor, keysetCondition, orderBy, sortSql, type Cursor } from './paging.js';
import { parseSearchRequest, type SearchRequest } from './request.js';
import { shapeResource } from './shape.js';

export interface SearchOptions {
  strict: boolean;
}

/** Above this many matches a default (not `_total=accurate`) search leaves `total` out. */
const CHEAP_TOTAL_LIMIT = 1000;

export async function searchResources(repo: FhirRepository, resourceType: string, query: [string, string][], options: SearchOptions): Promise<Bundle> {
  if (!canSearch(repo.policy, resourceType)) throw forbidden(`Not permitted to search ${resourceType}`);
  const req = parseSearchRequest(resourceType, query, { baseUrl: repo.deps.baseUrl }, options.strict);
  const ctx: SqlContext = { params: [], policy: repo.policy, aliases: 0 };
  const where = matchConditions(req, ctx);
  const base = repo.deps.baseUrl.replace(/\/+$/, '');
  const link = (pairs: [string, string][]) => `${base}/${resourceType}${pairs.length ? `?${new URLSearchParams(pairs)}` : ''}`;
  const outcomeEntries = warnings(req.ignored.map((name) => `Ignored unknown or unsupported search parameter ${name}`));

  if (req.summary === 'count' || req.count === 0) {
    const total = await countMatches(repo, where, ctx.params);
    repo.audit('R', 'search-type', [], []);
    return { resourceType: 'Bundle', type: 'searchset', total, link: [{ relation: 'self', url: link(req.applied) }], entry: outcomeEntries };
  }

  const sortSpec = req.sort.map((k) => `${k.descending ? '-' : ''}${k.code}`).join(',');
  const pageParams = [...ctx.params];
  const pageCtx: SqlContext = { ...ctx, params: pageParams };
  const sort = sortSql(req.sort, 'r', resourceType, pageCtx);
  const cursor = req.cursor !== undefined ? decodeCursor(req.cursor, sortSpec, sort) : undefined;
  const backwards = cursor?.direction === 'p';
  const keyCols = sort.keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  const keyset = cursor ? `WHERE ${keysetCondition(sort, cursor, pageCtx)}` : '';
  // Computed sort keys are evaluated once per row behind OFFSET 0; a plain _id order stays a
  // straight primary-key walk the planner can stop early.
  const fence = req.sort.length > 0 ? ' OFFSET 0' : '';
  const order = orderBy(sort, backwards);
  let pageSql = `SELECT * FROM (SELECT r.resource_type, r.id, r.content, r.compartments, ${keyCols}
       FROM fhir_resource r WHERE ${where}${fence}) s ${keyset} ORDER BY ${order}`;
  // On a first page the total comes with the page when there are at most CHEAP_TOTAL_LIMIT
  // matches: one statement reads the first CHEAP_TOTAL_LIMIT + 1 rows in order and counts them.
  const cheapTotal = !cursor && req.total !== 'none' && req.total !== 'accurate';
  if (cheapTotal) pageSql = `SELECT *, count(*) OVER () AS total_ FROM (${pageSql} LIMIT ${bind(pageCtx, CHEAP_TOTAL_LIMIT + 1)}) w ORDER BY ${order}`;
  const rows = await run<FoundRow & Record<string, string>>(repo, `${pageSql} LIMIT ${bind(pageCtx, req.count + 1)}`, pageParams);
  const more = rows.length > req.count;
  const page = rows.slice(0, req.count);
  if (backwards) page.reverse();

  const links: BundleLink[] = [{ relation: 'self', url: link(req.cursor ? [...req.applied, ['_cursor', req.cursor]] : req.applied) }];
  links.push({ relation: 'first', url: link(req.applied) });
  const keysOf = (row: Record<string, string>) => sort.keys.map((_, i) => String(row[`k${i}`]));
  const cursorLink = (relation: string, c: Cursor) => links.push({ relation, url: link([...req.applied, ['_cursor', encodeCursor(c, sortSpec)]]) });
  const hasPrevious = backwards ? more : cursor !== undefined;
  const hasNext = backwards ? true : more;
  if (page.length > 0 && hasPrevious) cursorLink('previous', { direction: 'p', values: keysOf(page[0]) });
  if (page.length > 0 && hasNext) cursorLink('next', { direction: 'n', values: keysOf(page[page.length - 1]) });

  let total: number | undefined;
  if (req.total !== 'none') {
    if (!cursor && !more) total = page.length;
    else if (req.total === 'accurate') total = await countMatches(repo, where, ctx.params);
    else if (cheapTotal && rows.length > 0 && Number(rows[0].total_) <= CHEAP_TOTAL_LIMIT) total = Number(rows[0].total_);
  }

  const included = await resolveIncludes(repo, resourceType, page, req.includes, req.revincludes);
  const truncated = included.truncated.map((p) => `${p} returned the first ${INCLUDE_LIMIT} resources only`);
  const entries: BundleEntry[] = [
    ...warnings(truncated),
    ...outcomeEntries,
    ...page.map((row) => entry(base, row, 'match', req)),
    ...included.rows.map((row) => entry(base, row, 'include', undefined)),
  ];
  const returned = [...page, ...included.rows];
  repo.audit('R', 'search-type', returned.map((r) => `${r.resource_type}/${r.id}`), returned.flatMap((r) => r.compartments));
  return { resourceType: 'Bundle', type: 'searchset', ...(total !== undefined ? { total } : {}), link: links, entry: entries };
}

/**
 * Ids of live, reachable resources matching conditional-operation criteria (FHIR http.html
 * "conditional create/update"), at most `limit`. Unknown parameters are errors here: ignoring one
 * would widen the match and update the wrong resource.
 */
export async function searchIds(repo: FhirRepository, resourceType: string, query: [string, string][], limit = 2): Promise<string[]> {
  const req = parseSearchRequest(resourceType, query, { baseUrl: repo.deps.baseUrl }, true);
  if (req.filters.length === 0) throw badRequest('Conditional criteria need at least one search parameter');
  const ctx: SqlContext = { params: [], policy: repo.policy, aliases: 0 };
  const where = matchConditions(req, ctx);
  const rows = await run<{ id: string }>(repo, `SELECT r.id FROM fhir_resource r WHERE ${where} LIMIT ${bind(ctx, limit)}`, ctx.params);
  return rows.map((r) => r.id);
}

function matchConditions(req: SearchRequest, ctx: SqlContext): string {
  const conditions = [`r.resource_type = ${bind(ctx, req.resourceType)}`, 'NOT r.deleted', reachableCondition(ctx.policy, 'r', ctx.params)];
  for (const filter of req.filters) conditions.push(`(${filterCondition(filter, 'r', req.resourceType, ctx)})`);
  return conditions.join(' AND ');
}

async function countMatches(repo: FhirRepository, where: string, params: unknown[]): Promise<number> {
  const rows = await run<{ n: number }>(repo, `SELECT count(*)::int AS n FROM fhir_resource r WHERE ${where}`, params);
  return rows[0]?.n ?? 0;
}

/** Runs a search statement; values the database rejects (out-of-range numbers or dates) are 400s, not 500s. */
async function run<R extends Record<string, unknown>>(repo: FhirRepository, sql: string, params: unknown[]): Promise<R[]> {
  try {
    const result = await repo.sql.query<R>(sql, params);
    return result.rows;
  } catch (err) {
    const code = String((err as { code?: string }).code ?? '');
    if (code.startsWith('22') || code.startsWith('54')) throw badRequest(`The search could not be run with these values: ${(err as Error).message}`);
    throw err;
  }
}

function entry(base: string, row: FoundRow, mode: 'match' | 'include', req: SearchRequest | undefined): BundleEntry {
  let resource = JSON.parse(row.content) as Resource;
  if (req && (req.summary || req.elements)) resource = shapeResource(resource, req.summary, req.elements);
  return { fullUrl: `${base}/${row.resource_type}/${row.id}`, resource, search: { mode } };
}

function warnings(texts: string[]): BundleEntry[] {
  if (texts.length === 0) return [];
  const issue: OperationOutcomeIssue[] = texts.map((text) => ({ severity: 'warning', code: 'not-supported', details: { text }, diagnostics: text }));
  return [{ resource: { resourceType: 'OperationOutcome', issue }, search: { mode: 'outcome' } }];
}
