// Plain language (issue "Patient web app": UI text at a 6th–8th grade reading level, no raw codes
// or FHIR jargon). Measures the patient message catalogues and the lab explanations with reading
// formulas and scans them for jargon.
//
// Thresholds, and why:
// - English, Flesch–Kincaid grade. Running text (a catalogue section, one lab explanation) must be
//   at grade 8 or below: the top of the target band. A single sentence of 8 or more words may reach
//   grade 10: one sentence's grade swings with a single long word, and a lab explanation has to
//   name its test ("triglyceride"); the ceiling still catches sentences that are long and wordy.
// - Spanish, Szigriszt-Pazos read on the INFLESZ scale (the Spanish health-text standard; Flesch–
//   Kincaid is calibrated on English syllable counts and would fail every Spanish text). Running text
//   must be "normal" or easier (55 or more); a single sentence must not be "muy difícil" (40 or more).
// - Labels ("Save", "Test results") are not sentences: a formula on two words measures only their
//   length. They count inside their section, and a section is scored once it has 30 words: the
//   formulas were built on samples of 100 words, and below 30 a couple of words decide the score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en } from './en.js';
import { es } from './es.js';
import { labTests } from '#plain-words/content/lab-tests.js';
import { vaccineNames } from '#plain-words/content/vaccines.js';
import { careTeamRoleNames } from '#plain-words/content/care-team-roles.js';
import { documentTypeNames, visitTypeNames } from '#plain-words/content/visit-types.js';
import { problemNames } from '#plain-words/content/problem-names.js';
import { allergyReactionNames, allergySubstanceNames } from '#plain-words/content/allergy-names.js';
import { procedureNames } from '#plain-words/content/procedure-names.js';
import { addCounts, counts, fleschKincaidGrade, inflesz, spanishSyllables, splitSentences, szigrisztPazos, wordsOf, type Lang } from './readability.js';

const TEXT_MAX_GRADE = 8;
const SENTENCE_MAX_GRADE = 10;
const TEXT_MIN_INFLESZ = 55;
const SENTENCE_MIN_INFLESZ = 40;
const LONG_SENTENCE_WORDS = 8;
const SECTION_MIN_WORDS = 30;

/** Every message with its key path; a function message is called with a short name for each argument. */
function messages(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') return [[path, String((node as (...args: unknown[]) => unknown)(...Array<string>(node.length).fill('Sam')))]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => messages(v, path ? `${path}.${k}` : k));
  return [];
}

const CATALOGUES = { en, es } as const;
const score = (text: string | ReturnType<typeof counts>, lang: Lang) => {
  const c = typeof text === 'string' ? counts(text, lang) : text;
  return lang === 'en' ? fleschKincaidGrade(c) : szigrisztPazos(c);
};
const tooHard = (value: number, lang: Lang, kind: 'text' | 'sentence') =>
  lang === 'en' ? value > (kind === 'text' ? TEXT_MAX_GRADE : SENTENCE_MAX_GRADE) : value < (kind === 'text' ? TEXT_MIN_INFLESZ : SENTENCE_MIN_INFLESZ);
const show = (value: number, lang: Lang) => (lang === 'en' ? `grade ${value.toFixed(1)}` : `INFLESZ ${value.toFixed(0)} (${inflesz(value)})`);

test('the formulas give the published scores on known text', () => {
  // Flesch–Kincaid: 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
  assert.equal(fleschKincaidGrade({ sentences: 1, words: 10, syllables: 15 }).toFixed(2), '6.01');
  // Szigriszt-Pazos: 206.835 − 62.3 × syllables/words − words/sentences.
  assert.equal(szigrisztPazos({ sentences: 1, words: 10, syllables: 20 }).toFixed(3), '72.235');
  assert.deepEqual([inflesz(30), inflesz(50), inflesz(60), inflesz(70), inflesz(90)], ['muy difícil', 'algo difícil', 'normal', 'bastante fácil', 'muy fácil']);
  // Short plain sentences score as easy; long Latinate ones as hard.
  assert.ok(score('The cat sat on the mat. It was warm.', 'en') < 2);
  assert.ok(score('Comprehensive immunological characterization necessitates multidisciplinary collaboration.', 'en') > 16);
});

test('Spanish syllables: diphthongs, hiatus, silent u and final y', () => {
  const cases: [string, number][] = [
    ['casa', 2], ['cielo', 2], ['río', 2], ['leer', 2], ['país', 2], ['cuidado', 3], ['que', 1], ['guitarra', 3], ['pingüino', 3],
    ['hoy', 1], ['muy', 1], ['Uruguay', 3], ['medicamento', 5], ['autenticación', 5], ['aplicación', 4], ['oído', 3], ['buey', 1],
  ];
  for (const [word, n] of cases) assert.equal(spanishSyllables(word), n, word);
});

for (const lang of ['en', 'es'] as const) {
  const all = messages(CATALOGUES[lang]);

  test(`${lang}: every long sentence in the message catalogue is easy to read`, () => {
    const hard = all.flatMap(([key, text]) =>
      splitSentences(text)
        .filter((s) => wordsOf(s).length >= LONG_SENTENCE_WORDS && tooHard(score(s, lang), lang, 'sentence'))
        .map((s) => `${key}: ${show(score(s, lang), lang)}: ${s}`),
    );
    assert.deepEqual(hard, []);
  });

  test(`${lang}: every catalogue section reads at the target level`, () => {
    const sections = new Map<string, [string, string][]>();
    for (const entry of all) {
      const section = entry[0].split('.')[0];
      sections.set(section, [...(sections.get(section) ?? []), entry]);
    }
    let scored = 0;
    const hard: string[] = [];
    for (const [section, entries] of sections) {
      const c = addCounts(entries.map(([, text]) => counts(text, lang)));
      if (c.words < SECTION_MIN_WORDS) continue;
      scored++;
      if (tooHard(score(c, lang), lang, 'text')) hard.push(`${section}: ${show(score(c, lang), lang)}`);
    }
    assert.ok(scored >= 10, `only ${scored} sections were long enough to score`);
    assert.deepEqual(hard, []);
  });

  test(`${lang}: every lab explanation reads at the target level, and so does each long sentence`, () => {
    const hard: string[] = [];
    for (const t of labTests) {
      const text = t[lang];
      const parts = [text.measures, text.why, text.highLow ?? ''];
      const whole = score(addCounts(parts.map((p) => counts(p, lang))), lang);
      if (tooHard(whole, lang, 'text')) hard.push(`${t.en.name}: ${show(whole, lang)}`);
      for (const s of parts.flatMap(splitSentences)) {
        if (wordsOf(s).length >= LONG_SENTENCE_WORDS && tooHard(score(s, lang), lang, 'sentence')) hard.push(`${t.en.name}: ${show(score(s, lang), lang)}: ${s}`);
      }
    }
    assert.deepEqual(hard, []);
  });
}

// Words a patient should never meet: FHIR resource and data type names, terminology names, and
// the shapes of raw codes (LOINC 2345-7, SNOMED CT 38341003, ICD-10 E11.9, system URLs).
const JARGON: [string, RegExp][] = [
  ['FHIR type name', /\b(?:Observation|DiagnosticReport|MedicationRequest|MedicationStatement|AllergyIntolerance|DocumentReference|CodeableConcept|QuestionnaireResponse|ServiceRequest|CarePlan|CareTeam|OperationOutcome|Bundle|Encounter|Practitioner(?:Role)?|valueQuantity|valueCodeableConcept)\b/],
  ['FHIR word', /\b(?:resources?|codings?|codeable|coded|code ?system|value ?set|extension|reference range id|canonical|narrative)\b/i],
  ['terminology name', /\b(?:LOINC|SNOMED(?: CT)?|ICD-?(?:9|10)(?:-CM)?|CPT|RxNorm|HL7|UCUM|CVX|NDC)\b/i],
  ['raw LOINC code', /\b\d{1,6}-\d\b/],
  ['raw SNOMED code', /\b\d{6,18}\b/],
  ['raw ICD-10 code', /\b[A-TV-Z]\d{2}\.\d{1,4}\b/],
  ['system URL', /\b(?:https?:\/\/|urn:(?:oid|uuid):)/],
];
// "FHIR" is jargon too, with one exception: the download screen names the file format of the
// full record, because that is the name another health app asks for when importing it.
const FHIR_WORD = /\bFHIR\b/;
const FHIR_ALLOWED = new Set(['download.jsonIntro', 'download.button']);

function jargonIn(key: string, text: string): string[] {
  const found = JARGON.filter(([, re]) => re.test(text)).map(([what, re]) => `${key}: ${what} "${re.exec(text)![0]}" in: ${text}`);
  if (FHIR_WORD.test(text) && !FHIR_ALLOWED.has(key)) found.push(`${key}: "FHIR" in: ${text}`);
  return found;
}

test('no FHIR jargon or raw codes in the patient message catalogues', () => {
  for (const lang of ['en', 'es'] as const) {
    assert.deepEqual(messages(CATALOGUES[lang]).flatMap(([key, text]) => jargonIn(key, text)), [], lang);
  }
  // The scan itself finds what it should.
  assert.equal(jargonIn('x', 'Your Observation resource').length, 2);
  assert.equal(jargonIn('x', 'LOINC 2345-7').length, 2);
  assert.equal(jargonIn('x', 'Diagnosis E11.9 (SNOMED 44054006)').length, 3);
  assert.equal(jargonIn('x', 'See http://example.org/code').length, 1);
  assert.equal(jargonIn('x', 'Download your FHIR data').length, 1);
  assert.deepEqual(jargonIn('x', 'Enter the 6-digit code. Do not use 1234. Your 2nd visit.'), []);
});

test('no FHIR jargon or raw codes in the lab explanations', () => {
  const found = labTests.flatMap((t) =>
    (['en', 'es'] as const).flatMap((lang) =>
      (['name', 'measures', 'why', 'highLow'] as const).flatMap((field) => jargonIn(`${t.en.name} ${lang}.${field}`, t[lang][field] ?? '')),
    ),
  );
  assert.deepEqual(found, []);
});

// The plain names that stand in for terminology displays are labels: too short for a reading
// formula, but they must not bring back the jargon they replace.
const PLAIN_NAME_TABLES = { vaccines: vaccineNames, careTeamRoles: careTeamRoleNames, visitTypes: visitTypeNames, documentTypes: documentTypeNames, problems: problemNames, allergySubstances: allergySubstanceNames, allergyReactions: allergyReactionNames, procedures: procedureNames };

test('no FHIR jargon or raw codes in the plain names that stand in for terminology displays', () => {
  const found = Object.entries(PLAIN_NAME_TABLES).flatMap(([table, entries]) =>
    entries.flatMap((e) => (['en', 'es'] as const).flatMap((lang) => jargonIn(`${table} ${e.en} ${lang}`, e[lang]))),
  );
  assert.deepEqual(found, []);
});
