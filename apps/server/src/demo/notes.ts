// Clinical notes as US Core DocumentReferences (text/plain attachments) and imaging / cardiology
// reports as US Core DiagnosticReport notes with a presentedForm.
import type { DiagnosticReport, DocumentReference, Reference } from '@medplum/fhirtypes';
import type { StaffMember } from './clinic.js';
import { SYS, addMinutes, base64, coding, concept, fhirDateTime, loinc, ref, usCore } from './fhir-helpers.js';
import type { ImagingKind } from './note-text.js';

export type NoteType = 'progress' | 'discharge' | 'hp' | 'consult' | 'procedure' | 'pathology' | 'lab' | 'radiology' | 'ekg' | 'echo' | 'summary';

// The five US Core clinical note types, plus the reports whose DiagnosticReport.presentedForm
// US Core asks to expose as DocumentReferences too, and the per-patient summary ($docref's CCD).
const NOTE_TYPES: Record<NoteType, [string, string]> = {
  progress: ['11506-3', 'Progress note'],
  discharge: ['18842-5', 'Discharge summary'],
  hp: ['34117-2', 'History and physical note'],
  consult: ['11488-4', 'Consult note'],
  procedure: ['28570-0', 'Procedure note'],
  pathology: ['11526-1', 'Pathology study'],
  lab: ['11502-2', 'Laboratory report'],
  radiology: ['18748-4', 'Diagnostic imaging study'],
  ekg: ['11524-6', 'EKG study'],
  echo: ['34552-0', 'Cardiac 2D echo panel'],
  summary: ['34133-9', 'Summary of episode note'],
};

export interface DocumentInput {
  id: string;
  type: NoteType;
  text: string;
  patient: Reference<any>;
  encounterId?: string;
  author: StaffMember;
  custodianOrgId: string;
  start: Date;
  end: Date;
  signedAt: Date;
  /** The report or procedure the document belongs to (context.related). */
  related?: Reference<any>[];
}

export function documentReference(d: DocumentInput): DocumentReference {
  const [code, display] = NOTE_TYPES[d.type];
  return {
    resourceType: 'DocumentReference',
    id: d.id,
    meta: { profile: [usCore('us-core-documentreference')] },
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${d.id}` }],
    status: 'current',
    docStatus: 'final',
    type: loinc(code, display),
    category: [concept('http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', 'clinical-note', 'Clinical Note')],
    subject: d.patient,
    date: d.signedAt.toISOString(),
    author: [ref('Practitioner', d.author.practitionerId, d.author.display)],
    authenticator: ref('Practitioner', d.author.practitionerId, d.author.display),
    custodian: ref('Organization', d.custodianOrgId),
    description: display,
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          language: 'en-US',
          data: base64(d.text),
          title: display,
          creation: fhirDateTime(d.signedAt),
        },
        format: coding('http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode', 'urn:ihe:iti:xds:2017:mimeTypeSufficient', 'mimeType Sufficient'),
      },
    ],
    context: {
      ...(d.encounterId ? { encounter: [ref('Encounter', d.encounterId)] } : {}),
      period: { start: fhirDateTime(d.start), end: fhirDateTime(d.end) },
      ...(d.related?.length ? { related: d.related } : {}),
    },
  };
}

const IMAGING: Record<ImagingKind, { code: string; display: string; category: 'radiology' | 'cardiology' }> = {
  chestXray: { code: '36643-5', display: 'XR Chest 2 Views', category: 'radiology' },
  mammogram: { code: '24606-6', display: 'MG Breast Screening', category: 'radiology' },
  dexa: { code: '38269-7', display: 'DXA Bone density', category: 'radiology' },
  ecg: { code: '11524-6', display: 'EKG study', category: 'cardiology' },
  echo: { code: '34552-0', display: 'Cardiac 2D echo panel', category: 'cardiology' },
};

const CATEGORY = {
  radiology: concept(SYS.loinc, 'LP29684-5', 'Radiology'),
  cardiology: concept(SYS.loinc, 'LP29708-2', 'Cardiology'),
  pathology: concept(SYS.loinc, 'LP7839-6', 'Pathology'),
};

/** The note type that carries an imaging or cardiology report's text as a DocumentReference. */
export function reportNoteType(kind: ImagingKind): NoteType {
  return kind === 'ecg' ? 'ekg' : kind === 'echo' ? 'echo' : 'radiology';
}

export interface PathologyInput {
  id: string;
  text: string;
  conclusion: string;
  patient: Reference<any>;
  collected: Date;
  issued: Date;
  labOrgId: string;
  specimenId: string;
}

/** Surgical pathology report (US Core DiagnosticReport for Report and Note, category Pathology). */
export function pathologyReport(p: PathologyInput): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id: p.id,
    meta: { profile: [usCore('us-core-diagnosticreport-note')] },
    status: 'final',
    category: [CATEGORY.pathology],
    code: loinc('11529-5', 'Surgical pathology study'),
    subject: p.patient,
    effectiveDateTime: fhirDateTime(p.collected),
    issued: p.issued.toISOString(),
    performer: [ref('Organization', p.labOrgId, 'Sangamon Valley Memorial Hospital')],
    specimen: [ref('Specimen', p.specimenId)],
    conclusion: p.conclusion,
    presentedForm: [{ contentType: 'text/plain; charset=utf-8', language: 'en-US', data: base64(p.text), title: 'Surgical pathology report', creation: fhirDateTime(p.issued) }],
  };
}

export interface ImagingInput {
  id: string;
  kind: ImagingKind;
  text: string;
  patient: Reference<any>;
  encounterId: string;
  performed: Date;
  reader: StaffMember;
  conclusion: string;
}

export function imagingReport(i: ImagingInput): DiagnosticReport {
  const spec = IMAGING[i.kind];
  const issued = addMinutes(i.performed, 95);
  return {
    resourceType: 'DiagnosticReport',
    id: i.id,
    meta: { profile: [usCore('us-core-diagnosticreport-note')] },
    status: 'final',
    category: [CATEGORY[spec.category]],
    code: loinc(spec.code, spec.display),
    subject: i.patient,
    encounter: ref('Encounter', i.encounterId),
    effectiveDateTime: fhirDateTime(i.performed),
    issued: issued.toISOString(),
    performer: [ref('Practitioner', i.reader.practitionerId, i.reader.display)],
    resultsInterpreter: [ref('Practitioner', i.reader.practitionerId, i.reader.display)],
    conclusion: i.conclusion,
    presentedForm: [{ contentType: 'text/plain; charset=utf-8', language: 'en-US', data: base64(i.text), title: spec.display, creation: fhirDateTime(issued) }],
  };
}
