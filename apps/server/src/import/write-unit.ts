// Validates, indexes and stores one unit. The CPU work (validation against the R4 definitions, index
// rows) is done for the whole unit first, then the unit is written in one transaction with one
// statement per table (FhirRepository.writePrepared). An atomic unit (a transaction bundle) stores
// everything or nothing; a lenient one stores what is valid and reports the rest.
import type { Resource } from '@medplum/fhirtypes';
import { FhirError } from '#fhir/outcomes.js';
import { FhirRepository, sameContent } from '../fhir/repository.js';
import { prepareResource, validateOrThrow, type PreparedResource } from '../fhir/prepare.js';
import { collectReferences, localTarget } from '../fhir/references.js';
import { parseConditionalReference } from '../fhir/bundle/rewrite-references.js';
import { readCurrentMany } from './existing-versions.js';
import { bump, emptyResult, type ImportUnit, type TaskResult } from './types.js';

interface Ready {
  prepared: PreparedResource;
  position: string;
}

/** Problems of a FhirError as `path: message` lines. */
export function describeError(err: unknown): string[] {
  if (err instanceof FhirError) {
    return (err.outcome.issue ?? []).map((i) => {
      const text = i.details?.text ?? i.diagnostics ?? i.code;
      const where = i.expression?.[0];
      return where && !text.includes(where) ? `${where}: ${text}` : text;
    });
  }
  return [(err as Error).message ?? String(err)];
}

export async function writeUnit(repo: FhirRepository, unit: ImportUnit): Promise<TaskResult> {
  const result = emptyResult();
  result.resources = unit.entries.length;
  if (unit.skipped) bump(result, 'Bundle entries', 'skipped', unit.skipped);
  const ready: Ready[] = [];
  const failed: { type: string; position: string; problems: string[] }[] = [];
  const seen = new Set<string>();
  // Re-import: resources stored with the same content are counted and passed over before the costly
  // validation (writePrepared would keep their version anyway).
  const stored = unit.mode === 'lenient' ? await readCurrentMany(repo, unit.entries.filter((e) => typeof e.resource?.id === 'string').map((e) => ({ type: e.resource.resourceType, id: e.resource.id as string })), false) : new Map();
  const unchanged = (r: Resource) => {
    const v = stored.get(`${r.resourceType}/${r.id}`);
    return v !== undefined && !v.deleted && v.content !== null && sameContent(v.content, r);
  };
  if (unit.mode === 'atomic') {
    const all = await readCurrentMany(repo, unit.entries.map((e) => ({ type: e.resource.resourceType, id: e.resource.id as string })), false);
    // A transaction whose every entry is stored unchanged has nothing to do (its references resolved when it was stored).
    if (unit.entries.length > 0 && unit.entries.every((e) => { const v = all.get(`${e.resource.resourceType}/${e.resource.id}`); return v && !v.deleted && v.content !== null && sameContent(v.content, e.resource); })) {
      for (const e of unit.entries) bump(result, e.resource.resourceType, 'unchanged');
      return result;
    }
  }
  for (const { resource, position } of unit.entries) {
    if (unit.mode === 'lenient' && resource && unchanged(resource)) {
      bump(result, resource.resourceType, 'unchanged');
      continue;
    }
    try {
      checkConditionalReferences(resource);
      validateOrThrow(resource);
      const prepared = prepareResource(resource);
      const key = `${resource.resourceType}/${resource.id}`;
      // A later entry for the same resource wins within a unit; both are counted once.
      if (seen.has(key)) {
        const i = ready.findIndex((r) => `${r.prepared.resource.resourceType}/${r.prepared.resource.id}` === key);
        ready.splice(i, 1);
      }
      seen.add(key);
      ready.push({ prepared, position });
    } catch (err) {
      failed.push({ type: typeof resource?.resourceType === 'string' ? resource.resourceType : 'unknown', position, problems: describeError(err) });
    }
  }
  for (const f of failed) {
    bump(result, f.type, 'failed');
    result.problems.push({ file: unit.file, position: f.position, problems: f.problems });
  }
  if (unit.mode === 'atomic' && failed.length > 0) {
    // All or nothing: the valid entries of a failed transaction are not stored either.
    for (const r of ready) bump(result, r.prepared.resource.resourceType, 'failed');
    return result;
  }
  if (ready.length === 0) return result;
  // Sorted so that every worker takes row locks in the same order.
  ready.sort((a, b) => compareKeys(a.prepared.resource, b.prepared.resource));
  try {
    await writeWithRetry(repo, unit, ready, result);
  } catch (err) {
    if (unit.mode === 'atomic') {
      for (const r of ready) bump(result, r.prepared.resource.resourceType, 'failed');
      result.problems.push({ file: unit.file, position: 'Bundle', problems: ['the transaction was not stored:', ...describeError(err)] });
      return result;
    }
    if (ready.length === 1) {
      bump(result, ready[0].prepared.resource.resourceType, 'failed');
      result.problems.push({ file: unit.file, position: ready[0].position, problems: describeError(err) });
      return result;
    }
    // A lenient unit the database refused as a whole: write one by one to find the culprit(s).
    for (const one of ready) {
      const single = await writeUnitPrepared(repo, { ...unit, entries: [] }, [one]);
      mergeCounts(result, single);
    }
  }
  return result;
}

async function writeUnitPrepared(repo: FhirRepository, unit: ImportUnit, ready: Ready[]): Promise<TaskResult> {
  const result = emptyResult();
  try {
    await writeWithRetry(repo, unit, ready, result);
  } catch (err) {
    for (const r of ready) {
      bump(result, r.prepared.resource.resourceType, 'failed');
      result.problems.push({ file: unit.file, position: r.position, problems: describeError(err) });
    }
  }
  return result;
}

function mergeCounts(into: TaskResult, from: TaskResult): void {
  for (const [type, c] of Object.entries(from.counts)) for (const [k, n] of Object.entries(c)) bump(into, type, k as never, n);
  into.problems.push(...from.problems);
  into.outward.push(...from.outward);
}

const RETRYABLE = new Set(['40P01', '40001', '23505']);

/** Deadlocks and races on a shared resource (two workers creating it at once) are retried. */
async function writeWithRetry(repo: FhirRepository, unit: ImportUnit, ready: Ready[], result: TaskResult): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const counts = await repo.withTransaction((tx) => writeReady(tx, unit, ready));
      for (const [type, field] of counts) bump(result, type, field);
      if (unit.mode === 'lenient') collectOutward(unit, ready, result);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
    }
  }
}

async function writeReady(tx: FhirRepository, unit: ImportUnit, ready: Ready[]): Promise<[string, 'created' | 'updated' | 'unchanged'][]> {
  const existing = await readCurrentMany(tx, ready.map((r) => ({ type: r.prepared.resource.resourceType, id: r.prepared.resource.id as string })));
  const items = ready.map((r) => ({ prepared: r.prepared, existing: existing.get(`${r.prepared.resource.resourceType}/${r.prepared.resource.id}`) }));
  const results = await tx.writePrepared(items);
  if (unit.mode === 'atomic') {
    // References may point anywhere in the bundle or at stored resources; checked before commit.
    await tx.checkReferences(ready.map((r) => r.prepared.resource), new Set(ready.map((r) => `${r.prepared.resource.resourceType}/${r.prepared.resource.id}`)));
  }
  return results.map((res, i) => {
    const before = items[i].existing;
    const field = !before || (before.deleted && res.version !== before) ? 'created' : res.version === before ? 'unchanged' : 'updated';
    return [res.version.resourceType, field];
  });
}

/** Lenient units may point at resources from later files (NDJSON per type): checked at the end. */
function collectOutward(unit: ImportUnit, ready: Ready[], result: TaskResult): void {
  const inUnit = new Set(ready.map((r) => `${r.prepared.resource.resourceType}/${r.prepared.resource.id}`));
  const seen = new Set<string>();
  for (const r of ready) {
    for (const found of collectReferences(r.prepared.resource)) {
      const target = localTarget(found.reference, '');
      if (!target) continue;
      const key = `${target.type}/${target.id}`;
      if (inUnit.has(key) || seen.has(key)) continue;
      seen.add(key);
      result.outward.push([key, unit.file, `${r.position} ${found.path}`]);
    }
  }
}

function checkConditionalReferences(resource: Resource): void {
  for (const found of collectReferences(resource)) {
    if (parseConditionalReference(found.reference) || /^urn:(uuid|oid):/.test(found.reference)) {
      throw new FhirError(400, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'invalid', expression: [found.path], details: { text: `Reference ${found.reference} matches no entry of this file` } }],
      });
    }
  }
}

function compareKeys(a: Resource, b: Resource): number {
  return a.resourceType < b.resourceType ? -1 : a.resourceType > b.resourceType ? 1 : (a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0;
}
