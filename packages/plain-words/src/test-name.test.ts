import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labTestName } from './test-name.js';

const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }] });

test('lab tests and panels get their short plain name in the reader language, not the LOINC long name', () => {
  assert.equal(labTestName(loinc('2345-7', 'Glucose [Mass/volume] in Serum or Plasma'), 'en', 'Test result'), 'Glucose (blood sugar)');
  assert.equal(labTestName(loinc('2345-7', 'Glucose [Mass/volume] in Serum or Plasma'), 'es', 'Test result'), 'Glucosa (azúcar en la sangre)');
  assert.equal(labTestName(loinc('51990-0', 'Basic metabolic panel - Blood'), 'es', 'Lab tests'), 'Panel metabólico básico');
});

test('a test we have no name for keeps the lab words, else the fallback', () => {
  assert.equal(labTestName({ text: 'Special stain', coding: [{ system: 'http://loinc.org', code: '0000-0' }] }, 'en', 'Test result'), 'Special stain');
  assert.equal(labTestName(undefined, 'en', 'Test result'), 'Test result');
});

test('the names module is up to date with the explanations (npm run gen:lab-test-names)', async () => {
  const { readFileSync } = await import('node:fs');
  const { labTests, findLabExplanation } = await import('./content/lab-tests.js');
  const { renderLabTestNames } = await import('./content/render-lab-test-names.js');
  assert.equal(readFileSync(new URL('./content/lab-test-names.ts', import.meta.url), 'utf8'), renderLabTestNames(labTests));
  // Every code names the test whose explanation the detail screen shows.
  for (const t of labTests) for (const code of t.loinc) assert.equal(labTestName(loinc(code, 'x'), 'es', 'x'), findLabExplanation(code)!.es.name, code);
});
