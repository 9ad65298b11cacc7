// Several searches in one request: a FHIR batch Bundle of GET entries (FHIR R4 http.html §3.1.0.11).
// The server answers each entry on its own, through the same access check as a single search; one
// request instead of several saves a session check and an HTTP exchange per search.
import type { Bundle, OperationOutcome, ResourceType } from '@medplum/fhirtypes';
import { FHIR_BASE } from './fhir.js';
import { ApiError, hasCsrfToken, kindFor, request } from './http.js';

export interface BatchSearch {
  type: ResourceType;
  params: Record<string, string>;
}

/** The batch Bundle for these searches: entry URLs relative to the FHIR base, parameters in the given order. */
export function searchBatchBundle(searches: BatchSearch[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'batch',
    entry: searches.map((s) => ({ request: { method: 'GET', url: `${s.type}?${new URLSearchParams(s.params)}` } })),
  };
}

/**
 * Runs the searches in one batch; each answer is its searchset Bundle, or the ApiError its entry
 * failed with. A failure of the whole request (network, 401) is thrown as usual.
 */
export async function searchBatch(searches: BatchSearch[], signal?: AbortSignal): Promise<(Bundle | ApiError)[]> {
  // The POST needs the session's CSRF token; an app started offline has not read it yet, and plain
  // GETs need none.
  if (!hasCsrfToken()) return Promise.all(searches.map((s) => searchOne(s, signal)));
  const response = await request<Bundle>(FHIR_BASE, { method: 'POST', body: searchBatchBundle(searches), contentType: 'application/fhir+json', signal });
  return searches.map((_, i) => {
    const entry = response.entry?.[i];
    const status = Number.parseInt(entry?.response?.status ?? '', 10);
    if (status >= 200 && status < 300 && entry?.resource?.resourceType === 'Bundle') return entry.resource as Bundle;
    const outcome = entry?.response?.outcome as OperationOutcome | undefined;
    const detail = outcome?.issue?.[0]?.diagnostics ?? entry?.response?.status ?? 'no answer for this entry';
    return new ApiError(status ? kindFor(status) : 'server', status || 500, detail, outcome);
  });
}

async function searchOne(s: BatchSearch, signal?: AbortSignal): Promise<Bundle | ApiError> {
  try {
    return await request<Bundle>(`${FHIR_BASE}/${s.type}?${new URLSearchParams(s.params)}`, { signal });
  } catch (err) {
    // As in a batch: the search's own failure is its answer; no connection or no session fails them all.
    if (err instanceof ApiError && err.kind !== 'network' && err.kind !== 'unauthorized') return err;
    throw err;
  }
}

/** The resources a searchset matched (not included ones, not outcomes). */
export function matchesOf<T>(bundle: Bundle): T[] {
  return (bundle.entry ?? []).filter((e) => e.resource && (e.search?.mode ?? 'match') === 'match').map((e) => e.resource as T);
}

/** How many resources a `_summary=count` search matched; a server that ignores the parameter still answers a page, a floor. */
export function countOf(bundle: Bundle): number {
  return bundle.total ?? matchesOf(bundle).length;
}
