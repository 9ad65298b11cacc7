import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plural, pluralCategory } from './plural.js';

const refills = { one: '# refill left', other: '# refills left' };
const resurtidos = { one: 'Le queda # resurtido', many: 'Le quedan # de resurtidos', other: 'Le quedan # resurtidos' };

test('counted words follow CLDR plural rules, with the number in the reader\'s locale', () => {
  assert.equal(plural('en', 1, refills), '1 refill left');
  assert.equal(plural('en', 0, refills), '0 refills left');
  assert.equal(plural('en', 2, refills), '2 refills left');
  assert.equal(plural('es', 1, resurtidos), 'Le queda 1 resurtido');
  assert.equal(plural('es', 3, resurtidos), 'Le quedan 3 resurtidos');
  assert.equal(plural('es', 1_000_000, resurtidos), 'Le quedan 1.000.000 de resurtidos');
  // A fraction is "other" in both languages, and the number is written the locale's way.
  assert.equal(plural('es', 1.5, { one: '# año', other: '# años' }), '1,5 años');
  // Rounded as shown: 1.04 years shows as "1" and takes the singular.
  assert.equal(plural('es', 1.04, { one: '# año', other: '# años' }), '1 año');
  assert.equal(pluralCategory('en', 1), 'one');
});
