// What a patient reads as the name of a past visit and of a document: our plain name for the
// visit type (SNOMED CT) or document type (LOINC) when we have one, else the record's own words.
// Records carry terminology displays such as "Encounter for symptom" or "Summary of episode note".
import type { DocumentReference, Encounter } from '@medplum/fhirtypes';
import type { Locale } from '#plain-words/plain-name.js';
import { documentTypeName, visitTypeName } from '#plain-words/visit-type-name.js';
import type { Messages } from '../../i18n/en.js';
import { conceptText } from './format-common.js';
import { attachmentOf } from './attachments.js';

/** "Follow-up visit", "Consulta por video"; without a known type, the record's words, then the kind of visit ("Office visit"). */
export function visitTitle(e: Encounter, locale: Locale, m: Messages): string {
  const byClass = m.visits.class[e.class?.code ?? ''] ?? m.fallback.visit;
  return visitTypeName(e.type, locale) ?? conceptText(e.type?.[0], byClass);
}

/**
 * "Visit note", "Resumen de su atención". A known type wins over the attachment's title, which
 * feeds fill with the same terminology display; an unknown type keeps the title the author gave.
 */
export function documentTitle(doc: DocumentReference, locale: Locale, fallback: string): string {
  return documentTypeName(doc.type, locale) ?? (attachmentOf(doc)?.title?.trim() || conceptText(doc.type, fallback));
}
