// Longitudinal care resources: CareTeam, Goals, CarePlan, Coverage, Procedures and implanted
// Devices.
import type { CarePlan, CareTeam, Coverage, Device, Goal, Procedure, Reference } from '@medplum/fhirtypes';
import type { ClinicDirectory, PayerKey, StaffMember } from './clinic.js';
import type { ChronicKey } from './conditions.js';
import { SYS, addDays, coding, concept, fhirDate, fhirDateTime, loinc, qty, ref, usCore } from './fhir-helpers.js';
import type { Rng } from './rng.js';

export function careTeam(id: string, patient: Reference<any>, members: Array<{ member: Reference<any>; role: [string, string] }>, since: Date, orgId: string): CareTeam {
  return {
    resourceType: 'CareTeam',
    id,
    meta: { profile: [usCore('us-core-careteam')] },
    status: 'active',
    name: 'Primary care team',
    subject: patient,
    period: { start: fhirDate(since) },
    participant: members.map((m) => ({ role: [concept(SYS.snomed, m.role[0], m.role[1])], member: m.member })),
    managingOrganization: [ref('Organization', orgId)],
  };
}

interface GoalSpec {
  text: string;
  /** SNOMED CT finding the goal aims for (US Core Goal.description binding), where one fits. */
  snomed?: [string, string];
  measure?: { loinc: string; display: string };
  high?: { value: number; ucum: string; unit: string };
}

const GOALS: Partial<Record<ChronicKey, GoalSpec>> = {
  diabetes: { text: 'Hemoglobin A1c below 7.0%', measure: { loinc: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }, high: { value: 7, ucum: '%', unit: '%' } },
  hypertension: { text: 'Blood pressure below 130/80 mmHg', snomed: ['2004005', 'Normal blood pressure'], measure: { loinc: '8480-6', display: 'Systolic blood pressure' }, high: { value: 130, ucum: 'mm[Hg]', unit: 'mmHg' } },
  hyperlipidemia: { text: 'LDL cholesterol below 100 mg/dL', measure: { loinc: '13457-7', display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation' }, high: { value: 100, ucum: 'mg/dL', unit: 'mg/dL' } },
  obesity: { text: 'Lose 5% of body weight through diet and walking 30 minutes five days a week', snomed: ['89362005', 'Weight loss'] },
  heartFailure: { text: 'No hospital admissions for heart failure; daily weights within 2 lb of dry weight' },
  asthma: { text: 'Asthma control: rescue inhaler needed no more than twice a week' },
  depression: { text: 'PHQ-9 score below 5 (remission)', measure: { loinc: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' }, high: { value: 5, ucum: '{score}', unit: '{score}' } },
  osteoarthritis: { text: 'Walk one mile without knee pain limiting activity' },
};

export function goals(ids: () => string, patient: Reference<any>, chronic: Array<{ key: ChronicKey; since: Date; conditionId: string }>, asOf: Date, author: StaffMember): Goal[] {
  const out: Goal[] = [];
  for (const c of chronic) {
    const g = GOALS[c.key];
    if (!g) continue;
    out.push({
      resourceType: 'Goal',
      id: ids(),
      meta: { profile: [usCore('us-core-goal')] },
      lifecycleStatus: 'active',
      achievementStatus: concept('http://terminology.hl7.org/CodeSystem/goal-achievement', 'in-progress', 'In Progress'),
      description: g.snomed ? { coding: [coding(SYS.snomed, g.snomed[0], g.snomed[1])], text: g.text } : { text: g.text },
      subject: patient,
      startDate: fhirDate(c.since),
      target: [
        {
          ...(g.measure ? { measure: loinc(g.measure.loinc, g.measure.display) } : {}),
          ...(g.high ? { detailRange: { high: qty(g.high.value, g.high.ucum, g.high.unit) } } : {}),
          dueDate: fhirDate(addDays(asOf, 180)),
        },
      ],
      statusDate: fhirDate(c.since),
      expressedBy: ref('Practitioner', author.practitionerId, author.display),
      addresses: [ref('Condition', c.conditionId)],
    });
  }
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function carePlan(id: string, patient: Reference<any>, goalList: Goal[], conditionIds: string[], activities: string[], since: Date, author: StaffMember, careTeamId: string): CarePlan {
  const summary = `Chronic care plan: ${activities.join('; ')}.`;
  return {
    resourceType: 'CarePlan',
    id,
    meta: { profile: [usCore('us-core-careplan')] },
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(summary)}</p></div>` },
    status: 'active',
    intent: 'plan',
    category: [concept('http://hl7.org/fhir/us/core/CodeSystem/careplan-category', 'assess-plan', 'Assessment and Plan of Treatment')],
    title: 'Chronic disease management plan',
    description: summary,
    subject: patient,
    period: { start: fhirDate(since) },
    author: ref('Practitioner', author.practitionerId, author.display),
    careTeam: [ref('CareTeam', careTeamId)],
    addresses: conditionIds.map((c) => ref('Condition', c)),
    goal: goalList.map((g) => ref('Goal', g.id as string)),
    activity: activities.map((a) => ({ detail: { status: 'in-progress' as const, description: a } })),
  };
}

export function coverage(id: string, patient: Reference<any>, dir: ClinicDirectory, payer: PayerKey, rng: Rng, since: Date, subscriber?: Reference<any>, relationship: 'self' | 'child' = 'self'): Coverage {
  const p = dir.payers[payer];
  const memberId = `${payer.slice(0, 3).toUpperCase()}${rng.digits(9)}`;
  return {
    resourceType: 'Coverage',
    id,
    meta: { profile: [usCore('us-core-coverage')] },
    identifier: [{ type: concept(SYS.v2_0203, 'MB', 'Member Number'), system: `https://portico-demo.example.org/fhir/payer/${payer}`, value: memberId }],
    status: 'active',
    type: concept('urn:oid:2.16.840.1.113883.3.221.5', p.typeCode, p.typeDisplay),
    ...(subscriber ? { subscriber, policyHolder: subscriber } : {}),
    subscriberId: memberId,
    beneficiary: patient,
    relationship: concept('http://terminology.hl7.org/CodeSystem/subscriber-relationship', relationship, relationship === 'self' ? 'Self' : 'Child'),
    period: { start: fhirDate(since) },
    payor: [ref('Organization', p.id, p.name)],
    class: [
      { type: concept('http://terminology.hl7.org/CodeSystem/coverage-class', 'group', 'Group'), value: `GRP${rng.digits(5)}`, name: `${p.name} group` },
      { type: concept('http://terminology.hl7.org/CodeSystem/coverage-class', 'plan', 'Plan'), value: payer === 'medicare' ? 'PART-B' : `PLAN-${rng.digits(3)}`, name: payer === 'medicare' ? 'Medicare Part B' : 'Standard PPO' },
    ],
  };
}

export type ProcedureKey = 'colonoscopy' | 'pacemaker' | 'kneeReplacement' | 'ecg' | 'venipuncture' | 'mammography' | 'dexa' | 'chestXray' | 'echo';

const PROCEDURES: Record<ProcedureKey, { snomed: string; display: string; cpt: string; cptDisplay: string }> = {
  colonoscopy: { snomed: '73761001', display: 'Colonoscopy', cpt: '45378', cptDisplay: 'Colonoscopy, flexible; diagnostic' },
  pacemaker: { snomed: '307280005', display: 'Implantation of cardiac pacemaker', cpt: '33208', cptDisplay: 'Insertion of new or replacement of permanent pacemaker with transvenous electrode(s); atrial and ventricular' },
  kneeReplacement: { snomed: '609588000', display: 'Total knee replacement', cpt: '27447', cptDisplay: 'Arthroplasty, knee, condyle and plateau; medial and lateral compartments' },
  ecg: { snomed: '29303009', display: 'Electrocardiographic procedure', cpt: '93000', cptDisplay: 'Electrocardiogram, routine ECG with at least 12 leads; with interpretation and report' },
  venipuncture: { snomed: '28520004', display: 'Venipuncture for blood test', cpt: '36415', cptDisplay: 'Collection of venous blood by venipuncture' },
  mammography: { snomed: '71651007', display: 'Mammography', cpt: '77067', cptDisplay: 'Screening mammography, bilateral, including computer-aided detection' },
  dexa: { snomed: '312681000', display: 'Bone density scan', cpt: '77080', cptDisplay: 'Dual-energy X-ray absorptiometry (DXA), bone density study, 1 or more sites; axial skeleton' },
  chestXray: { snomed: '399208008', display: 'Plain chest X-ray', cpt: '71046', cptDisplay: 'Radiologic examination, chest; 2 views' },
  echo: { snomed: '40701008', display: 'Echocardiography', cpt: '93306', cptDisplay: 'Echocardiography, transthoracic, real-time with image documentation (2D), complete' },
};

export function procedure(id: string, key: ProcedureKey, patient: Reference<any>, performed: Date, performer: StaffMember, encounterId?: string, reasonConditionId?: string, reportId?: string): Procedure {
  const p = PROCEDURES[key];
  return {
    resourceType: 'Procedure',
    id,
    meta: { profile: [usCore('us-core-procedure')] },
    status: 'completed',
    code: { coding: [coding(SYS.snomed, p.snomed, p.display), coding(SYS.cpt, p.cpt, p.cptDisplay)], text: p.display },
    subject: patient,
    ...(encounterId ? { encounter: ref('Encounter', encounterId) } : {}),
    performedDateTime: fhirDateTime(performed),
    performer: [{ actor: ref('Practitioner', performer.practitionerId, performer.display) }],
    ...(reasonConditionId ? { reasonReference: [ref('Condition', reasonConditionId)] } : {}),
    ...(reportId ? { report: [ref('DiagnosticReport', reportId)] } : {}),
  };
}

const DEVICES = {
  pacemaker: { snomed: '14106009', display: 'Cardiac pacemaker', maker: 'Medtronic (demo)', model: 'Azure XT DR MRI SureScan', gtin: '00643169' },
  knee: { snomed: '109228008', display: 'Knee joint prosthesis', maker: 'Zimmer Biomet (demo)', model: 'Persona Knee System', gtin: '00889024' },
};

export function implant(id: string, kind: keyof typeof DEVICES, patient: Reference<any>, implanted: Date, rng: Rng): Device {
  const d = DEVICES[kind];
  const di = `${d.gtin}${rng.digits(6)}`;
  const expiry = addDays(implanted, 365 * 2);
  const exp = fhirDate(expiry).slice(2).replace(/-/g, '');
  const mfg = fhirDate(addDays(implanted, -rng.int(60, 300)));
  const lot = `L${rng.digits(6)}`;
  const serial = `S${rng.digits(8)}`;
  return {
    resourceType: 'Device',
    id,
    meta: { profile: [usCore('us-core-implantable-device')] },
    udiCarrier: [{ deviceIdentifier: di, issuer: 'http://hl7.org/fhir/NamingSystem/gs1-di', jurisdiction: 'http://hl7.org/fhir/NamingSystem/fda-udi', carrierHRF: `(01)${di}(11)${mfg.slice(2).replace(/-/g, '')}(17)${exp}(10)${lot}(21)${serial}`, entryType: 'manual' }],
    status: 'active',
    distinctIdentifier: serial,
    manufacturer: d.maker,
    manufactureDate: mfg,
    expirationDate: fhirDate(expiry),
    lotNumber: lot,
    serialNumber: serial,
    deviceName: [{ name: d.model, type: 'model-name' }],
    modelNumber: d.model,
    type: concept(SYS.snomed, d.snomed, d.display),
    patient,
    note: [{ text: `Implanted ${fhirDate(implanted)}.`, time: fhirDateTime(implanted) }],
  };
}
