// Count messages pick their words by CLDR plural rules (one helper, #plain-words/plural.ts). A
// hand-made `n === 1` choice reads "1 resurtido disponibles" the first time a translator words the
// two forms apart, and is wrong for 1.5: the catalogues must not make that choice themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { en } from './en.js';
import { es } from './es.js';
import { staffEn } from './staff-en.js';
import { staffEs } from './staff-es.js';

test('no catalogue chooses a plural form by hand', () => {
  for (const file of ['en.ts', 'es.ts', 'staff-en.ts', 'staff-es.ts']) {
    const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(source, /[=!]==? ?1\b|\bplural\(/, `${file} picks a plural form itself`);
  }
});

test('count messages agree with their number in both languages', () => {
  const cases: [string, (n: number) => string, number, string][] = [
    ['es refills', es.meds.refills, 1, 'Le queda 1 resurtido'],
    ['es refills', es.meds.refills, 2, 'Le quedan 2 resurtidos'],
    ['en refills', en.meds.refills, 1, '1 refill left'],
    ['en items', en.identity.items, 1, '1 item'],
    ['es items', es.identity.items, 1, '1 elemento'],
    ['en download', en.download.ready, 1, 'Your record is ready: 1 item. Your download has started.'],
    ['es seconds', es.identity.idleBody, 1, 'Para proteger su privacidad, se cerrará su sesión en 1 segundo.'],
    ['es meds', es.home.activeMeds, 1, '1 medicina que toma ahora'],
    ['es new results', es.home.newResults, 2, '2 resultados nuevos'],
    ['es years', es.summary.ageYears, 1.5, '1,5 años'],
    ['en years', en.summary.ageYears, 1, '1 year'],
    ['es patients', staffEs.finder.found, 1, 'Se encontró 1 paciente'],
    ['en patients', staffEn.finder.found, 1, '1 patient found'],
  ];
  for (const [what, message, n, expected] of cases) assert.equal(message(n), expected, what);
});
