// What a patient reads as the name of a past visit and of a document: our plain name for the
// visit type (SNOMED CT) or document type (LOINC) when we have one, else the record's own words.
// Records carry terminology displays such as "Encounter for symptom" or "Summary of episode note".
import type { DocumentReference, Encounter } from '@medplum/fhirtypes';
import type { Messages } from '../../i18n/en.js';
import { documentTypeNames, visitTypeNames } from '../../content/visit-types.js';
import { LOINC, conceptText } from './format-common.js';
import { attachmentOf } from './attachments.js';
import { plainNameLookup, type Locale } from './plain-name.js';

const visitType = plainNameLookup(visitTypeNames, ['http://snomed.info/sct']);
const documentType = plainNameLookup(documentTypeNames, [LOINC]);

/** "Follow-up visit", "Consulta por video"; without a known type, the record's words, then the kind of visit ("Office visit"). */
export function visitTitle(e: Encounter, locale: Locale, m: Messages): string {
  const byClass = m.visits.class[e.class?.code ?? ''] ?? m.fallback.visit;
  for (const type of e.type ?? []) {
    const plain = visitType(type, locale);
    if (plain) return plain;
  }
  return conceptText(e.type?.[0], byClass);
}

/**
 * "Visit note", "Resumen de su atención". A known type wins over the attachment's title, which
 * feeds fill with the same terminology display; an unknown type keeps the title the author gave.
 */
export function documentTitle(doc: DocumentReference, locale: Locale, fallback: string): string {
  return documentType(doc.type, locale) ?? (attachmentOf(doc)?.title?.trim() || conceptText(doc.type, fallback));
}
