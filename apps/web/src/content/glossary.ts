/**
 * Plain-language glossary of words that show up in clinical notes, visit
 * summaries and problem lists, in English and Spanish.
 *
 * Definitions are one or two short sentences at about a 6th to 8th grade
 * reading level. They explain a word; they do not describe any one patient.
 */
import type { GlossaryEntry } from './glossary-entry.js';
import { conditionTerms } from './glossary-conditions.js';
import { symptomTerms } from './glossary-symptoms.js';
import { anatomyTerms } from './glossary-anatomy.js';
import { procedureTerms } from './glossary-procedures.js';
import { abbreviationTerms } from './glossary-abbreviations.js';
import { noteWordTerms } from './glossary-note-words.js';

export type { GlossaryEntry, GlossaryText } from './glossary-entry.js';

export const glossary: GlossaryEntry[] = [
  ...conditionTerms,
  ...symptomTerms,
  ...anatomyTerms,
  ...procedureTerms,
  ...abbreviationTerms,
  ...noteWordTerms,
];
