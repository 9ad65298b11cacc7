// Finds every literal reference in a resource, with its FHIRPath-like location, so writes can check
// that each one resolves (FHIR R4 §2.1.0.2 "Resolving references").
import type { Resource } from '@medplum/fhirtypes';

export interface FoundReference {
  path: string;
  reference: string;
}

export function collectReferences(resource: Resource): FoundReference[] {
  const found: FoundReference[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'contained') continue;
        if (key === 'reference' && typeof child === 'string') found.push({ path, reference: child });
        else walk(child, `${path}.${key}`);
      }
    }
  };
  walk(resource, resource.resourceType);
  return found;
}

const LOCAL = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;

/** `Type/id` references to this server (relative, or absolute under our base URL). */
export function localTarget(reference: string, baseUrl: string): { type: string; id: string } | undefined {
  let ref = reference;
  if (ref.startsWith(`${baseUrl}/`)) ref = ref.slice(baseUrl.length + 1);
  const m = LOCAL.exec(ref);
  return m ? { type: m[1], id: m[2] } : undefined;
}
