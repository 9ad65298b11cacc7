// Allergies by plain name: what the patient is allergic to (AllergyIntolerance.code, SNOMED CT
// substances or RxNorm ingredients in US Core) and what it does to them (reaction.manifestation,
// SNOMED CT findings).
import type { AllergyIntolerance, CodeableConcept } from '@medplum/fhirtypes';
import { allergyReactionNames, allergySubstanceNames } from './content/allergy-names.js';
import { plainNameLookup, type Locale } from './plain-name.js';
import { recordName, shownName, type ShownName } from './record-name.js';

const SNOMED = ['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96'];
const RXNORM = ['http://www.nlm.nih.gov/research/umls/rxnorm', 'urn:oid:2.16.840.1.113883.6.88'];
const bySnomed = plainNameLookup(allergySubstanceNames, SNOMED);
const byRxnorm = plainNameLookup(allergySubstanceNames.map((s) => ({ ...s, codes: s.rxnorm ?? [] })), RXNORM);
const substanceLookup = (concept: CodeableConcept | undefined, locale: Locale) => bySnomed(concept, locale) ?? byRxnorm(concept, locale);
const reactionLookup = plainNameLookup(allergyReactionNames, SNOMED);

export function allergySubstanceName(code: CodeableConcept | undefined, locale: Locale, fallback: string): ShownName {
  return shownName(substanceLookup, code, locale, fallback);
}

/** Every reaction the allergy records, by plain name (else the record's words, marked so), each once. */
export function allergyReactionsShown(allergy: AllergyIntolerance, locale: Locale): ShownName[] {
  const seen = new Set<string>();
  const names: ShownName[] = [];
  for (const m of (allergy.reaction ?? []).flatMap((r) => r.manifestation ?? [])) {
    const plain = reactionLookup(m, locale);
    const name: ShownName | undefined = plain ? { name: plain } : recordName(m, '') ? { name: recordName(m, ''), asWritten: true } : undefined;
    if (name && !seen.has(name.name)) names.push(name), seen.add(name.name);
  }
  return names;
}

/** Every reaction the allergy records, by plain name, each once. */
export function allergyReactions(allergy: AllergyIntolerance, locale: Locale): string[] {
  return allergyReactionsShown(allergy, locale).map((n) => n.name);
}
