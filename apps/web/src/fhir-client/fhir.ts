// Typed FHIR R4 REST helpers for the patient's own record. URLs are built only here.
// Screens never depend on server search features beyond the standard ones: joins (report ->
// results) and sorting are also done on the client, so a server that ignores _sort still works.
import type { Bundle, Resource, ResourceType } from '@medplum/fhirtypes';
import { request } from './http.js';

export const FHIR_BASE = '/fhir';
/** Pages followed at most per search: a patient's chart is small, and this bounds a bad server. */
const MAX_PAGES = 50;

type ResourceOf<K extends ResourceType> = Extract<Resource, { resourceType: K }>;

function toSameOrigin(url: string): string {
  // The server writes absolute next links with its public URL; fetch them on our own origin so
  // the session cookie goes along.
  const u = new URL(url, window.location.origin);
  return `${u.pathname}${u.search}`;
}

export async function read<K extends ResourceType>(type: K, id: string, signal?: AbortSignal): Promise<ResourceOf<K>> {
  return request<ResourceOf<K>>(`${FHIR_BASE}/${type}/${encodeURIComponent(id)}`, { signal });
}

/** Searches and follows `next` links, returning every matching resource of the type. */
export async function searchAll<K extends ResourceType>(type: K, params: Record<string, string>, signal?: AbortSignal): Promise<ResourceOf<K>[]> {
  let url: string | undefined = `${FHIR_BASE}/${type}?${new URLSearchParams({ _count: '200', ...params })}`;
  const out: ResourceOf<K>[] = [];
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const bundle: Bundle = await request<Bundle>(url, { signal });
    for (const entry of bundle.entry ?? []) {
      if (entry.resource?.resourceType === type && entry.search?.mode !== 'include') out.push(entry.resource as ResourceOf<K>);
    }
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    url = next ? toSameOrigin(next) : undefined;
  }
  return out;
}

/** One page of a search: the matches, the resources `_include`d with them, and the link to the next page. */
export interface SearchPage<K extends ResourceType> {
  matches: ResourceOf<K>[];
  included: Resource[];
  /** Same-origin path of the next page (pass it to searchNextPage); undefined on the last page. */
  next?: string;
}

export async function searchPage<K extends ResourceType>(type: K, params: Record<string, string>, signal?: AbortSignal): Promise<SearchPage<K>> {
  return fetchPage(type, `${FHIR_BASE}/${type}?${new URLSearchParams(params)}`, signal);
}

/** The page after one returned by searchPage (its `next`), in the same search. */
export async function searchNextPage<K extends ResourceType>(type: K, next: string, signal?: AbortSignal): Promise<SearchPage<K>> {
  return fetchPage(type, toSameOrigin(next), signal);
}

async function fetchPage<K extends ResourceType>(type: K, url: string, signal?: AbortSignal): Promise<SearchPage<K>> {
  const bundle = await request<Bundle>(url, { signal });
  const matches: ResourceOf<K>[] = [];
  const included: Resource[] = [];
  for (const entry of bundle.entry ?? []) {
    if (!entry.resource) continue;
    if (entry.search?.mode === 'include') included.push(entry.resource);
    else if (entry.resource.resourceType === type) matches.push(entry.resource as ResourceOf<K>);
  }
  const next = bundle.link?.find((l) => l.relation === 'next')?.url;
  return { matches, included, next: next ? toSameOrigin(next) : undefined };
}

/** Keeps only resources that point at this patient (a guard in case a server ignores the filter). */
export function forPatient<T extends Resource>(resources: T[], patientId: string): T[] {
  const ref = `Patient/${patientId}`;
  return resources.filter((r) => {
    const subject = (r as { subject?: { reference?: string }; patient?: { reference?: string } }).subject ?? (r as { patient?: { reference?: string } }).patient;
    if (subject?.reference) return subject.reference === ref || subject.reference.endsWith(`/${ref}`);
    const participants = (r as { participant?: { actor?: { reference?: string } }[] }).participant;
    if (participants) return participants.some((p) => p.actor?.reference === ref);
    return true;
  });
}

export async function patientSearch<K extends ResourceType>(type: K, patientId: string, params: Record<string, string> = {}, signal?: AbortSignal): Promise<ResourceOf<K>[]> {
  return forPatient(await searchAll(type, { patient: patientId, ...params }, signal), patientId);
}

/** Resource types of the patient compartment the portal can read, for "Download my record". */
export const RECORD_TYPES: ResourceType[] = [
  'AllergyIntolerance', 'Appointment', 'CarePlan', 'CareTeam', 'Condition', 'Coverage', 'DiagnosticReport', 'DocumentReference',
  'Encounter', 'Goal', 'Immunization', 'MedicationRequest', 'MedicationStatement', 'Observation', 'Procedure',
];

/** Everything in the patient's record as one FHIR collection Bundle (FHIR R4 bundle.html, type "collection"). */
export async function fetchWholeRecord(patientId: string, onProgress: (count: number) => void, signal?: AbortSignal): Promise<Bundle> {
  const patient = await read('Patient', patientId, signal);
  const resources: Resource[] = [patient];
  onProgress(resources.length);
  for (const type of RECORD_TYPES) {
    try {
      resources.push(...(await patientSearch(type, patientId, {}, signal)));
    } catch (err) {
      // A type the server does not offer (404/400) is left out; anything else stops the download.
      if (!(err instanceof Error && 'kind' in err && ((err as { kind: string }).kind === 'invalid' || (err as { kind: string }).kind === 'not-found'))) throw err;
    }
    onProgress(resources.length);
  }
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${window.location.origin}${FHIR_BASE}/${resource.resourceType}/${resource.id}`, resource })),
  };
}
