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
  const filter = resourceFilterCondition(policy, alias, params);
  if (policy.patientIds === null) return filter ?? 'TRUE';
  params.push([...policy.patientIds]);
  const idsParam = `$${params.length}`;
  const reach = `(${alias}.compartments && ${idsParam}::text[] OR (${alias}.compartments = '{}' AND NOT ${alias}.resource_type = ANY(${sharedGuard(params)})))`;
  return filter ? `(${reach} AND ${filter})` : reach;
}

/**
 * The SQL side of policy.resourceFilters (SMART v2 granular scopes): rows of a filtered type must
 * have a matching `category` token in the search index. Undefined when the policy has no filters.
 */
export function resourceFilterCondition(policy: AccessPolicy, alias: string, params: unknown[]): string | undefined {
  const filters = policy.resourceFilters;
  if (!filters || Object.keys(filters).length === 0) return undefined;
  params.push(Object.keys(filters));
  const typesParam = `$${params.length}::text[]`;
  const parts = Object.entries(filters).map(([type, filter]) => {
    params.push(type);
    const t = `$${params.length}`;
    params.push(filter.anyOf.map((a) => a.system ?? null));
    const systems = `$${params.length}::text[]`;
    params.push(filter.anyOf.map((a) => a.code));
    const codes = `$${params.length}::text[]`;
    return `(${alias}.resource_type = ${t} AND EXISTS (SELECT 1 FROM sp_token fc, unnest(${systems}, ${codes}) AS f(s, c)
      WHERE fc.resource_type = ${alias}.resource_type AND fc.resource_id = ${alias}.id AND fc.param = 'category'
        AND fc.code = f.c AND (f.s IS NULL OR fc.system = f.s)))`;
  });
  return `(NOT ${alias}.resource_type = ANY(${typesParam}) OR ${parts.join(' OR ')})`;
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
