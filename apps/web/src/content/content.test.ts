import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { labTests, findLabExplanation, type LabTestText } from '#plain-words/content/lab-tests.js';
import { glossary, type GlossaryEntry } from './glossary.js';
import { findGlossaryTerms, foldTerm } from './glossary-match.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
// Synthea bundles kept in the repository (fixtures/synthea/README.md says which and why).
const samplesDir = resolve(repoRoot, 'fixtures/synthea');

/** Common English words that should never show up in Spanish text. */
const ENGLISH_WORDS = /\b(the|and|your|with|this|that|is|of|you|for|what|when)\b/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/u).filter((s) => s.trim().length > 0);
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter(Boolean).length;
}

/** LOINC codes end in a Mod 10 (Luhn) check digit. */
function loincCheckDigitOk(code: string): boolean {
  const m = /^(\d{1,7})-(\d)$/.exec(code);
  if (!m) return false;
  const digits = m[1];
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let d = Number(digits[digits.length - 1 - k]);
    if (k % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(m[2]);
}

test('there are at least 80 lab explanations and 320 glossary entries', () => {
  assert.ok(labTests.length >= 80, `only ${labTests.length} lab explanations`);
  assert.ok(glossary.length >= 320, `only ${glossary.length} glossary entries`);
});

test('every lab explanation is complete in English and Spanish', () => {
  const fields: (keyof LabTestText)[] = ['name', 'measures', 'why', 'highLow'];
  for (const t of labTests) {
    const label = t.en.name || t.loinc.join(',');
    assert.ok(t.loinc.length > 0, `${label}: no LOINC codes`);
    for (const field of fields) {
      const en = t.en[field];
      const es = t.es[field];
      if (field === 'highLow') {
        assert.equal(en === undefined, es === undefined, `${label}: highLow present in only one language`);
        if (en === undefined) continue;
      }
      assert.ok(en && en.trim(), `${label}: empty English ${field}`);
      assert.ok(es && es.trim(), `${label}: empty Spanish ${field}`);
      if (field !== 'name' || /\s/.test(en!)) {
        assert.notEqual(es, en, `${label}: Spanish ${field} is the same as English`);
      }
      assert.doesNotMatch(es!, ENGLISH_WORDS, `${label}: Spanish ${field} looks English: ${es}`);
    }
  }
});

test('LOINC codes are well formed, pass the check digit and are never repeated', () => {
  const seen = new Map<string, string>();
  for (const t of labTests) {
    for (const code of t.loinc) {
      assert.ok(loincCheckDigitOk(code), `${t.en.name}: bad LOINC code ${code}`);
      assert.ok(!seen.has(code), `${code} is listed by both "${seen.get(code)}" and "${t.en.name}"`);
      seen.set(code, t.en.name);
      assert.equal(findLabExplanation(code), t);
    }
  }
  assert.equal(findLabExplanation('0000-0'), undefined);
});

test('the core lab codes are covered', () => {
  const core = [
    '2345-7', '4548-4', '2093-3', '2085-9', '18262-6', '13457-7', '43396-1', '2571-8', '718-7', '6690-2',
    '777-3', '2160-0', '3094-0', '2951-2', '2823-3', '3016-3', '3024-7', '33914-3', '62238-1', '48642-3',
    '48643-1', '1989-3', '2857-1', '2132-9', '2284-8', '2276-4', '2498-4', '2500-7', '5811-5', '5803-2',
    '5804-0', '5792-7', '5797-6', '5794-3', '5799-2', '5802-4', '14959-1', '6301-6', '5902-2', '3173-2',
    '1988-5', '4537-7', '19123-9', '2777-1', '3084-1', '1798-8', '3040-3', '10839-9', '30934-4', '5671-3',
  ];
  for (const code of core) assert.ok(findLabExplanation(code), `no explanation for ${code}`);
});

test('every laboratory LOINC code in the sample bundles is covered', () => {
  // The samples are part of the repository: a missing folder is a broken checkout, not a reason to skip.
  assert.ok(existsSync(samplesDir), `sample bundles not found at ${samplesDir}`);
  const counts = new Map<string, number>();
  for (const file of readdirSync(samplesDir).filter((f) => f.endsWith('.json'))) {
    const bundle = JSON.parse(readFileSync(resolve(samplesDir, file), 'utf8')) as {
      entry?: { resource?: Record<string, any> }[];
    };
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource;
      if (!r || r.resourceType !== 'Observation') continue;
      const isLab = (r.category ?? []).some((c: any) =>
        (c.coding ?? []).some((x: any) => x.code === 'laboratory'),
      );
      if (!isLab) continue;
      for (const coding of r.code?.coding ?? []) {
        if (coding.system === 'http://loinc.org') counts.set(coding.code, (counts.get(coding.code) ?? 0) + 1);
      }
    }
  }
  assert.ok(counts.size > 0, 'no laboratory observations found in the samples');
  const missing = [...counts.keys()].filter((code) => !findLabExplanation(code));
  assert.deepEqual(missing, [], `sample lab codes without an explanation: ${missing.join(', ')}`);
});

test('every glossary entry is complete in English and Spanish', () => {
  for (const e of glossary) {
    assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `bad id ${e.id}`);
    for (const locale of ['en', 'es'] as const) {
      assert.ok(e[locale].terms.length > 0, `${e.id}: no ${locale} terms`);
      for (const term of e[locale].terms) assert.ok(term.trim(), `${e.id}: empty ${locale} term`);
      assert.ok(e[locale].definition.trim(), `${e.id}: empty ${locale} definition`);
    }
    assert.notEqual(e.es.definition, e.en.definition, `${e.id}: Spanish definition is the same as English`);
    assert.doesNotMatch(e.es.definition, ENGLISH_WORDS, `${e.id}: Spanish definition looks English`);
    assert.ok(sentences(e.en.definition).length <= 2, `${e.id}: English definition has more than two sentences`);
  }
});

test('glossary ids and terms are unique', () => {
  const ids = new Set<string>();
  for (const e of glossary) {
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
  }
  for (const locale of ['en', 'es'] as const) {
    const owner = new Map<string, string>();
    for (const e of glossary) {
      for (const term of e[locale].terms) {
        const key = foldTerm(term);
        assert.ok(!owner.has(key), `${locale} term "${term}" is in both ${owner.get(key)} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
  }
});

test('English text is easy to read', () => {
  const texts = [
    ...glossary.map((e) => e.en.definition),
    ...labTests.flatMap((t) => [t.en.measures, t.en.why, t.en.highLow ?? '']).filter(Boolean),
  ];
  let words = 0;
  let count = 0;
  for (const text of texts) {
    for (const s of sentences(text)) {
      words += wordCount(s);
      count++;
    }
  }
  const average = words / count;
  assert.ok(average <= 20, `average sentence length is ${average.toFixed(1)} words`);
  const glossaryAvg =
    glossary.reduce((n, e) => n + wordCount(e.en.definition), 0) /
    glossary.reduce((n, e) => n + sentences(e.en.definition).length, 0);
  assert.ok(glossaryAvg <= 20, `glossary average sentence length is ${glossaryAvg.toFixed(1)} words`);
});

test('lab explanations never promise a diagnosis', () => {
  for (const t of labTests) {
    const all = [t.en.measures, t.en.why, t.en.highLow ?? ''].join(' ');
    assert.doesNotMatch(all, /\b(this means you have|you (definitely|certainly|probably) have)\b/i, `${t.en.name}: sounds like a diagnosis`);
  }
});

function found(text: string, locale: 'en' | 'es', entries?: GlossaryEntry[]) {
  return findGlossaryTerms(text, locale, entries).map((m) => ({
    text: text.slice(m.start, m.end),
    id: m.entryId,
  }));
}

test('findGlossaryTerms finds whole words, case-insensitively', () => {
  const text = 'History of hypertension and edema.';
  const matches = findGlossaryTerms(text, 'en');
  const hyper = matches.find((m) => m.entryId === 'hypertension');
  assert.ok(hyper, 'hypertension not found');
  assert.equal(text.slice(hyper.start, hyper.end), 'hypertension');
  assert.ok(matches.some((m) => m.entryId === 'edema'));
  assert.deepEqual(
    found('HYPERTENSION, controlled.', 'en').find((m) => m.id === 'hypertension'),
    { text: 'HYPERTENSION', id: 'hypertension' },
  );
});

test('findGlossaryTerms leaves lab notation in square brackets alone', () => {
  const words = found('Glucose [Mass/volume] in Serum or Plasma: 98 mg/dL. No mass on exam.', 'en').map((m) => m.text);
  assert.ok(!words.some((w) => w === 'Mass'), 'Mass in [Mass/volume] is a kind of measure');
  assert.ok(words.includes('mass'), 'a mass outside the brackets is still explained');
  // An opening bracket that is never closed does not hide the rest of the note.
  assert.ok(found('See [note. History of hypertension.', 'en').some((m) => m.id === 'hypertension'));
});

test('findGlossaryTerms prefers the longest term and never overlaps', () => {
  const entries: GlossaryEntry[] = [
    { id: 'pressure', en: { terms: ['pressure'], definition: 'x' }, es: { terms: ['presión'], definition: 'y' } },
    {
      id: 'blood-pressure',
      en: { terms: ['blood pressure'], definition: 'x' },
      es: { terms: ['presión arterial'], definition: 'y' },
    },
    { id: 'blood', en: { terms: ['blood'], definition: 'x' }, es: { terms: ['sangre'], definition: 'y' } },
  ];
  assert.deepEqual(found('Her blood pressure was fine; pressure in the ear.', 'en', entries), [
    { text: 'blood pressure', id: 'blood-pressure' },
    { text: 'pressure', id: 'pressure' },
  ]);
  // Line breaks and extra spaces inside a term still match.
  assert.deepEqual(found('blood\n  pressure', 'en', entries), [{ text: 'blood\n  pressure', id: 'blood-pressure' }]);
  // With the real glossary, "high blood pressure" is one match.
  assert.deepEqual(found('Known high blood pressure.', 'en').map((m) => m.id), ['hypertension']);
  const matches = findGlossaryTerms('Chronic kidney disease with acute kidney injury, BP 150/90.', 'en');
  for (let i = 1; i < matches.length; i++) assert.ok(matches[i].start >= matches[i - 1].end, 'overlapping matches');
  assert.deepEqual(
    matches.map((m) => m.entryId),
    ['chronic-kidney-disease', 'acute-kidney-injury', 'blood-pressure'],
  );
});

test('findGlossaryTerms does not match inside other words', () => {
  const entries: GlossaryEntry[] = [
    { id: 'art', en: { terms: ['art'], definition: 'x' }, es: { terms: ['ano'], definition: 'y' } },
  ];
  assert.deepEqual(found('heart, artery, smart, art.', 'en', entries), [{ text: 'art', id: 'art' }]);
  assert.deepEqual(found('No preedema, edemas or edema2.', 'en').filter((m) => m.id === 'edema'), []);
  assert.deepEqual(found('The tidal volume was normal.', 'en').filter((m) => m.id === 'tid'), []);
  // In Spanish "ñ" is not folded to "n": "año" is a different word from "ano".
  assert.deepEqual(found('El año pasado.', 'es', entries), []);
  assert.deepEqual(found('Dolor en el ano.', 'es', entries), [{ text: 'ano', id: 'art' }]);
});

test('findGlossaryTerms handles Spanish accents', () => {
  const text = 'Paciente con hipertensión y diabetes; niega disnea.';
  assert.deepEqual(found(text, 'es').map((m) => m.text), ['hipertensión', 'diabetes', 'niega', 'disnea']);
  // Missing accents and capital letters still match.
  assert.deepEqual(found('HIPERTENSION ARTERIAL', 'es'), [{ text: 'HIPERTENSION ARTERIAL', id: 'hypertension' }]);
  assert.deepEqual(found('Dolor de pecho y edema en ambas piernas.', 'es').map((m) => m.id), ['chest-pain', 'edema']);
  // Decomposed accents (e + combining acute) map back to the right positions.
  const decomposed = 'con hipertensio\u0301n.';
  const [m] = findGlossaryTerms(decomposed, 'es');
  assert.equal(decomposed.slice(m.start, m.end), 'hipertensio\u0301n');
  assert.equal(m.entryId, 'hypertension');
  // Spanish terms are not found with the English list.
  assert.deepEqual(found('hipertensión', 'en'), []);
});

test('findGlossaryTerms is fast on long notes', () => {
  const paragraph =
    'Patient is a 64 y/o with HTN, HLD and type 2 diabetes, here for follow-up. Denies chest pain or SOB. ' +
    'BP 132/84, HR 72, afebrile. Lungs clear to auscultation bilaterally. Bilateral 1+ pitting edema. ' +
    'A1c improved. Continue metformin 500 mg PO bid and lisinopril daily. Return in 3 months. ';
  const note = paragraph.repeat(500);
  findGlossaryTerms(note, 'en');
  const started = performance.now();
  const matches = findGlossaryTerms(note, 'en');
  const elapsed = performance.now() - started;
  assert.ok(matches.length > 500 * 10, `only ${matches.length} matches`);
  assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
});
