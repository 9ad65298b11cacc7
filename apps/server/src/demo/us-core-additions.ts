// Resources added to each chart for the US Core 6.1.0 (and 7.0.0) profiles the rest of the
// generator does not produce on its own: questionnaire responses, report documents, clinical
// results, social history, procedure notes and pathology, the patient summary and pharmacy
// dispenses. They are derived from what the visit or chart already holds, take their ids from a
// separate id source and their randomness from separate streams, so adding them left every
// earlier resource's id and values unchanged.
import type { DiagnosticReport, Encounter, MedicationRequest, Observation, Procedure, Reference, Resource } from '@medplum/fhirtypes';
import type { ClinicDirectory, StaffMember } from './clinic.js';
import { dispensesFor } from './dispenses.js';
import { type ProcedureNoteKind, colonoscopyFindings, labReportText, pathologyText, procedureNoteText, summaryText } from './document-text.js';
import { provenance, provenanceBy } from './encounters.js';
import { DAY_MS, addDays, addMinutes, addYears, ageInYears, ref } from './fhir-helpers.js';
import type { ImagingKind, VisitKind } from './note-text.js';
import { documentReference, pathologyReport, reportNoteType } from './notes.js';
import { questionnaireResponses } from './questionnaires.js';
import { IdSource, Rng } from './rng.js';
import { type ObsContext, averageBloodPressure, clinicalResults, exercise, occupation, preferences, pregnancyIntent, pregnancyStatus, sexualOrientation } from './social-history.js';
import { specimen } from './specimens.js';

const IMAGING_BY_CODE: Record<string, ImagingKind> = { '36643-5': 'chestXray', '24606-6': 'mammogram', '38269-7': 'dexa', '11524-6': 'ecg', '34552-0': 'echo' };
const decode = (data?: string) => Buffer.from(data ?? '', 'base64').toString('utf8');
const codeOf = (r: { code?: { coding?: Array<{ code?: string }> } }) => r.code?.coding?.[0]?.code;

export interface AdditionsContext {
  next(): string;
  rng: Rng;
  dir: ClinicDirectory;
  patient: Reference<any>;
  patientName: string;
  female: boolean;
  ageAt(d: Date): number;
  /** Who answers questionnaires: the patient, or the parent of a minor. */
  respondent: Reference<any>;
}

/** Additions draw ids and randomness from their own streams, apart from the rest of the chart. */
export function additionsContext(seed: number, index: number, dir: ClinicDirectory, p: { id: string; name: string; female: boolean; birthDate: Date }): AdditionsContext {
  const ids = new IdSource(seed, `${index}:us-core`);
  const patient = ref('Patient', p.id, p.name);
  return { next: () => ids.next(), rng: new Rng(seed, index, 'us-core'), dir, patient, patientName: p.name, female: p.female, ageAt: (d) => ageInYears(p.birthDate, d), respondent: patient };
}

export interface VisitInfo {
  kind: VisitKind;
  date: Date;
  end: Date;
  signedAt: Date;
  encounterId: string;
  clinician: StaffMember;
  custodianOrgId: string;
}

/** Additions for one visit, derived from the resources the visit already produced. */
export function visitAdditions(visitOut: Resource[], v: VisitInfo, c: AdditionsContext): Resource[] {
  const out: Resource[] = [];
  const age = c.ageAt(v.date);
  const clinicianRef = ref('Practitioner', v.clinician.practitionerId, v.clinician.display);
  out.push(...questionnaireResponses(visitOut, { next: c.next, patient: c.patient, author: age < 12 ? c.respondent : c.patient, encounterId: v.encounterId }));

  // The visit's lab results as one laboratory report document.
  const labReports = visitOut.filter((r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport' && r.category?.[0]?.coding?.[0]?.code === 'LAB');
  if (labReports.length) {
    const issued = new Date(Math.max(...labReports.map((r) => Date.parse(r.issued as string))));
    out.push(documentReference({ id: c.next(), type: 'lab', text: labReportText(visitOut, c.patientName), patient: c.patient, encounterId: v.encounterId, author: v.clinician, custodianOrgId: c.dir.clinicOrgId, start: v.date, end: issued, signedAt: issued, related: labReports.map((r) => ref('DiagnosticReport', r.id as string)) }));
  }

  // Imaging and cardiology reports: their findings as clinical results, their text as a document.
  for (const report of visitOut.filter((r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport' && Boolean(IMAGING_BY_CODE[codeOf(r) as string]))) {
    const kind = IMAGING_BY_CODE[codeOf(report) as string];
    const text = decode(report.presentedForm?.[0]?.data);
    const performed = new Date(report.effectiveDateTime as string);
    const reader = report.resultsInterpreter?.[0] as Reference<any>;
    const results = clinicalResults({ next: c.next, patient: c.patient, encounterId: v.encounterId, when: performed, performer: reader }, kind, [codeOf(report) as string, report.code.text as string], report.conclusion ?? '', text);
    report.result = results.map((o) => ref('Observation', o.id as string));
    out.push(...results);
    const issued = new Date(report.issued as string);
    const author = reader.reference?.endsWith(c.dir.staff.cardiology.practitionerId) ? c.dir.staff.cardiology : c.dir.staff.radiology;
    out.push(documentReference({ id: c.next(), type: reportNoteType(kind), text, patient: c.patient, encounterId: v.encounterId, author, custodianOrgId: v.custodianOrgId, start: performed, end: issued, signedAt: issued, related: [ref('DiagnosticReport', report.id as string)] }));
  }

  // An implant procedure done at this visit gets its procedure note.
  for (const proc of visitOut.filter((r): r is Procedure => r.resourceType === 'Procedure' && codeOf(r) === '307280005')) {
    const when = new Date(proc.performedDateTime as string);
    const signed = addMinutes(when, 90);
    out.push(documentReference({ id: c.next(), type: 'procedure', text: procedureNoteText('pacemaker', c.patientName, when, c.dir.staff.cardiology.display, c.rng), patient: c.patient, encounterId: v.encounterId, author: c.dir.staff.cardiology, custodianOrgId: v.custodianOrgId, start: when, end: addMinutes(when, 75), signedAt: signed, related: [ref('Procedure', proc.id as string)] }));
  }

  // Social history asked at check-ups.
  if ((v.kind === 'wellness' || v.kind === 'newPatient') && age >= 18) {
    const oc: ObsContext = { next: c.next, patient: c.patient, encounterId: v.encounterId, when: addMinutes(v.date, 9), performer: clinicianRef };
    if (c.female && age < 50) out.push(pregnancyStatus(oc, c.rng.chance(0.04)), pregnancyIntent(oc, c.rng));
    out.push(...exercise(oc, c.rng, c.rng.float(0, 1) * (age > 70 ? 0.5 : 1)));
  }
  return out;
}

export interface ChartInfo {
  pcp: StaffMember;
  asOf: Date;
  historyStart: Date;
  lastVisitEnd: Date;
  birthDate: string;
}

/** Additions for the whole chart, appended after everything else, with their own Provenance. */
export function chartAdditions(chart: Resource[], info: ChartInfo, c: AdditionsContext): Resource[] {
  const clinic: Resource[] = [];
  const pcpRef = ref('Practitioner', info.pcp.practitionerId, info.pcp.display);
  const age = c.ageAt(info.asOf);
  const lastVisit = chart.filter((r): r is Encounter => r.resourceType === 'Encounter').at(-1);
  const lastVisitId = lastVisit?.id as string | undefined;
  const when = lastVisit ? new Date(lastVisit.period?.start as string) : info.lastVisitEnd;
  const oc: ObsContext = { next: c.next, patient: c.patient, encounterId: lastVisitId, when: addMinutes(when, 10), performer: pcpRef };

  if (age >= 18) {
    const retired = age >= 66 ? addYears(new Date(info.birthDate), 65) : undefined;
    const since = addYears(retired ?? info.asOf, -c.rng.int(3, 25));
    clinic.push(occupation(oc, c.rng, since, retired), sexualOrientation(oc, c.rng), ...preferences(oc, c.rng));
  }

  // Home blood pressure average for patients treated for hypertension.
  const hypertensive = chart.some((r) => r.resourceType === 'Condition' && JSON.stringify((r as { code?: unknown }).code).includes('"I10"'));
  const lastBp = chart.filter((r): r is Observation => r.resourceType === 'Observation' && codeOf(r) === '85354-9' && Boolean(r.component?.[0]?.valueQuantity)).at(-1);
  if (hypertensive && lastBp) {
    const sys = (lastBp.component?.[0]?.valueQuantity?.value as number) - c.rng.int(2, 8);
    const dia = (lastBp.component?.[1]?.valueQuantity?.value as number) - c.rng.int(1, 5);
    const taken = addDays(new Date(lastBp.effectiveDateTime as string), -1);
    clinic.push(averageBloodPressure({ ...oc, when: taken }, addDays(taken, -14), sys, dia));
  }

  // Procedures done elsewhere: the operator's note, and pathology for a colonoscopy polyp.
  for (const proc of chart.filter((r): r is Procedure => r.resourceType === 'Procedure' && !r.encounter)) {
    const kind: ProcedureNoteKind | undefined = codeOf(proc) === '73761001' ? 'colonoscopy' : codeOf(proc) === '609588000' ? 'kneeReplacement' : undefined;
    if (!kind) continue;
    const performed = new Date(proc.performedDateTime as string);
    const operator = proc.performer?.[0]?.actor?.display ?? 'Sangamon Valley Memorial Hospital';
    const colon = kind === 'colonoscopy' ? colonoscopyFindings(c.rng) : undefined;
    const note = { author: info.pcp, custodianOrgId: c.dir.hospitalOrgId, patient: c.patient, start: performed, end: addMinutes(performed, 60), signedAt: addMinutes(performed, 120) };
    clinic.push(documentReference({ id: c.next(), type: 'procedure', text: procedureNoteText(kind, c.patientName, performed, operator, c.rng, colon), ...note, related: [ref('Procedure', proc.id as string)] }));
    if (colon?.polyp) {
      const sp = specimen({ id: c.next(), kind: 'colonBiopsy', patient: c.patient, collected: addMinutes(performed, 25), received: addMinutes(performed, 240), accession: `SP${performed.getUTCFullYear()}-${(proc.id as string).slice(0, 6).toUpperCase()}`, note: 'Cold snare polypectomy; formalin fixed.' });
      const issued = addDays(performed, 3);
      const { text, conclusion } = pathologyText(colon);
      const dr = pathologyReport({ id: c.next(), text, conclusion, patient: c.patient, collected: addMinutes(performed, 25), issued, labOrgId: c.dir.hospitalOrgId, specimenId: sp.id as string });
      proc.report = [ref('DiagnosticReport', dr.id as string)];
      clinic.push(sp, dr, documentReference({ id: c.next(), type: 'pathology', text, ...note, start: performed, end: issued, signedAt: issued, related: [ref('DiagnosticReport', dr.id as string)] }));
    }
  }

  // The patient summary ($docref's default document), covering the whole record.
  const summaryAt = addMinutes(info.lastVisitEnd, 5);
  clinic.push(documentReference({ id: c.next(), type: 'summary', text: summaryText(chart, c.patientName, info.birthDate, info.asOf), patient: c.patient, author: info.pcp, custodianOrgId: c.dir.clinicOrgId, start: info.historyStart, end: summaryAt, signedAt: summaryAt }));

  const pharmacy = ref('Organization', c.dir.pharmacyOrgId, 'Wabash Avenue Community Pharmacy');
  const dispenses = dispensesFor(chart.filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest'), { next: c.next, rng: c.rng, patient: c.patient, pharmacy, asOf: info.asOf });
  const out: Resource[] = [...clinic, provenance(c.next(), clinic, summaryAt, info.pcp, c.dir.clinicOrgId)];
  if (dispenses.length) {
    const lastFill = new Date(Math.max(...dispenses.map((d) => Date.parse(d.whenHandedOver ?? d.whenPrepared ?? ''))));
    out.push(...dispenses, provenanceBy(c.next(), dispenses, new Date(Math.min(lastFill.getTime(), info.asOf.getTime() - DAY_MS / 24)), pharmacy));
  }
  return out;
}
