// SMART App Launch 2.2 scopes (scopes-and-launch-context.html): v1 `patient/Observation.read`,
// v2 `patient/Observation.rs`, wildcards, and v2 granular scopes `patient/Observation.rs?category=…`.
// Parsing is strict: a scope string that is neither a known special scope nor a well-formed
// resource scope is dropped (and so never granted).
import type { ResourceFilter } from '../access/policy.js';
import { isResourceType } from '../fhir/resource-types.js';
import { isConsentType } from './consent-catalogue.js';

export type ScopeContext = 'patient' | 'user' | 'system';
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  context: ScopeContext;
  /** A resource type or `*`. */
  type: string;
  permissions: Set<Permission>;
  /** v1 (`read`/`write`/`*`) or v2 (`cruds`) syntax; kept so granted scopes are echoed in the syntax asked for. */
  version: 1 | 2;
  /** Granular v2 filter, e.g. category codes; only `category` is honoured (SMART 2.2 §3.3.3 lets servers choose). */
  filter?: { param: 'category'; anyOf: { system?: string; code: string }[] };
  text: string;
}

export const SPECIAL_SCOPES = new Set(['openid', 'fhirUser', 'profile', 'launch', 'launch/patient', 'launch/encounter', 'offline_access', 'online_access']);

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)(\?.*)?$/;

export function parseResourceScope(text: string): ResourceScope | undefined {
  const m = RESOURCE_SCOPE.exec(text);
  if (!m) return undefined;
  const [, context, type, action, query] = m;
  if (type !== '*' && !isResourceType(type)) return undefined;
  let permissions: Set<Permission>;
  let version: 1 | 2;
  if (action === 'read') [permissions, version] = [new Set(['r', 's']), 1];
  else if (action === 'write') [permissions, version] = [new Set(['c', 'u', 'd']), 1];
  else if (action === '*') [permissions, version] = [new Set(['c', 'r', 'u', 'd', 's']), 1];
  else if (action.length > 0) [permissions, version] = [new Set(action.split('') as Permission[]), 2];
  else return undefined;
  const scope: ResourceScope = { context: context as ScopeContext, type, permissions, version, text };
  if (query !== undefined) {
    // Granular scopes are v2 only, and only `category` (token) filters are supported.
    if (version !== 2) return undefined;
    const params = new URLSearchParams(query.slice(1));
    const keys = [...params.keys()];
    if (keys.length !== 1 || keys[0] !== 'category') return undefined;
    const anyOf = params
      .get('category')!
      .split(',')
      .map((token) => {
        const bar = token.indexOf('|');
        return bar < 0 ? { code: token } : { system: token.slice(0, bar) || undefined, code: token.slice(bar + 1) };
      })
      .filter((t) => t.code.length > 0);
    if (anyOf.length === 0) return undefined;
    scope.filter = { param: 'category', anyOf };
  }
  return scope;
}

/** Splits a scope parameter into the scopes the server understands (unknown ones are dropped). */
export function parseScopeString(scope: string | undefined): string[] {
  const out: string[] = [];
  for (const s of (scope ?? '').split(' ')) {
    if (!s || out.includes(s)) continue;
    if (SPECIAL_SCOPES.has(s) || parseResourceScope(s)) out.push(s);
  }
  return out;
}

export function resourceScopes(scopes: readonly string[]): ResourceScope[] {
  return scopes.map(parseResourceScope).filter((s): s is ResourceScope => s !== undefined);
}

/**
 * Whether a scope reaches a type. A person's app (patient/ and user/ scopes) reaches only the types
 * the consent page lists (consent-catalogue.ts), `*` included, so a token never reads a kind of data
 * the person was not shown; system/ scopes (backend services, no consent page) reach every type.
 */
const typeMatches = (scope: ResourceScope, type: string) =>
  (scope.type === '*' || scope.type === type) && (scope.context === 'system' || isConsentType(type));

/**
 * What a set of granted scopes allows, as the parts of an AccessPolicy. SMART v2 keeps `r` (read
 * and vread by id) apart from `s` (type-level search): a `.r`-only token gets 403 on search and a
 * `.s`-only token 403 on read (scopes-and-launch-context.html §3.1); v1 `.read` is `rs`.
 */
export function scopePermissions(scopes: readonly string[], contexts: ScopeContext[]) {
  const parsed = resourceScopes(scopes).filter((s) => contexts.includes(s.context));
  const canRead = (type: string) => parsed.some((s) => typeMatches(s, type) && s.permissions.has('r'));
  const canSearch = (type: string) => parsed.some((s) => typeMatches(s, type) && s.permissions.has('s'));
  const canWrite = (type: string) => parsed.some((s) => typeMatches(s, type) && (s.permissions.has('c') || s.permissions.has('u') || s.permissions.has('d')));
  const resourceFilters: Record<string, ResourceFilter> = {};
  const readers = parsed.filter((s) => s.permissions.has('r') || s.permissions.has('s'));
  const types = new Set(readers.filter((s) => s.type !== '*').map((s) => s.type));
  for (const type of types) {
    const relevant = readers.filter((s) => typeMatches(s, type));
    // Any unfiltered scope for the type (or a wildcard) grants it all; otherwise the union of filters.
    if (relevant.some((s) => !s.filter)) continue;
    resourceFilters[type] = { param: 'category', anyOf: relevant.flatMap((s) => s.filter!.anyOf) };
  }
  return { canRead, canSearch, canWrite, resourceFilters: Object.keys(resourceFilters).length ? resourceFilters : undefined };
}

/** Scopes in `requested` that `allowed` covers (for refresh-time narrowing: RFC 6749 §6). */
export function isSubset(requested: readonly string[], allowed: readonly string[]): boolean {
  return requested.every((s) => allowed.includes(s));
}
