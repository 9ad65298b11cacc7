// Medicine display logic: name and how to take it, for the reader's language. Pure, unit tested.
// The sentences themselves are built in plain-words (dose-text.ts), shared with the printed record:
// a sentence from the structured Dosage (FHIR R4 dosage.html) in the reader's language, and the
// prescriber's own words (Dosage.text, what the pharmacy label says) shown as written.
import type { MedicationRequest } from '@medplum/fhirtypes';
import { medicineName } from '#plain-words/medicine-name.js';
import type { Locale } from '#plain-words/plain-name.js';
import { conceptText, referenceText } from './format-common.js';

export { doseInstructions, doseSentence, timingText } from '#plain-words/dose-text.js';

/** "lisinopril 10 MG Oral Tablet", "lisinopril 10 MG tableta oral": the dose form in the reader's language. */
export function medicationName(req: MedicationRequest, fallback: string, locale: Locale = 'en'): string {
  const name = req.medicationCodeableConcept ? conceptText(req.medicationCodeableConcept, '') : referenceText(req.medicationReference, '');
  return name ? medicineName(name, locale) : fallback;
}

export function isActiveMedication(req: MedicationRequest): boolean {
  return req.status === 'active' || req.status === 'on-hold' || req.status === 'draft';
}
