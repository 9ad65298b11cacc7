// Patient-scoped searches with a `code` or `category` token (`Observation?patient=X&category=laboratory`,
// `…&code=…&_sort=-date`) take their candidates from sp_patient_token (store/patient-tokens.ts):
// one index range holds exactly the patient's resources with that token, in `-date` order, with
// their date keys. Everything the index tables can decide (other filters, sort keys, the cursor)
// is decided there; only the resources that make the page are read from fhir_resource, where the
// access door and the deleted flag are checked as on every other search.
import { indexedParams } from '../indexing/search-parameters.js';
import { PATIENT_PARAM, PATIENT_TOKEN_PARAMS } from '../store/patient-tokens.js';
import { bind, filterCondition, type SqlContext } from './conditions.js';
import type { Filter } from './filters.js';
import type { SearchRequest } from './request.js';

type TokenFilter = Extract<Filter, { kind: 'token' }>;
type ReferenceFilter = Extract<Filter, { kind: 'reference' }>;

export interface PatientScope {
  patientId: string;
  token: TokenFilter;
  /** The request's other filters, still to apply. */
  rest: Filter[];
}

/** The patient and token a search can be driven by, or undefined when it needs the general plan. */
export function patientScope(req: SearchRequest): PatientScope | undefined {
  if (req.sort.some((k) => k.type === 'lastUpdated')) return undefined;
  const patient = req.filters.find((f): f is ReferenceFilter => f.kind === 'reference' && f.code === PATIENT_PARAM && isOnePatient(req.resourceType, f));
  if (!patient) return undefined;
  const tokens = req.filters.filter((f): f is TokenFilter => f.kind === 'token' && !f.not && PATIENT_TOKEN_PARAMS.has(f.code) && f.values.length === 1 && f.values[0].code !== undefined);
  // `code` usually narrows further than `category`.
  const token = tokens.find((f) => f.code === 'code') ?? tokens[0];
  if (!token) return undefined;
  return { patientId: patient.values[0].id as string, token, rest: req.filters.filter((f) => f !== patient && f !== token) };
}

/**
 * One local Patient id, so that the filter matches exactly the rows sp_patient_token holds (targets
 * of type Patient): either the value or modifier names Patient, or the parameter can point nowhere else.
 */
function isOnePatient(resourceType: string, f: ReferenceFilter): boolean {
  if (f.values.length !== 1) return false;
  const { id, type, literal } = f.values[0];
  if (literal !== undefined || id === undefined) return false;
  const named = [type, f.targetType].filter((t) => t !== undefined);
  if (named.length > 0) return named.every((t) => t === 'Patient');
  const targets = indexedParams(resourceType).get(PATIENT_PARAM)?.targets ?? [];
  return targets.length === 1 && targets[0] === 'Patient';
}

/**
 * FROM clause of the candidates: rows `x(id, date_lo, date_hi)`, one or more per resource (a
 * resource may carry the token under two systems), for filterCondition and sortSql to use as `x`.
 */
export function patientScopeSource(scope: PatientScope, resourceType: string, ctx: SqlContext): string {
  const v = scope.token.values[0];
  const conditions = [
    `t.resource_type = ${bind(ctx, resourceType)}`,
    `t.patient_id = ${bind(ctx, scope.patientId)}`,
    `t.param = ${bind(ctx, scope.token.code)}`,
    `t.code = ${bind(ctx, v.code)}`,
  ];
  if (v.system === null) conditions.push('t.system IS NULL');
  else if (v.system !== undefined) conditions.push(`t.system = ${bind(ctx, v.system)}`);
  return `(SELECT t.resource_id AS id, t.date_lo, t.date_hi FROM sp_patient_token t WHERE ${conditions.join(' AND ')}) x`;
}

/** Filters on columns only the resource row has (`_lastUpdated`) wait for it; the rest run on the candidates. */
export function splitFilters(filters: Filter[]): { candidate: Filter[]; resource: Filter[] } {
  return { candidate: filters.filter((f) => f.kind !== 'lastUpdated'), resource: filters.filter((f) => f.kind === 'lastUpdated') };
}

export function conditionsOn(filters: Filter[], alias: string, resourceType: string, ctx: SqlContext): string[] {
  return filters.map((f) => `(${filterCondition(f, alias, resourceType, ctx)})`);
}
