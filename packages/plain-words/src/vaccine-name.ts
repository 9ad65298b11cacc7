// The name a patient reads for a vaccine: our plain name for its CVX code, else the record's own
// words. A CVX long name ("COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose") names the product for
// the clinic; the patient needs to know what it protects against, in their language.
import type { CodeableConcept } from '@medplum/fhirtypes';
import { vaccineNames } from './content/vaccines.js';
import { plainNameLookup, type Locale } from './plain-name.js';
import { recordName } from './record-name.js';

// CVX is named by its URL in FHIR and by its HL7 OID in records converted from HL7 v2 and C-CDA.
const CVX_SYSTEMS = ['http://hl7.org/fhir/sid/cvx', 'urn:oid:2.16.840.1.113883.12.292'];
// The CDC writes codes below 10 with a leading zero ("08"); some feeds drop it.
const lookup = plainNameLookup(vaccineNames, CVX_SYSTEMS, (code) => code.trim().replace(/^0+(?=\d)/, ''));

export function vaccineName(code: CodeableConcept | undefined, locale: Locale, fallback: string): string {
  return lookup(code, locale) ?? recordName(code, fallback);
}

/**
 * The record's own name of the vaccine, for the printed vaccine record: schools and clinics ask
 * for the product. Undefined when it says no more than the plain name.
 */
export function officialVaccineName(code: CodeableConcept | undefined, locale: Locale): string | undefined {
  const plain = lookup(code, locale);
  const official = recordName(code, '');
  return plain && official && official.toLowerCase() !== plain.toLowerCase() ? official : undefined;
}
