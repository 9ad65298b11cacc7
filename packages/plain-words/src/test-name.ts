// The name a patient reads for a lab test or panel: our short plain-language name for its LOINC
// code when we have one, else the lab's own words. Lab feeds often carry only the LOINC long name
// ("Glucose [Mass/volume] in Serum or Plasma"), which is jargon and always English.
import type { CodeableConcept } from '@medplum/fhirtypes';
import { findLabExplanation } from './content/lab-tests.js';
import { labPanelNames } from './content/lab-panels.js';
import { LOINC, codeIn, conceptText } from '#fhir/concepts.js';

export function labTestName(code: CodeableConcept | undefined, locale: 'en' | 'es', fallback: string): string {
  const loinc = codeIn(code, LOINC)?.trim() ?? '';
  return findLabExplanation(loinc)?.[locale].name ?? labPanelNames[loinc]?.[locale] ?? conceptText(code, fallback);
}
