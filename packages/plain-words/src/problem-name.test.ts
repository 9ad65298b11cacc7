import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemName } from './problem-name.js';
import { recordName } from './record-name.js';

const SCT = 'http://snomed.info/sct';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

test('a problem is named in plain words in the reader\'s language, with the record\'s words kept for paperwork', () => {
  const htn = { coding: [{ system: SCT, code: '38341003', display: 'Hypertensive disorder, systemic arterial (disorder)' }, { system: ICD, code: 'I10', display: 'Essential (primary) hypertension' }], text: 'Hypertensive disorder, systemic arterial' };
  assert.deepEqual(problemName(htn, 'en', 'Health problem'), { name: 'High blood pressure', official: 'Hypertensive disorder, systemic arterial' });
  assert.deepEqual(problemName(htn, 'es', 'Problema de salud'), { name: 'Presión arterial alta', official: 'Hypertensive disorder, systemic arterial' });
  // When the record already says it plainly, there is nothing to add.
  assert.deepEqual(problemName({ coding: [{ system: SCT, code: '195967001', display: 'Asthma' }] }, 'en', 'Health problem'), { name: 'Asthma' });
});

test('an ICD-10-CM code alone is enough, with or without its dot, and by its OID', () => {
  assert.equal(problemName({ coding: [{ system: ICD, code: 'E11.9' }] }, 'es', 'x').name, 'Diabetes tipo 2');
  assert.equal(problemName({ coding: [{ system: ICD, code: 'e119' }] }, 'en', 'x').name, 'Type 2 diabetes');
  assert.equal(problemName({ coding: [{ system: 'urn:oid:2.16.840.1.113883.6.90', code: 'N18.30' }] }, 'en', 'x').name, 'Chronic kidney disease, stage 3');
  // The first coding with a plain name wins: an unknown SNOMED CT code does not hide a known ICD-10-CM one.
  assert.equal(problemName({ coding: [{ system: SCT, code: '999999999', display: 'Something rare' }, { system: ICD, code: 'J45.909' }] }, 'en', 'x').name, 'Asthma');
});

test('an unknown problem keeps the record\'s words without the SNOMED CT semantic tag', () => {
  assert.deepEqual(problemName({ coding: [{ system: SCT, code: '999999999', display: 'Chronic kidney disease stage 5 (disorder)' }] }, 'es', 'Problema de salud'), { name: 'Chronic kidney disease stage 5', asWritten: true });
  assert.deepEqual(problemName({ coding: [{ system: SCT, code: '999999999' }] }, 'es', 'Problema de salud'), { name: 'Problema de salud' });
  assert.deepEqual(problemName(undefined, 'en', 'Health problem'), { name: 'Health problem' });
  // A code from a system the table is not keyed by is never looked up, even when it looks like one.
  assert.equal(problemName({ coding: [{ system: 'http://example.org/local', code: 'I10', display: 'Local code' }] }, 'en', 'x').name, 'Local code');
});

test('semantic tags come off the end only, and only the known ones', () => {
  assert.equal(recordName({ text: 'Eggs (edible) (substance)' }, 'x'), 'Eggs (edible)');
  assert.equal(recordName({ text: 'Colonoscopy (procedure)' }, 'x'), 'Colonoscopy');
  assert.equal(recordName({ text: 'Regular exercise (regime/therapy)' }, 'x'), 'Regular exercise');
  assert.equal(recordName({ text: 'Osteoarthritis (knee)' }, 'x'), 'Osteoarthritis (knee)');
  assert.equal(recordName({ text: '(disorder)' }, 'Health problem'), 'Health problem');
});
