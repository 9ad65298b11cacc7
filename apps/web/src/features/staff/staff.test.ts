import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation, Patient } from '@medplum/fhirtypes';
import { staffEn } from '../../i18n/staff-en.js';
import { staffEs } from '../../i18n/staff-es.js';
import { addCounts, counts, fleschKincaidGrade, splitSentences, szigrisztPazos, wordsOf } from '../../i18n/readability.js';
import { emptyDraft, toRegistration } from './app-registration.js';
import { labTrends } from './lab-trends.js';
import { mrnOf, patientQuery, patientSummary } from './patient-search.js';

test('the patient finder sends an MRN as an identifier, each name word as a name, and a date as birthdate', () => {
  assert.deepEqual(patientQuery(' PFH1000001 ', ''), [['identifier', 'PFH1000001'], ['_sort', 'family,given'], ['_count', '20']]);
  assert.deepEqual(patientQuery('Maria  Lopez', '1980-04-02')?.slice(0, 3), [['name', 'Maria'], ['name', 'Lopez'], ['birthdate', '1980-04-02']]);
  assert.deepEqual(patientQuery('Lopez, Maria', '')?.slice(0, 2), [['name', 'Lopez'], ['name', 'Maria']]);
  assert.deepEqual(patientQuery('', '1980-04-02')?.[0], ['birthdate', '1980-04-02']);
  assert.equal(patientQuery('  ', ''), undefined, 'nothing to search for');
  assert.equal(patientQuery('', '04/02/1980'), undefined, 'only a full date counts');
});

test('a result row shows the name, birth date, sex and the MR-typed identifier', () => {
  const patient: Patient = {
    resourceType: 'Patient',
    id: 'p1',
    name: [{ use: 'official', given: ['Maria'], family: 'Lopez' }],
    birthDate: '1980-04-02',
    gender: 'female',
    identifier: [
      { system: 'urn:ssn', value: '123' },
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, value: 'PFH1000001' },
    ],
  };
  assert.deepEqual(patientSummary(patient), { id: 'p1', name: 'Maria Lopez', birthDate: '1980-04-02', gender: 'female', mrn: 'PFH1000001' });
  assert.equal(mrnOf({ resourceType: 'Patient', identifier: [{ value: '123' }] }), undefined, 'an untyped identifier is not taken for an MRN');
});

test('lab results become one trend per test, oldest to newest, the most recently tested first', () => {
  const obs = (id: string, date: string, code: Observation['code'], status: Observation['status'] = 'final'): Observation => ({ resourceType: 'Observation', id, status, code, effectiveDateTime: date, valueQuantity: { value: 1 } });
  const a1c = { coding: [{ system: 'http://loinc.org', code: '4548-4' }] };
  const a1cWithText = { text: 'Hemoglobin A1c', coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'HbA1c' }] };
  const trends = labTrends([
    obs('a1c-new', '2025-03-01', a1cWithText),
    obs('ldl', '2025-01-10', { text: 'LDL' }),
    obs('a1c-old', '2024-09-01', a1c),
    obs('a1c-wrong', '2025-04-01', a1c, 'entered-in-error'),
    obs('ldl-2', '2024-01-10', { text: ' ldl ' }),
  ]);
  assert.deepEqual(trends.map((x) => [x.latest.id, x.history.map((o) => o.id)]), [
    ['a1c-new', ['a1c-old', 'a1c-new']],
    ['ldl', ['ldl-2', 'ldl']],
  ]);
  assert.deepEqual(labTrends([]), []);
});

test('the registration form becomes the API body, or says per field what is wrong', () => {
  assert.deepEqual(toRegistration({ ...emptyDraft, name: ' Growth Charts ', redirectUris: 'https://a.example/cb\nhttp://127.0.0.1:8000/cb', launchUrl: 'https://a.example/launch' }), {
    body: { name: 'Growth Charts', type: 'public', redirectUris: ['https://a.example/cb', 'http://127.0.0.1:8000/cb'], launchUrl: 'https://a.example/launch' },
  });
  assert.deepEqual(toRegistration({ ...emptyDraft, redirectUris: 'http://a.example/cb', launchUrl: 'javascript:alert(1)' }), {
    problems: { name: 'nameNeeded', redirectUris: 'urlInvalid', launchUrl: 'urlInvalid' },
  });
  assert.deepEqual(toRegistration({ ...emptyDraft, name: 'App', redirectUris: 'com.example.app:/callback' }), { body: { name: 'App', type: 'public', redirectUris: ['com.example.app:/callback'] } });
  assert.deepEqual(toRegistration({ ...emptyDraft, name: 'Export', backend: true, redirectUris: 'ignored', launchUrl: 'ignored' }), { problems: { type: 'backendNeedsConfidential' } });
  const jwt = { ...emptyDraft, name: 'Export', type: 'confidential-asymmetric' as const, backend: true };
  assert.deepEqual(toRegistration(jwt), { problems: { jwksUrl: 'keysNeeded' } });
  assert.deepEqual(toRegistration({ ...jwt, jwks: '{"keys": []}' }), { problems: { jwks: 'jwksInvalid' } });
  assert.deepEqual(toRegistration({ ...jwt, jwks: '{"keys": [{"kty": "EC", "d": "x"}]}' }), { problems: { jwks: 'privateKey' } });
  assert.deepEqual(toRegistration({ ...jwt, jwks: '{"keys": [{"kty": "EC", "x": "1"}]}' }), {
    body: { name: 'Export', type: 'confidential-asymmetric', redirectUris: [], backend: true, jwks: { keys: [{ kty: 'EC', x: '1' }] } },
  });
});

test('the Spanish staff text has every English key, and no text is empty', () => {
  const shape = (value: unknown, path = ''): string[] =>
    value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => shape(v, `${path}.${k}`)) : [`${path}:${typeof value}`];
  assert.deepEqual(shape(staffEs).sort(), shape(staffEn).sort());
  const texts = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : []);
  for (const text of [...texts(staffEn), ...texts(staffEs)]) assert.ok(text.trim().length > 0);
  assert.equal(staffEs.register.copy(staffEs.register.clientId), 'Copiar ID de cliente');
  assert.equal(staffEn.register.copy(staffEn.register.secret), 'Copy client secret');
});

test('the staff text reads at the same level as the patient text (i18n/plain-language.test.ts thresholds)', () => {
  // Staff need some technical words (client ID, redirect URI, JWKS), so the jargon scan does not apply.
  const messages = (node: unknown, path = ''): [string, string][] =>
    typeof node === 'string'
      ? [[path, node]]
      : typeof node === 'function'
        ? [[path, String((node as (...args: unknown[]) => unknown)(...Array<string>(node.length).fill('Sam')))]]
        : node && typeof node === 'object'
          ? Object.entries(node).flatMap(([k, v]) => messages(v, path ? `${path}.${k}` : k))
          : [];
  for (const [lang, catalogue] of [['en', staffEn], ['es', staffEs]] as const) {
    const score = (c: ReturnType<typeof counts>) => (lang === 'en' ? fleschKincaidGrade(c) : szigrisztPazos(c));
    const tooHard = (v: number, kind: 'text' | 'sentence') => (lang === 'en' ? v > (kind === 'text' ? 8 : 10) : v < (kind === 'text' ? 55 : 40));
    const all = messages(catalogue);
    const hardSentences = all.flatMap(([key, text]) => splitSentences(text).filter((s) => wordsOf(s).length >= 8 && tooHard(score(counts(s, lang)), 'sentence')).map((s) => `${key}: ${s}`));
    assert.deepEqual(hardSentences, [], lang);
    const sections = Object.keys(catalogue).map((section) => addCounts(all.filter(([key]) => key.startsWith(`${section}.`)).map(([, text]) => counts(text, lang))));
    const hardSections = Object.keys(catalogue).filter((_, i) => sections[i].words >= 30 && tooHard(score(sections[i]), 'text'));
    assert.deepEqual(hardSections, [], lang);
  }
});
