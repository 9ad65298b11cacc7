// What a patient reads for a coded item of their record: our plain name for its code when we have
// one, else the record's own words. SNOMED CT displays end in a semantic tag ("Peanut
// (substance)", "Asthma (disorder)") that sorts concepts for terminologists and means nothing to a
// patient, so it is taken off the record's words wherever they are shown.
import type { CodeableConcept } from '@medplum/fhirtypes';
import { conceptText } from '#fhir/concepts.js';
import type { Locale, PlainNameLookup } from './plain-name.js';

// The SNOMED CT semantic tags (SNOMED CT Editorial Guide, "Semantic Tags") a record's problem,
// allergy or procedure display can end with.
const SEMANTIC_TAG =
  /\s*\((?:disorder|finding|substance|procedure|situation|event|morphologic abnormality|body structure|organism|product|medicinal product|medicinal product form|clinical drug|physical object|observable entity|qualifier value|regime\/therapy|record artifact|environment|person|specimen|attribute)\)\s*$/i;

/** The record's words for a concept without a trailing SNOMED CT semantic tag, else the fallback. */
export function recordName(concept: CodeableConcept | undefined, fallback: string): string {
  return conceptText(concept, '').replace(SEMANTIC_TAG, '').trim() || fallback;
}

/** The language charts are written in when a resource does not say (Resource.language): US Core feeds write English. */
export const CHART_LANGUAGE = 'en';

/** The language a resource's free text is written in. */
export function chartLanguage(resource: { language?: string } | undefined): string {
  return resource?.language?.trim() || CHART_LANGUAGE;
}

export interface ShownName {
  /** What the patient reads. */
  name: string;
  /** The record's own words when a plain name stands in for them and they differ, to match paperwork. */
  official?: string;
  /** True when `name` is the record's own words (no plain name): in the chart's language, as written. */
  asWritten?: true;
}

export function shownName(lookup: PlainNameLookup, concept: CodeableConcept | undefined, locale: Locale, fallback: string): ShownName {
  const plain = lookup(concept, locale);
  const record = recordName(concept, '');
  if (!plain) return record ? { name: record, asWritten: true } : { name: fallback };
  return record && record.toLowerCase() !== plain.toLowerCase() ? { name: plain, official: record } : { name: plain };
}
