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
import { decodeCursor, encodeCursor, keysetCondition, orderBy, sortSql, type Cursor, type SortSql } from './paging.js';
import { conditionsOn, patientScope, patientScopeSource, splitFilters, type PatientScope } from './patient-scope.js';
import { parseSearchRequest, type SearchRequest } from './request.js';
import { shapeResource } from './shape.js';

export interface SearchOptions {
  strict: boolean;
}

/** One page of a search, before it is written out as a Bundle. */
interface SearchPage {
  req: SearchRequest;
  base: string;
  total?: number;
  links: BundleLink[];
  /** OperationOutcome entries (ignored parameters, truncated includes); they come first. */
  notes: BundleEntry[];
  matches: FoundRow[];
  included: FoundRow[];
}

/** The searchset as objects, for callers that read the resources. */
export async function searchResources(repo: FhirRepository, resourceType: string, query: [string, string][], options: SearchOptions): Promise<Bundle> {
  return toBundle(await searchPage(repo, resourceType, query, options));
}

/**
 * The same searchset as JSON text, for the HTTP response: the stored text of each resource is put
 * in as it is, without parsing and re-serialising it (most of the CPU of a 50–200 entry page).
 */
export async function searchBundleText(repo: FhirRepository, resourceType: string, query: [string, string][], options: SearchOptions): Promise<string> {
  const page = await searchPage(repo, resourceType, query, options);
  if (page.req.summary || page.req.elements) return JSON.stringify(toBundle(page));
  const head = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', ...(page.total !== undefined ? { total: page.total } : {}), link: page.links });
  const entries = [
    ...page.notes.map((e) => JSON.stringify(e)),
    ...page.matches.map((row) => rawEntry(page.base, row, 'match')),
    ...page.included.map((row) => rawEntry(page.base, row, 'include')),
  ];
  return `${head.slice(0, -1)},"entry":[${entries.join(',')}]}`;
}

function toBundle(page: SearchPage): Bundle {
  const entries = [...page.notes, ...page.matches.map((row) => entry(page.base, row, 'match', page.req)), ...page.included.map((row) => entry(page.base, row, 'include', undefined))];
  return { resourceType: 'Bundle', type: 'searchset', ...(page.total !== undefined ? { total: page.total } : {}), link: page.links, entry: entries };
}

async function searchPage(repo: FhirRepository, resourceType: string, query: [string, string][], options: SearchOptions): Promise<SearchPage> {
  if (!canSearch(repo.policy, resourceType)) throw forbidden(`Not permitted to search ${resourceType}`);
  const req = parseSearchRequest(resourceType, query, { baseUrl: repo.deps.baseUrl }, options.strict);
  const base = repo.deps.baseUrl.replace(/\/+$/, '');
  const link = (pairs: [string, string][]) => `${base}/${resourceType}${pairs.length ? `?${new URLSearchParams(pairs)}` : ''}`;
  const ignored = warnings(req.ignored.map((name) => `Ignored unknown or unsupported search parameter ${name}`));

  if (req.summary === 'count' || req.count === 0) {
    const total = await countMatches(repo, req);
    repo.audit('R', 'search-type', [], []);
    return { req, base, total, links: [{ relation: 'self', url: link(req.applied) }], notes: ignored, matches: [], included: [] };
  }

  const sortSpec = req.sort.map((k) => `${k.descending ? '-' : ''}${k.code}`).join(',');
  const ctx: SqlContext = { params: [], policy: repo.policy, aliases: 0 };
  const scope = patientScope(req);
  const sort = scope ? sortSql(req.sort, 'x', resourceType, ctx, { lo: 'x.date_lo', hi: 'x.date_hi' }) : sortSql(req.sort, 'r', resourceType, ctx);
  const cursor = req.cursor !== undefined ? decodeCursor(req.cursor, sortSpec, sort) : undefined;
  const backwards = cursor?.direction === 'p';
  const sql = scope ? scopedPageSql(req, scope, sort, cursor, ctx) : pageSql(req, sort, cursor, ctx);
  const rows = await run<FoundRow & Record<string, string>>(repo, `${sql} LIMIT ${bind(ctx, req.count + 1)}`, ctx.params);
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

  // Bundle.total is optional (Bundle.total 0..1; search.html "_total"): it is given when the first
  // page holds every match, and counted only when the client asks with _total=accurate or estimate.
  let total: number | undefined;
  if (req.total !== 'none') {
    if (!cursor && !more) total = page.length;
    else if (req.total === 'accurate' || req.total === 'estimate') total = await countMatches(repo, req);
  }

  const included = await resolveIncludes(repo, resourceType, page, req.includes, req.revincludes);
  const truncated = warnings(included.truncated.map((p) => `${p} returned the first ${INCLUDE_LIMIT} resources only`));
  const returned = [...page, ...included.rows];
  repo.audit('R', 'search-type', returned.map((r) => `${r.resource_type}/${r.id}`), returned.flatMap((r) => r.compartments));
  return { req, base, total, links, notes: [...truncated, ...ignored], matches: page, included: included.rows };
}

/** The general plan: every match is a fhir_resource row tested by the filters, ordered by its computed keys. */
function pageSql(req: SearchRequest, sort: SortSql, cursor: Cursor | undefined, ctx: SqlContext): string {
  const where = matchConditions(req, ctx);
  const keyCols = sort.keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  const keyset = cursor ? `WHERE ${keysetCondition(sort, cursor, ctx)}` : '';
  // Computed sort keys are evaluated once per row behind OFFSET 0; a plain _id order stays a
  // straight primary-key walk the planner can stop early.
  const fence = req.sort.length > 0 ? ' OFFSET 0' : '';
  return `SELECT * FROM (SELECT r.resource_type, r.id, r.content, r.compartments, ${keyCols}
       FROM fhir_resource r WHERE ${where}${fence}) s ${keyset} ORDER BY ${orderBy(sort, cursor?.direction === 'p')}`;
}

/**
 * The patient-scoped plan (patient-scope.ts): candidates, their keys and the cursor come from the
 * index tables, one row per resource (DISTINCT ON the keys, which end with the id), in page order
 * behind OFFSET 0; the resource rows are then read in that order until the page is full.
 */
function scopedPageSql(req: SearchRequest, scope: PatientScope, sort: SortSql, cursor: Cursor | undefined, ctx: SqlContext): string {
  const backwards = cursor?.direction === 'p';
  const source = patientScopeSource(scope, req.resourceType, ctx);
  const { candidate, resource } = splitFilters(scope.rest);
  const inner = conditionsOn(candidate, 'x', req.resourceType, ctx);
  if (cursor) {
    const first = sort.keys[0];
    // A bound on the first key alone lets the index start at the cursor instead of filtering up to it.
    const op = first.descending !== backwards ? '<=' : '>=';
    inner.push(`${first.expr} ${op} ${bind(ctx, cursor.values[0])}::${first.cast}`);
    inner.push(`(${keysetCondition(sort, cursor, ctx, (i) => sort.keys[i].expr)})`);
  }
  const keyCols = sort.keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  const keys = sort.keys.map((_, i) => `k${i}`).join(', ');
  const id = sort.keys.findIndex((k) => k.expr === 'x.id');
  const outer = [`r.resource_type = ${bind(ctx, req.resourceType)}`, 'NOT r.deleted', reachableCondition(ctx.policy, 'r', ctx.params), ...conditionsOn(resource, 'r', req.resourceType, ctx)];
  return `SELECT r.resource_type, r.id, r.content, r.compartments, ${sort.keys.map((_, i) => `c.k${i}`).join(', ')}
       FROM (SELECT DISTINCT ON (${keys}) ${keyCols} FROM ${source}${inner.length ? ` WHERE ${inner.join(' AND ')}` : ''}
             ORDER BY ${orderBy(sort, backwards)} OFFSET 0) c
       JOIN fhir_resource r ON r.resource_type = ${bind(ctx, req.resourceType)} AND r.id = c.k${id}
       WHERE ${outer.join(' AND ')} ORDER BY ${orderBy(sort, backwards, (i) => `c.k${i}`)}`;
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

async function countMatches(repo: FhirRepository, req: SearchRequest): Promise<number> {
  const ctx: SqlContext = { params: [], policy: repo.policy, aliases: 0 };
  const rows = await run<{ n: number }>(repo, `SELECT count(*)::int AS n FROM fhir_resource r WHERE ${matchConditions(req, ctx)}`, ctx.params);
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

function rawEntry(base: string, row: FoundRow, mode: 'match' | 'include'): string {
  return `{"fullUrl":${JSON.stringify(`${base}/${row.resource_type}/${row.id}`)},"resource":${row.content},"search":{"mode":"${mode}"}}`;
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
