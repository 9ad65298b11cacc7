// Turns import files into units: FHIR R4 Bundles (transaction, batch, collection, searchset, …),
// single resources, and NDJSON (one resource per line, FHIR Bulk Data format), gzip or not. Ids from
// the source are kept (the resource's id, else the uuid of a `urn:uuid:` fullUrl) so importing the
// same files again finds the same resources; links between entries are rewritten to `Type/id`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { ID_PATTERN } from '../fhir/prepare.js';
import { fullUrlKeys, rewriteReferences, uuidOfFullUrl } from '../fhir/bundle/rewrite-references.js';
import type { ImportUnit, SourceEntry } from './types.js';

export const UNIT_SIZE = 500;
const IMPORTABLE = /\.(json|ndjson)(\.gz)?$/i;

/** Files to import under the given paths (folders recursively, sorted for a stable order). */
export function listImportFiles(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (path: string, explicit: boolean) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) visit(join(path, name), false);
    } else if (explicit || IMPORTABLE.test(path)) {
      out.push(path);
    }
  };
  for (const p of paths) visit(p, true);
  return out;
}

export function readText(file: string): string {
  const raw = readFileSync(file);
  return (/\.gz$/i.test(file) ? gunzipSync(raw) : raw).toString('utf8');
}

export function isNdjson(file: string): boolean {
  return /\.ndjson(\.gz)?$/i.test(file);
}

/** A stable id for a resource that carries none: the same content gets the same id on re-import. */
export function contentId(resource: Resource): string {
  const h = createHash('sha256').update(JSON.stringify(resource)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Units of a JSON file (a Bundle or a single resource). Throws with a message when it is not FHIR JSON. */
export function unitsOfJson(file: string, text: string): ImportUnit[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`not valid JSON: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as Resource).resourceType !== 'string') throw new Error('not a FHIR resource (no resourceType)');
  const resource = parsed as Resource;
  if (resource.resourceType !== 'Bundle' || !['transaction', 'batch', 'collection', 'searchset', 'history', 'document', 'message'].includes((resource as Bundle).type ?? '')) {
    return [{ file, mode: 'lenient', entries: [{ resource: withId(resource), position: resource.resourceType }], skipped: 0 }];
  }
  return unitsOfBundle(file, resource as Bundle);
}

function withId(resource: Resource): Resource {
  if (!resource.id) resource.id = contentId(resource);
  return resource;
}

function unitsOfBundle(file: string, bundle: Bundle): ImportUnit[] {
  const entries: SourceEntry[] = [];
  let skipped = 0;
  const links = new Map<string, string>();
  (bundle.entry ?? []).forEach((entry, i) => {
    const resource = entry?.resource;
    const method = entry?.request?.method;
    // Reads and deletes in a bundle are not data to import; search outcomes are not either.
    if (!resource || method === 'GET' || method === 'HEAD' || method === 'DELETE' || entry.search?.mode === 'outcome') {
      skipped++;
      return;
    }
    const urlId = method === 'PUT' ? /^[A-Z][A-Za-z]+\/([A-Za-z0-9\-.]{1,64})$/.exec(entry.request?.url ?? '')?.[1] : undefined;
    const id = resource.id ?? urlId ?? uuidOfFullUrl(entry.fullUrl) ?? contentId(resource);
    resource.id = id;
    if (ID_PATTERN.test(id)) for (const key of fullUrlKeys(entry.fullUrl)) links.set(key, `${resource.resourceType}/${id}`);
    entries.push({ resource, position: `Bundle.entry[${i}]` });
  });
  for (const e of entries) rewriteLinks(e.resource, links);
  if (bundle.type === 'transaction') return [{ file, mode: 'atomic', entries, skipped }];
  const units: ImportUnit[] = [];
  for (let i = 0; i < entries.length || i === 0; i += UNIT_SIZE) {
    units.push({ file, mode: 'lenient', entries: entries.slice(i, i + UNIT_SIZE), skipped: i === 0 ? skipped : 0 });
  }
  return units;
}

function rewriteLinks(resource: Resource, links: Map<string, string>): void {
  if (links.size === 0) return;
  rewriteReferences(resource, (ref) => links.get(ref));
}

/** One NDJSON unit from consecutive lines (`firstLine` is 1-based). Bad lines come back as problems. */
export function unitOfLines(file: string, lines: string[], firstLine: number): { unit: ImportUnit; bad: { position: string; problem: string }[] } {
  const entries: SourceEntry[] = [];
  const bad: { position: string; problem: string }[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const position = `line ${firstLine + i}`;
    try {
      const resource = JSON.parse(line) as Resource;
      if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') throw new Error('not a FHIR resource (no resourceType)');
      entries.push({ resource: withId(resource), position });
    } catch (err) {
      bad.push({ position, problem: (err as Error).message });
    }
  });
  return { unit: { file, mode: 'lenient', entries, skipped: 0 }, bad };
}
