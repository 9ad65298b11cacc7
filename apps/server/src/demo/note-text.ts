// Note text templates: SOAP progress notes, H&Ps, consultations and discharge summaries, varied by
// visit type and by the patient's problems, plus imaging and cardiology report text.
import type { ChronicKey } from './conditions.js';
import type { Rng } from './rng.js';
import type { ScreeningSummary } from './screenings.js';
import type { VitalSummary } from './vitals.js';

export type VisitKind = 'newPatient' | 'wellness' | 'wellChild' | 'chronic' | 'acute' | 'telehealth' | 'consult' | 'inpatient';

export interface NoteFacts {
  kind: VisitKind;
  patientName: string;
  ageText: string;
  ageYears: number;
  female: boolean;
  spanish: boolean;
  complaint?: string;
  acuteDiagnosis?: string;
  chronic: Array<{ key: ChronicKey; display: string; years: number }>;
  activeMeds: string[];
  newMeds: string[];
  vitals: VitalSummary;
  abnormalLabs: string[];
  screening: ScreeningSummary;
  smoking?: string;
  vaccines: string[];
  clinician: string;
  allergies: string[];
  followUpWeeks: number;
}

const pronoun = (f: NoteFacts) => (f.female ? 'She' : 'He');
const possessive = (f: NoteFacts) => (f.female ? 'her' : 'his');
const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

function vitalsLine(v: VitalSummary): string {
  const parts: string[] = [];
  if (v.systolic) parts.push(`BP ${v.systolic}/${v.diastolic} mmHg`);
  if (v.heartRate) parts.push(`HR ${v.heartRate}`);
  if (v.respRate) parts.push(`RR ${v.respRate}`);
  if (v.tempC) parts.push(`T ${v.tempC} C`);
  if (v.spo2) parts.push(`SpO2 ${v.spo2}% on room air`);
  if (v.weightKg) parts.push(`Wt ${v.weightKg} kg`);
  if (v.bmi) parts.push(`BMI ${v.bmi}`);
  return parts.length ? `Vitals: ${parts.join(', ')}.` : 'Vitals: not obtained (video visit).';
}

const has = (f: NoteFacts, k: ChronicKey) => f.chronic.some((c) => c.key === k);

function exam(f: NoteFacts, rng: Rng): string {
  if (f.kind === 'telehealth') return 'Exam (limited, by video): alert, conversant, in no acute distress. Speaking in full sentences without increased work of breathing. No facial asymmetry.';
  const lines = [
    `General: ${rng.pick(['well-appearing', 'pleasant', 'well-nourished'])}, in no acute distress.`,
    'HEENT: normocephalic, atraumatic; oropharynx clear; tympanic membranes clear bilaterally.',
    'Neck: supple, no lymphadenopathy or thyromegaly.',
    has(f, 'asthma') && f.kind === 'acute' ? 'Lungs: scattered expiratory wheezes, good air movement, no rales.' : 'Lungs: clear to auscultation bilaterally; no wheezes, rales or rhonchi.',
    has(f, 'afib') ? 'Cardiovascular: irregularly irregular rhythm, rate controlled; no murmurs, rubs or gallops.' : 'Cardiovascular: regular rate and rhythm; normal S1 and S2; no murmurs, rubs or gallops.',
    'Abdomen: soft, non-tender, non-distended; normal bowel sounds.',
    has(f, 'heartFailure') ? 'Extremities: 1+ pitting edema of both ankles; distal pulses intact.' : 'Extremities: no edema, cyanosis or clubbing.',
    has(f, 'osteoarthritis') ? 'Musculoskeletal: crepitus with passive motion of the knees, mild effusion on the right; gait steady.' : 'Musculoskeletal: full range of motion; gait normal.',
    has(f, 'cognitive') ? 'Neuro/Psych: alert, oriented to person and place; mild short-term recall deficit; mood euthymic.' : 'Neuro/Psych: alert and oriented; normal mood and affect; no focal deficits.',
  ];
  return `Exam:\n${lines.join('\n')}`;
}

const PLAN: Partial<Record<ChronicKey, (f: NoteFacts) => [string, string]>> = {
  hypertension: (f) => [
    `Essential hypertension${f.vitals.systolic ? (f.vitals.systolic < 140 && (f.vitals.diastolic ?? 0) < 90 ? ', at goal today' : ', above goal today') : ''}.`,
    'Continue current antihypertensive regimen. Low-sodium (DASH) diet, home blood pressure log twice weekly; bring readings to next visit. BMP to monitor potassium and creatinine.',
  ],
  diabetes: () => ['Type 2 diabetes mellitus.', 'Continue metformin with meals. Reviewed hypoglycemia symptoms, foot care and daily glucose checks. HbA1c every 3 months until at goal (<7.0%); annual urine microalbumin and retinal exam.'],
  hyperlipidemia: () => ['Hyperlipidemia.', 'Continue statin therapy; discussed Mediterranean-style diet and 150 minutes a week of moderate exercise. Repeat fasting lipid panel in 12 months. Report any muscle aches.'],
  hypothyroidism: () => ['Hypothyroidism.', 'Continue levothyroxine on an empty stomach. TSH in 6-8 weeks after any dose change, otherwise yearly.'],
  asthma: () => ['Asthma, mild persistent.', 'Continue inhaled corticosteroid; albuterol as needed. Reviewed inhaler technique with spacer and the written asthma action plan.'],
  obesity: (f) => [`Obesity${f.vitals.bmi ? `, BMI ${f.vitals.bmi}` : ''}.`, 'Discussed nutrition, portion sizes and physical activity goals; referral to nutrition counseling offered.'],
  osteoarthritis: () => ['Osteoarthritis of the knee.', 'Acetaminophen as needed, quadriceps-strengthening exercises and weight management. Consider physical therapy or intra-articular steroid injection if symptoms progress.'],
  afib: () => ['Atrial fibrillation, rate controlled.', 'Continue beta-blocker and anticoagulation (CHA2DS2-VASc reviewed). Bleeding precautions discussed. Cardiology follow-up as scheduled.'],
  heartFailure: () => ['Chronic heart failure with reduced ejection fraction, NYHA class II.', 'Continue diuretic and beta-blocker. Daily weights; call for weight gain of more than 2 lb in a day or 5 lb in a week, worsening dyspnea, orthopnea or edema. Fluid restriction 2 L/day, sodium under 2 g/day.'],
  ckd: () => ['Chronic kidney disease stage 3.', 'Avoid NSAIDs and nephrotoxic agents; renally dose medications. Monitor eGFR, potassium and phosphorus every 6 months.'],
  depression: (f) => [`Depressive disorder${f.screening.phq9 !== undefined ? `, PHQ-9 ${f.screening.phq9} today` : ''}.`, 'Continue sertraline and counseling. Safety screen negative; crisis line information provided. Recheck PHQ-9 at next visit.'],
  anxiety: (f) => [`Generalized anxiety${f.screening.gad7 !== undefined ? `, GAD-7 ${f.screening.gad7}` : ''}.`, 'Continue SSRI; cognitive behavioral therapy referral; sleep hygiene reviewed.'],
  osteoporosis: () => ['Osteoporosis.', 'Continue weekly alendronate, calcium 1,200 mg and vitamin D daily; fall-prevention counseling. Repeat DEXA in 2 years.'],
  bph: () => ['Benign prostatic hyperplasia with mild lower urinary tract symptoms.', 'Continue tamsulosin; rise slowly to avoid orthostatic dizziness. PSA yearly per shared decision.'],
  gout: () => ['Gout, no flares since last visit.', 'Continue allopurinol; target uric acid under 6 mg/dL. Limit alcohol and red meat; stay hydrated.'],
  cognitive: (f) => [`Mild cognitive impairment${f.screening.mmse !== undefined ? `, MMSE ${f.screening.mmse}/30` : ''}.`, 'Continue donepezil. Family involved in medication management; driving safety discussed. Reassess cognition in 6 months.'],
  rhinitis: () => ['Seasonal allergic rhinitis.', 'Loratadine as needed; saline rinses; allergen avoidance.'],
  prediabetes: () => ['Prediabetes.', 'Lifestyle modification with a goal of 5-7% weight loss; diabetes prevention program referral. HbA1c yearly.'],
  vitaminD: () => ['Vitamin D deficiency.', 'Cholecalciferol 2,000 IU daily; recheck 25-OH vitamin D in 3 months.'],
  anemia: () => ['Iron deficiency anemia.', 'Ferrous sulfate 325 mg every other day with vitamin C; recheck CBC and ferritin in 8 weeks. Evaluate source of iron loss if not improving.'],
  adhd: () => ['Attention deficit hyperactivity disorder.', 'Behavioral strategies reviewed with parent; school accommodations (504 plan) discussed.'],
  eczema: () => ['Atopic dermatitis.', 'Fragrance-free emollients twice daily; short lukewarm baths; topical hydrocortisone 1% for flares.'],
};

const MILESTONES: ReadonlyArray<[number, string]> = [
  [1, 'Lifts head briefly when prone; fixes on faces.'],
  [3, 'Social smile, coos, holds head steady.'],
  [7, 'Rolls both ways, sits with support, babbles, transfers objects.'],
  [11, 'Pulls to stand, says "mama/dada" specifically, pincer grasp emerging.'],
  [17, 'Walks independently, uses several words, follows one-step commands.'],
  [30, 'Two-word phrases, runs well, kicks a ball, parallel play.'],
  [48, 'Speaks in sentences, pedals a tricycle, knows some colors.'],
  [84, 'Reading at grade level, rides a bicycle, plays cooperatively.'],
  [144, 'Doing well in school; participates in sports; good peer relationships.'],
  [999, 'Attending high school; goals for after graduation discussed.'],
];

function wellChild(f: NoteFacts, months: number): string[] {
  const milestone = MILESTONES.find(([m]) => months < m)?.[1] ?? '';
  const v = f.vitals;
  const growth = [
    v.weightKg ? `weight ${v.weightKg} kg` : '',
    v.heightCm ? `length/height ${v.heightCm} cm` : '',
    v.headCm ? `head circumference ${v.headCm} cm` : '',
    v.weightPercentile !== undefined ? `weight-for-length ${v.weightPercentile}th percentile` : '',
    v.bmiPercentile !== undefined ? `BMI-for-age ${v.bmiPercentile}th percentile` : '',
  ].filter(Boolean);
  const guidance = months < 12
    ? 'Safe sleep on the back in a crib without bumpers, rear-facing car seat, no honey before 12 months, tummy time.'
    : months < 60
      ? 'Rear-facing car seat as long as possible, water safety, limit screen time to 1 hour of quality programming, brush teeth twice daily with fluoride toothpaste.'
      : 'Booster seat until the seat belt fits, bike helmet, 60 minutes of physical activity daily, screen-time limits, healthy sleep routine.';
  return [
    `SUBJECTIVE:\n${f.patientName} is a ${f.ageText} ${f.female ? 'girl' : 'boy'} here for a well-child visit with ${f.spanish ? 'mother (visit conducted in Spanish)' : 'parent'}. Eating and sleeping well; no concerns today. Development: ${milestone}`,
    `OBJECTIVE:\n${vitalsLine(v)}\nGrowth: ${list(growth)}. Growing along ${possessive(f)} curves.\nExam: active, well-appearing; anterior fontanelle ${months < 18 ? 'soft and flat' : 'closed'}; red reflex present bilaterally; lungs clear; regular rhythm without murmur; abdomen soft; normal genitalia; hips stable; skin without rashes.`,
    `ASSESSMENT:\nWell child, growing and developing appropriately.${f.chronic.length ? ` Also followed for ${list(f.chronic.map((c) => c.display.toLowerCase()))}.` : ''}`,
    `PLAN:\n${f.vaccines.length ? `Immunizations given today after VIS review and parental consent: ${list(f.vaccines)}. ` : 'Immunizations up to date. '}Anticipatory guidance: ${guidance}\nReturn for next well visit or sooner as needed.`,
  ];
}

export function progressNoteText(f: NoteFacts, rng: Rng, ageMonths: number): string {
  const header = `${f.patientName} | ${f.ageText} ${f.female ? 'female' : 'male'} | Clinician: ${f.clinician}`;
  if (f.kind === 'wellChild') return [header, ...wellChild(f, ageMonths)].join('\n\n');
  const problems = f.chronic.map((c) => c.display.toLowerCase());
  const opener: Record<VisitKind, string> = {
    newPatient: `${f.patientName} is a ${f.ageText} ${f.female ? 'woman' : 'man'} establishing care${problems.length ? ` with a history of ${list(problems)}` : ''}. ${pronoun(f)} brings outside records and a medication list.`,
    wellness: `${f.patientName} presents for an annual preventive visit. ${pronoun(f)} reports feeling ${rng.pick(['well', 'generally well', 'good overall'])}${problems.length ? ` and follows up on ${list(problems)}` : ''}.`,
    chronic: `${f.patientName} returns for follow-up of ${problems.length ? list(problems) : 'recent concerns'}. ${pronoun(f)} reports ${rng.pick(['good adherence to medications', 'taking medications as prescribed, missing an occasional dose', 'no side effects from current medications'])}.`,
    acute: `${f.patientName} presents with ${f.complaint ?? 'new symptoms'} for ${rng.int(2, 7)} days. ${rng.pick(['No sick contacts.', 'A family member had similar symptoms last week.', 'Tried over-the-counter remedies with little relief.'])}`,
    telehealth: `Video visit (patient at home, consent for telehealth obtained). ${f.patientName} checks in on ${problems.length ? list(problems) : 'recent symptoms'}${f.complaint ? ` and reports ${f.complaint}` : ''}.`,
    consult: `Cardiology consultation requested by primary care for ${problems.includes('atrial fibrillation') ? 'atrial fibrillation management' : 'exertional dyspnea and edema'}. ${pronoun(f)} reports ${rng.pick(['dyspnea on exertion after one flight of stairs', 'intermittent palpitations', 'mild ankle edema by evening'])}; denies syncope or chest pain at rest.`,
    inpatient: `${f.patientName} was admitted with ${f.complaint ?? 'shortness of breath'}.`,
    wellChild: '',
  };
  const ros = f.kind === 'acute'
    ? `Review of systems otherwise negative; denies chest pain, hemoptysis or rash.`
    : `Review of systems: denies chest pain, dyspnea, orthopnea, palpitations, lower-extremity edema, fever, weight loss, abdominal pain or change in bowel habits.${has(f, 'heartFailure') ? ' Mild dyspnea on exertion is stable.' : ''}`;
  const social = f.smoking ? `Social: ${f.smoking.toLowerCase()}${f.screening.auditC !== undefined ? `; AUDIT-C ${f.screening.auditC}` : ''}.` : '';
  const meds = f.activeMeds.length ? `Current medications: ${f.activeMeds.join('; ')}.` : 'No current medications.';
  const allergies = `Allergies: ${f.allergies.length ? f.allergies.join(', ') : 'no known drug allergies'}.`;

  const assessment: string[] = [];
  const plan: string[] = [];
  if (f.acuteDiagnosis) {
    assessment.push(`${f.acuteDiagnosis}.`);
    plan.push(f.newMeds.length ? `Start ${list(f.newMeds)}. Supportive care, fluids and rest; return precautions reviewed.` : 'Supportive care with fluids, rest and acetaminophen as needed. Return if fever persists beyond 3 days or symptoms worsen.');
  }
  for (const c of f.chronic) {
    const tpl = PLAN[c.key];
    if (!tpl) continue;
    const [a, p] = tpl(f);
    assessment.push(a);
    plan.push(p);
  }
  if (f.kind === 'wellness') {
    assessment.push('Health maintenance.');
    plan.push(
      `Preventive care: ${f.ageYears >= 45 && f.ageYears < 76 ? 'colorectal cancer screening up to date; ' : ''}${f.female && f.ageYears >= 40 && f.ageYears < 75 ? 'screening mammogram ordered; ' : ''}${f.screening.phq2 !== undefined ? `PHQ-2 score ${f.screening.phq2}; ` : ''}${f.screening.foodInsecure ? 'positive food insecurity screen, connected with community food pantry resources; ' : ''}exercise and nutrition counseling provided.`,
    );
  }
  if (f.abnormalLabs.length) plan.push(`Lab results reviewed: ${f.abnormalLabs.slice(0, 4).join('; ')}.`);
  if (f.vaccines.length) plan.push(`Immunizations given: ${list(f.vaccines)}.`);
  if (f.newMeds.length && !f.acuteDiagnosis) plan.push(`New prescriptions: ${list(f.newMeds)}. Side effects and expected benefits reviewed.`);
  if (!assessment.length) assessment.push('No acute issues identified.');
  plan.push(`Follow up in ${f.followUpWeeks} weeks or sooner as needed.${f.spanish ? ' Visit conducted in Spanish; after-visit summary provided in Spanish.' : ''}`);

  return [
    header,
    `SUBJECTIVE:\n${opener[f.kind]} ${ros}\n${meds}\n${allergies}${social ? '\n' + social : ''}`,
    `OBJECTIVE:\n${vitalsLine(f.vitals)}\n${exam(f, rng)}${f.abnormalLabs.length ? `\nRecent labs notable for ${f.abnormalLabs.slice(0, 4).join('; ')}.` : ''}`,
    `ASSESSMENT:\n${assessment.map((a, i) => `${i + 1}. ${a}`).join('\n')}`,
    `PLAN:\n${plan.map((p) => `- ${p}`).join('\n')}`,
  ].join('\n\n');
}

export function dischargeSummaryText(f: NoteFacts, days: number): string {
  return [
    `DISCHARGE SUMMARY\n${f.patientName} | ${f.ageText} | Attending: ${f.clinician}`,
    `Admission diagnosis: ${f.acuteDiagnosis ?? 'Acute decompensated heart failure'}.\nLength of stay: ${days} days.`,
    `Hospital course:\n${f.patientName} presented with ${f.complaint ?? 'progressive dyspnea, orthopnea and bilateral leg edema'}. Chest radiograph showed ${f.acuteDiagnosis?.includes('pneumonia') ? 'a right lower lobe consolidation' : 'pulmonary vascular congestion and small bilateral pleural effusions'}. ${pronoun(f)} was treated with ${f.acuteDiagnosis?.includes('pneumonia') ? 'intravenous ceftriaxone and azithromycin, transitioned to oral antibiotics' : 'intravenous furosemide with net diuresis of about 4 L'}, with steady improvement in oxygenation and symptoms. Telemetry showed no significant arrhythmia. Renal function and potassium were monitored daily and remained stable.`,
    `Discharge condition: stable, ambulating independently, on room air.\nDischarge medications: ${f.activeMeds.join('; ') || 'unchanged'}.`,
    'Follow-up: primary care within 7 days; cardiology in 2-4 weeks. Daily weights, low-sodium diet, return for worsening dyspnea, chest pain or weight gain over 2 lb in a day.',
  ].join('\n\n');
}

export function historyAndPhysicalText(f: NoteFacts, rng: Rng): string {
  const body = progressNoteText({ ...f, kind: f.kind === 'inpatient' ? 'inpatient' : 'newPatient' }, rng, f.ageYears * 12);
  return `HISTORY AND PHYSICAL\n\n${body}\n\nPast medical history: ${f.chronic.map((c) => `${c.display} (${Math.max(1, Math.round(c.years))} yr)`).join(', ') || 'none'}.\nFamily history: ${rng.pick(['father with coronary artery disease', 'mother with type 2 diabetes', 'noncontributory', 'sister with breast cancer'])}.`;
}

export function consultText(f: NoteFacts, rng: Rng): string {
  return `CARDIOLOGY CONSULTATION\n\n${progressNoteText({ ...f, kind: 'consult' }, rng, f.ageYears * 12)}\n\nRecommendations: ECG and transthoracic echocardiogram reviewed. Continue guideline-directed medical therapy; return to cardiology clinic in 3 months. Thank you for this referral.`;
}

export type ImagingKind = 'chestXray' | 'mammogram' | 'dexa' | 'ecg' | 'echo';

export function imagingText(kind: ImagingKind, f: NoteFacts, rng: Rng): { title: string; text: string } {
  switch (kind) {
    case 'chestXray': {
      const congested = has(f, 'heartFailure');
      const infiltrate = f.acuteDiagnosis?.toLowerCase().includes('bronchitis') ? rng.chance(0.2) : false;
      return {
        title: 'XR Chest 2 Views',
        text: `EXAM: Chest radiograph, PA and lateral.\nINDICATION: ${f.complaint ?? 'dyspnea'}.\nCOMPARISON: None available.\nFINDINGS: ${congested ? 'Mild cardiomegaly with pulmonary vascular congestion and small bilateral pleural effusions.' : 'Heart size normal. Lungs are clear without focal consolidation, effusion or pneumothorax.'}${infiltrate ? ' Patchy opacity in the right lower lobe.' : ''} Osseous structures unremarkable.\nIMPRESSION: ${congested ? 'Findings consistent with mild congestive heart failure.' : infiltrate ? 'Right lower lobe opacity, possibly early pneumonia; clinical correlation recommended.' : 'No acute cardiopulmonary process.'}`,
      };
    }
    case 'mammogram':
      return {
        title: 'MG Breast Screening',
        text: `EXAM: Bilateral screening mammogram with tomosynthesis.\nBREAST COMPOSITION: ${rng.pick(['Scattered areas of fibroglandular density.', 'Heterogeneously dense, which may obscure small masses.'])}\nFINDINGS: No suspicious mass, calcifications or architectural distortion.\nIMPRESSION: BI-RADS ${rng.pick(['1 - Negative', '2 - Benign'])}. Recommend routine annual screening.`,
      };
    case 'dexa': {
      const osteo = has(f, 'osteoporosis');
      const t = osteo ? -(2.6 + rng.float(0, 0.6)) : -(0.4 + rng.float(0, 1.2));
      return {
        title: 'DXA Bone density',
        text: `EXAM: DXA bone densitometry, lumbar spine and hips.\nFINDINGS: Lowest T-score ${t.toFixed(1)} at the ${rng.pick(['left femoral neck', 'lumbar spine L1-L4'])}.\nIMPRESSION: ${osteo ? 'Osteoporosis by WHO criteria. 10-year FRAX risk elevated.' : t < -1 ? 'Osteopenia.' : 'Normal bone density.'}`,
      };
    }
    case 'ecg': {
      const af = has(f, 'afib');
      return {
        title: 'EKG study',
        text: `12-lead electrocardiogram.\nRhythm: ${af ? `atrial fibrillation with controlled ventricular response, rate ${f.vitals.heartRate ?? 78}` : `normal sinus rhythm, rate ${f.vitals.heartRate ?? 72}`}.\nIntervals: PR ${af ? 'n/a' : `${rng.int(140, 190)} ms`}, QRS ${rng.int(84, 110)} ms, QTc ${rng.int(410, 455)} ms.\nAxis: normal. No acute ST-T changes.\nIMPRESSION: ${af ? 'Atrial fibrillation, rate controlled. No acute ischemic changes.' : 'Normal ECG.'}`,
      };
    }
    case 'echo': {
      const hf = has(f, 'heartFailure');
      const ef = hf ? rng.int(30, 40) : rng.int(55, 65);
      return {
        title: 'Echocardiogram',
        text: `Transthoracic echocardiogram.\nLeft ventricle: ${hf ? 'mildly dilated with global hypokinesis' : 'normal size and wall motion'}; ejection fraction ${ef}% by biplane Simpson's.\nRight ventricle: normal size and function.\nValves: ${rng.pick(['mild mitral regurgitation', 'trace tricuspid regurgitation', 'no significant valvular disease'])}.\nAtria: ${has(f, 'afib') ? 'moderately enlarged left atrium' : 'normal size'}.\nIMPRESSION: ${hf ? `Reduced LV systolic function, EF ${ef}%.` : 'Normal biventricular function.'}`,
      };
    }
  }
}
