// An export runs later, on any node, without the request that started it. It runs with the
// requester's access as it was at kick-off: the principal, the reachable patients, the readable
// types and the SMART row filters are stored with the job and turned back into an AccessPolicy,
// which then guards every read exactly like a request's would.
import type { AccessPolicy, ResourceFilter } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { getResourceTypes } from '../fhir/resource-types.js';

export interface PolicySnapshot {
  principal: Principal;
  patientIds: string[] | null;
  /** '*' when every type is readable. */
  readableTypes: string[] | '*';
  resourceFilters?: Record<string, ResourceFilter>;
}

export function snapshotPolicy(policy: AccessPolicy): PolicySnapshot {
  const all = getResourceTypes();
  const readable = all.filter((t) => policy.canRead(t));
  return {
    principal: policy.principal,
    patientIds: policy.patientIds === null ? null : [...policy.patientIds],
    readableTypes: readable.length === all.length ? '*' : readable,
    ...(policy.resourceFilters ? { resourceFilters: { ...policy.resourceFilters } } : {}),
  };
}

/** The policy an export job runs with. It never writes, whatever the requester could. */
export function restorePolicy(snapshot: PolicySnapshot): AccessPolicy {
  const { principal, patientIds, readableTypes, resourceFilters } = snapshot;
  const readable = readableTypes === '*' ? undefined : new Set(readableTypes);
  return {
    principal,
    patientIds,
    canRead: (type) => (readable ? readable.has(type) : true),
    canWrite: () => false,
    ...(resourceFilters ? { resourceFilters } : {}),
  };
}

/** Who may poll a job and download its files: the same principal that started it. */
export function ownerKey(principal: Principal): string {
  switch (principal.kind) {
    case 'system':
      return `system:${principal.name}`;
    case 'patient':
      return `patient:${principal.userId}:${principal.patientId}`;
    case 'staff':
      return `staff:${principal.userId}`;
    case 'app':
      return `app:${principal.clientId}:${principal.userId ?? ''}:${principal.patientId ?? ''}`;
  }
}
