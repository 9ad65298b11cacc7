// Rewrites literal references inside a resource (nested elements and contained resources included),
// used by transactions (FHIR R4 http §3.1.0.11.2: "servers SHALL replace all matching links in the
// bundle") and by the bulk importer (Synthea bundles link entries by `urn:uuid:` fullUrls).
import type { Resource } from '@medplum/fhirtypes';

/** Calls `replace` for every `reference` string; a defined return value replaces it. Mutates `resource`. */
export function rewriteReferences(resource: Resource, replace: (reference: string) => string | undefined): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object') walk(item);
      return;
    }
    const obj = value as Record<string, unknown>;
    for (const key in obj) {
      const child = obj[key];
      if (key === 'reference' && typeof child === 'string') {
        const next = replace(child);
        if (next !== undefined) obj[key] = next;
      } else if (child && typeof child === 'object') {
        walk(child);
      }
    }
  };
  walk(resource);
}

/** Every `reference` string in a resource, contained resources included. */
export function allReferences(resource: Resource): string[] {
  const out: string[] = [];
  rewriteReferences(resource, (ref) => {
    out.push(ref);
    return undefined;
  });
  return out;
}

const ABSOLUTE_RESOURCE_URL = /^https?:\/\/.+\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * Keys under which an entry can be referenced: its fullUrl, and for an absolute RESTful fullUrl
 * also `Type/id` (relative references resolve against the entry's base, FHIR R4 §2.1.0.2.1).
 */
export function fullUrlKeys(fullUrl: string | undefined): string[] {
  if (!fullUrl) return [];
  const m = ABSOLUTE_RESOURCE_URL.exec(fullUrl);
  return m ? [fullUrl, `${m[1]}/${m[2]}`] : [fullUrl];
}

/** `urn:uuid:<uuid>` → the uuid (a valid FHIR id), else undefined. */
export function uuidOfFullUrl(fullUrl: string | undefined): string | undefined {
  const m = /^urn:uuid:([0-9a-fA-F-]{36})$/.exec(fullUrl ?? '');
  return m ? m[1].toLowerCase() : undefined;
}

/** A conditional reference (`Patient?identifier=sys|123`, FHIR R4 http §3.1.0.11.3). */
export function parseConditionalReference(reference: string): { type: string; criteria: string } | undefined {
  const m = /^([A-Z][A-Za-z]+)\?(.+)$/.exec(reference);
  return m ? { type: m[1], criteria: m[2] } : undefined;
}
