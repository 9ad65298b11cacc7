// The in-memory side of policy.resourceFilters (SMART v2 granular scopes), for single resources
// already loaded (read, vread). The SQL side is resourceFilterCondition in sql.ts.
import type { AccessPolicy } from './policy.js';

interface Coding {
  system?: string;
  code?: string;
}

/** True when the policy has no filter for the type, or the resource has a matching category coding. */
export function matchesResourceFilter(policy: AccessPolicy, resourceType: string, content: string | null | undefined): boolean {
  const filter = policy.resourceFilters?.[resourceType];
  if (!filter) return true;
  if (!content) return false;
  const category = (JSON.parse(content) as { category?: unknown }).category;
  const concepts = (Array.isArray(category) ? category : category ? [category] : []) as { coding?: Coding[] }[];
  const codings = concepts.flatMap((c) => c?.coding ?? []);
  return codings.some((coding) => filter.anyOf.some((want) => coding.code === want.code && (want.system === undefined || coding.system === want.system)));
}
