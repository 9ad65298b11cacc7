// Reading-level formulas for the plain-language tests (test support only; the app never imports
// it). English: Flesch–Kincaid grade (Kincaid et al. 1975) from the `flesch-kincaid` package, with
// syllables counted by the `syllable` package. Spanish: Szigriszt-Pazos "perspicuity" read on the
// INFLESZ scale (Barrio-Cantalejo et al., Anales Sis San Navarra 2008), which was validated on
// Spanish health texts. No maintained npm package counts Spanish syllables or implements either
// Spanish formula, so both are written here; Spanish spelling is regular enough that counting
// vowel nuclei (with the diphthong and hiatus rules) gives the syllable count.
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

export type Lang = 'en' | 'es';

export interface TextCounts {
  sentences: number;
  words: number;
  syllables: number;
}

/** Sentences end at . ! ? … (and ; or :, which read as a stop in UI text); a line break ends one too. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…;:])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

/** Words are runs of letters (with inner apostrophes or hyphens); numbers and symbols are not words. */
export function wordsOf(text: string): string[] {
  return text.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [];
}

// Spanish: a, e, o and the accented í, ú are syllable nuclei of their own; two of them side by side
// are a hiatus (le-er, rí-o). The unaccented i, u, ü join a neighbour in a diphthong (cie-lo, cui-da).
const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó', 'í', 'ú']);
const VOWEL = /[aeiouáéíóúü]/;

export function spanishSyllables(word: string): number {
  // "qu" and "gu" before e/i: the u is silent (que, guiso); "y" is a vowel only at the end of a word (hoy, muy).
  const w = word.toLowerCase().replace(/([qg])u([eéií])/g, '$1$2').replace(/y$/, 'i');
  let count = 0;
  let i = 0;
  while (i < w.length) {
    if (!VOWEL.test(w[i])) {
      i++;
      continue;
    }
    let strong = 0;
    while (i < w.length && VOWEL.test(w[i])) {
      if (STRONG.has(w[i])) strong++;
      i++;
    }
    count += Math.max(1, strong);
  }
  return Math.max(1, count);
}

export function countSyllables(word: string, lang: Lang): number {
  return lang === 'es' ? spanishSyllables(word) : Math.max(1, syllable(word));
}

export function counts(text: string, lang: Lang): TextCounts {
  const sentences = splitSentences(text);
  const words = sentences.flatMap(wordsOf);
  return { sentences: sentences.length, words: words.length, syllables: words.reduce((n, w) => n + countSyllables(w, lang), 0) };
}

export function addCounts(list: TextCounts[]): TextCounts {
  return list.reduce((a, b) => ({ sentences: a.sentences + b.sentences, words: a.words + b.words, syllables: a.syllables + b.syllables }), { sentences: 0, words: 0, syllables: 0 });
}

/** U.S. school grade. */
export function fleschKincaidGrade(c: TextCounts): number {
  return fleschKincaid({ sentence: c.sentences, word: c.words, syllable: c.syllables });
}

/** Szigriszt-Pazos perspicuity: 206.835 − 62.3 × syllables/words − words/sentences. */
export function szigrisztPazos(c: TextCounts): number {
  return 206.835 - (62.3 * c.syllables) / c.words - c.words / c.sentences;
}

/** The INFLESZ band of a Szigriszt-Pazos score. */
export function inflesz(score: number): 'muy difícil' | 'algo difícil' | 'normal' | 'bastante fácil' | 'muy fácil' {
  if (score < 40) return 'muy difícil';
  if (score < 55) return 'algo difícil';
  if (score < 65) return 'normal';
  if (score < 80) return 'bastante fácil';
  return 'muy fácil';
}
