// The US Core 6.1.0 Observation profiles beyond labs, vitals and screenings: occupation, pregnancy
// status and intent, sexual orientation, a simple observation (exercise), the patient's care
// experience and treatment intervention preferences, US Core 7.0.0's average blood pressure, and
// clinical results (imaging and procedure findings) that back the imaging and cardiology reports.
import type { CodeableConcept, Observation, Reference } from '@medplum/fhirtypes';
import { SYS, coding, concept, fhirDate, fhirDateTime, loinc, obsCategory, qty, ref, snomed, usCore } from './fhir-helpers.js';
import type { ImagingKind } from './note-text.js';
import type { Rng } from './rng.js';

export interface ObsContext {
  next(): string;
  patient: Reference<any>;
  encounterId?: string;
  when: Date;
  performer: Reference<any>;
}

function observation(c: ObsContext, profile: string, category: CodeableConcept[], code: CodeableConcept, value: Partial<Observation>): Observation {
  return {
    resourceType: 'Observation',
    id: c.next(),
    meta: { profile: [usCore(profile)] },
    status: 'final',
    category,
    code,
    subject: c.patient,
    ...(c.encounterId ? { encounter: ref('Encounter', c.encounterId) } : {}),
    effectiveDateTime: fhirDateTime(c.when),
    performer: [c.performer],
    ...value,
  };
}

/** CDC Occupational Data for Health (ODH) occupation codes (PHIN VADS OID). */
const ODH = 'urn:oid:2.16.840.1.114222.4.5.327';
const JOBS: ReadonlyArray<{ occupation: CodeableConcept; industry: string }> = [
  { occupation: concept(ODH, '31-1014.00.007136', 'Certified Nursing Assistant (CNA) [Nursing Assistants]'), industry: 'Nursing care facilities (skilled nursing facilities)' },
  { occupation: concept(ODH, '45-2092.02.015820', 'Farm Worker [Farmworkers and Laborers, Crop]'), industry: 'Crop production' },
  // Occupations without a code here are sent as text, as US Core allows for extensible bindings.
  { occupation: { text: 'Elementary school teacher' }, industry: 'Elementary and secondary schools' },
  { occupation: { text: 'Heavy truck driver' }, industry: 'Truck transportation' },
  { occupation: { text: 'Insurance claims clerk' }, industry: 'Insurance carriers' },
  { occupation: { text: 'Retail salesperson' }, industry: 'Grocery stores' },
];

/** Current job for working-age adults; the longest-held job, ended, for retirees. */
export function occupation(c: ObsContext, rng: Rng, since: Date, retiredOn?: Date): Observation {
  const job = rng.pick(JOBS);
  const o = observation(c, 'us-core-observation-occupation', [obsCategory('social-history')], loinc('11341-5', 'History of Occupation'), {
    effectivePeriod: { start: fhirDate(since), ...(retiredOn ? { end: fhirDate(retiredOn) } : {}) },
    valueCodeableConcept: job.occupation,
    component: [{ code: loinc('86188-0', 'History of Occupation industry'), valueCodeableConcept: { text: job.industry } }],
  });
  delete o.effectiveDateTime;
  return o;
}

export function pregnancyStatus(c: ObsContext, pregnant: boolean): Observation {
  return observation(c, 'us-core-observation-pregnancystatus', [obsCategory('social-history')], loinc('82810-3', 'Pregnancy status'), {
    valueCodeableConcept: pregnant ? snomed('77386006', 'Pregnant') : snomed('60001007', 'Not pregnant'),
  });
}

export function pregnancyIntent(c: ObsContext, rng: Rng): Observation {
  const value = rng.weighted([
    [snomed('454391000124108', 'Does not want to become pregnant'), 70],
    [snomed('454381000124105', 'Wants to become pregnant'), 20],
    [snomed('261665006', 'Unknown'), 10],
  ] as const);
  return observation(c, 'us-core-observation-pregnancyintent', [obsCategory('social-history')], loinc('86645-9', 'Pregnancy intention in the next year - Reported'), { valueCodeableConcept: value });
}

export function sexualOrientation(c: ObsContext, rng: Rng): Observation {
  const value = rng.weighted([
    [snomed('20430005', 'Heterosexual'), 86],
    [snomed('38628009', 'Homosexual'), 4],
    [snomed('42035005', 'Bisexual'), 4],
    [concept(SYS.dataAbsent, 'asked-declined', 'Asked But Declined'), 6],
  ] as const);
  return observation(c, 'us-core-observation-sexual-orientation', [obsCategory('social-history')], loinc('76690-7', 'Sexual orientation'), { valueCodeableConcept: value });
}

/** Exercise, as the "Exercise Vital Sign" asks it: days a week, and minutes on those days. */
export function exercise(c: ObsContext, rng: Rng, activity: number): Observation[] {
  const days = Math.max(0, Math.min(7, Math.round(activity * 7 + rng.normal(0, 0.8))));
  const minutes = days === 0 ? 0 : 10 * Math.max(1, Math.round(2 + activity * 4 + rng.normal(0, 1)));
  const cat = [obsCategory('activity')];
  return [
    observation(c, 'us-core-simple-observation', cat, loinc('89555-7', 'How many days per week did you engage in moderate to strenuous physical activity in the last 30 days'), { valueQuantity: qty(days, 'd/wk', 'days per week') }),
    observation(c, 'us-core-simple-observation', cat, loinc('68516-4', 'On those days that you engage in moderate to strenuous exercise, how many minutes, on average, do you exercise'), { valueQuantity: qty(minutes, 'min/d', 'minutes per day') }),
  ];
}

const CARE_EXPERIENCE = [
  'I would like my daughter to come to my appointments and help me understand the plan.',
  'Please schedule my visits in the morning; afternoons are hard with my work schedule.',
  'I prefer a female clinician for physical exams.',
  'Please explain new medicines in writing so I can read them at home.',
  'I like text-message reminders the day before a visit.',
];
const TREATMENT = [
  'If I cannot breathe on my own, I want a trial of a ventilator for a few days, but not long-term life support.',
  'I want to try lifestyle changes for three months before adding another medicine.',
  'I do not want blood transfusions.',
  'I prefer medicines I take once a day over several times a day.',
  'Keep me comfortable at home rather than in the hospital if my condition worsens.',
];

export function preferences(c: ObsContext, rng: Rng): Observation[] {
  return [
    observation(c, 'us-core-care-experience-preference', [concept(SYS.usCoreCategory, 'care-experience-preference', 'Care Experience Preference')], loinc('95541-9', 'Care experience preference'), { valueString: rng.pick(CARE_EXPERIENCE) }),
    observation(c, 'us-core-treatment-intervention-preference', [concept(SYS.usCoreCategory, 'treatment-intervention-preference', 'Treatment Intervention Preference')], loinc('75773-2', 'Goals, preferences, and priorities for medical treatment [Reported]'), { valueString: rng.pick(TREATMENT) }),
  ];
}

/** US Core 7.0.0 Average Blood Pressure: the mean of two weeks of home readings. */
export function averageBloodPressure(c: ObsContext, start: Date, systolic: number, diastolic: number): Observation {
  const o = observation(c, 'us-core-average-blood-pressure', [obsCategory('vital-signs')], loinc('96607-7', 'Blood pressure panel mean systolic and mean diastolic'), {
    effectivePeriod: { start: fhirDateTime(start), end: fhirDateTime(c.when) },
    component: [
      { code: loinc('96608-5', 'Systolic blood pressure mean'), valueQuantity: qty(systolic, 'mm[Hg]', 'mmHg') },
      { code: loinc('96609-3', 'Diastolic blood pressure mean'), valueQuantity: qty(diastolic, 'mm[Hg]', 'mmHg') },
    ],
    note: [{ text: 'Average of home blood pressure readings, twice daily for 14 days.' }],
  });
  o.performer = [c.patient];
  // The 7.0.0 profile derives from US Core Vital Signs, so the resource claims both.
  o.meta = { profile: [usCore('us-core-average-blood-pressure'), usCore('us-core-vital-signs')] };
  delete o.effectiveDateTime;
  return o;
}

/**
 * US Core Observation Clinical Result: the finding an imaging study or ECG produced, which its
 * report's `result` points at. The impression is narrative (LOINC's "impression" codes); an
 * echocardiogram also reports the ejection fraction as a number.
 */
export function clinicalResults(c: ObsContext, kind: ImagingKind, code: [string, string], impression: string, reportText: string): Observation[] {
  const profile = 'us-core-observation-clinical-result';
  if (kind === 'ecg') return [observation(c, profile, [obsCategory('procedure')], loinc('8601-7', 'EKG impression'), { valueString: impression })];
  const out = [observation(c, profile, [obsCategory('imaging')], { coding: [coding(SYS.loinc, '19005-8', 'Radiology Imaging study [Impression] (narrative)')], text: `${code[1]} impression` }, { valueString: impression })];
  const ef = kind === 'echo' ? /ejection fraction (\d+)%/.exec(reportText)?.[1] : undefined;
  if (ef) out.push(observation(c, profile, [obsCategory('imaging')], loinc('10230-1', 'Left ventricular Ejection fraction'), { valueQuantity: qty(Number(ef), '%', '%') }));
  return out;
}
