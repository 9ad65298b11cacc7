// The one access-control door. A policy says, for one principal, which patients' compartments are
// reachable and which resource types may be read or written. The FHIR repository applies it to
// every query it runs, so no route can forget it.
import type { Principal } from './principal.js';
import type { PrivilegedReason } from './privileged-reasons.js';

export interface AccessPolicy {
  readonly principal: Principal;
  /** Patients whose compartments are reachable; `null` means every patient (system, clinic staff). */
  readonly patientIds: readonly string[] | null;
  canRead(resourceType: string): boolean;
  canWrite(resourceType: string): boolean;
  /**
   * Type-level search. SMART v2 separates `.r` (read by id) from `.s` (search); absent = canRead
   * (every non-SMART principal reads and searches alike). Use `canSearch(policy, type)`.
   */
  canSearch?(resourceType: string): boolean;
  /**
   * Per-type row filters from SMART v2 granular scopes (e.g. `patient/Observation.rs?category=…|laboratory`):
   * a resource of a listed type is reachable only when one of its `category` codings matches.
   * Absent or missing a type = no filter. Applied in SQL by reachableCondition (so every search,
   * include and history query gets it without extra code in the search engine) and to single
   * resources by matchesResourceFilter (reads, vreads) — see access/sql.ts and access/resource-filter.ts.
   */
  readonly resourceFilters?: Readonly<Record<string, ResourceFilter>>;
}

export interface ResourceFilter {
  param: 'category';
  anyOf: readonly { system?: string; code: string }[];
}

/** Whether the policy allows searching `resourceType` (falls back to canRead when the policy does not say). */
export function canSearch(policy: AccessPolicy, resourceType: string): boolean {
  return policy.canSearch ? policy.canSearch(resourceType) : policy.canRead(resourceType);
}

/**
 * Unrestricted access for one named purpose from the closed list (access/privileged-reasons.ts). The
 * only way to a policy without a patient limit besides administrators; every read and write made
 * with it is audited under that reason (see access/privileged.ts, docs/decisions/0018).
 */
export function privilegedPolicy(reason: PrivilegedReason, options: { name?: string; actor?: Principal } = {}): AccessPolicy {
  return {
    principal: { kind: 'system', name: options.name ?? reason, reason, ...(options.actor ? { actor: options.actor } : {}) },
    patientIds: null,
    canRead: () => true,
    canWrite: () => true,
  };
}

/** A patient reaches their own compartment (proxy grants extend `patientIds` in a later module). */
export function patientPolicy(principal: Extract<Principal, { kind: 'patient' }>, extraPatientIds: string[] = []): AccessPolicy {
  const ids = [...new Set([principal.patientId, ...extraPatientIds])];
  return {
    principal,
    patientIds: ids,
    canRead: () => true,
    // Patients change their record only through workflows (messages, forms, refills) that the
    // capability modules write with their own checks; the raw FHIR API is read-only for them.
    canWrite: () => false,
  };
}
