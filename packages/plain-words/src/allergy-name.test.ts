import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { allergyReactions, allergySubstanceName } from './allergy-name.js';

const SCT = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

test('what a patient is allergic to is named plainly, from SNOMED CT or RxNorm', () => {
  assert.deepEqual(allergySubstanceName({ coding: [{ system: SCT, code: '762952008', display: 'Peanut (substance)' }], text: 'Peanut' }, 'es', 'Alergia'), { name: 'Cacahuates (maní)', official: 'Peanut' });
  assert.deepEqual(allergySubstanceName({ coding: [{ system: RXNORM, code: '7980', display: 'penicillin G' }], text: 'penicillin G' }, 'en', 'Allergy'), { name: 'Penicillin', official: 'penicillin G' });
  assert.equal(allergySubstanceName({ coding: [{ system: RXNORM, code: '10180', display: 'sulfamethoxazole' }] }, 'es', 'Alergia').name, 'Medicamentos con sulfa');
});

test('RxNorm and SNOMED CT codes are looked up in their own system only', () => {
  // 7980 is penicillin G in RxNorm; as a SNOMED CT code it names nothing of ours.
  assert.deepEqual(allergySubstanceName({ coding: [{ system: SCT, code: '7980', display: 'Something else' }] }, 'en', 'Allergy'), { name: 'Something else', asWritten: true });
  assert.deepEqual(allergySubstanceName({ coding: [{ system: SCT, code: '999999999', display: 'Kiwi fruit (substance)' }] }, 'en', 'Allergy'), { name: 'Kiwi fruit', asWritten: true });
});

test('reactions are named plainly, each once, and unknown ones keep the record\'s words', () => {
  const allergy: AllergyIntolerance = {
    resourceType: 'AllergyIntolerance',
    patient: { reference: 'Patient/1' },
    reaction: [
      { manifestation: [{ coding: [{ system: SCT, code: '39579001', display: 'Anaphylaxis' }] }, { coding: [{ system: SCT, code: '247472004', display: 'Hives' }] }] },
      { manifestation: [{ coding: [{ system: SCT, code: '126485001', display: 'Urticaria (disorder)' }] }, { coding: [{ system: SCT, code: '999999999', display: 'Odd feeling (finding)' }] }, { coding: [{ system: SCT, code: '1' }] }] },
    ],
  };
  assert.deepEqual(allergyReactions(allergy, 'en'), ['Severe allergic reaction (anaphylaxis)', 'Hives', 'Odd feeling']);
  assert.deepEqual(allergyReactions(allergy, 'es'), ['Reacción alérgica grave (anafilaxia)', 'Ronchas', 'Odd feeling']);
  assert.deepEqual(allergyReactions({ resourceType: 'AllergyIntolerance', patient: {} }, 'en'), []);
});
