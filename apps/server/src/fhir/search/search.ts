// PLACEHOLDER while the search engine is written: lists resources of a type, newest first.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { reachableCondition } from '../../access/sql.js';
import type { FhirRepository } from '../repository.js';

export interface SearchOptions {
  strict: boolean;
}

export async function searchResources(repo: FhirRepository, resourceType: string, query: [string, string][], _options: SearchOptions): Promise<Bundle> {
  const params: unknown[] = [resourceType];
  const cond = reachableCondition(repo.policy, 'r', params);
  const { rows } = await repo.sql.query<{ content: string }>(
    `SELECT content FROM fhir_resource r WHERE resource_type = $1 AND NOT deleted AND ${cond} ORDER BY last_updated DESC LIMIT 20`,
    params,
  );
  void query;
  return { resourceType: 'Bundle', type: 'searchset', entry: rows.map((r) => ({ resource: JSON.parse(r.content) as Resource, search: { mode: 'match' } })) };
}
