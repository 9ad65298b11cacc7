// The name a patient reads for a lab test or panel: our short plain-language name for its LOINC
// code when we have one, else the lab's own words. Lab feeds often carry only the LOINC long name
// ("Glucose [Mass/volume] in Serum or Plasma"), which is jargon and always English. Names come
// from lab-test-names.ts, not the explanations, so list screens do not download the explanations.
import type { CodeableConcept } from '@medplum/fhirtypes';
import { labTestNames } from './content/lab-test-names.js';
import { labPanelNames } from './content/lab-panels.js';
import { plainNameLookup } from './plain-name.js';
import { LOINC, codeIn, conceptText } from '#fhir/concepts.js';

// The first test to list a code names it, as findLabExplanation picks its explanation.
const plainLabTestName = plainNameLookup(labTestNames, [LOINC]);

export function labTestName(code: CodeableConcept | undefined, locale: 'en' | 'es', fallback: string): string {
  const loinc = codeIn(code, LOINC)?.trim() ?? '';
  return plainLabTestName(code, locale) ?? labPanelNames[loinc]?.[locale] ?? conceptText(code, fallback);
}
