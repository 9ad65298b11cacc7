// _summary and _elements (FHIR R4 search.html "Summary" and "Elements"): return part of each matched
// resource, marked with the SUBSETTED tag so nobody mistakes it for the whole record.
import { tryGetDataType } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { loadFhirDefinitions } from '../definitions.js';

const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED', display: 'subsetted' };
const ALWAYS = ['resourceType', 'id', 'meta'];

export function shapeResource(resource: Resource, summary: string | undefined, elements: string[] | undefined): Resource {
  let keep: Set<string> | undefined;
  let drop: Set<string> | undefined;
  if (summary === 'true') keep = summaryElements(resource.resourceType);
  else if (summary === 'text') keep = new Set([...ALWAYS, 'text', ...mandatoryElements(resource.resourceType)]);
  else if (summary === 'data') drop = new Set(['text']);
  else if (elements) keep = new Set([...ALWAYS, ...mandatoryElements(resource.resourceType), ...elements.map((e) => e.replace('[x]', ''))]);
  if (!keep && !drop) return resource;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    const base = choiceBase(key, keep);
    if (keep && !keep.has(key) && !base) continue;
    if (drop?.has(key)) continue;
    out[key] = value;
  }
  const meta = { ...(resource.meta ?? {}) };
  meta.tag = [...(meta.tag ?? []), SUBSETTED];
  out.meta = meta;
  return out as unknown as Resource;
}

/** `valueQuantity` is kept when `value` (a choice element) is asked for. */
function choiceBase(key: string, keep: Set<string> | undefined): boolean {
  if (!keep) return false;
  for (let i = key.length - 1; i > 0; i--) {
    if (/[A-Z]/.test(key[i]) && keep.has(key.slice(0, i))) return true;
  }
  return false;
}

function summaryElements(type: string): Set<string> {
  loadFhirDefinitions();
  const schema = tryGetDataType(type);
  return new Set([...ALWAYS, ...(schema?.summaryProperties ?? []), ...mandatoryElements(type)]);
}

function mandatoryElements(type: string): string[] {
  loadFhirDefinitions();
  return [...(tryGetDataType(type)?.mandatoryProperties ?? [])];
}
