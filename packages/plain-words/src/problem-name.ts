// Health problems (Condition.code) by plain name. US Core codes problems in SNOMED CT and
// ICD-10-CM; records converted from C-CDA name the same systems by their HL7 OIDs.
import type { CodeableConcept } from '@medplum/fhirtypes';
import { problemNames } from './content/problem-names.js';
import { plainNameLookup, type Locale } from './plain-name.js';
import { shownName, type ShownName } from './record-name.js';

const SYSTEMS = ['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96', 'http://hl7.org/fhir/sid/icd-10-cm', 'urn:oid:2.16.840.1.113883.6.90'];
// ICD-10-CM codes arrive with or without their dot ("E11.9", "E119") and in either case.
const lookup = plainNameLookup(problemNames, SYSTEMS, (code) => code.trim().toUpperCase().replace('.', ''));

export function problemName(code: CodeableConcept | undefined, locale: Locale, fallback: string): ShownName {
  return shownName(lookup, code, locale, fallback);
}
