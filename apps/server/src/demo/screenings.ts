// Screening instruments (PHQ-2/9, GAD-7, AUDIT-C, Hunger Vital Sign) plus functional, disability
// and cognitive status and smoking status. Instruments are a panel Observation whose hasMember
// points at one Observation per question and one for the total score, as LOINC models them.
import type { CodeableConcept, Coding, Observation, Reference } from '@medplum/fhirtypes';
import { SYS, clamp, coding, concept, fhirDateTime, loinc, obsCategory, qty, ref, usCore } from './fhir-helpers.js';
import type { Rng } from './rng.js';

interface Builder {
  next(): string;
  patient: Reference<any>;
  encounterId: string;
  when: Date;
  performer: Reference<any>;
}

export const FREQUENCY: ReadonlyArray<[string, string]> = [
  ['LA6568-5', 'Not at all'],
  ['LA6569-3', 'Several days'],
  ['LA6570-1', 'More than half the days'],
  ['LA6571-9', 'Nearly every day'],
];

function scoredAnswer(score: number): CodeableConcept {
  const [code, display] = FREQUENCY[score];
  const c: Coding = {
    ...coding(SYS.loinc, code, display),
    extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: score }],
  };
  return { coding: [c], text: display };
}

const SDOH = concept(SYS.usCoreCategory, 'sdoh', 'SDOH');
const PROFILE = usCore('us-core-observation-screening-assessment');

function obs(b: Builder, code: CodeableConcept, categories: CodeableConcept[], value: Partial<Observation>): Observation {
  return {
    resourceType: 'Observation',
    id: b.next(),
    meta: { profile: [PROFILE] },
    status: 'final',
    category: categories,
    code,
    subject: b.patient,
    encounter: ref('Encounter', b.encounterId),
    effectiveDateTime: fhirDateTime(b.when),
    performer: [b.performer],
    ...value,
  };
}

function instrument(
  b: Builder,
  panel: [string, string],
  items: ReadonlyArray<[string, string, CodeableConcept]>,
  total: [string, string, number] | [string, string, CodeableConcept],
  categories: CodeableConcept[],
): Observation[] {
  const members = items.map(([code, display, answer]) => obs(b, loinc(code, display), categories, { valueCodeableConcept: answer }));
  const totalObs = obs(
    b,
    loinc(total[0], total[1]),
    categories,
    typeof total[2] === 'number' ? { valueQuantity: qty(total[2], '{score}', '{score}') } : { valueCodeableConcept: total[2] },
  );
  members.push(totalObs);
  const panelObs = obs(b, loinc(panel[0], panel[1]), categories, { hasMember: members.map((m) => ref('Observation', m.id as string)) });
  return [panelObs, ...members];
}

export const PHQ9_ITEMS: ReadonlyArray<[string, string]> = [
  ['44250-9', 'Little interest or pleasure in doing things in last 2 weeks'],
  ['44255-8', 'Feeling down, depressed, or hopeless in last 2 weeks'],
  ['44259-0', 'Trouble falling or staying asleep, or sleeping too much in last 2 weeks'],
  ['44254-1', 'Feeling tired or having little energy in last 2 weeks'],
  ['44251-7', 'Poor appetite or overeating in last 2 weeks'],
  ['44258-2', 'Feeling bad about yourself-or that you are a failure or have let yourself or your family down in last 2 weeks'],
  ['44252-5', 'Trouble concentrating on things, such as reading the newspaper or watching television in last 2 weeks'],
  ['44253-3', 'Moving or speaking so slowly that other people could have noticed. Or the opposite-being so fidgety or restless that you have been moving around a lot more than usual in last 2 weeks'],
  ['44260-8', 'Thoughts that you would be better off dead, or of hurting yourself in some way in last 2 weeks'],
];

export const GAD7_ITEMS: ReadonlyArray<[string, string]> = [
  ['69725-0', 'Feeling nervous, anxious or on edge'],
  ['68509-9', 'Over the past 2 weeks have you been bothered by not being able to stop or control worrying'],
  ['69733-0', 'Worrying too much about different things'],
  ['69734-8', 'Trouble relaxing'],
  ['69735-5', 'Being so restless that it is hard to sit still'],
  ['69689-8', 'Becoming easily annoyed or irritable'],
  ['69736-3', 'Feeling afraid as if something awful might happen'],
];

function itemScores(rng: Rng, n: number, severity: number): number[] {
  // severity 0..1 shifts every answer up; items stay correlated like real questionnaires.
  return Array.from({ length: n }, (_, i) => clamp(Math.round(severity * 3 * rng.float(0.5, 1.3) - (i === 8 ? 1.5 : 0) + rng.normal(0, 0.35) - 0.3), 0, 3));
}

export interface ScreeningSummary {
  phq2?: number;
  phq9?: number;
  gad7?: number;
  auditC?: number;
  foodInsecure?: boolean;
  mmse?: number;
}

export function depressionScreen(b: Builder, rng: Rng, severity: number, summary: ScreeningSummary): Observation[] {
  const scores = itemScores(rng, 9, severity);
  const phq2 = scores[0] + scores[1];
  summary.phq2 = phq2;
  const out = instrument(
    b,
    ['55757-9', 'Patient Health Questionnaire 2 item (PHQ-2) [Reported]'],
    PHQ9_ITEMS.slice(0, 2).map(([c, d], i) => [c, d, scoredAnswer(scores[i])]),
    ['55758-7', 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]', phq2],
    [obsCategory('survey')],
  );
  if (phq2 >= 3 || severity > 0.3) {
    const phq9 = scores.reduce((a, s) => a + s, 0);
    summary.phq9 = phq9;
    out.push(
      ...instrument(
        b,
        ['44249-1', 'PHQ-9 quick depression assessment panel [Reported.PHQ]'],
        PHQ9_ITEMS.map(([c, d], i) => [c, d, scoredAnswer(scores[i])]),
        ['44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]', phq9],
        [obsCategory('survey')],
      ),
    );
  }
  return out;
}

export function anxietyScreen(b: Builder, rng: Rng, severity: number, summary: ScreeningSummary): Observation[] {
  const scores = itemScores(rng, 7, severity);
  summary.gad7 = scores.reduce((a, s) => a + s, 0);
  return instrument(
    b,
    ['69737-5', 'Generalized anxiety disorder 7 item (GAD-7)'],
    GAD7_ITEMS.map(([c, d], i) => [c, d, scoredAnswer(scores[i])]),
    ['70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]', summary.gad7],
    [obsCategory('survey')],
  );
}

export const AUDIT_FREQ: ReadonlyArray<[string, string]> = [
  ['LA6270-8', 'Never'],
  ['LA18926-8', 'Monthly or less'],
  ['LA18927-6', '2-4 times a month'],
  ['LA18928-4', '2-3 times a week'],
  ['LA18929-2', '4 or more times a week'],
];
export const AUDIT_QTY = ['1 or 2', '3 or 4', '5 or 6', '7 to 9', '10 or more'];
export const AUDIT_BINGE = ['Never', 'Less than monthly', 'Monthly', 'Weekly', 'Daily or almost daily'];

export function alcoholScreen(b: Builder, rng: Rng, drinker: number, summary: ScreeningSummary): Observation[] {
  const q1 = clamp(Math.round(drinker * 4 + rng.normal(0, 0.4)), 0, 4);
  const q2 = q1 === 0 ? 0 : clamp(Math.round(drinker * 2 + rng.normal(0, 0.4)), 0, 4);
  const q3 = q1 === 0 ? 0 : clamp(Math.round(drinker * 2.5 - 0.8 + rng.normal(0, 0.4)), 0, 4);
  summary.auditC = q1 + q2 + q3;
  const withScore = (cc: CodeableConcept, score: number): CodeableConcept => ({
    ...cc,
    ...(cc.coding ? { coding: cc.coding.map((c) => ({ ...c, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: score }] })) } : {}),
  });
  return instrument(
    b,
    ['72109-2', 'Alcohol Use Disorder Identification Test - Consumption [AUDIT-C]'],
    [
      ['68518-0', 'How often do you have a drink containing alcohol', withScore(concept(SYS.loinc, AUDIT_FREQ[q1][0], AUDIT_FREQ[q1][1]), q1)],
      ['68519-8', 'How many standard drinks containing alcohol do you have on a typical day', { text: AUDIT_QTY[q2] }],
      ['68520-6', 'How often do you have 6 or more drinks on 1 occasion', { text: AUDIT_BINGE[q3] }],
    ],
    ['75626-2', 'Total score [AUDIT-C]', summary.auditC],
    [obsCategory('survey')],
  );
}

export const HVS_ANSWERS: ReadonlyArray<[string, string]> = [
  ['LA28397-0', 'Often true'],
  ['LA6729-3', 'Sometimes true'],
  ['LA28398-8', 'Never true'],
];

export function foodScreen(b: Builder, rng: Rng, risk: number, summary: ScreeningSummary): Observation[] {
  const a1 = rng.chance(risk) ? rng.int(0, 1) : 2;
  const a2 = rng.chance(risk) ? rng.int(0, 1) : 2;
  const atRisk = a1 < 2 || a2 < 2;
  summary.foodInsecure = atRisk;
  const cats = [obsCategory('survey'), SDOH];
  return instrument(
    b,
    ['88121-9', 'Hunger Vital Sign [HVS]'],
    [
      ['88122-7', 'Within the past 12 months we worried whether our food would run out before we got money to buy more', concept(SYS.loinc, HVS_ANSWERS[a1][0], HVS_ANSWERS[a1][1])],
      ['88123-5', "Within the past 12 months the food we bought just didn't last and we didn't have money to get more", concept(SYS.loinc, HVS_ANSWERS[a2][0], HVS_ANSWERS[a2][1])],
    ],
    ['88124-3', 'Food insecurity risk [HVS]', atRisk ? concept(SYS.loinc, 'LA19952-3', 'At risk') : concept(SYS.loinc, 'LA19983-8', 'No risk')],
    cats,
  );
}

/** Functional, disability and cognitive status for older adults (US Core screening categories). */
export function geriatricStatus(b: Builder, rng: Rng, frailty: number, impaired: boolean, summary: ScreeningSummary): Observation[] {
  const independent = frailty < 0.6;
  const functional = obs(b, loinc('75276-6', 'Functional status [Interpretation]'), [obsCategory('survey'), concept(SYS.usCoreCategory, 'functional-status', 'Functional Status')], {
    valueCodeableConcept: independent ? concept(SYS.snomed, '129035000', 'Independent with dressing') : { text: 'Needs help with dressing' },
  });
  const hearing = obs(b, loinc('69856-3', 'Are you deaf or do you have serious difficulty hearing [Disability]'), [obsCategory('survey'), concept(SYS.usCoreCategory, 'disability-status', 'Disability Status')], {
    valueCodeableConcept: rng.chance(0.15 + frailty * 0.3) ? concept(SYS.loinc, 'LA33-6', 'Yes') : concept(SYS.loinc, 'LA32-8', 'No'),
  });
  const mmse = clamp(Math.round((impaired ? 23 : 28.5) + rng.normal(0, 1.2)), 10, 30);
  summary.mmse = mmse;
  const cognitive = obs(b, loinc('72107-6', 'Mini-Mental State Examination [MMSE] Total score'), [obsCategory('survey'), concept(SYS.usCoreCategory, 'cognitive-status', 'Cognitive Status')], {
    valueQuantity: qty(mmse, '{score}', '{score}'),
  });
  return [functional, hearing, cognitive];
}

export type SmokingKey = 'never' | 'former' | 'current' | 'occasional';

const SMOKING: Record<SmokingKey, [string, string]> = {
  never: ['266919005', 'Never smoked tobacco'],
  former: ['8517006', 'Ex-smoker'],
  current: ['449868002', 'Smokes tobacco daily'],
  occasional: ['428041000124106', 'Occasional tobacco smoker'],
};

export function smokingStatus(b: Builder, status: SmokingKey): Observation {
  const o = obs(b, loinc('72166-2', 'Tobacco smoking status'), [obsCategory('social-history')], {
    valueCodeableConcept: concept(SYS.snomed, SMOKING[status][0], SMOKING[status][1]),
  });
  o.meta = { profile: [usCore('us-core-smokingstatus')] };
  return o;
}

export function smokingDisplay(status: SmokingKey): string {
  return SMOKING[status][1];
}
