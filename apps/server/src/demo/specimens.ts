// US Core Specimen (6.1.0): what the lab actually tested. One specimen per container drawn at a
// visit (a blood draw serves every blood panel of that visit), referenced from each lab
// Observation and DiagnosticReport (`specimen`), as a lab information system reports them.
import type { Reference, Specimen } from '@medplum/fhirtypes';
import { SYS, concept, fhirDateTime, ref, snomed, usCore } from './fhir-helpers.js';

export type SpecimenKind = 'venousBlood' | 'capillaryBlood' | 'urine' | 'throatSwab' | 'colonBiopsy';

const SPECIMENS: Record<SpecimenKind, { type: [string, string]; site?: [string, string]; method?: [string, string]; container: string }> = {
  venousBlood: { type: ['122555007', 'Venous blood specimen'], site: ['49852007', 'Structure of median cubital vein'], method: ['28520004', 'Venipuncture for blood test'], container: 'B' },
  capillaryBlood: { type: ['122554006', 'Capillary blood specimen'], site: ['29707007', 'Toe structure'], container: 'C' },
  urine: { type: ['122575003', 'Urine specimen'], container: 'U' },
  throatSwab: { type: ['258529004', 'Throat swab'], site: ['54066008', 'Pharyngeal structure'], container: 'S' },
  colonBiopsy: { type: ['119376003', 'Tissue specimen'], site: ['71854001', 'Colon structure'], container: 'P' },
};

/** Which container a lab panel is run on. */
export function specimenKindFor(panelKey: string, child: boolean): SpecimenKind {
  if (panelKey === 'ua' || panelKey === 'uacr') return 'urine';
  if (panelKey === 'strep') return 'throatSwab';
  if (child && (panelKey === 'lead' || panelKey === 'hgb')) return 'capillaryBlood';
  return 'venousBlood';
}

/** The lab's accession number system (one accession per container). */
export const ACCESSION_SYSTEM = 'https://portico-demo.example.org/fhir/lab-accession';

export interface SpecimenInput {
  id: string;
  kind: SpecimenKind;
  patient: Reference<any>;
  collected: Date;
  /** Visit-unique sequence, e.g. "V000001-003-B". */
  accession: string;
  collector?: Reference<any>;
  received?: Date;
  note?: string;
}

export function specimen(s: SpecimenInput): Specimen {
  const spec = SPECIMENS[s.kind];
  const label = s.kind === 'colonBiopsy' ? 'Colon polyp biopsy' : spec.type[1];
  return {
    resourceType: 'Specimen',
    id: s.id,
    meta: { profile: [usCore('us-core-specimen')] },
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${s.id}` }],
    accessionIdentifier: { type: concept(SYS.v2_0203, 'ACSN', 'Accession ID'), system: ACCESSION_SYSTEM, value: `${s.accession}-${spec.container}` },
    status: 'available',
    type: { ...snomed(spec.type[0], spec.type[1]), text: label },
    subject: s.patient,
    ...(s.received ? { receivedTime: fhirDateTime(s.received) } : {}),
    collection: {
      ...(s.collector ? { collector: s.collector } : {}),
      collectedDateTime: fhirDateTime(s.collected),
      ...(spec.method ? { method: concept(SYS.snomed, spec.method[0], spec.method[1]) } : {}),
      ...(spec.site ? { bodySite: concept(SYS.snomed, spec.site[0], spec.site[1]) } : {}),
    },
    ...(s.note ? { note: [{ text: s.note }] } : {}),
  };
}

export const specimenRef = (s: Specimen): Reference<any> => ref('Specimen', s.id as string, s.type?.text);
