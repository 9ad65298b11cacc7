// The plain-name tables (vaccines, care team roles, visit and document types): complete in both
// languages, codes well formed and listed once, and every code the demo clinic writes is named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlainName } from './plain-name.js';
import { vaccineNames } from './vaccines.js';
import { careTeamRoleNames } from './care-team-roles.js';
import { VACCINES } from '../../../server/src/demo/immunizations.js';

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
