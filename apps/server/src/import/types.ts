// Shapes shared by the importer's reader, workers and report.
import type { Resource } from '@medplum/fhirtypes';

/** How a group of resources is written: a transaction bundle is all-or-nothing, the rest go on past failures. */
export type UnitMode = 'atomic' | 'lenient';

export interface SourceEntry {
  resource: Resource;
  /** Where it came from, for messages: `Bundle.entry[3]` or `line 17`. */
  position: string;
}

/** A group of resources written in one database transaction. */
export interface ImportUnit {
  file: string;
  mode: UnitMode;
  entries: SourceEntry[];
  /** Entries passed over (GET/DELETE requests, entries without a resource). */
  skipped: number;
}

export interface ImportProblem {
  file: string;
  position: string;
  problems: string[];
}

export interface TypeCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface TaskResult {
  /** Per resource type. */
  counts: Record<string, TypeCounts>;
  problems: ImportProblem[];
  /** References from lenient units that point outside their unit: checked once all is written. */
  outward: [key: string, file: string, position: string][];
  resources: number;
}

export function emptyCounts(): TypeCounts {
  return { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
}

export function emptyResult(): TaskResult {
  return { counts: {}, problems: [], outward: [], resources: 0 };
}

export function bump(result: TaskResult, type: string, field: keyof TypeCounts, n = 1): void {
  (result.counts[type] ??= emptyCounts())[field] += n;
}

export function mergeResult(into: TaskResult, from: TaskResult): void {
  for (const [type, c] of Object.entries(from.counts)) {
    const t = (into.counts[type] ??= emptyCounts());
    for (const k of Object.keys(c) as (keyof TypeCounts)[]) t[k] += c[k];
  }
  into.problems.push(...from.problems);
  into.outward.push(...from.outward);
  into.resources += from.resources;
}
