// Visits (Encounter.type, SNOMED CT) and documents (DocumentReference.type, LOINC) by plain name.
// Undefined for a type we have no name for: the caller decides what stands in (the record's
// words, a document's own title, the kind of visit).
import type { CodeableConcept } from '@medplum/fhirtypes';
import { LOINC } from '#fhir/concepts.js';
import { documentTypeNames, visitTypeNames } from './content/visit-types.js';
import { plainNameLookup, type Locale } from './plain-name.js';

const visitType = plainNameLookup(visitTypeNames, ['http://snomed.info/sct']);
const documentType = plainNameLookup(documentTypeNames, [LOINC]);

/** The first of a visit's types (Encounter.type repeats) that has a plain name. */
export function visitTypeName(types: CodeableConcept[] | undefined, locale: Locale): string | undefined {
  for (const type of types ?? []) {
    const plain = visitType(type, locale);
    if (plain) return plain;
  }
  return undefined;
}

export function documentTypeName(type: CodeableConcept | undefined, locale: Locale): string | undefined {
  return documentType(type, locale);
}
