// How many resources match a search, without downloading them: `_summary=count` (FHIR R4
// search.html "Summary") answers a Bundle with only `total`.
import type { Bundle, ResourceType } from '@medplum/fhirtypes';
import { FHIR_BASE } from './fhir.js';
import { request } from './http.js';

/** The URL of a search, built the way searchPage builds it (parameters in the given order). */
export const searchUrl = (type: ResourceType, params: Record<string, string>) => `${FHIR_BASE}/${type}?${new URLSearchParams(params)}`;

export async function searchCount(type: ResourceType, params: Record<string, string>, signal?: AbortSignal): Promise<number> {
  const bundle = await request<Bundle>(searchUrl(type, { ...params, _summary: 'count' }), { signal });
  // A server that ignores _summary=count still answers a searchset; its entries are then a floor.
  return bundle.total ?? (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include' && e.search?.mode !== 'outcome').length;
}
