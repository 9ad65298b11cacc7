import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateResource } from '@medplum/core';
import type { Observation, Resource } from '@medplum/fhirtypes';
import { FhirError } from '#fhir/outcomes.js';
import { validateOrThrow } from '../../src/fhir/prepare.js';
import { checkRequiredBindings, unenumerableRequiredValueSets } from '../../src/fhir/validation/required-bindings.js';

// Synthea bundles kept in the repository (fixtures/synthea/README.md says which and why).
const samplesDir = fileURLToPath(new URL('../../../../fixtures/synthea/', import.meta.url));

function sampleResources(): Resource[] {
  assert.ok(existsSync(samplesDir), `sample bundles not found at ${samplesDir}`);
  const files = readdirSync(samplesDir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 0, 'no sample bundles');
  return files.flatMap((f) => {
    const bundle = JSON.parse(readFileSync(samplesDir + f, 'utf8')) as { entry?: { resource: Resource }[] };
    return (bundle.entry ?? []).map((e) => e.resource);
  });
}

const conditionClinical = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

describe('required value-set bindings', () => {
  it('rejects a gender outside AdministrativeGender with one issue at Patient.gender', () => {
    const issues = checkRequiredBindings({ resourceType: 'Patient', gender: 'robot' });
    assert.deepEqual(issues, [
      {
        severity: 'error',
        code: 'code-invalid',
        details: { text: 'Value "robot" is not in the required value set AdministrativeGender (http://hl7.org/fhir/ValueSet/administrative-gender)' },
        expression: ['Patient.gender'],
      },
    ]);
  });

  it('rejects an Observation.status that is not an observation status', () => {
    const issues = checkRequiredBindings({ resourceType: 'Observation', status: 'bogus', code: { text: 'Weight' } });
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0].expression, ['Observation.status']);
    assert.match(issues[0].details?.text ?? '', /"bogus".*ObservationStatus \(http:\/\/hl7\.org\/fhir\/ValueSet\/observation-status\)/);
  });

  it('names the exact array index of a bad value inside a datatype', () => {
    const issues = checkRequiredBindings({
      resourceType: 'Patient',
      telecom: [{ system: 'phone', value: '555-0100' }, { system: 'pager-ish', value: '555-0101' }],
      name: [{ use: 'official', family: 'Rivera' }, { use: 'nickname', family: 'R' }, { use: 'alias', family: 'X' }],
    });
    assert.deepEqual(issues.map((i) => i.expression?.[0]).sort(), ['Patient.name[2].use', 'Patient.telecom[1].system']);
  });

  it('walks choice types, backbone elements and contained resources', () => {
    const issues = checkRequiredBindings({
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'Panel' },
      contained: [{ resourceType: 'Patient', gender: 'other', contact: [{ gender: 'x' }] }],
      component: [
        { code: { text: 'a' }, valueQuantity: { value: 1, comparator: '<' } },
        { code: { text: 'b' }, valueQuantity: { value: 1, comparator: 'about' } },
      ],
    });
    assert.deepEqual(issues.map((i) => i.expression?.[0]).sort(), [
      'Observation.component[1].value.ofType(Quantity).comparator',
      'Observation.contained[0].contact[0].gender',
    ]);
  });

  it('requires a CodeableConcept bound "required" to carry at least one coding from the value set', () => {
    const base = { resourceType: 'Condition', subject: { reference: 'Patient/p1' } };
    const wrong = checkRequiredBindings({ ...base, clinicalStatus: { coding: [{ system: conditionClinical, code: 'cured' }] } });
    assert.equal(wrong.length, 1);
    assert.deepEqual(wrong[0].expression, ['Condition.clinicalStatus']);
    assert.equal(wrong[0].code, 'code-invalid');
    // The right code from another system is not the bound concept either.
    const otherSystem = checkRequiredBindings({ ...base, clinicalStatus: { coding: [{ system: 'http://snomed.info/sct', code: 'active' }] } });
    assert.equal(otherSystem.length, 1);
    // One matching coding among others is enough.
    const mixed = checkRequiredBindings({
      ...base,
      clinicalStatus: { coding: [{ system: 'http://snomed.info/sct', code: '55561003' }, { system: conditionClinical, code: 'active' }] },
    });
    assert.deepEqual(mixed, []);
  });

  it('accepts valid values', () => {
    const issues = checkRequiredBindings({
      resourceType: 'Patient',
      gender: 'female',
      telecom: [{ system: 'phone', use: 'mobile', value: '555-0100' }],
      name: [{ use: 'official', family: 'Rivera' }],
      address: [{ use: 'home', type: 'both' }],
      identifier: [{ use: 'usual', system: 'urn:x', value: '1' }],
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Ana</div>' },
    });
    assert.deepEqual(issues, []);
  });

  it('reports medplum\'s structural problems and binding problems together in one OperationOutcome', () => {
    let thrown: unknown;
    try {
      validateOrThrow({ resourceType: 'Patient', gender: 'robot', birthDate: 'yesterday', telecom: [{ system: 'pager-ish' }] });
    } catch (err) {
      thrown = err;
    }
    assert.ok(thrown instanceof FhirError);
    assert.equal(thrown.status, 400);
    const where = (thrown.outcome.issue ?? []).flatMap((i) => i.expression ?? []).sort();
    assert.deepEqual(where, ['Patient.birthDate', 'Patient.gender', 'Patient.telecom[0].system']);
  });

  it('finds no problems in the Synthea sample bundles, and reports how long 10,000 Observations take', () => {
    const resources = sampleResources();
    const problems = resources.flatMap((r) => checkRequiredBindings(r).map((i) => `${r.resourceType}/${r.id}: ${i.expression?.[0]}: ${i.details?.text}`));
    assert.deepEqual(problems, []);

    const observations = resources.filter((r): r is Observation => r.resourceType === 'Observation');
    assert.ok(observations.length > 0);
    const runs = 10_000;
    let start = performance.now();
    for (let i = 0; i < runs; i++) checkRequiredBindings(observations[i % observations.length]);
    const bindingsMs = performance.now() - start;
    start = performance.now();
    for (let i = 0; i < runs; i++) validateResource(observations[i % observations.length]);
    const medplumMs = performance.now() - start;
    console.log(
      `required bindings: ${runs} Observations checked in ${bindingsMs.toFixed(0)} ms extra (medplum validateResource: ${medplumMs.toFixed(0)} ms); ` +
        `${resources.length} sample resources clean; not enumerable locally: ${unenumerableRequiredValueSets().join(', ')}`,
    );
  });
});
