// Which search parameters apply to a resource type, with their parsed FHIRPath expressions, taken
// from the official R4 (and US Core) SearchParameter definitions loaded by definitions.ts.
import { getSearchParameterDetails, getSearchParameters } from '@medplum/core';
import type { FhirPathAtom } from '@medplum/core';
import type { SearchParameter } from '@medplum/fhirtypes';
import { loadFhirDefinitions } from '../definitions.js';

export type ParamType = 'token' | 'string' | 'reference' | 'date' | 'number' | 'quantity' | 'uri' | 'composite' | 'special';

export interface IndexedParam {
  code: string;
  type: ParamType;
  definition: SearchParameter;
  /** The expression restricted to this resource type (multi-type definitions are split). */
  expression?: FhirPathAtom;
  /** For reference parameters: the resource types the reference may point to. */
  targets: string[];
}

// Of the common parameters (FHIR search §3.1.1.3) only these are index rows; _id and _lastUpdated
// are columns of the resource table, and the rest are not supported.
const INDEXED_COMMON = new Set(['_profile', '_security', '_source', '_tag']);

const cache = new Map<string, Map<string, IndexedParam>>();

export function indexedParams(resourceType: string): Map<string, IndexedParam> {
  let params = cache.get(resourceType);
  if (params) return params;
  loadFhirDefinitions();
  params = new Map();
  for (const [code, definition] of Object.entries(getSearchParameters(resourceType) ?? {})) {
    if (code.startsWith('_') && !INDEXED_COMMON.has(code)) continue;
    const type = definition.type as ParamType;
    let expression: FhirPathAtom | undefined;
    if (definition.expression && type !== 'composite' && type !== 'special') {
      try {
        expression = getSearchParameterDetails(resourceType, definition).parsedExpression;
      } catch {
        expression = undefined;
      }
    }
    params.set(code, { code, type, definition, expression, targets: definition.target ?? [] });
  }
  cache.set(resourceType, params);
  return params;
}

export function findParam(resourceType: string, code: string): IndexedParam | undefined {
  return indexedParams(resourceType).get(code);
}
