// Words for a coded concept, shared by the web app and the printed record. No raw codes: when a
// concept has no text and no display, the caller's plain fallback is shown instead.
import type { CodeableConcept } from '@medplum/fhirtypes';

/** CodeableConcept.text, else the first coding display, else the fallback (FHIR R4 datatypes §2.24.0.13: text is "as the user entered or saw it"). */
export function conceptText(concept: CodeableConcept | undefined, fallback: string): string {
  if (!concept) return fallback;
  const text = concept.text?.trim();
  if (text) return text;
  // A "display" that only repeats the code (some feeds send code = display) is a raw code, not words.
  const display = concept.coding?.find((c) => c.display?.trim() && c.display.trim().toLowerCase() !== c.code?.trim().toLowerCase())?.display?.trim();
  return display || fallback;
}

export function codeIn(concept: CodeableConcept | undefined, system: string): string | undefined {
  return concept?.coding?.find((c) => c.system === system && c.code)?.code;
}

export const LOINC = 'http://loinc.org';
