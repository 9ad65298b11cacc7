// Micro-benchmark of the CPU side of a write (validation, index rows, compartments) on generated
// charts: `npx tsx bench/prepare-micro.ts [patients]`. No database. CPU time is reported beside
// wall time: on a shared machine it moves far less.
import { generateClinic } from '../apps/server/src/demo/generate-clinic.js';
import { loadFhirDefinitions } from '../apps/server/src/fhir/definitions.js';
import { prepareResource, validateOrThrow } from '../apps/server/src/fhir/prepare.js';
import type { Resource } from '@medplum/fhirtypes';

const patients = Number(process.argv[2] ?? 30);
loadFhirDefinitions();
const clinic = generateClinic({ patients, seed: 1 });
const resources: Resource[] = [...clinic.shared];
for (const chart of clinic.patients()) resources.push(...chart);
const time = (name: string, fn: (r: Resource) => unknown) => {
  for (const r of resources.slice(0, 500)) fn(r);
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (const r of resources) fn(r);
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - t;
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`${name}: ${(cpuMs / resources.length).toFixed(3)} ms CPU/resource, ${(ms / resources.length).toFixed(3)} ms wall (${resources.length} resources)`);
};
time('validate', (r) => validateOrThrow(r));
time('prepare (index rows + compartments)', (r) => prepareResource(r));
