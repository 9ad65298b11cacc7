// transaction (FHIR R4 http §3.1.0.11.2): all entries succeed or none does, in one database
// transaction. Processing order is DELETE, POST, PUT/PATCH, then GET/HEAD; ids are assigned to
// created entries first and every `urn:uuid:`/`urn:oid:` fullUrl (and conditional reference) is
// replaced by the resolved `Type/id` before anything is written. References are checked once at the
// end, against the database and the entries together.
import { randomUUID } from 'node:crypto';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { badRequest, FhirError, forbidden, outcome, preconditionFailed } from '#fhir/outcomes.js';
import { FhirRepository } from '../repository.js';
import { handleFhirRequest } from '../router.js';
import { prepareResource, validateOrThrow, type PreparedResource } from '../prepare.js';
import { BufferedAudit } from './buffered-audit.js';
import { atEntry, routedEntry, versionEntry } from './entry-response.js';
import { entryPath, type BundleEntryRequest, type ParsedBundle } from './parse-bundle.js';
import { fullUrlKeys, parseConditionalReference, rewriteReferences } from './rewrite-references.js';

const TYPE_ID = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;
const TYPE_ONLY = /^[A-Z][A-Za-z]+$/;

interface Planned {
  entry: BundleEntryRequest;
  type: string;
  /** Id the entry writes to (assigned, matched or from the URL). */
  id?: string;
  /** A conditional create that matched: nothing to write. */
  matchedExisting?: boolean;
  /** A conditional update that matched nothing and named no id: the server chose the id. */
  serverAssignedId?: boolean;
  /** A conditional update that matched nothing but names an id: it may create, not overwrite. */
  createOnly?: boolean;
}

export async function processTransaction(repo: FhirRepository, bundle: ParsedBundle): Promise<Bundle> {
  const audit = new BufferedAudit();
  const buffered = new FhirRepository({ ...repo.deps, audit }, repo.context);
  try {
    const entries = await buffered.withTransaction((tx) => runTransaction(tx, bundle));
    audit.commitTo(repo.deps.audit);
    repo.audit('E', 'transaction', [], [], true, `transaction of ${bundle.entries.length} entries`);
    return { resourceType: 'Bundle', type: 'transaction-response', entry: entries };
  } catch (err) {
    repo.audit('E', 'transaction', [], [], false, `transaction of ${bundle.entries.length} entries rolled back`);
    throw err;
  }
}

async function runTransaction(tx: FhirRepository, bundle: ParsedBundle): Promise<BundleEntry[]> {
  const responses: BundleEntry[] = new Array(bundle.entries.length);
  const byMethod = (...methods: string[]) => bundle.entries.filter((e) => methods.includes(e.request.method));
  const guard = async <T>(entry: BundleEntryRequest, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw err instanceof FhirError ? atEntry(err, entry.index) : err;
    }
  };
  checkNoDuplicates(bundle.entries);

  for (const entry of byMethod('DELETE')) {
    responses[entry.index] = await guard(entry, async () => routedEntry(await handleFhirRequest(tx, entry.request), 'DELETE'));
  }

  // Decide every write's target id before rewriting references (§3.1.0.11.2 "Resolving references").
  const links = new Map<string, string>();
  const posts: Planned[] = [];
  const puts: Planned[] = [];
  for (const entry of byMethod('POST', 'PUT', 'PATCH')) {
    const plan = await guard(entry, () => planWrite(tx, entry));
    for (const key of fullUrlKeys(entry.fullUrl)) if (plan.id) links.set(key, `${plan.type}/${plan.id}`);
    (entry.request.method === 'POST' ? posts : puts).push(plan);
  }
  const writes = [...posts, ...puts];
  for (const plan of writes) {
    if (plan.entry.resource) await guard(plan.entry, () => resolveLinks(tx, plan.entry.resource as Resource, links));
  }

  // Creates go to the store in one batch; conditional creates that matched answer 200 with the match.
  const prepared: { plan: Planned; prepared: PreparedResource }[] = [];
  for (const plan of posts) {
    if (plan.matchedExisting) {
      const current = await tx.read(plan.type, plan.id as string);
      responses[plan.entry.index] = versionEntry(current, 200);
      continue;
    }
    prepared.push({ plan, prepared: await guard(plan.entry, async () => prepareCreate(tx, plan)) });
  }
  const created = await tx.writePrepared(prepared.map((p) => ({ prepared: p.prepared, existing: undefined })));
  created.forEach((result, i) => (responses[prepared[i].plan.entry.index] = versionEntry(result.version, 201)));

  const written: Resource[] = prepared.map((p) => p.prepared.resource);
  for (const plan of puts) {
    responses[plan.entry.index] = await guard(plan.entry, async () => {
      if (plan.entry.request.method === 'PATCH') throw badRequest('PATCH is not supported; use PUT with the whole resource');
      const resource = { ...(plan.entry.resource as Resource), id: plan.id };
      const result = await tx.update(resource, { ifMatch: plan.entry.request.ifMatch, deferReferenceCheck: true, serverAssignedId: plan.serverAssignedId, createOnly: plan.createOnly });
      written.push(resource);
      return versionEntry(result.version, result.created ? 201 : 200);
    });
  }

  // References may point at entries written later in the bundle, so they are checked once, here.
  const pending = new Set(written.map((r) => `${r.resourceType}/${r.id}`));
  try {
    await tx.checkReferences(written, pending);
  } catch (err) {
    throw err instanceof FhirError ? locateReferenceError(err, bundle) : err;
  }

  for (const entry of byMethod('GET', 'HEAD')) {
    responses[entry.index] = await guard(entry, async () => routedEntry(await handleFhirRequest(tx, entry.request), entry.request.method));
  }
  return responses;
}

/** Two entries writing or deleting the same resource make the outcome order-dependent: refused. */
function checkNoDuplicates(entries: BundleEntryRequest[]): void {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    if (entry.request.method === 'GET' || entry.request.method === 'HEAD' || !TYPE_ID.test(entry.request.path)) continue;
    const first = seen.get(entry.request.path);
    if (first !== undefined) throw badRequest(`${entryPath(entry.index)} and ${entryPath(first)} both change ${entry.request.path}`, [entryPath(entry.index)]);
    seen.set(entry.request.path, entry.index);
  }
}

async function planWrite(tx: FhirRepository, entry: BundleEntryRequest): Promise<Planned> {
  const { method, path, query } = entry.request;
  if (method === 'PATCH') {
    const m = TYPE_ID.exec(path);
    return { entry, type: m?.[1] ?? path };
  }
  const resource = entry.resource;
  if (!resource) throw badRequest(`A ${method} entry needs a resource`);
  if (method === 'POST') {
    if (!TYPE_ONLY.test(path)) throw badRequest(`POST url must be a resource type, not ${path.slice(0, 80)}`);
    tx.checkType(path);
    if (resource.resourceType !== path) throw badRequest(`The resource is a ${String(resource.resourceType)} but the url says ${path}`, ['resourceType']);
    if (entry.request.ifNoneExist !== undefined) {
      const matches = await tx.findConditional(path, entry.request.ifNoneExist);
      if (matches.length > 1) throw preconditionFailed(`ifNoneExist matched ${matches.length} resources`);
      if (matches.length === 1) return { entry, type: path, id: matches[0], matchedExisting: true };
    }
    // The server assigns ids on create (§3.1.0.8); any id in the body is ignored.
    return { entry, type: path, id: randomUUID() };
  }
  // PUT: update by id, or conditional update by criteria (§3.1.0.4.3).
  const byId = TYPE_ID.exec(path);
  if (byId) {
    tx.checkType(byId[1]);
    if (resource.resourceType !== byId[1]) throw badRequest(`The resource is a ${String(resource.resourceType)} but the url says ${byId[1]}`, ['resourceType']);
    if (resource.id !== undefined && resource.id !== byId[2]) throw badRequest(`The id in the resource (${resource.id}) must match the url (${byId[2]})`, [`${byId[1]}.id`]);
    return { entry, type: byId[1], id: byId[2] };
  }
  if (TYPE_ONLY.test(path) && query.length > 0) {
    tx.checkType(path);
    const matches = await tx.findConditional(path, new URLSearchParams(query).toString());
    if (matches.length > 1) throw preconditionFailed(`The criteria matched ${matches.length} resources`);
    if (matches.length === 1) {
      if (resource.id !== undefined && resource.id !== matches[0]) throw badRequest('The id in the resource does not match the resource found by the criteria', [`${path}.id`]);
      return { entry, type: path, id: matches[0] };
    }
    return resource.id ? { entry, type: path, id: resource.id, createOnly: true } : { entry, type: path, id: randomUUID(), serverAssignedId: true };
  }
  throw badRequest(`PUT url must be Type/id or Type?criteria, not ${path.slice(0, 80)}`);
}

/** Replaces entry links and conditional references with `Type/id`. */
async function resolveLinks(tx: FhirRepository, resource: Resource, links: Map<string, string>): Promise<void> {
  const conditional = new Map<string, string>();
  const unresolved: string[] = [];
  rewriteReferences(resource, (ref) => {
    if (links.has(ref)) return undefined;
    if (parseConditionalReference(ref)) conditional.set(ref, '');
    else if (/^urn:(uuid|oid):/.test(ref)) unresolved.push(ref);
    return undefined;
  });
  if (unresolved.length) throw badRequest(`Reference ${unresolved[0]} matches no entry's fullUrl in this transaction`);
  for (const ref of conditional.keys()) {
    const { type, criteria } = parseConditionalReference(ref)!;
    tx.checkType(type);
    const matches = await tx.findConditional(type, criteria);
    if (matches.length !== 1) {
      throw new FhirError(412, outcome('error', 'not-found', `Conditional reference ${ref} matched ${matches.length} resources; it must match exactly one`));
    }
    conditional.set(ref, `${type}/${matches[0]}`);
  }
  rewriteReferences(resource, (ref) => links.get(ref) ?? (conditional.get(ref) || undefined));
}

async function prepareCreate(tx: FhirRepository, plan: Planned): Promise<PreparedResource> {
  const resource = { ...(plan.entry.resource as Resource), id: plan.id };
  if (resource.meta) resource.meta = { ...resource.meta, versionId: undefined, lastUpdated: undefined };
  validateOrThrow(resource);
  if (!tx.policy.canWrite(resource.resourceType)) throw forbidden(`Not permitted to write ${resource.resourceType}`);
  const prepared = prepareResource(resource);
  tx.checkCompartments(prepared);
  return prepared;
}

/** Names the entry whose reference does not resolve (entries hold the rewritten references). */
function locateReferenceError(err: FhirError, bundle: ParsedBundle): FhirError {
  const ref = /^Reference (\S+) /.exec(err.outcome.issue?.[0]?.diagnostics ?? '')?.[1];
  if (!ref) return err;
  const needle = JSON.stringify(ref);
  const index = bundle.entries.findIndex((e) => e.resource && JSON.stringify(e.resource).includes(`"reference":${needle}`));
  return index >= 0 ? atEntry(err, index) : err;
}
