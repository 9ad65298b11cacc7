// Procedures (Procedure.code) by plain name. US Core codes them in SNOMED CT, CPT or HCPCS; CPT
// is also named by its HL7 OID in converted records.
import type { CodeableConcept } from '@medplum/fhirtypes';
import { procedureNames } from './content/procedure-names.js';
import { plainNameLookup, type Locale } from './plain-name.js';
import { shownName, type ShownName } from './record-name.js';

const SYSTEMS = ['http://snomed.info/sct', 'urn:oid:2.16.840.1.113883.6.96', 'http://www.ama-assn.org/go/cpt', 'urn:oid:2.16.840.1.113883.6.12'];
const lookup = plainNameLookup(procedureNames, SYSTEMS);

export function procedureName(code: CodeableConcept | undefined, locale: Locale, fallback: string): ShownName {
  return shownName(lookup, code, locale, fallback);
}
