// _include and _revinclude (FHIR R4 search.html "Including other resources in result"). Included
// resources pass the same access door as matches; types the policy cannot read are left out.
import type { FhirRepository } from '../repository.js';
import { reachableCondition } from '../../access/sql.js';
import { getResourceTypes } from '../resource-types.js';
import type { IncludeSpec } from './request.js';

export interface FoundRow {
  resource_type: string;
  id: string;
  content: string;
  compartments: string[];
}

/** Upper bound per include parameter, so one request cannot pull an unbounded graph. */
export const INCLUDE_LIMIT = 1000;

export interface IncludeResult {
  rows: FoundRow[];
  /** Include parameters that hit INCLUDE_LIMIT. */
  truncated: string[];
}

/**
 * Resolves includes for `matches` (type/id keys), then one level of `:iterate` over everything found.
 */
export async function resolveIncludes(repo: FhirRepository, resourceType: string, matches: FoundRow[], includes: IncludeSpec[], revincludes: IncludeSpec[]): Promise<IncludeResult> {
  const seen = new Set(matches.map((r) => `${r.resource_type}/${r.id}`));
  const rows: FoundRow[] = [];
  const truncated: string[] = [];
  const add = (found: FoundRow[], spec: IncludeSpec, kind: string) => {
    if (found.length >= INCLUDE_LIMIT) truncated.push(`${kind}=${spec.sourceType}:${spec.code}`);
    for (const row of found) {
      const key = `${row.resource_type}/${row.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  };
  const run = async (pool: FoundRow[], iterate: boolean) => {
    for (const spec of includes.filter((s) => s.iterate === iterate)) {
      const sources = pool.filter((r) => r.resource_type === spec.sourceType && (iterate || r.resource_type === resourceType));
      if (sources.length > 0) add(await forward(repo, spec, sources.map((r) => r.id)), spec, '_include');
    }
    for (const spec of revincludes.filter((s) => s.iterate === iterate)) {
      for (const type of new Set(pool.map((r) => r.resource_type))) {
        if (spec.targetType && spec.targetType !== type) continue;
        if (spec.targets.length > 0 && !spec.targets.includes(type)) continue;
        const ids = pool.filter((r) => r.resource_type === type).map((r) => r.id);
        add(await reverse(repo, spec, type, ids), spec, '_revinclude');
      }
    }
  };
  await run(matches, false);
  if (includes.some((s) => s.iterate) || revincludes.some((s) => s.iterate)) await run([...matches, ...rows], true);
  return { rows, truncated };
}

/** Resources that `ids` (of spec.sourceType) point to through spec.code. */
async function forward(repo: FhirRepository, spec: IncludeSpec, ids: string[]): Promise<FoundRow[]> {
  const types = (spec.targetType ? [spec.targetType] : spec.targets.length > 0 ? spec.targets : getResourceTypes()).filter((t) => repo.policy.canRead(t));
  if (types.length === 0) return [];
  const params: unknown[] = [spec.sourceType, ids, spec.code, types, INCLUDE_LIMIT];
  const { rows } = await repo.sql.query<FoundRow>(
    `SELECT DISTINCT t.resource_type, t.id, t.content, t.compartments
     FROM sp_reference i JOIN fhir_resource t ON t.resource_type = i.target_type AND t.id = i.target_id
     WHERE i.resource_type = $1 AND i.resource_id = ANY($2::text[]) AND i.param = $3 AND i.target_type = ANY($4::text[])
       AND NOT t.deleted AND ${reachableCondition(repo.policy, 't', params)}
     LIMIT $5`,
    params,
  );
  return rows;
}

/** Resources of spec.sourceType whose spec.code points at one of `ids` (of `targetType`). */
async function reverse(repo: FhirRepository, spec: IncludeSpec, targetType: string, ids: string[]): Promise<FoundRow[]> {
  if (!repo.policy.canRead(spec.sourceType) || ids.length === 0) return [];
  const params: unknown[] = [spec.sourceType, spec.code, targetType, ids, INCLUDE_LIMIT];
  const { rows } = await repo.sql.query<FoundRow>(
    `SELECT DISTINCT t.resource_type, t.id, t.content, t.compartments
     FROM sp_reference i JOIN fhir_resource t ON t.resource_type = i.resource_type AND t.id = i.resource_id
     WHERE i.resource_type = $1 AND i.param = $2 AND i.target_type = $3 AND i.target_id = ANY($4::text[])
       AND NOT t.deleted AND ${reachableCondition(repo.policy, 't', params)}
     LIMIT $5`,
    params,
  );
  return rows;
}
