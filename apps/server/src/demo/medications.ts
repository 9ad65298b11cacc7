// The clinic formulary (RxNorm clinical drugs) and MedicationRequest builder. Each drug carries the
// plain-language sig a clinician would write plus the structured dose and timing behind it.
import type { CodeableConcept, MedicationRequest, Reference } from '@medplum/fhirtypes';
import type { ClinicDirectory, StaffMember } from './clinic.js';
import { SYS, concept, fhirDate, fhirDateTime, qty, ref, usCore } from './fhir-helpers.js';

export interface Drug {
  key: string;
  rxnorm: string;
  display: string;
  form: { code: string; display: string };
  sig: string;
  dose: { value: number; unit: string; code: string };
  perDay: number;
  timeOfDay?: string;
  asNeeded?: boolean;
  route: 'oral' | 'inhaled';
  supplyDays: number;
  quantity: number;
  refills: number;
}

const TABLET = { code: '385055001', display: 'Tablet' };
const CAPSULE = { code: '385049006', display: 'Capsule' };
const INHALER = { code: '', display: 'Metered dose inhaler' };
const CHEWABLE = { code: '66076007', display: 'Chewable tablet' };

const tab = { value: 1, unit: 'tablet', code: '{tbl}' };

export const FORMULARY: readonly Drug[] = [
  { key: 'lisinopril', rxnorm: '314076', display: 'lisinopril 10 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth once a day for blood pressure.', dose: tab, perDay: 1, route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'amlodipine', rxnorm: '197361', display: 'amlodipine 5 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth once a day. May cause ankle swelling.', dose: tab, perDay: 1, route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'hctz', rxnorm: '310798', display: 'hydrochlorothiazide 25 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth every morning. It may make you urinate more often.', dose: tab, perDay: 1, timeOfDay: '08:00:00', route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'metformin', rxnorm: '861007', display: 'metformin hydrochloride 500 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth twice a day with breakfast and dinner.', dose: tab, perDay: 2, route: 'oral', supplyDays: 90, quantity: 180, refills: 3 },
  { key: 'glipizide', rxnorm: '310488', display: 'glipizide 5 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth every morning 30 minutes before breakfast. Do not skip meals.', dose: tab, perDay: 1, timeOfDay: '07:30:00', route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'atorvastatin', rxnorm: '617310', display: 'atorvastatin 20 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth at bedtime for cholesterol.', dose: tab, perDay: 1, timeOfDay: '21:00:00', route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'simvastatin', rxnorm: '312961', display: 'simvastatin 20 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth in the evening for cholesterol.', dose: tab, perDay: 1, timeOfDay: '20:00:00', route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'levothyroxine', rxnorm: '966222', display: 'levothyroxine sodium 0.05 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth every morning on an empty stomach, 30 minutes before breakfast.', dose: tab, perDay: 1, timeOfDay: '06:30:00', route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'sertraline', rxnorm: '312940', display: 'sertraline 50 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth once a day. It can take 4 to 6 weeks to work fully.', dose: tab, perDay: 1, route: 'oral', supplyDays: 30, quantity: 30, refills: 5 },
  { key: 'albuterol', rxnorm: '745679', display: '200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler', form: INHALER, sig: 'Inhale 2 puffs by mouth every 4 to 6 hours as needed for wheezing or shortness of breath.', dose: { value: 2, unit: 'puff', code: '{puff}' }, perDay: 4, asNeeded: true, route: 'inhaled', supplyDays: 30, quantity: 1, refills: 2 },
  { key: 'fluticasone', rxnorm: '895994', display: '120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler', form: INHALER, sig: 'Inhale 2 puffs by mouth twice a day. Rinse your mouth after each use.', dose: { value: 2, unit: 'puff', code: '{puff}' }, perDay: 2, route: 'inhaled', supplyDays: 30, quantity: 1, refills: 5 },
  { key: 'amoxicillin', rxnorm: '308182', display: 'amoxicillin 250 MG Oral Capsule', form: CAPSULE, sig: 'Take 2 capsules by mouth every 12 hours for 10 days. Finish all of it even if you feel better.', dose: { value: 2, unit: 'capsule', code: '{cap}' }, perDay: 2, route: 'oral', supplyDays: 10, quantity: 40, refills: 0 },
  { key: 'acetaminophen', rxnorm: '313782', display: 'acetaminophen 325 MG Oral Tablet', form: TABLET, sig: 'Take 2 tablets by mouth every 6 hours as needed for pain. Do not take more than 10 tablets a day.', dose: { value: 2, unit: 'tablet', code: '{tbl}' }, perDay: 4, asNeeded: true, route: 'oral', supplyDays: 30, quantity: 100, refills: 1 },
  { key: 'acetaminophen-chew', rxnorm: '313820', display: 'acetaminophen 160 MG Chewable Tablet', form: CHEWABLE, sig: 'Chew 1 tablet every 6 hours as needed for fever or pain.', dose: tab, perDay: 4, asNeeded: true, route: 'oral', supplyDays: 7, quantity: 24, refills: 0 },
  { key: 'ibuprofen', rxnorm: '310965', display: 'ibuprofen 200 MG Oral Tablet', form: TABLET, sig: 'Take 2 tablets by mouth every 8 hours as needed for pain, with food.', dose: { value: 2, unit: 'tablet', code: '{tbl}' }, perDay: 3, asNeeded: true, route: 'oral', supplyDays: 14, quantity: 60, refills: 0 },
  { key: 'warfarin', rxnorm: '855332', display: 'warfarin sodium 5 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth every evening, or as directed by the anticoagulation clinic.', dose: tab, perDay: 1, timeOfDay: '18:00:00', route: 'oral', supplyDays: 30, quantity: 30, refills: 2 },
  { key: 'apixaban', rxnorm: '1364430', display: 'apixaban 5 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth twice a day to prevent blood clots and stroke.', dose: tab, perDay: 2, route: 'oral', supplyDays: 90, quantity: 180, refills: 3 },
  { key: 'metoprolol', rxnorm: '866924', display: 'metoprolol tartrate 25 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth twice a day. Do not stop suddenly.', dose: tab, perDay: 2, route: 'oral', supplyDays: 90, quantity: 180, refills: 3 },
  { key: 'furosemide', rxnorm: '313988', display: 'furosemide 40 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth every morning for swelling. Weigh yourself daily.', dose: tab, perDay: 1, timeOfDay: '08:00:00', route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'alendronate', rxnorm: '904419', display: 'alendronic acid 70 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth once a week with a full glass of water; stay upright for 30 minutes.', dose: tab, perDay: 1 / 7, route: 'oral', supplyDays: 84, quantity: 12, refills: 3 },
  { key: 'tamsulosin', rxnorm: '863669', display: 'tamsulosin hydrochloride 0.4 MG Oral Capsule', form: CAPSULE, sig: 'Take 1 capsule by mouth once a day, 30 minutes after the same meal each day.', dose: { value: 1, unit: 'capsule', code: '{cap}' }, perDay: 1, route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'allopurinol', rxnorm: '197320', display: 'allopurinol 300 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth once a day after a meal. Drink plenty of water.', dose: tab, perDay: 1, route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'donepezil', rxnorm: '997224', display: 'donepezil hydrochloride 10 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth at bedtime for memory.', dose: tab, perDay: 1, timeOfDay: '21:00:00', route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
  { key: 'loratadine', rxnorm: '311372', display: 'loratadine 10 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth once a day as needed for allergy symptoms.', dose: tab, perDay: 1, asNeeded: true, route: 'oral', supplyDays: 90, quantity: 90, refills: 1 },
  { key: 'aspirin', rxnorm: '243670', display: 'aspirin 81 MG Oral Tablet', form: TABLET, sig: 'Take 1 tablet by mouth once a day with food.', dose: tab, perDay: 1, route: 'oral', supplyDays: 90, quantity: 90, refills: 3 },
];

const BY_KEY = new Map(FORMULARY.map((d) => [d.key, d]));

export function drug(key: string): Drug {
  const d = BY_KEY.get(key);
  if (!d) throw new Error(`Unknown demo drug ${key}`);
  return d;
}

const ROUTES: Record<Drug['route'], CodeableConcept> = {
  oral: concept(SYS.snomed, '26643006', 'Oral route'),
  inhaled: concept(SYS.snomed, '447694001', 'Respiratory tract route'),
};

export interface PrescriptionInput {
  id: string;
  drug: Drug;
  patient: Reference<any>;
  encounterId?: string;
  requester: StaffMember;
  authoredOn: Date;
  status: 'active' | 'stopped' | 'completed';
  stoppedOn?: Date;
  reason?: { conditionId: string; display: string };
}

export function medicationRequest(dir: ClinicDirectory, p: PrescriptionInput): MedicationRequest {
  const d = p.drug;
  const frequency = d.perDay >= 1 ? Math.round(d.perDay) : 1;
  const timing = d.perDay >= 1
    ? { repeat: { frequency, period: 1, periodUnit: 'd' as const, ...(d.timeOfDay ? { timeOfDay: [d.timeOfDay] } : {}) } }
    : { repeat: { frequency: 1, period: 1, periodUnit: 'wk' as const } };
  const end = p.status === 'active' ? undefined : p.stoppedOn;
  return {
    resourceType: 'MedicationRequest',
    id: p.id,
    meta: { profile: [usCore('us-core-medicationrequest')] },
    status: p.status,
    ...(p.status === 'stopped' ? { statusReason: { text: 'Switched to a better tolerated or more effective medicine' } } : {}),
    intent: 'order',
    category: [concept('http://terminology.hl7.org/CodeSystem/medicationrequest-category', 'community', 'Community')],
    reportedBoolean: false,
    medicationReference: ref('Medication', dir.medicationId(d.rxnorm), d.display),
    subject: p.patient,
    ...(p.encounterId ? { encounter: ref('Encounter', p.encounterId) } : {}),
    authoredOn: fhirDateTime(p.authoredOn),
    requester: ref('Practitioner', p.requester.practitionerId, p.requester.display),
    ...(p.reason ? { reasonReference: [ref('Condition', p.reason.conditionId, p.reason.display)] } : {}),
    dosageInstruction: [
      {
        sequence: 1,
        text: d.sig,
        patientInstruction: d.sig,
        timing,
        ...(d.asNeeded ? { asNeededBoolean: true } : {}),
        route: ROUTES[d.route],
        doseAndRate: [{ type: concept('http://terminology.hl7.org/CodeSystem/dose-rate-type', 'ordered', 'Ordered'), doseQuantity: qty(d.dose.value, d.dose.code, d.dose.unit) }],
      },
    ],
    dispenseRequest: {
      validityPeriod: { start: fhirDate(p.authoredOn), ...(end ? { end: fhirDate(end) } : {}) },
      numberOfRepeatsAllowed: d.refills,
      quantity: d.route === 'inhaled' ? qty(d.quantity, '{inhaler}', 'inhaler') : qty(d.quantity, d.dose.code, d.dose.unit),
      expectedSupplyDuration: qty(d.supplyDays, 'd', 'days'),
    },
    substitution: { allowedBoolean: true },
  };
}
