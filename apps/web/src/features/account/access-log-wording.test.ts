// The access log shows plain words, never an event code: every action the server can write has
// wording in both languages, so a new audit event without it fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCESS_LOG_ACTIONS, accessLogAction } from '../../../../server/src/audit/access-log.js';
import { en } from '../../i18n/en.js';
import { es } from '../../i18n/es.js';

test('every access log action has plain wording in English and Spanish', () => {
  assert.ok(ACCESS_LOG_ACTIONS.includes('enrolled') && ACCESS_LOG_ACTIONS.includes('activation-code-created') && ACCESS_LOG_ACTIONS.includes('search'));
  for (const [locale, m] of [['en', en], ['es', es]] as const) {
    const missing = ACCESS_LOG_ACTIONS.filter((action) => !m.identity.actions[action]?.trim());
    assert.deepEqual(missing, [], `${locale}: access log actions without wording`);
    for (const action of ACCESS_LOG_ACTIONS) assert.doesNotMatch(m.identity.actions[action], /^[a-z]+(-[a-z]+)+$/, `${locale}: ${action} reads as a code`);
  }
});

test('the forms of search and history are one action each', () => {
  assert.equal(accessLogAction('search-type'), 'search');
  assert.equal(accessLogAction('history-instance'), 'history');
  assert.equal(accessLogAction('activation-code-created'), 'activation-code-created');
});
