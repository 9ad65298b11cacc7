// The SQL side of the access door: the condition every query on fhir_resource carries.
import { isPatientCompartmentType } from './compartment.js';
import type { AccessPolicy } from './policy.js';
import { getResourceTypes } from '../fhir/resource-types.js';

/**
 * A WHERE condition limiting rows of `alias` (a fhir_resource or history row) to what the policy
 * may reach, with its parameters appended to `params`. Shared resources (Practitioner,
 * Organization, Medication, …: types outside the patient compartment) are readable by anyone
 * with a policy; resources of compartment types with no patient are system/staff only.
 */
export function reachableCondition(policy: AccessPolicy, alias: string, params: unknown[]): string {
  if (policy.patientIds === null) return 'TRUE';
  params.push([...policy.patientIds]);
  const idsParam = `$${params.length}`;
  return `(${alias}.compartments && ${idsParam}::text[] OR (${alias}.compartments = '{}' AND NOT ${alias}.resource_type = ANY(${sharedGuard(params)})))`;
}

let compartmentTypes: string[] | undefined;

function sharedGuard(params: unknown[]): string {
  compartmentTypes ??= getResourceTypes().filter(isPatientCompartmentType);
  params.push(compartmentTypes);
  return `$${params.length}::text[]`;
}

/** Whether a single stored resource is reachable (used where the row is already in memory). */
export function isReachable(policy: AccessPolicy, resourceType: string, compartments: readonly string[]): boolean {
  if (policy.patientIds === null) return true;
  if (compartments.length === 0) return !isPatientCompartmentType(resourceType);
  return compartments.some((id) => policy.patientIds!.includes(id));
}
