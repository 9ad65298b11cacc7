// Encounter and Provenance builders. One Provenance per encounter covers everything recorded at
// that visit, mirroring how an EHR signs a visit's documentation in one act.
import type { Encounter, Provenance, Reference, Resource } from '@medplum/fhirtypes';
import type { ClinicDirectory, SiteKey, StaffMember } from './clinic.js';
import { SYS, coding, concept, fhirDateTime, ref, usCore } from './fhir-helpers.js';
import type { VisitKind } from './note-text.js';

const TYPES: Record<VisitKind, { snomed: string; display: string; cpt: string; cptDisplay: string }> = {
  newPatient: { snomed: '185349003', display: 'Encounter for check up', cpt: '99204', cptDisplay: 'Office or other outpatient visit for the evaluation and management of a new patient, 45 minutes' },
  wellness: { snomed: '410620009', display: 'Well adult visit', cpt: '99396', cptDisplay: 'Periodic comprehensive preventive medicine reevaluation, established patient, 40-64 years' },
  wellChild: { snomed: '410620009', display: 'Well child visit', cpt: '99392', cptDisplay: 'Periodic comprehensive preventive medicine reevaluation, established patient, age 1 through 4 years' },
  chronic: { snomed: '390906007', display: 'Follow-up encounter', cpt: '99214', cptDisplay: 'Office or other outpatient visit for the evaluation and management of an established patient, 30 minutes' },
  acute: { snomed: '185345009', display: 'Encounter for symptom', cpt: '99213', cptDisplay: 'Office or other outpatient visit for the evaluation and management of an established patient, 20 minutes' },
  telehealth: { snomed: '448337001', display: 'Telemedicine consultation with patient', cpt: '99213', cptDisplay: 'Office or other outpatient visit for the evaluation and management of an established patient, 20 minutes' },
  consult: { snomed: '11429006', display: 'Consultation', cpt: '99244', cptDisplay: 'Office consultation for a new or established patient, 40 minutes' },
  inpatient: { snomed: '32485007', display: 'Hospital admission', cpt: '99223', cptDisplay: 'Initial hospital inpatient care, per day, high complexity' },
};

export interface EncounterInput {
  id: string;
  kind: VisitKind;
  patient: Reference<any>;
  clinician: StaffMember;
  site: SiteKey;
  start: Date;
  end: Date;
  reason?: { snomed: string; display: string };
  reasonConditionIds?: string[];
  dir: ClinicDirectory;
  visitNumber: string;
}

export function encounter(e: EncounterInput): Encounter {
  const t = TYPES[e.kind];
  const cls =
    e.kind === 'inpatient'
      ? coding(SYS.actCode, 'IMP', 'inpatient encounter')
      : e.kind === 'telehealth'
        ? coding(SYS.actCode, 'VR', 'virtual')
        : coding(SYS.actCode, 'AMB', 'ambulatory');
  const hospital = e.kind === 'inpatient';
  return {
    resourceType: 'Encounter',
    id: e.id,
    meta: { profile: [usCore('us-core-encounter')] },
    identifier: [{ use: 'official', system: 'https://portico-demo.example.org/fhir/visit', value: e.visitNumber }],
    status: 'finished',
    class: cls,
    type: [{ coding: [coding(SYS.snomed, t.snomed, t.display), coding(SYS.cpt, t.cpt, t.cptDisplay)], text: t.display }],
    priority: concept('http://terminology.hl7.org/CodeSystem/v3-ActPriority', e.kind === 'acute' || hospital ? 'UR' : 'R', e.kind === 'acute' || hospital ? 'urgent' : 'routine'),
    subject: e.patient,
    participant: [
      {
        type: [concept('http://terminology.hl7.org/CodeSystem/v3-ParticipationType', 'PPRF', 'primary performer')],
        period: { start: fhirDateTime(e.start), end: fhirDateTime(e.end) },
        individual: ref('Practitioner', e.clinician.practitionerId, e.clinician.display),
      },
    ],
    period: { start: fhirDateTime(e.start), end: fhirDateTime(e.end) },
    ...(e.reason ? { reasonCode: [concept(SYS.snomed, e.reason.snomed, e.reason.display)] } : {}),
    ...(e.reasonConditionIds?.length ? { reasonReference: e.reasonConditionIds.map((id) => ref('Condition', id)) } : {}),
    ...(hospital
      ? {
          hospitalization: {
            admitSource: concept('http://terminology.hl7.org/CodeSystem/admit-source', 'emd', 'From accident/emergency department'),
            dischargeDisposition: concept('http://terminology.hl7.org/CodeSystem/discharge-disposition', 'home', 'Home'),
          },
        }
      : {}),
    ...(e.kind === 'telehealth' ? {} : { location: [{ location: ref('Location', e.dir.sites[e.site].id, e.dir.sites[e.site].name), status: 'completed' as const }] }),
    serviceProvider: ref('Organization', hospital ? e.dir.hospitalOrgId : e.dir.clinicOrgId),
  };
}

export function provenance(id: string, targets: Resource[], recorded: Date, author: StaffMember, orgId: string): Provenance {
  return {
    resourceType: 'Provenance',
    id,
    meta: { profile: [usCore('us-core-provenance')] },
    target: targets.map((r) => ref(r.resourceType, r.id as string)),
    recorded: recorded.toISOString(),
    activity: concept('http://terminology.hl7.org/CodeSystem/v3-DataOperation', 'CREATE', 'create'),
    agent: [
      {
        type: concept('http://terminology.hl7.org/CodeSystem/provenance-participant-type', 'author', 'Author'),
        who: ref('Practitioner', author.practitionerId, author.display),
        onBehalfOf: ref('Organization', orgId),
      },
    ],
  };
}

/** Provenance for data an outside organization reported (e.g. the pharmacy's dispenses). */
export function provenanceBy(id: string, targets: Resource[], recorded: Date, who: Reference<any>): Provenance {
  return {
    resourceType: 'Provenance',
    id,
    meta: { profile: [usCore('us-core-provenance')] },
    target: targets.map((r) => ref(r.resourceType, r.id as string)),
    recorded: recorded.toISOString(),
    activity: concept('http://terminology.hl7.org/CodeSystem/v3-DataOperation', 'CREATE', 'create'),
    agent: [{ type: concept('http://terminology.hl7.org/CodeSystem/provenance-participant-type', 'author', 'Author'), who }],
  };
}
