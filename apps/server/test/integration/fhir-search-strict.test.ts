// Prefer: handling=strict (FHIR R4 search.html "Handling errors") against the CapabilityStatement:
// every search parameter the statement lists for a type is accepted in strict mode, and a parameter
// it does not list (`_filter`, `_text`, `_content`, …) is refused with 400, while lenient handling
// ignores it with a warning. The statement then says exactly what the server answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CapabilityStatement, OperationOutcome } from '@medplum/fhirtypes';
import { getSearchParameterBundle } from '../../src/fhir/definitions.js';
import { indexedParams } from '../../src/fhir/indexing/search-parameters.js';
import { parseSearchRequest } from '../../src/fhir/search/request.js';
import { startTestApp, type TestApp } from '../support/harness.js';

/** A well-formed value for each search parameter type (search.html "Search Parameter Types"). */
const VALUE: Record<string, string> = {
  token: 'http://example.org|x', string: 'x', reference: 'Patient/x', date: 'ge2020-01-01', number: '1', quantity: '1', uri: 'http://example.org/x', special: 'x',
};

/** Types checked over HTTP too (every type takes a minute on a small machine; the parser check covers them all). */
const HTTP_TYPES = ['Patient', 'Observation', 'Condition', 'Encounter', 'MedicationRequest', 'DocumentReference'];

/** Parameters R4 defines for every resource that this server does not answer. */
const UNLISTED = ['_filter', '_text', '_content', '_list', '_query', 'shoe-size'];

describe('Prefer: handling=strict and the CapabilityStatement', () => {
  let t: TestApp;
  let statement: CapabilityStatement;
  before(async () => {
    t = await startTestApp();
    statement = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json();
  });
  after(async () => t.close());

  const search = (path: string, strict: boolean) =>
    t.app.inject({ method: 'GET', url: `/fhir/${path}`, headers: { authorization: `Bearer ${t.systemToken}`, ...(strict ? { prefer: 'handling=strict' } : {}) } });

  it('the search engine accepts, in strict mode, exactly the parameters the statement lists, for every type', () => {
    const refused: string[] = [];
    const unlisted: string[] = [];
    for (const resource of statement.rest![0].resource!) {
      const listed = new Set((resource.searchParam ?? []).map((p) => p.name));
      for (const param of resource.searchParam ?? []) {
        try {
          parseSearchRequest(resource.type, [[param.name, valueFor(param)]], { baseUrl: t.config.fhirBaseUrl }, true);
        } catch (err) {
          refused.push(`${resource.type}?${param.name}: ${(err as Error).message}`);
        }
      }
      // The other way round: a parameter the search engine knows for the type is listed.
      for (const [code, param] of indexedParams(resource.type)) {
        let accepted = true;
        try {
          parseSearchRequest(resource.type, [[code, valueFor({ name: code, type: param.type, definition: param.definition.url })]], { baseUrl: t.config.fhirBaseUrl }, true);
        } catch {
          accepted = false;
        }
        if (accepted && !listed.has(code)) unlisted.push(`${resource.type}?${code}`);
      }
    }
    assert.deepEqual(refused, []);
    assert.deepEqual(unlisted, []);
  });

  it('answers every listed parameter in strict mode over HTTP (the SQL side too) for the record types', async () => {
    const refused: string[] = [];
    for (const resource of statement.rest![0].resource!.filter((r) => HTTP_TYPES.includes(r.type))) {
      for (const param of resource.searchParam ?? []) {
        const res = await search(`${resource.type}?${encodeURIComponent(param.name)}=${encodeURIComponent(valueFor(param))}`, true);
        if (res.statusCode !== 200) refused.push(`${resource.type}?${param.name} (${param.type}): ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    assert.deepEqual(refused, []);
  });

  it('refuses a parameter the statement does not list in strict mode, and ignores it with a warning otherwise', async () => {
    for (const type of ['Patient', 'Observation', 'Condition']) {
      const listed = new Set(statement.rest![0].resource!.find((r) => r.type === type)!.searchParam!.map((p) => p.name));
      for (const raw of UNLISTED) {
        const [name, value = 'x'] = raw.split('=');
        assert.ok(!listed.has(name), `${type} does not list ${name}`);
        const strict = await search(`${type}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`, true);
        assert.equal(strict.statusCode, 400, `${type}?${name} strict: ${strict.body.slice(0, 200)}`);
        assert.equal((strict.json() as OperationOutcome).resourceType, 'OperationOutcome');
        const lenient = await search(`${type}?${encodeURIComponent(name)}=${encodeURIComponent(value)}`, false);
        assert.equal(lenient.statusCode, 200, `${type}?${name} lenient`);
        assert.match(lenient.body, /"severity":"warning"/);
      }
    }
  });

  it('refuses history parameters it does not answer in strict mode', async () => {
    for (const path of ['_history?_at=2024', 'Patient/_history?_list=x', 'Patient/x/_history?_at=2024']) {
      assert.equal((await search(path, true)).statusCode, 400, path);
      assert.notEqual((await search(path, false)).statusCode, 400, path);
    }
    assert.equal((await search('Patient/_history?_since=2024-01-01T00:00:00Z&_count=5', true)).statusCode, 200);
  });
});

function valueFor(param: { name: string; type: string; definition?: string }): string {
  if (param.name === '_id') return 'x';
  return param.type === 'composite' ? compositeValue(param.definition) : VALUE[param.type] ?? 'x';
}

/** A composite value: one well-formed value per component, joined by `$` (search.html "Composite"). */
function compositeValue(definition: string | undefined): string {
  const byUrl = new Map((getSearchParameterBundle().entry ?? []).map((e) => [e.resource!.url, e.resource!]));
  const components = byUrl.get(definition ?? '')?.component ?? [];
  return components.map((c) => VALUE[byUrl.get(c.definition)?.type ?? 'string'].replace(/^ge/, '')).join('$');
}
