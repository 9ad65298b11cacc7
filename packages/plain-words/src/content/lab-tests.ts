/**
 * Plain-language explanations of common lab tests, in English and Spanish.
 *
 * Each explanation is keyed by one or more LOINC codes. The text is written
 * for patients at about a 6th to 8th grade reading level. It explains what a
 * test measures and why it is ordered. It never tells the patient what their
 * own result means: that is a conversation with their care team.
 */
import { bloodCountTests } from './lab-tests-blood.js';
import { chemistryTests } from './lab-tests-chemistry.js';
import { metabolicTests } from './lab-tests-metabolic.js';
import { urineStoolTests } from './lab-tests-urine.js';
import { infectionImmuneTests } from './lab-tests-infection.js';

export interface LabTestText {
  /** Short, familiar name of the test. */
  name: string;
  /** What the test measures, in one to three short sentences. */
  measures: string;
  /** Why a care team may order it. */
  why: string;
  /** Optional, gentle note on what high or low values can be linked to. */
  highLow?: string;
}

export interface LabTestExplanation {
  /** Every LOINC code this explanation covers. */
  loinc: string[];
  en: LabTestText;
  es: LabTestText;
}

export const labTests: LabTestExplanation[] = [
  ...bloodCountTests,
  ...chemistryTests,
  ...metabolicTests,
  ...urineStoolTests,
  ...infectionImmuneTests,
];

let byCode: Map<string, LabTestExplanation> | undefined;

/** Finds the explanation for a LOINC code such as "2345-7". */
export function findLabExplanation(loinc: string): LabTestExplanation | undefined {
  if (!byCode) {
    byCode = new Map();
    for (const test of labTests) {
      for (const code of test.loinc) {
        if (!byCode.has(code)) byCode.set(code, test);
      }
    }
  }
  return byCode.get(loinc.trim());
}
