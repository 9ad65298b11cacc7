// Checks a batch/transaction Bundle's shape before anything runs (FHIR R4 http §3.1.0.11): a
// malformed bundle is answered 400 as a whole, an oversized one 413, naming the entry at fault.
import type { Resource } from '@medplum/fhirtypes';
import { badRequest, FhirError, outcome } from '#fhir/outcomes.js';
import type { FhirRequest } from '../router.js';

/**
 * Most entries one batch or transaction may carry (413 above it); bigger loads belong to the
 * importer. A batch of 5,000 searches held a node for 15 s: the caps keep one request's work short,
 * and the per-client concurrency cap (client-concurrency.ts) keeps one client from sending many.
 */
export const MAX_BUNDLE_ENTRIES = 1_000;
/** Most reads and searches (GET/HEAD entries) in one bundle: each can be as costly as a whole page. */
export const MAX_BUNDLE_READS = 100;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH']);

export interface BundleEntryRequest {
  /** Position in the submitted bundle (responses keep this order). */
  index: number;
  fullUrl?: string;
  resource?: Resource;
  request: FhirRequest;
}

export interface ParsedBundle {
  type: 'batch' | 'transaction';
  entries: BundleEntryRequest[];
}

export function entryPath(index: number): string {
  return `Bundle.entry[${index}]`;
}

export function parseBundle(body: unknown, baseUrl: string): ParsedBundle {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('POST to the FHIR base needs a Bundle of type batch or transaction');
  const bundle = body as { resourceType?: unknown; type?: unknown; entry?: unknown };
  if (bundle.resourceType !== 'Bundle') throw badRequest(`POST to the FHIR base needs a Bundle, not ${JSON.stringify(bundle.resourceType ?? null)}`, ['resourceType']);
  if (bundle.type !== 'batch' && bundle.type !== 'transaction') {
    throw badRequest(`Bundle.type must be batch or transaction, not ${JSON.stringify(bundle.type ?? null)}`, ['Bundle.type']);
  }
  const rawEntries = bundle.entry ?? [];
  if (!Array.isArray(rawEntries)) throw badRequest('Bundle.entry must be an array', ['Bundle.entry']);
  if (rawEntries.length > MAX_BUNDLE_ENTRIES) {
    throw new FhirError(413, outcome('error', 'too-costly', `The bundle has ${rawEntries.length} entries; at most ${MAX_BUNDLE_ENTRIES} are accepted in one ${bundle.type}. Split it, or use the bulk importer.`, ['Bundle.entry']));
  }
  const entries = rawEntries.map((raw, index) => parseEntry(raw, index, baseUrl));
  const reads = entries.filter((e) => e.request.method === 'GET' || e.request.method === 'HEAD').length;
  if (reads > MAX_BUNDLE_READS) {
    throw new FhirError(413, outcome('error', 'too-costly', `The bundle has ${reads} read or search entries; at most ${MAX_BUNDLE_READS} are accepted in one ${bundle.type}. Split it into smaller bundles.`, ['Bundle.entry']));
  }
  return { type: bundle.type, entries };
}

function parseEntry(raw: unknown, index: number, baseUrl: string): BundleEntryRequest {
  const at = entryPath(index);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`${at} must be an object`, [at]);
  const entry = raw as { fullUrl?: unknown; resource?: unknown; request?: unknown };
  const req = entry.request as { method?: unknown; url?: unknown; ifMatch?: unknown; ifNoneExist?: unknown } | undefined;
  if (!req || typeof req !== 'object') throw badRequest(`${at} has no request (each batch/transaction entry needs request.method and request.url)`, [`${at}.request`]);
  if (typeof req.method !== 'string' || !METHODS.has(req.method)) {
    throw badRequest(`${at}.request.method must be one of ${[...METHODS].join(', ')}`, [`${at}.request.method`]);
  }
  if (typeof req.url !== 'string' || req.url.trim() === '') throw badRequest(`${at}.request.url is missing`, [`${at}.request.url`]);
  if (entry.fullUrl !== undefined && typeof entry.fullUrl !== 'string') throw badRequest(`${at}.fullUrl must be a string`, [`${at}.fullUrl`]);
  const resource = entry.resource;
  if (resource !== undefined && (!resource || typeof resource !== 'object' || Array.isArray(resource))) throw badRequest(`${at}.resource must be a resource`, [`${at}.resource`]);
  const { path, query } = splitUrl(req.url.trim(), baseUrl);
  return {
    index,
    fullUrl: entry.fullUrl as string | undefined,
    resource: resource as Resource | undefined,
    request: {
      method: req.method as FhirRequest['method'],
      path,
      query,
      body: resource,
      ifMatch: typeof req.ifMatch === 'string' ? req.ifMatch : undefined,
      ifNoneExist: typeof req.ifNoneExist === 'string' ? req.ifNoneExist : undefined,
    },
  };
}

/** `Patient/1?x=y` or `<base>/Patient/1` → path below the base and the query pairs. */
function splitUrl(url: string, baseUrl: string): { path: string; query: [string, string][] } {
  let rest = url;
  if (rest.startsWith(`${baseUrl}/`)) rest = rest.slice(baseUrl.length + 1);
  rest = rest.replace(/^\/+/, '');
  const q = rest.indexOf('?');
  const path = (q >= 0 ? rest.slice(0, q) : rest).replace(/\/+$/, '');
  const query: [string, string][] = q >= 0 ? [...new URLSearchParams(rest.slice(q + 1)).entries()] : [];
  return { path, query };
}
