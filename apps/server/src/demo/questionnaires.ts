// The screening forms as Questionnaires (shared, one per instrument) and each completed form as a
// US Core QuestionnaireResponse (6.1.0). The response is built from the instrument's panel
// Observation and its members, so the form and the observations always agree; the panel
// Observation then points back at the form it was derived from (US Core "Screening and
// Assessments" guidance: observations derived from a QuestionnaireResponse reference it).
import type { Coding, Observation, Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItemAnswer, Reference, Resource } from '@medplum/fhirtypes';
import { SYS, coding, fhirDateTime, ref, usCore } from './fhir-helpers.js';
import { stableUuid } from './rng.js';
import { AUDIT_BINGE, AUDIT_FREQ, AUDIT_QTY, FREQUENCY, GAD7_ITEMS, HVS_ANSWERS, PHQ9_ITEMS } from './screenings.js';

const SDC_QUESTIONNAIRE = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire';
const BASE = 'https://portico-demo.example.org/fhir/Questionnaire/';

type Answers = ReadonlyArray<Coding | string>;
interface FormSpec {
  key: string;
  name: string;
  title: string;
  panel: [string, string];
  items: ReadonlyArray<[string, string, Answers]>;
  total: [string, string, Answers | 'integer'];
}

const loincAnswers = (list: ReadonlyArray<[string, string]>): Coding[] => list.map(([code, display]) => coding(SYS.loinc, code, display));

const FORMS: readonly FormSpec[] = [
  { key: 'phq-2', name: 'PHQ2', title: 'Patient Health Questionnaire-2 (PHQ-2)', panel: ['55757-9', 'Patient Health Questionnaire 2 item (PHQ-2) [Reported]'], items: PHQ9_ITEMS.slice(0, 2).map(([c, d]) => [c, d, loincAnswers(FREQUENCY)]), total: ['55758-7', 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]', 'integer'] },
  { key: 'phq-9', name: 'PHQ9', title: 'Patient Health Questionnaire-9 (PHQ-9)', panel: ['44249-1', 'PHQ-9 quick depression assessment panel [Reported.PHQ]'], items: PHQ9_ITEMS.map(([c, d]) => [c, d, loincAnswers(FREQUENCY)]), total: ['44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]', 'integer'] },
  { key: 'gad-7', name: 'GAD7', title: 'Generalized Anxiety Disorder 7 (GAD-7)', panel: ['69737-5', 'Generalized anxiety disorder 7 item (GAD-7)'], items: GAD7_ITEMS.map(([c, d]) => [c, d, loincAnswers(FREQUENCY)]), total: ['70274-6', 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]', 'integer'] },
  {
    key: 'audit-c',
    name: 'AUDITC',
    title: 'Alcohol Use Disorders Identification Test - Consumption (AUDIT-C)',
    panel: ['72109-2', 'Alcohol Use Disorder Identification Test - Consumption [AUDIT-C]'],
    items: [
      ['68518-0', 'How often do you have a drink containing alcohol', loincAnswers(AUDIT_FREQ)],
      ['68519-8', 'How many standard drinks containing alcohol do you have on a typical day', AUDIT_QTY],
      ['68520-6', 'How often do you have 6 or more drinks on 1 occasion', AUDIT_BINGE],
    ],
    total: ['75626-2', 'Total score [AUDIT-C]', 'integer'],
  },
  {
    key: 'hunger-vital-sign',
    name: 'HungerVitalSign',
    title: 'Hunger Vital Sign (HVS)',
    panel: ['88121-9', 'Hunger Vital Sign [HVS]'],
    items: [
      ['88122-7', 'Within the past 12 months we worried whether our food would run out before we got money to buy more', loincAnswers(HVS_ANSWERS)],
      ['88123-5', "Within the past 12 months the food we bought just didn't last and we didn't have money to get more", loincAnswers(HVS_ANSWERS)],
    ],
    total: ['88124-3', 'Food insecurity risk [HVS]', loincAnswers([['LA19952-3', 'At risk'], ['LA19983-8', 'No risk']])],
  },
];

const BY_PANEL = new Map(FORMS.map((f) => [f.panel[0], f]));

export const questionnaireUrl = (key: string) => BASE + key;

function item(code: string, text: string, answers: Answers | 'integer', readOnly = false): QuestionnaireItem {
  return {
    linkId: code,
    code: [coding(SYS.loinc, code, text)],
    text,
    ...(answers === 'integer'
      ? { type: 'integer' as const }
      : { type: 'choice' as const, answerOption: answers.map((a) => (typeof a === 'string' ? { valueString: a } : { valueCoding: a })) }),
    ...(readOnly ? { readOnly: true } : { required: true }),
  };
}

/** The shared Questionnaire resources the responses conform to. */
export function questionnaires(seed: number): Questionnaire[] {
  return FORMS.map((f) => ({
    resourceType: 'Questionnaire',
    id: stableUuid(seed, 'shared', 'Questionnaire', f.key),
    meta: { profile: [SDC_QUESTIONNAIRE] },
    url: questionnaireUrl(f.key),
    version: '1.0.0',
    name: f.name,
    title: f.title,
    status: 'active',
    subjectType: ['Patient'],
    publisher: 'Portico Family Health',
    code: [coding(SYS.loinc, f.panel[0], f.panel[1])],
    item: [...f.items.map(([c, d, a]) => item(c, d, a)), item(f.total[0], f.total[1], f.total[2], true)],
  }));
}

function answerOf(o: Observation): QuestionnaireResponseItemAnswer | undefined {
  if (o.valueQuantity?.value !== undefined) return { valueInteger: o.valueQuantity.value };
  const c = o.valueCodeableConcept?.coding?.[0];
  if (c) return { valueCoding: coding(c.system as string, c.code as string, c.display as string) };
  if (o.valueCodeableConcept?.text) return { valueString: o.valueCodeableConcept.text };
  return undefined;
}

export interface ResponseContext {
  next(): string;
  patient: Reference<any>;
  /** Who filled in the form: the patient, or a parent for a young child. */
  author: Reference<any>;
  encounterId: string;
}

/**
 * One QuestionnaireResponse per instrument panel among `resources` (a visit's output); sets the
 * panel's `derivedFrom` to it.
 */
export function questionnaireResponses(resources: Resource[], c: ResponseContext): QuestionnaireResponse[] {
  const byId = new Map(resources.filter((r): r is Observation => r.resourceType === 'Observation').map((o) => [o.id as string, o]));
  const out: QuestionnaireResponse[] = [];
  for (const panel of byId.values()) {
    const form = BY_PANEL.get(panel.code.coding?.[0]?.code as string);
    if (!form || !panel.hasMember?.length) continue;
    const members = panel.hasMember.map((m) => byId.get((m.reference as string).slice('Observation/'.length))).filter((m): m is Observation => Boolean(m));
    const id = c.next();
    out.push({
      resourceType: 'QuestionnaireResponse',
      id,
      meta: { profile: [usCore('us-core-questionnaireresponse')] },
      identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id}` },
      questionnaire: questionnaireUrl(form.key),
      _questionnaire: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/display', valueString: form.title }] },
      status: 'completed',
      subject: c.patient,
      encounter: ref('Encounter', c.encounterId),
      authored: panel.effectiveDateTime ?? fhirDateTime(new Date(0)),
      author: c.author,
      source: c.author,
      item: members.map((m) => {
        const answer = answerOf(m);
        return { linkId: m.code.coding?.[0]?.code as string, text: m.code.coding?.[0]?.display, ...(answer ? { answer: [answer] } : {}) };
      }),
    } as QuestionnaireResponse);
    panel.derivedFrom = [ref('QuestionnaireResponse', id)];
  }
  return out;
}
