// FHIR RESTful interactions, independent of HTTP: the HTTP routes, batch/transaction entries and
// internal callers all go through handleFhirRequest (FHIR R4 http.html).
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { allOk, badRequest, FhirError, notSupported, outcome } from '#fhir/outcomes.js';
import type { StoredVersion } from './store/resource-store.js';
import type { FhirRepository } from './repository.js';
import { readHistory } from './history.js';
import { searchBundleText } from './search/search.js';
import { processBundle } from './bundle/process-bundle.js';
import { dispatchOperation } from './operations.js';

export interface FhirRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  /** Path below the FHIR base, without leading slash or query, e.g. `Patient/123/_history`. */
  path: string;
  /** Query parameters in order, repeated names kept. */
  query: [string, string][];
  body?: unknown;
  ifMatch?: string;
  ifNoneExist?: string;
  /** Prefer: handling=strict|lenient (FHIR search §3.1.1.5.5) */
  strictHandling?: boolean;
  /** Request headers operations read (lower-case names: `prefer`, `accept`). */
  headers?: Record<string, string | undefined>;
}

export interface FhirResponse {
  status: number;
  /** A resource object, or the stored JSON text of one (sent as it is). */
  body?: Resource | string;
  location?: string;
  version?: StoredVersion;
  /** Extra response headers (operations: Content-Location, X-Progress, Retry-After, …). */
  headers?: Record<string, string>;
  /** Content type when not FHIR JSON; with `stream`, the body is streamed as it is produced. */
  contentType?: string;
  stream?: AsyncIterable<string | Buffer>;
}

const TYPE = /^[A-Z][A-Za-z]+$/;

export async function handleFhirRequest(repo: FhirRepository, req: FhirRequest): Promise<FhirResponse> {
  const parts = req.path.split('/').filter(Boolean).map(decodePathPart);
  const [type, id, op, vid] = parts;
  const m = req.method;
  // Extended operations ($export, …) are dispatched to the operation registry (operations.ts).
  const opIndex = parts.findIndex((p) => p.startsWith('$'));
  if (opIndex >= 0) return dispatchOperation(repo, req, parts, opIndex);

  if (parts.length === 0) {
    if (m === 'POST') return processBundle(repo, req.body, (entryReq) => handleFhirRequest(repo, entryReq));
    if (m === 'GET') throw badRequest('Searching across all resource types needs a _type parameter; use GET [base]/[type]');
  }
  const history = { strict: req.strictHandling ?? false };
  if (type === '_history' && parts.length === 1 && m === 'GET') return bundleResponse(await readHistory(repo, {}, req.query, history));
  if (!TYPE.test(type ?? '')) throw new FhirError(404, outcome('error', 'not-found', `Unknown path ${req.path.slice(0, 100)}`));
  repo.checkType(type);

  if (parts.length === 1) {
    if (m === 'GET') return { status: 200, body: await searchBundleText(repo, type, req.query, { strict: req.strictHandling ?? false }) };
    if (m === 'POST') {
      const result = await repo.create(requireBody(req.body, type), { ifNoneExist: req.ifNoneExist });
      return versionResponse(result.version, result.created ? 201 : 200, true);
    }
    if (m === 'PUT') {
      const criteria = new URLSearchParams(req.query).toString();
      if (!criteria) throw badRequest('A conditional update needs search criteria');
      const result = await repo.conditionalUpdate(requireBody(req.body, type), criteria, { ifMatch: req.ifMatch });
      return versionResponse(result.version, result.created ? 201 : 200, result.created);
    }
  }
  if (parts.length === 2 && id === '_search' && m === 'POST') {
    return { status: 200, body: await searchBundleText(repo, type, req.query, { strict: req.strictHandling ?? false }) };
  }
  if (parts.length === 2 && id === '_history' && m === 'GET') return bundleResponse(await readHistory(repo, { type }, req.query, history));
  if (parts.length === 2) {
    if (m === 'GET' || m === 'HEAD') return versionResponse(await repo.read(type, id), 200);
    if (m === 'PUT') {
      const body = requireBody(req.body, type);
      if ((body as Resource).id !== id) throw badRequest(`The id in the body (${String((body as Resource).id)}) must match the id in the URL (${id})`, [`${type}.id`]);
      const result = await repo.update(body, { ifMatch: req.ifMatch });
      return versionResponse(result.version, result.created ? 201 : 200, result.created);
    }
    if (m === 'DELETE') {
      await repo.delete(type, id);
      return { status: 200, body: allOk(`Deleted ${type}/${id}`) };
    }
    if (m === 'PATCH') throw notSupported('PATCH is not supported; use PUT with the whole resource');
  }
  if (parts.length === 3 && op === '_history' && m === 'GET') return bundleResponse(await readHistory(repo, { type, id }, req.query, history));
  if (parts.length === 4 && op === '_history' && m === 'GET') return versionResponse(await repo.vread(type, id, vid), 200);
  throw new FhirError(m === 'GET' ? 404 : 405, outcome('error', 'not-supported', `${m} ${req.path.slice(0, 100)} is not supported`));
}

/** Batch entry urls arrive undecoded; a bad escape (`Patient/%`) is the client's mistake, as over HTTP. */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw badRequest('The URL is not valid (check its percent-encoding).');
  }
}

function requireBody(body: unknown, type: string): Resource {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request needs a FHIR resource as a JSON body');
  const resourceType = (body as Resource).resourceType;
  if (resourceType !== type) throw badRequest(`The body's resourceType (${String(resourceType)}) must be ${type}`, ['resourceType']);
  return body as Resource;
}

function versionResponse(version: StoredVersion, status: number, withLocation = false): FhirResponse {
  return {
    status,
    body: version.content ?? undefined,
    version,
    location: withLocation ? `${version.resourceType}/${version.id}/_history/${version.versionId}` : undefined,
  };
}

function bundleResponse(bundle: Bundle): FhirResponse {
  return { status: 200, body: bundle };
}
