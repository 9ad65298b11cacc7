// Which search parameters apply to a resource type, with their parsed FHIRPath expressions, taken
// from the official R4 (and US Core) SearchParameter definitions loaded by definitions.ts.
import { AsAtom, DotAtom, FhirPathAtom, FunctionAtom, getSearchParameterDetails, getSearchParameters, IndexerAtom, SymbolAtom, UnionAtom } from '@medplum/core';
import type { Atom } from '@medplum/core';
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
  /**
   * Top-level elements the expression reads (`value` covers valueQuantity, valueString, …): a
   * resource with none of them cannot yield a value, so extraction skips the expression. Undefined
   * when that cannot be shown from the expression.
   */
  elements?: string[];
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
    const elements = expression ? requiredElements(expression, resourceType) : undefined;
    params.set(code, { code, type, definition, expression, targets: definition.target ?? [], elements });
  }
  cache.set(resourceType, params);
  return params;
}

export function findParam(resourceType: string, code: string): IndexedParam | undefined {
  return indexedParams(resourceType).get(code);
}

// Functions that map an empty input collection to an empty result (FHIRPath §5.2, §5.3, §6.3), so
// `X.where(…)` yields nothing when X is absent. `exists()`, `empty()`, `count()` and friends are not
// here: they yield a value from nothing.
const EMPTY_IN_EMPTY_OUT = new Set(['where', 'as', 'ofType', 'resolve', 'first', 'last', 'extension']);
const ROOTS = new Set(['Resource', 'DomainResource']);

/** The top-level elements one of which `atom` needs to yield anything, or undefined when unknown. */
export function requiredElements(atom: Atom, resourceType: string): string[] | undefined {
  if (atom instanceof FhirPathAtom) return requiredElements(atom.child, resourceType);
  if (atom instanceof UnionAtom) {
    const left = requiredElements(atom.left, resourceType);
    const right = left && requiredElements(atom.right, resourceType);
    return left && right ? [...new Set([...left, ...right])] : undefined;
  }
  if (atom instanceof AsAtom || atom instanceof IndexerAtom) return requiredElements(atom.left, resourceType);
  if (atom instanceof DotAtom) {
    const { left, right } = atom;
    if (left instanceof SymbolAtom && (left.name === resourceType || ROOTS.has(left.name))) {
      return right instanceof SymbolAtom ? [right.name] : undefined;
    }
    if (right instanceof SymbolAtom || (right instanceof FunctionAtom && EMPTY_IN_EMPTY_OUT.has(right.name))) return requiredElements(left, resourceType);
  }
  return undefined;
}
