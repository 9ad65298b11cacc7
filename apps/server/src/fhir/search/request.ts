// Parses a type-level search query into filters and result parameters (FHIR R4 search.html:
// "Search Parameters", "Modifying Search Results"). Unknown parameters are collected, not applied;
// the caller decides between strict (400) and lenient handling (search.html "Handling errors").
import { badRequest, FhirError, outcome } from '#fhir/outcomes.js';
import { indexedParams } from '../indexing/search-parameters.js';
import { isResourceType } from '../resource-types.js';
import { parseFilter, UnknownParameter, type Filter, type FilterContext } from './filters.js';
import { parseCount } from './values.js';

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;
const MAX_PARAMETERS = 100;

export type SortType = 'id' | 'lastUpdated' | 'date' | 'string' | 'token' | 'number' | 'quantity' | 'uri' | 'reference';

export interface SortKey {
  code: string;
  type: SortType;
  descending: boolean;
}

export interface IncludeSpec {
  sourceType: string;
  code: string;
  targetType?: string;
  iterate: boolean;
  /** The types the reference may point to (all types when the definition names none). */
  targets: string[];
}

export interface SearchRequest {
  resourceType: string;
  filters: Filter[];
  /** The parameters applied, in order, as received: the `self` link shows exactly these. */
  applied: [string, string][];
  /** Parameters left out under lenient handling. */
  ignored: string[];
  count: number;
  sort: SortKey[];
  includes: IncludeSpec[];
  revincludes: IncludeSpec[];
  summary?: 'true' | 'false' | 'count' | 'text' | 'data';
  elements?: string[];
  total?: 'none' | 'estimate' | 'accurate';
  cursor?: string;
}

const SORTABLE = new Set(['date', 'string', 'token', 'number', 'quantity', 'uri', 'reference']);
const SUMMARY = new Set(['true', 'false', 'count', 'text', 'data']);
const TOTAL = new Set(['none', 'estimate', 'accurate']);
const ELEMENT = /^[a-z][A-Za-z0-9]*(?:\[x\])?$/;

export function parseSearchRequest(resourceType: string, query: [string, string][], ctx: FilterContext, strict: boolean): SearchRequest {
  const req: SearchRequest = { resourceType, filters: [], applied: [], ignored: [], count: DEFAULT_COUNT, sort: [], includes: [], revincludes: [] };
  const ignore = (name: string, why: string) => {
    if (strict) throw new FhirError(400, outcome('error', 'not-supported', `Unknown or unsupported search parameter ${name}: ${why}`, [name]));
    req.ignored.push(name);
  };
  if (query.length > MAX_PARAMETERS) throw badRequest(`A search takes at most ${MAX_PARAMETERS} parameters`);
  for (const [name, value] of query) {
    let applied = true;
    switch (name) {
      case '_count':
        req.count = parseCount(value, MAX_COUNT);
        break;
      case '_sort':
        req.sort = value.split(',').map((s) => parseSort(resourceType, s));
        break;
      case '_include':
      case '_include:iterate':
      case '_revinclude':
      case '_revinclude:iterate': {
        const spec = parseInclude(value, name);
        if (!spec) {
          ignore(`${name}=${value}`, 'use Type:parameter[:targetType]');
          applied = false;
        } else (name.startsWith('_include') ? req.includes : req.revincludes).push(spec);
        break;
      }
      case '_summary':
        if (!SUMMARY.has(value)) throw badRequest(`_summary takes true, false, count, text or data, got ${JSON.stringify(value.slice(0, 20))}`);
        req.summary = value as SearchRequest['summary'];
        break;
      case '_elements': {
        const names = value.split(',').map((e) => e.trim().replace(new RegExp(`^${resourceType}\\.`), '')).filter(Boolean);
        const bad = names.find((e) => !ELEMENT.test(e));
        if (bad !== undefined) throw badRequest(`_elements takes top-level element names, got ${JSON.stringify(bad.slice(0, 40))}`);
        req.elements = names;
        break;
      }
      case '_total':
        if (!TOTAL.has(value)) throw badRequest(`_total takes none, estimate or accurate, got ${JSON.stringify(value.slice(0, 20))}`);
        req.total = value as SearchRequest['total'];
        break;
      case '_cursor':
        req.cursor = value;
        applied = false; // the links add their own cursor
        break;
      default:
        try {
          req.filters.push(parseFilter(resourceType, name, value, ctx));
        } catch (err) {
          if (!(err instanceof UnknownParameter)) throw err;
          ignore(name, `${resourceType} has no searchable parameter ${err.message}`);
          applied = false;
        }
    }
    if (applied) req.applied.push([name, value]);
  }
  return req;
}

function parseSort(resourceType: string, raw: string): SortKey {
  const descending = raw.startsWith('-');
  const code = descending ? raw.slice(1) : raw;
  if (code === '_id') return { code, type: 'id', descending };
  if (code === '_lastUpdated') return { code, type: 'lastUpdated', descending };
  const param = indexedParams(resourceType).get(code);
  if (!param || !param.expression || !SORTABLE.has(param.type)) throw badRequest(`Cannot sort ${resourceType} by ${JSON.stringify(code.slice(0, 40))}`);
  return { code, type: param.type as SortType, descending };
}

/** `Type:param[:targetType]` (search.html "Including other resources"); undefined for `*` and unknowns. */
function parseInclude(value: string, name: string): IncludeSpec | undefined {
  const [sourceType, code, targetType, ...rest] = value.split(':');
  if (rest.length > 0 || !sourceType || !code || code === '*') return undefined;
  if (!isResourceType(sourceType)) return undefined;
  const param = indexedParams(sourceType).get(code);
  if (!param || param.type !== 'reference' || !param.expression) return undefined;
  if (targetType !== undefined && (!isResourceType(targetType) || (param.targets.length > 0 && !param.targets.includes(targetType)))) return undefined;
  return { sourceType, code, targetType, iterate: name.endsWith(':iterate'), targets: param.targets };
}
