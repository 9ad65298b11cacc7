import { test } from 'node:test';
import assert from 'node:assert/strict';
import { procedureName } from './procedure-name.js';

const SCT = 'http://snomed.info/sct';
const CPT = 'http://www.ama-assn.org/go/cpt';

test('a procedure is named by what was done, from SNOMED CT or CPT', () => {
  const knee = { coding: [{ system: SCT, code: '609588000', display: 'Total knee replacement' }, { system: CPT, code: '27447', display: 'Arthroplasty, knee, condyle and plateau; medial and lateral compartments' }], text: 'Total knee replacement' };
  assert.deepEqual(procedureName(knee, 'en', 'Procedure'), { name: 'Knee replacement', official: 'Total knee replacement' });
  assert.deepEqual(procedureName(knee, 'es', 'Procedimiento'), { name: 'Reemplazo de rodilla', official: 'Total knee replacement' });
  assert.equal(procedureName({ coding: [{ system: CPT, code: '45378', display: 'Colonoscopy, flexible; diagnostic' }] }, 'es', 'x').name, 'Colonoscopia (revisión del interior del colon)');
});

test('an unknown procedure keeps the record\'s words without the semantic tag', () => {
  assert.deepEqual(procedureName({ coding: [{ system: SCT, code: '999999999', display: 'Removal of splinter (procedure)' }] }, 'en', 'Procedure'), { name: 'Removal of splinter', asWritten: true });
  assert.deepEqual(procedureName({ coding: [{ system: CPT, code: '99999' }] }, 'es', 'Procedimiento'), { name: 'Procedimiento' });
});
