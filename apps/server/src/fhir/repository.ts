// The one way in to FHIR data. A repository is built per request for one caller's AccessPolicy; every
// read, write, history and search it runs carries that policy's condition and is audited.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Resource } from '@medplum/fhirtypes';
import { badRequest, conflict, forbidden, FhirError, gone, notFound, outcome, preconditionFailed } from '#fhir/outcomes.js';
import type { AccessPolicy } from '../access/policy.js';
import { isReachable } from '../access/sql.js';
import { matchesResourceFilter } from '../access/resource-filter.js';
import { inheritTargetCompartments } from '../access/provenance-compartments.js';
import type { AuditAction, AuditEntry, AuditSubtype } from '../audit/audit-event.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { Database, Queryable } from '../db/pool.js';
import { searchIds } from './search/search.js';
import { lockResourceForWrite, readCurrent, readVersion, writeVersions, type StoredVersion, type VersionToWrite } from './store/resource-store.js';
import { collectReferences, localTarget } from './references.js';
import { ID_PATTERN, prepareResource, validateOrThrow, type PreparedResource } from './prepare.js';
import { isResourceType } from './resource-types.js';

export interface RequestContext {
  policy: AccessPolicy;
  sourceIp?: string;
  userAgent?: string;
}

export interface RepositoryDeps {
  db: Database;
  audit: AuditSink;
  /** Absolute FHIR base URL, used to recognise absolute references to this server. */
  baseUrl: string;
}

export interface WriteResult {
  version: StoredVersion;
  /** 201 for a new resource, 200 for a new version of an existing one (or an unchanged match). */
  created: boolean;
}

export interface WriteOptions {
  /** `If-Match` (a weak ETag `W/"3"` or bare version id). */
  ifMatch?: string;
  /**
   * Leave reference checks to the caller, who checks the whole set at the end of a transaction
   * (bundles may reference entries that come later).
   */
  deferReferenceCheck?: boolean;
  /** update(): the id is the server's own choice (a transaction's conditional update that matched nothing). */
  serverAssignedId?: boolean;
  /**
   * Only create: an existing (not deleted) resource with this id is a 409. A conditional update
   * whose criteria match nothing but whose body names an id may create that id, never overwrite a
   * resource the criteria did not select (FHIR R5 http §3.1.0.4.3 "No matches, id provided and
   * already exist"; R4 leaves that case open).
   */
  createOnly?: boolean;
}

export class FhirRepository {
  constructor(
    readonly deps: RepositoryDeps,
    readonly context: RequestContext,
    private readonly client?: pg.PoolClient,
  ) {}

  get policy(): AccessPolicy {
    return this.context.policy;
  }

  /** The connection to use: the transaction's when in one. */
  get sql(): Queryable {
    return this.client ?? this.deps.db;
  }

  get inTransaction(): boolean {
    return this.client !== undefined;
  }

  /** Runs `work` with a repository bound to one database transaction (joins an open one). */
  async withTransaction<T>(work: (repo: FhirRepository) => Promise<T>): Promise<T> {
    if (this.client) return work(this);
    return this.deps.db.withTransaction((client) => work(new FhirRepository(this.deps, this.context, client)));
  }

  audit(action: AuditAction, subtype: AuditSubtype, entities: string[], patientIds: string[], success = true, description?: string): void {
    const entry: AuditEntry = {
      action,
      subtype,
      principal: this.policy.principal,
      patientIds: [...new Set(patientIds)],
      entities,
      outcome: success ? 'success' : 'failure',
      sourceIp: this.context.sourceIp,
      userAgent: this.context.userAgent,
      description,
    };
    this.deps.audit.record(entry);
  }

  checkType(resourceType: string): void {
    if (!isResourceType(resourceType)) throw new FhirError(404, outcome('error', 'not-supported', `Unknown resource type ${resourceType}`));
  }

  private checkId(id: string): void {
    if (!ID_PATTERN.test(id)) throw badRequest(`Invalid id ${JSON.stringify(id.slice(0, 80))}`);
  }

  async read(resourceType: string, id: string): Promise<StoredVersion> {
    this.checkType(resourceType);
    this.checkId(id);
    if (!this.policy.canRead(resourceType)) throw forbidden(`Not permitted to read ${resourceType}`);
    const current = await readCurrent(this.sql, resourceType, id);
    // Outside the reachable set a resource is answered exactly like one that does not exist.
    if (!current || !isReachable(this.policy, resourceType, current.compartments)) throw notFound(`${resourceType}/${id} not found`);
    // SMART granular scopes (policy.resourceFilters): a resource outside the granted categories is not there for this caller.
    if (!current.deleted && !matchesResourceFilter(this.policy, resourceType, current.content)) throw notFound(`${resourceType}/${id} not found`);
    if (current.deleted) throw gone(`${resourceType}/${id} was deleted`);
    this.audit('R', 'read', [`${resourceType}/${id}`], current.compartments);
    return current;
  }

  async vread(resourceType: string, id: string, versionId: string): Promise<StoredVersion> {
    this.checkType(resourceType);
    this.checkId(id);
    if (!this.policy.canRead(resourceType)) throw forbidden(`Not permitted to read ${resourceType}`);
    const version = await readVersion(this.sql, resourceType, id, versionId);
    if (!version || !isReachable(this.policy, resourceType, version.compartments)) throw notFound(`${resourceType}/${id}/_history/${versionId} not found`);
    if (!version.deleted && !matchesResourceFilter(this.policy, resourceType, version.content)) throw notFound(`${resourceType}/${id}/_history/${versionId} not found`);
    if (version.deleted) throw gone(`${resourceType}/${id} version ${versionId} is a deletion`);
    this.audit('R', 'vread', [`${resourceType}/${id}/_history/${versionId}`], version.compartments);
    return version;
  }

  /** create (FHIR http §3.1.0.8); with `ifNoneExist`, a conditional create (§3.1.0.8.1). */
  async create(input: unknown, options: WriteOptions & { ifNoneExist?: string; keepId?: boolean } = {}): Promise<WriteResult> {
    validateOrThrow(input);
    // The server assigns the id of a created resource (§3.1.0.8); `keepId` is for fixtures.
    const resource = { ...input } as Resource;
    if (options.keepId && resource.id) this.refuseChosenIdOutsideReach(resource.resourceType);
    if (!options.keepId) resource.id = randomUUID();
    else if (!resource.id) resource.id = randomUUID();
    if (options.ifNoneExist !== undefined) {
      const matches = await this.findConditional(resource.resourceType, options.ifNoneExist);
      if (matches.length > 1) throw preconditionFailed(`If-None-Exist matched ${matches.length} resources`);
      if (matches.length === 1) return { version: await this.read(resource.resourceType, matches[0]), created: false };
    }
    // No transaction needed: the reference check is a read, and writeVersions stores the resource,
    // its history row and its index rows in one statement.
    return this.writeOne(resource, undefined, options);
  }

  /** update (§3.1.0.4), update-as-create when the id is new. */
  async update(input: unknown, options: WriteOptions = {}): Promise<WriteResult> {
    validateOrThrow(input);
    const resource = input as Resource;
    if (!resource.id) throw badRequest('An update needs the resource id in the body', [`${resource.resourceType}.id`]);
    return this.withTransaction(async (repo) => {
      await lockResourceForWrite(repo.sql, resource.resourceType, resource.id as string);
      const existing = await readCurrent(repo.sql, resource.resourceType, resource.id as string, true);
      const outsideReach = existing ? !isReachable(this.policy, resource.resourceType, existing.compartments) : !options.serverAssignedId;
      if (outsideReach) this.refuseChosenIdOutsideReach(resource.resourceType);
      return repo.writeOne(resource, existing, options);
    });
  }

  /** Conditional update by search criteria (§3.1.0.4.3). */
  async conditionalUpdate(input: unknown, criteria: string, options: WriteOptions = {}): Promise<WriteResult> {
    validateOrThrow(input);
    const resource = input as Resource;
    const matches = await this.findConditional(resource.resourceType, criteria);
    if (matches.length > 1) throw preconditionFailed(`The criteria matched ${matches.length} resources`);
    if (matches.length === 1) {
      if (resource.id && resource.id !== matches[0]) throw badRequest('The id in the body does not match the resource found by the criteria');
      return this.update({ ...resource, id: matches[0] }, options);
    }
    if (resource.id) return this.update(resource, { ...options, createOnly: true });
    return this.create(resource, options);
  }

  async delete(resourceType: string, id: string): Promise<void> {
    this.checkType(resourceType);
    this.checkId(id);
    if (!this.policy.canWrite(resourceType)) throw forbidden(`Not permitted to delete ${resourceType}`);
    await this.withTransaction(async (repo) => {
      await lockResourceForWrite(repo.sql, resourceType, id);
      const existing = await readCurrent(repo.sql, resourceType, id, true);
      if (!existing || !isReachable(this.policy, resourceType, existing.compartments)) throw notFound(`${resourceType}/${id} not found`);
      if (existing.deleted) return;
      const version: VersionToWrite = {
        resourceType,
        id,
        versionId: String(Number(existing.versionId) + 1),
        lastUpdated: new Date().toISOString(),
        deleted: true,
        content: null,
        compartments: existing.compartments,
        rows: null,
        isNew: false,
      };
      await writeVersions(repo.sql, [version]);
      this.audit('D', 'delete', [`${resourceType}/${id}`], existing.compartments);
    });
  }

  /**
   * A caller who reaches only some patients never creates a resource with an id it chose (PUT to a
   * new id, a conditional update naming an id). Otherwise the answer would tell a new id (201) from
   * one another patient already uses (refused), while reads answer 404 for both. Such callers create
   * with POST; the same refusal answers every id outside their reach (decision 0019).
   */
  private refuseChosenIdOutsideReach(resourceType: string): void {
    if (this.policy.patientIds === null) return;
    if (!this.policy.canWrite(resourceType)) throw forbidden(`Not permitted to write ${resourceType}`);
    throw forbidden(`Not permitted to create ${resourceType} with an id chosen by the client; create it with POST`);
  }

  private async writeOne(resource: Resource, existing: StoredVersion | undefined, options: WriteOptions): Promise<WriteResult> {
    if (!this.policy.canWrite(resource.resourceType)) throw forbidden(`Not permitted to write ${resource.resourceType}`);
    if (existing && !isReachable(this.policy, resource.resourceType, existing.compartments)) this.refuseChosenIdOutsideReach(resource.resourceType);
    if (options.createOnly && existing && !existing.deleted) {
      throw conflict(`${resource.resourceType}/${resource.id} already exists but does not match the criteria; a conditional update that matches nothing may only create a new resource`);
    }
    if (options.ifMatch !== undefined) {
      const wanted = /^(?:W\/)?"?([^"]*)"?$/.exec(options.ifMatch.trim())?.[1];
      if (!existing || existing.deleted || wanted !== existing.versionId) {
        throw new FhirError(412, outcome('error', 'conflict', `Version conflict: If-Match ${options.ifMatch} does not match the current version ${existing?.versionId ?? '(none)'}`));
      }
    }
    const prepared = prepareResource(resource);
    this.checkCompartments(prepared);
    if (!options.deferReferenceCheck) await this.checkReferences([prepared.resource]);
    const [result] = await this.writePrepared([{ prepared, existing }]);
    return result;
  }

  /** Patients and apps may only write inside the compartments they reach. */
  checkCompartments(prepared: PreparedResource): void {
    const allowed = this.policy.patientIds;
    if (allowed === null) return;
    const { compartments, resource } = prepared;
    if (compartments.length === 0 || compartments.some((id) => !allowed.includes(id))) {
      throw forbidden(`Not permitted to write ${resource.resourceType} for that patient`);
    }
  }

  /**
   * Stores prepared resources as new versions (one statement per table for the whole set). An
   * unchanged resource (same JSON apart from meta) keeps its version, which makes re-import a no-op.
   */
  async writePrepared(items: { prepared: PreparedResource; existing: StoredVersion | undefined }[]): Promise<WriteResult[]> {
    await inheritTargetCompartments(this.sql, items);
    const now = new Date().toISOString();
    const results: WriteResult[] = [];
    const versions: VersionToWrite[] = [];
    for (const { prepared, existing } of items) {
      const resource = prepared.resource;
      if (existing && !existing.deleted && existing.content && sameContent(existing.content, resource)) {
        results.push({ version: existing, created: false });
        continue;
      }
      const versionId = existing ? String(Number(existing.versionId) + 1) : '1';
      const stored: Resource = { ...resource, meta: { ...resource.meta, versionId, lastUpdated: now } };
      const version: VersionToWrite = {
        resourceType: resource.resourceType,
        id: resource.id as string,
        versionId,
        lastUpdated: now,
        deleted: false,
        content: JSON.stringify(stored),
        compartments: prepared.compartments,
        rows: prepared.rows,
        isNew: !existing,
      };
      versions.push(version);
      results.push({ version, created: !existing || existing.deleted });
    }
    await writeVersions(this.sql, versions);
    for (const v of versions) this.audit(v.versionId === '1' ? 'C' : 'U', v.versionId === '1' ? 'create' : 'update', [`${v.resourceType}/${v.id}`], v.compartments);
    return results;
  }

  /**
   * Every local reference must point at a stored, not deleted resource the caller reaches (or one in
   * `pending`). A resource outside the caller's reach is answered exactly like a missing one, so a
   * write cannot tell whether another patient's id exists (decision 0003).
   */
  async checkReferences(resources: Resource[], pending: Set<string> = new Set()): Promise<void> {
    const wanted = new Map<string, { path: string; reference: string }>();
    for (const resource of resources) {
      for (const found of collectReferences(resource)) {
        const target = localTarget(found.reference, this.deps.baseUrl);
        if (!target) continue;
        const key = `${target.type}/${target.id}`;
        if (!pending.has(key) && !wanted.has(key)) wanted.set(key, found);
      }
    }
    if (wanted.size === 0) return;
    const keys = [...wanted.keys()];
    const { rows } = await this.sql.query<{ key: string; resource_type: string; compartments: string[] }>(
      `SELECT r.resource_type || '/' || r.id AS key, r.resource_type, r.compartments FROM fhir_resource r
       JOIN unnest($1::text[], $2::text[]) AS w(t, i) ON r.resource_type = w.t AND r.id = w.i WHERE NOT r.deleted`,
      [keys.map((k) => k.split('/')[0]), keys.map((k) => k.split('/')[1])],
    );
    const present = new Set(rows.filter((r) => isReachable(this.policy, r.resource_type, r.compartments)).map((r) => r.key));
    const missing = keys.filter((k) => !present.has(k));
    if (missing.length > 0) {
      throw new FhirError(400, {
        resourceType: 'OperationOutcome',
        issue: missing.slice(0, 50).map((k) => ({
          severity: 'error' as const,
          code: 'invalid' as const,
          details: { text: `Reference ${wanted.get(k)!.reference} does not resolve to a stored resource` },
          diagnostics: `Reference ${wanted.get(k)!.reference} does not resolve`,
          expression: [wanted.get(k)!.path],
        })),
      });
    }
  }

  /** Ids matching conditional-operation criteria: any search parameters (FHIR http §3.1.0.8.1, §3.1.0.4.3). */
  async findConditional(resourceType: string, criteria: string): Promise<string[]> {
    const query = [...new URLSearchParams(criteria.replace(/^\?/, '')).entries()];
    if (query.length === 0) throw badRequest('Conditional criteria are empty');
    return searchIds(this, resourceType, query, 2);
  }
}

/** Same JSON apart from meta.versionId/lastUpdated (a resource sent without meta matches one stored with only those). */
export function sameContent(storedJson: string, resource: Resource): boolean {
  const stored = JSON.parse(storedJson) as Resource;
  const strip = (r: Resource) => {
    const { versionId: _v, lastUpdated: _l, ...meta } = r.meta ?? {};
    return JSON.stringify({ ...r, meta: Object.keys(meta).length ? meta : undefined });
  };
  return strip(stored) === strip(resource);
}

