// One piece of import work, the same in a worker thread or in-process: a JSON file, a run of NDJSON
// lines, or resources made in memory (the demo generator).
import type { Resource } from '@medplum/fhirtypes';
import type { FhirRepository } from '../fhir/repository.js';
import { readText, unitOfLines, unitsOfJson } from './read-source.js';
import { bump, emptyResult, mergeResult, type ImportUnit, type TaskResult } from './types.js';
import { writeUnit } from './write-unit.js';

export type ImportTask =
  | { kind: 'json'; file: string }
  | { kind: 'lines'; file: string; firstLine: number; lines: string[] }
  | { kind: 'resources'; source: string; resources: Resource[] };

export async function runTask(repo: FhirRepository, task: ImportTask): Promise<TaskResult> {
  const result = emptyResult();
  let units: ImportUnit[];
  if (task.kind === 'json') {
    try {
      units = unitsOfJson(task.file, readText(task.file));
    } catch (err) {
      bump(result, '(file)', 'failed');
      result.problems.push({ file: task.file, position: 'file', problems: [(err as Error).message] });
      return result;
    }
  } else if (task.kind === 'lines') {
    const { unit, bad } = unitOfLines(task.file, task.lines, task.firstLine);
    for (const b of bad) {
      bump(result, '(line)', 'failed');
      result.problems.push({ file: task.file, position: b.position, problems: [b.problem] });
    }
    units = [unit];
  } else {
    units = [{ file: task.source, mode: 'lenient', entries: task.resources.map((resource, i) => ({ resource, position: `${resource.resourceType}/${resource.id ?? i}` })), skipped: 0 }];
  }
  for (const unit of units) mergeResult(result, await writeUnit(repo, unit));
  return result;
}
