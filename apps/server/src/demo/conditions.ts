// Chronic and acute problems (SNOMED CT with the ICD-10-CM billing code alongside), what they are
// treated with, and the allergy catalogue. Prevalence weights roughly follow US primary care.
import type { AllergyIntolerance, Condition, Reference } from '@medplum/fhirtypes';
import type { StaffMember } from './clinic.js';
import { SYS, coding, concept, fhirDate, fhirDateTime, ref, usCore } from './fhir-helpers.js';

export type ChronicKey =
  | 'hypertension' | 'diabetes' | 'hyperlipidemia' | 'hypothyroidism' | 'asthma' | 'obesity'
  | 'osteoarthritis' | 'afib' | 'heartFailure' | 'ckd' | 'depression' | 'anxiety' | 'osteoporosis'
  | 'bph' | 'gout' | 'cognitive' | 'rhinitis' | 'prediabetes' | 'vitaminD' | 'anemia' | 'adhd' | 'eczema';

export interface ProblemSpec {
  snomed: string;
  display: string;
  icd10: string;
  icdDisplay: string;
  /** How a clinician names it in a note. */
  label?: string;
  /** Drugs started at diagnosis; a "from" drug is tried first and later stopped in favour of "to". */
  drugs: string[];
  switchFrom?: string;
  /** [minAge, maxAge, chance at that age band] */
  minAge: number;
  chance: (age: number, female: boolean) => number;
}

export const CHRONIC: Record<ChronicKey, ProblemSpec> = {
  hypertension: { label: 'hypertension', snomed: '38341003', display: 'Hypertensive disorder, systemic arterial', icd10: 'I10', icdDisplay: 'Essential (primary) hypertension', drugs: ['lisinopril'], minAge: 25, chance: (a) => (a < 40 ? 0.08 : a < 60 ? 0.3 : 0.6) },
  diabetes: { label: 'type 2 diabetes', snomed: '44054006', display: 'Diabetes mellitus type 2', icd10: 'E11.9', icdDisplay: 'Type 2 diabetes mellitus without complications', drugs: ['metformin'], minAge: 30, chance: (a) => (a < 45 ? 0.05 : a < 65 ? 0.14 : 0.22) },
  hyperlipidemia: { label: 'hyperlipidemia', snomed: '55822004', display: 'Hyperlipidemia', icd10: 'E78.5', icdDisplay: 'Hyperlipidemia, unspecified', drugs: ['atorvastatin'], switchFrom: 'simvastatin', minAge: 30, chance: (a) => (a < 45 ? 0.1 : a < 65 ? 0.3 : 0.45) },
  hypothyroidism: { snomed: '40930008', display: 'Hypothyroidism', icd10: 'E03.9', icdDisplay: 'Hypothyroidism, unspecified', drugs: ['levothyroxine'], minAge: 20, chance: (a, f) => (f ? 0.1 : 0.03) * (a > 50 ? 1.5 : 1) },
  asthma: { snomed: '195967001', display: 'Asthma', icd10: 'J45.909', icdDisplay: 'Unspecified asthma, uncomplicated', drugs: ['albuterol', 'fluticasone'], minAge: 3, chance: () => 0.08 },
  obesity: { snomed: '414916001', display: 'Obesity', icd10: 'E66.9', icdDisplay: 'Obesity, unspecified', drugs: [], minAge: 18, chance: () => 0.25 },
  osteoarthritis: { label: 'knee osteoarthritis', snomed: '239873007', display: 'Osteoarthritis of knee', icd10: 'M17.9', icdDisplay: 'Osteoarthritis of knee, unspecified', drugs: ['acetaminophen'], minAge: 50, chance: (a) => (a < 65 ? 0.12 : 0.3) },
  afib: { label: 'atrial fibrillation', snomed: '49436004', display: 'Atrial fibrillation', icd10: 'I48.91', icdDisplay: 'Unspecified atrial fibrillation', drugs: ['metoprolol', 'apixaban'], switchFrom: 'warfarin', minAge: 60, chance: (a) => (a < 75 ? 0.05 : 0.12) },
  heartFailure: { label: 'heart failure', snomed: '84114007', display: 'Heart failure', icd10: 'I50.9', icdDisplay: 'Heart failure, unspecified', drugs: ['furosemide', 'metoprolol'], minAge: 60, chance: (a) => (a < 75 ? 0.03 : 0.08) },
  ckd: { label: 'chronic kidney disease stage 3', snomed: '433144002', display: 'Chronic kidney disease stage 3', icd10: 'N18.30', icdDisplay: 'Chronic kidney disease, stage 3 unspecified', drugs: [], minAge: 55, chance: (a) => (a < 70 ? 0.06 : 0.15) },
  depression: { label: 'depression', snomed: '35489007', display: 'Depressive disorder', icd10: 'F32.A', icdDisplay: 'Depression, unspecified', drugs: ['sertraline'], minAge: 14, chance: () => 0.09 },
  anxiety: { label: 'anxiety', snomed: '197480006', display: 'Anxiety disorder', icd10: 'F41.9', icdDisplay: 'Anxiety disorder, unspecified', drugs: ['sertraline'], minAge: 12, chance: () => 0.08 },
  osteoporosis: { snomed: '64859006', display: 'Osteoporosis', icd10: 'M81.0', icdDisplay: 'Age-related osteoporosis without current pathological fracture', drugs: ['alendronate'], minAge: 60, chance: (a, f) => (f ? (a < 70 ? 0.12 : 0.25) : 0.03) },
  bph: { label: 'benign prostatic hyperplasia', snomed: '266569009', display: 'Benign prostatic hyperplasia', icd10: 'N40.0', icdDisplay: 'Benign prostatic hyperplasia without lower urinary tract symptoms', drugs: ['tamsulosin'], minAge: 55, chance: (a, f) => (f ? 0 : a < 70 ? 0.2 : 0.4) },
  gout: { snomed: '90560007', display: 'Gout', icd10: 'M10.9', icdDisplay: 'Gout, unspecified', drugs: ['allopurinol'], minAge: 40, chance: (a, f) => (f ? 0.01 : 0.05) },
  cognitive: { label: 'mild cognitive impairment', snomed: '386805003', display: 'Mild cognitive disorder', icd10: 'G31.84', icdDisplay: 'Mild cognitive impairment of uncertain or known etiology', drugs: ['donepezil'], minAge: 72, chance: (a) => (a < 80 ? 0.06 : 0.15) },
  rhinitis: { snomed: '61582004', display: 'Allergic rhinitis', icd10: 'J30.9', icdDisplay: 'Allergic rhinitis, unspecified', drugs: ['loratadine'], minAge: 4, chance: () => 0.12 },
  prediabetes: { snomed: '714628002', display: 'Prediabetes', icd10: 'R73.03', icdDisplay: 'Prediabetes', drugs: [], minAge: 30, chance: () => 0.08 },
  vitaminD: { label: 'vitamin D deficiency', snomed: '34713006', display: 'Vitamin D deficiency', icd10: 'E55.9', icdDisplay: 'Vitamin D deficiency, unspecified', drugs: [], minAge: 18, chance: () => 0.07 },
  anemia: { label: 'iron deficiency anemia', snomed: '87522002', display: 'Iron deficiency anemia', icd10: 'D50.9', icdDisplay: 'Iron deficiency anemia, unspecified', drugs: [], minAge: 14, chance: (a, f) => (f && a < 50 ? 0.07 : 0.02) },
  adhd: { label: 'ADHD', snomed: '406506008', display: 'Attention deficit hyperactivity disorder', icd10: 'F90.9', icdDisplay: 'Attention-deficit hyperactivity disorder, unspecified type', drugs: [], minAge: 6, chance: (a) => (a < 18 ? 0.08 : 0) },
  eczema: { snomed: '43116000', display: 'Eczema', icd10: 'L30.9', icdDisplay: 'Dermatitis, unspecified', drugs: [], minAge: 0, chance: (a) => (a < 12 ? 0.1 : 0.03) },
};

export type AcuteKey = 'uri' | 'pharyngitis' | 'bronchitis' | 'otitis' | 'sinusitis' | 'uti' | 'backPain' | 'sprain' | 'gastroenteritis' | 'conjunctivitis' | 'headache' | 'covid';

export interface AcuteSpec {
  snomed: string;
  display: string;
  icd10: string;
  icdDisplay: string;
  complaint: string;
  drug?: string;
  adultOnly?: boolean;
  childOnly?: boolean;
}

export const ACUTE: Record<AcuteKey, AcuteSpec> = {
  uri: { snomed: '54150009', display: 'Upper respiratory infection', icd10: 'J06.9', icdDisplay: 'Acute upper respiratory infection, unspecified', complaint: 'cough, congestion and sore throat' },
  pharyngitis: { snomed: '43878008', display: 'Streptococcal sore throat', icd10: 'J02.0', icdDisplay: 'Streptococcal pharyngitis', complaint: 'sore throat and fever', drug: 'amoxicillin' },
  bronchitis: { snomed: '10509002', display: 'Acute bronchitis', icd10: 'J20.9', icdDisplay: 'Acute bronchitis, unspecified', complaint: 'productive cough for ten days', adultOnly: true },
  otitis: { snomed: '65363002', display: 'Otitis media', icd10: 'H66.90', icdDisplay: 'Otitis media, unspecified, unspecified ear', complaint: 'ear pain and fever', drug: 'amoxicillin', childOnly: true },
  sinusitis: { snomed: '36971009', display: 'Sinusitis', icd10: 'J01.90', icdDisplay: 'Acute sinusitis, unspecified', complaint: 'facial pressure and nasal congestion', adultOnly: true },
  uti: { snomed: '68566005', display: 'Urinary tract infectious disease', icd10: 'N39.0', icdDisplay: 'Urinary tract infection, site not specified', complaint: 'burning with urination and urinary frequency', adultOnly: true },
  backPain: { snomed: '279039007', display: 'Low back pain', icd10: 'M54.50', icdDisplay: 'Low back pain, unspecified', complaint: 'low back pain after lifting', drug: 'ibuprofen', adultOnly: true },
  sprain: { snomed: '44465007', display: 'Sprain of ankle', icd10: 'S93.409A', icdDisplay: 'Sprain of unspecified ligament of unspecified ankle, initial encounter', complaint: 'ankle pain and swelling after a fall', drug: 'ibuprofen' },
  gastroenteritis: { snomed: '25374005', display: 'Gastroenteritis', icd10: 'K52.9', icdDisplay: 'Noninfective gastroenteritis and colitis, unspecified', complaint: 'vomiting and diarrhea for two days' },
  conjunctivitis: { snomed: '9826008', display: 'Conjunctivitis', icd10: 'H10.9', icdDisplay: 'Unspecified conjunctivitis', complaint: 'red, itchy eye with discharge' },
  headache: { snomed: '25064002', display: 'Headache', icd10: 'R51.9', icdDisplay: 'Headache, unspecified', complaint: 'recurrent headaches', adultOnly: true },
  covid: { snomed: '840539006', display: 'Disease caused by severe acute respiratory syndrome coronavirus 2', icd10: 'U07.1', icdDisplay: 'COVID-19', complaint: 'fever, cough and loss of taste' },
};

export interface ConditionInput {
  id: string;
  patient: Reference<any>;
  snomed: string;
  display: string;
  icd10: string;
  icdDisplay: string;
  category: 'problem-list-item' | 'encounter-diagnosis';
  onset: Date;
  recorded: Date;
  abatement?: Date;
  encounterId?: string;
  recorder: StaffMember;
}

export function condition(c: ConditionInput): Condition {
  const problem = c.category === 'problem-list-item';
  const resolved = Boolean(c.abatement);
  return {
    resourceType: 'Condition',
    id: c.id,
    meta: { profile: [usCore(problem ? 'us-core-condition-problems-health-concerns' : 'us-core-condition-encounter-diagnosis')] },
    ...(problem ? { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/condition-assertedDate', valueDateTime: fhirDate(c.recorded) }] } : {}),
    clinicalStatus: concept(SYS.conditionClinical, resolved ? 'resolved' : 'active', resolved ? 'Resolved' : 'Active'),
    verificationStatus: concept(SYS.conditionVer, 'confirmed', 'Confirmed'),
    category: [concept(SYS.conditionCategory, c.category, problem ? 'Problem List Item' : 'Encounter Diagnosis')],
    code: { coding: [coding(SYS.snomed, c.snomed, c.display), coding(SYS.icd10, c.icd10, c.icdDisplay)], text: c.display },
    subject: c.patient,
    ...(c.encounterId ? { encounter: ref('Encounter', c.encounterId) } : {}),
    onsetDateTime: fhirDate(c.onset),
    ...(c.abatement ? { abatementDateTime: fhirDate(c.abatement) } : {}),
    recordedDate: fhirDateTime(c.recorded),
    recorder: ref('Practitioner', c.recorder.practitionerId, c.recorder.display),
    asserter: ref('Practitioner', c.recorder.practitionerId, c.recorder.display),
  };
}

interface AllergySpec {
  code: string;
  system: string;
  display: string;
  category: 'medication' | 'food' | 'environment';
  reactions: Array<{ snomed: string; display: string }>;
  criticality: 'low' | 'high' | 'unable-to-assess';
  weight: number;
}

export const ALLERGIES: readonly AllergySpec[] = [
  { code: '7980', system: SYS.rxnorm, display: 'penicillin G', category: 'medication', reactions: [{ snomed: '247472004', display: 'Hives' }, { snomed: '271807003', display: 'Eruption of skin' }], criticality: 'high', weight: 10 },
  { code: '10180', system: SYS.rxnorm, display: 'sulfamethoxazole', category: 'medication', reactions: [{ snomed: '271807003', display: 'Eruption of skin' }], criticality: 'low', weight: 5 },
  { code: '2670', system: SYS.rxnorm, display: 'codeine', category: 'medication', reactions: [{ snomed: '422587007', display: 'Nausea' }], criticality: 'low', weight: 3 },
  { code: '29046', system: SYS.rxnorm, display: 'lisinopril', category: 'medication', reactions: [{ snomed: '49727002', display: 'Cough' }], criticality: 'low', weight: 2 },
  { code: '762952008', system: SYS.snomed, display: 'Peanut (substance)', category: 'food', reactions: [{ snomed: '39579001', display: 'Anaphylaxis' }, { snomed: '247472004', display: 'Hives' }], criticality: 'high', weight: 4 },
  { code: '102263004', system: SYS.snomed, display: 'Eggs (edible) (substance)', category: 'food', reactions: [{ snomed: '271807003', display: 'Eruption of skin' }], criticality: 'low', weight: 2 },
  { code: '256259004', system: SYS.snomed, display: 'Pollen (substance)', category: 'environment', reactions: [{ snomed: '76067001', display: 'Sneezing' }, { snomed: '703630003', display: 'Red eye' }], criticality: 'low', weight: 6 },
  { code: '111088007', system: SYS.snomed, display: 'Latex (substance)', category: 'environment', reactions: [{ snomed: '40275004', display: 'Contact dermatitis' }], criticality: 'low', weight: 2 },
  { code: '288328004', system: SYS.snomed, display: 'Bee venom (substance)', category: 'environment', reactions: [{ snomed: '39579001', display: 'Anaphylaxis' }], criticality: 'high', weight: 2 },
];

export function allergy(id: string, spec: AllergySpec, patient: Reference<any>, recorded: Date, onset: Date, recorder: StaffMember, severity: 'mild' | 'moderate' | 'severe'): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    meta: { profile: [usCore('us-core-allergyintolerance')] },
    clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'active', 'Active'),
    verificationStatus: concept('http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', 'confirmed', 'Confirmed'),
    type: 'allergy',
    category: [spec.category],
    criticality: spec.criticality,
    code: concept(spec.system, spec.code, spec.display, spec.display.replace(' (substance)', '')),
    patient,
    onsetDateTime: fhirDate(onset),
    recordedDate: fhirDateTime(recorded),
    recorder: ref('Practitioner', recorder.practitionerId, recorder.display),
    reaction: [
      {
        substance: concept(spec.system, spec.code, spec.display),
        manifestation: spec.reactions.map((r) => concept(SYS.snomed, r.snomed, r.display)),
        severity,
        onset: fhirDate(onset),
      },
    ],
  };
}
