// The one door for privileged (system) access to the resource tables. Code that must read health
// data without a caller's policy (matching a stranger to a chart, reading the chart an activation
// code points to, importing, exporting for a job) asks for a repository here, naming its purpose
// from a closed list. It is the ordinary FhirRepository, so every read is checked and audited on
// the same code path; its AuditEvents carry the reason as the system agent's role and the party it
// acts for as a second agent, and `listPrivilegedAccess` (audit/privileged-access-log.ts) finds
// them all with one query. Unlike a global policy-bypassing "system repository", nothing here is
// ambient: each use is a visible call with its reason (docs/decisions/0018).
import type { Resource } from '@medplum/fhirtypes';
import { FhirError } from '#fhir/outcomes.js';
import { FhirRepository, type RepositoryDeps } from '../fhir/repository.js';
import { privilegedPolicy, type AccessPolicy } from './policy.js';
import type { Principal } from './principal.js';
import type { PrivilegedReason } from './privileged-reasons.js';

export interface PrivilegedAccess {
  reason: PrivilegedReason;
  /** Who the server acts for (an app, a signed-in user, the anonymous person enrolling), when someone asked. */
  actor?: Principal;
  /** A finer name for the audit display (e.g. the operator token's label); defaults to the reason. */
  name?: string;
  sourceIp?: string;
  userAgent?: string;
}

/** A repository with no patient limit for one named purpose; every use is audited under `reason`. */
export function privilegedRepository(deps: RepositoryDeps, access: PrivilegedAccess): FhirRepository {
  const policy = privilegedPolicy(access.reason, { name: access.name, actor: access.actor });
  return new FhirRepository(deps, { policy, sourceIp: access.sourceIp, userAgent: access.userAgent });
}

/**
 * A policy that keeps `policy`'s reach (patients, types, row filters) but whose reads are made by the
 * server for `reason` on behalf of `policy`'s principal: work done later, without the request, such
 * as a bulk export job.
 */
export function onBehalfOf(policy: AccessPolicy, reason: PrivilegedReason): AccessPolicy {
  return { ...policy, principal: { kind: 'system', name: reason, reason, actor: policy.principal } };
}

/** A resource read (and audited) through `repo`, or undefined when it does not exist or was deleted. */
export async function readIfPresent<T extends Resource>(repo: FhirRepository, resourceType: T['resourceType'], id: string): Promise<T | undefined> {
  try {
    return JSON.parse((await repo.read(resourceType, id)).content as string) as T;
  } catch (err) {
    if (err instanceof FhirError && (err.status === 404 || err.status === 410)) return undefined;
    throw err;
  }
}
