// The plain-name tables (vaccines, care team roles, visit and document types): complete in both
// languages, codes well formed and listed once, and every code the demo clinic writes is named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlainName } from './plain-name.js';
import { vaccineNames } from './vaccines.js';
import { careTeamRoleNames } from './care-team-roles.js';
import { documentTypeNames, visitTypeNames } from './visit-types.js';
import { problemNames } from './problem-names.js';
import { allergyReactionNames, allergySubstanceNames } from './allergy-names.js';
import { procedureNames } from './procedure-names.js';
import { VACCINES } from '../../../../apps/server/src/demo/immunizations.js';
import { ACUTE, ALLERGIES, CHRONIC } from '../../../../apps/server/src/demo/conditions.js';

/** Common English words that should never show up in Spanish text. */
const ENGLISH_WORDS = /\b(the|and|your|with|this|that|is|of|you|for|what|when|vaccine|visit|doctor|note)\b/i;

function checkTable(label: string, entries: PlainName[], codeShape: RegExp, normalize: (code: string) => string = (c) => c) {
  const owner = new Map<string, string>();
  for (const e of entries) {
    assert.ok(e.codes.length > 0, `${label} "${e.en}": no codes`);
    assert.ok(e.en.trim() && e.es.trim(), `${label} "${e.en}": a name is empty`);
    assert.doesNotMatch(e.es, ENGLISH_WORDS, `${label}: Spanish name looks English: ${e.es}`);
    if (/\s/.test(e.en)) assert.notEqual(e.es, e.en, `${label}: Spanish is the same as English: ${e.en}`);
    for (const code of e.codes) {
      assert.match(code, codeShape, `${label} "${e.en}": bad code ${code}`);
      const key = normalize(code);
      assert.ok(!owner.has(key), `${label}: ${code} is listed by both "${owner.get(key)}" and "${e.en}"`);
      owner.set(key, e.en);
    }
  }
  return owner;
}

test('vaccines: about 40 common vaccines, each named in English and Spanish, codes listed once', () => {
  const codes = checkTable('vaccine', vaccineNames, /^\d{2,3}$/, (c) => c.replace(/^0+(?=\d)/, ''));
  assert.ok(vaccineNames.length >= 40, `only ${vaccineNames.length} vaccine names`);
  for (const v of Object.values(VACCINES)) assert.ok(codes.has(v.cvx.replace(/^0+(?=\d)/, '')), `the demo's ${v.display} (${v.cvx}) has no plain name`);
});

test('care team roles: every role the demo clinic gives is named, in English and Spanish', () => {
  // SNOMED CT concept ids, or NUCC taxonomy codes (ten characters ending in X).
  const codes = checkTable('care team role', careTeamRoleNames, /^(\d{6,18}|[0-9A-Z]{9}X)$/);
  // apps/server/src/demo/chart.ts: pediatrician or primary care physician, cardiologist, nurse, mother, father.
  for (const code of ['82296001', '446050000', '17561000', '224535009', '72705000', '66839005']) assert.ok(codes.has(code), `demo role ${code} has no plain name`);
});

/** LOINC codes end in a Mod 10 (Luhn) check digit. */
function loincCheckDigitOk(code: string): boolean {
  const [digits, check] = code.split('-');
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let d = Number(digits[digits.length - 1 - k]);
    if (k % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(check);
}

test('visit and document types: every type the demo clinic writes is named, in English and Spanish', () => {
  const visits = checkTable('visit type', visitTypeNames, /^\d{6,18}$/);
  // apps/server/src/demo/encounters.ts TYPES.
  for (const code of ['185349003', '410620009', '390906007', '185345009', '448337001', '11429006', '32485007']) assert.ok(visits.has(code), `demo visit type ${code} has no plain name`);
  const documents = checkTable('document type', documentTypeNames, /^\d{1,7}-\d$/);
  for (const code of documents.keys()) assert.ok(loincCheckDigitOk(code), `bad LOINC check digit: ${code}`);
  // apps/server/src/demo/notes.ts NOTE_TYPES and the pathology report.
  for (const code of ['11506-3', '18842-5', '34117-2', '11488-4', '28570-0', '11526-1', '11502-2', '18748-4', '11524-6', '34552-0', '34133-9', '11529-5']) {
    assert.ok(documents.has(code), `demo document type ${code} has no plain name`);
  }
});

test('health problems: about 80 common ones, named by SNOMED CT and ICD-10-CM, every demo problem included', () => {
  // SNOMED CT concept ids, or ICD-10-CM codes (a letter, two characters, then an optional dot and up to four more).
  const codes = checkTable('problem', problemNames, /^(\d{6,18}|[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?)$/, (c) => c.toUpperCase().replace('.', ''));
  assert.ok(problemNames.length >= 80, `only ${problemNames.length} problem names`);
  for (const p of [...Object.values(CHRONIC), ...Object.values(ACUTE)]) {
    assert.ok(codes.has(p.snomed), `the demo's ${p.display} (${p.snomed}) has no plain name`);
    assert.ok(codes.has(p.icd10.replace('.', '')), `the demo's ${p.icdDisplay} (${p.icd10}) has no plain name`);
  }
});

test('allergies: substances by SNOMED CT or RxNorm and reactions by SNOMED CT, every demo allergy and reaction included', () => {
  const substances = checkTable('allergy substance', allergySubstanceNames.filter((s) => s.codes.length), /^\d{6,18}$/);
  const medicines = checkTable('allergy medicine', allergySubstanceNames.filter((s) => s.rxnorm?.length).map((s) => ({ ...s, codes: s.rxnorm! })), /^\d{1,8}$/);
  assert.ok(allergySubstanceNames.every((s) => s.codes.length || s.rxnorm?.length), 'an allergy substance has no code');
  const reactions = checkTable('allergy reaction', allergyReactionNames, /^\d{6,18}$/);
  for (const a of ALLERGIES) {
    assert.ok((a.system.includes('rxnorm') ? medicines : substances).has(a.code), `the demo's ${a.display} (${a.code}) has no plain name`);
    for (const r of a.reactions) assert.ok(reactions.has(r.snomed), `the demo's reaction ${r.display} (${r.snomed}) has no plain name`);
  }
});

test('procedures: common tests and operations by SNOMED CT and CPT, every demo procedure included', () => {
  const codes = checkTable('procedure', procedureNames, /^(\d{6,18}|\d{5})$/);
  // apps/server/src/demo/care.ts PROCEDURES (SNOMED CT and CPT for each).
  const demo = ['73761001', '45378', '307280005', '33208', '609588000', '27447', '29303009', '93000', '28520004', '36415', '71651007', '77067', '312681000', '77080', '399208008', '71046', '40701008', '93306'];
  for (const code of demo) assert.ok(codes.has(code), `demo procedure ${code} has no plain name`);
});
