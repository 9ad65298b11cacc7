/**
 * Finds glossary terms inside free text (clinical notes, visit summaries) so
 * the UI can mark them and show a plain-language definition.
 *
 * Matching rules:
 * - whole words only: a term never matches inside a longer word;
 * - case-insensitive;
 * - accent-insensitive ("hipertension" finds "hipertensión"), except that
 *   "ñ" stays different from "n" so Spanish words keep their meaning;
 * - any run of spaces or line breaks in the text matches a space in a term;
 * - at each position the longest term wins, and matches never overlap.
 *
 * The terms for each locale are compiled once into a character trie and
 * cached per entries array, so scanning a long note is linear in its length
 * times the length of the longest term.
 */
import { glossary, type GlossaryEntry } from './glossary.js';

export interface GlossaryMatch {
  /** Index of the first character of the match in the original text. */
  start: number;
  /** Index just past the last character of the match in the original text. */
  end: number;
  entryId: string;
}

export type GlossaryLocale = 'en' | 'es';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Set when a term ends at this node. */
  entryId?: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const COMBINING_MARK = /\p{M}/u;
const SPACE = /\s/u;

/** Folds one code point to lower case without accents (ñ is kept). */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower === 'ñ') return lower;
  return lower.normalize('NFD').replace(/\p{M}/gu, '');
}

interface Folded {
  /** Folded characters, one string element per UTF-16 unit of output. */
  text: string;
  /** For each folded index, the index in the original text it came from. */
  origin: number[];
}

/**
 * Folds a whole text while keeping a map back to original positions.
 * Combining marks in decomposed input are dropped (a combining tilde after
 * "n" turns it into "ñ").
 */
function foldText(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (COMBINING_MARK.test(ch)) {
      if (ch === '\u0303' && out.endsWith('n')) out = out.slice(0, -1) + 'ñ';
    } else {
      const f = foldChar(ch);
      for (let k = 0; k < f.length; k++) {
        out += f[k];
        origin.push(i);
      }
    }
    i += ch.length;
  }
  return { text: out, origin };
}

/** Folds a term and collapses its inner whitespace to single spaces. */
export function foldTerm(term: string): string {
  return foldText(term.trim().replace(/\s+/gu, ' ')).text;
}

function buildTrie(entries: readonly GlossaryEntry[], locale: GlossaryLocale): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const entry of entries) {
    for (const term of entry[locale].terms) {
      const folded = foldTerm(term);
      if (!folded) continue;
      let node = root;
      for (const ch of folded) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map() };
          node.next.set(ch, child);
        }
        node = child;
      }
      // The first entry to claim a term keeps it.
      if (node.entryId === undefined) node.entryId = entry.id;
    }
  }
  return root;
}

const cache = new WeakMap<readonly GlossaryEntry[], Partial<Record<GlossaryLocale, TrieNode>>>();

function trieFor(entries: readonly GlossaryEntry[], locale: GlossaryLocale): TrieNode {
  let perLocale = cache.get(entries);
  if (!perLocale) {
    perLocale = {};
    cache.set(entries, perLocale);
  }
  let trie = perLocale[locale];
  if (!trie) {
    trie = buildTrie(entries, locale);
    perLocale[locale] = trie;
  }
  return trie;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/**
 * Returns the glossary terms found in `text`, in order, without overlaps.
 * `start` and `end` are indexes into the original `text`.
 */
export function findGlossaryTerms(
  text: string,
  locale: GlossaryLocale,
  entries: readonly GlossaryEntry[] = glossary,
): GlossaryMatch[] {
  const matches: GlossaryMatch[] = [];
  if (!text) return matches;
  const root = trieFor(entries, locale);
  const { text: folded, origin } = foldText(text);
  const n = folded.length;

  let i = 0;
  while (i < n) {
    // Square brackets in notes hold lab test notation ("Glucose [Mass/volume] in Serum"): "Mass"
    // there is a kind of measure, not a lump, so nothing inside them is explained.
    if (folded[i] === '[') {
      const close = folded.indexOf(']', i);
      if (close !== -1 && close - i <= 80 && !folded.slice(i, close).includes('\n')) {
        i = close + 1;
        continue;
      }
    }
    // Only start at the beginning of a word.
    if (!isWordChar(folded[i]) || isWordChar(folded[i - 1])) {
      i++;
      continue;
    }
    let node: TrieNode | undefined = root;
    let j = i;
    let bestEnd = -1;
    let bestId: string | undefined;
    while (node && j <= n) {
      if (node.entryId !== undefined && j > i && !isWordChar(folded[j])) {
        bestEnd = j;
        bestId = node.entryId;
      }
      if (j === n) break;
      const ch = folded[j];
      if (SPACE.test(ch)) {
        node = node.next.get(' ');
        while (j < n && SPACE.test(folded[j])) j++;
      } else {
        node = node.next.get(ch);
        j++;
      }
    }
    if (bestId !== undefined) {
      const start = origin[i];
      const end = bestEnd < n ? origin[bestEnd] : text.length;
      matches.push({ start, end, entryId: bestId });
      i = bestEnd;
    } else {
      // Skip to the end of this word.
      while (i < n && isWordChar(folded[i])) i++;
    }
  }
  return matches;
}
