// Micro-benchmark of the CPU side of a write (validation, index rows, compartments) on generated
// charts: `npx tsx bench/prepare-micro.ts [patients]`. No database.
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
  for (const r of resources) fn(r);
  const ms = performance.now() - t;
  console.log(`${name}: ${(ms / resources.length).toFixed(3)} ms/resource (${resources.length} resources)`);
};
time('validate', (r) => validateOrThrow(r));
time('prepare (index rows + compartments)', (r) => prepareResource(r));
