// Lab result display logic: value, unit, reference range, interpretation. Pure, unit tested.
import type { Observation, ObservationReferenceRange } from '@medplum/fhirtypes';
import type { Messages } from '../../i18n/en.js';
import { LOINC, codeIn, compareDates, conceptText } from './format-common.js';
import { quantityText, rangeText as rangeWords, unitText, type NumberFormatter } from '#plain-words/quantity.js';

export { unitText, type NumberFormatter };

export type Interpretation = 'normal' | 'high' | 'low' | 'criticalHigh' | 'criticalLow' | 'abnormal' | 'positive' | 'negative' | 'unknown';

/** Tone drives colour and icon; text always carries the meaning too (WCAG 1.4.1). */
export function interpretationTone(i: Interpretation): 'ok' | 'warn' | 'alert' | 'neutral' {
  if (i === 'normal' || i === 'negative') return 'ok';
  if (i === 'criticalHigh' || i === 'criticalLow') return 'alert';
  if (i === 'high' || i === 'low' || i === 'abnormal' || i === 'positive') return 'warn';
  return 'neutral';
}

// HL7 v3 ObservationInterpretation codes (terminology.hl7.org/CodeSystem-v3-ObservationInterpretation).
const V3: Record<string, Interpretation> = {
  N: 'normal', H: 'high', HU: 'high', '>': 'high', L: 'low', LU: 'low', '<': 'low', HH: 'criticalHigh', LL: 'criticalLow',
  A: 'abnormal', AA: 'abnormal', POS: 'positive', DET: 'positive', NEG: 'negative', ND: 'negative',
};

/** The lab's own flag wins; without one, a numeric value is compared to the reference range. */
export function interpretationOf(obs: Observation): Interpretation {
  for (const concept of obs.interpretation ?? []) {
    for (const coding of concept.coding ?? []) {
      const mapped = coding.code ? V3[coding.code] : undefined;
      if (mapped) return mapped;
    }
  }
  const value = obs.valueQuantity?.value;
  const range = obs.referenceRange?.[0];
  if (value === undefined || !range) return 'unknown';
  if (range.low?.value !== undefined && value < range.low.value) return 'low';
  if (range.high?.value !== undefined && value > range.high.value) return 'high';
  if (range.low?.value !== undefined || range.high?.value !== undefined) return 'normal';
  return 'unknown';
}

export function loincOf(obs: Observation): string | undefined {
  return codeIn(obs.code, LOINC);
}

// Yes-or-no lab answers said in the reader's words: SNOMED CT findings and HL7 v2 table 0078 codes.
// "Detected" and "Reactive" tell a patient what "Positive" does, so they read the same.
const QUALITATIVE_VALUES: Record<string, 'positive' | 'negative'> = {
  'http://snomed.info/sct|10828004': 'positive',
  'http://snomed.info/sct|260373001': 'positive',
  'http://snomed.info/sct|11214006': 'positive',
  'http://snomed.info/sct|260385009': 'negative',
  'http://snomed.info/sct|260415000': 'negative',
  'http://snomed.info/sct|131194007': 'negative',
  'http://terminology.hl7.org/CodeSystem/v2-0078|POS': 'positive',
  'http://terminology.hl7.org/CodeSystem/v2-0078|DET': 'positive',
  'http://terminology.hl7.org/CodeSystem/v2-0078|NEG': 'negative',
  'http://terminology.hl7.org/CodeSystem/v2-0078|ND': 'negative',
};

function qualitativeValue(concept: NonNullable<Observation['valueCodeableConcept']>): 'positive' | 'negative' | undefined {
  for (const c of concept.coding ?? []) {
    const known = QUALITATIVE_VALUES[`${c.system}|${c.code}`];
    if (known) return known;
  }
  return undefined;
}

/** "5.4 mmol/L", "Positive", "< 0.5 mg/L"; undefined when the result has no value (see notes). */
export function valueText(obs: Observation, m: Messages, formatNumber: NumberFormatter): string | undefined {
  const quantity = quantityText(obs.valueQuantity, formatNumber);
  if (quantity !== undefined) return quantity;
  if (obs.valueCodeableConcept) {
    const known = qualitativeValue(obs.valueCodeableConcept);
    return known ? m.results.interpretation[known] : conceptText(obs.valueCodeableConcept, m.notRecorded);
  }
  if (obs.valueString !== undefined) return obs.valueString;
  if (obs.valueBoolean !== undefined) return obs.valueBoolean ? m.results.interpretation.positive : m.results.interpretation.negative;
  if (obs.valueInteger !== undefined) return formatNumber(obs.valueInteger, 0);
  return undefined;
}

// A normal range given only as words that mean a yes-or-no answer ("Negative"), said in the reader's.
const QUALITATIVE_RANGE_TEXT: Record<string, 'positive' | 'negative'> = { negative: 'negative', 'not detected': 'negative', 'non-reactive': 'negative', nonreactive: 'negative', positive: 'positive', detected: 'positive', reactive: 'positive' };

/** "70 to 99 mg/dL", "60 or more", "Negativo" in the reader's language (packages/plain-words/src/quantity.ts). */
export function rangeText(range: ObservationReferenceRange | undefined, m: Messages, formatNumber: NumberFormatter): string | undefined {
  const known = range && !range.low && !range.high && range.text ? QUALITATIVE_RANGE_TEXT[range.text.trim().toLowerCase()] : undefined;
  if (known) return m.results.interpretation[known];
  return rangeWords(range, m.results.rangeText, formatNumber);
}

export function observationName(obs: Observation, fallback: string): string {
  return conceptText(obs.code, fallback);
}

export function observationDate(obs: Observation): string | undefined {
  return obs.effectiveDateTime ?? obs.effectivePeriod?.start ?? obs.effectiveInstant ?? obs.issued;
}

/** Numeric points for the history chart, oldest first. */
export function historyPoints(observations: Observation[]): { date: string; value: number; obs: Observation }[] {
  return observations
    .filter((o) => o.valueQuantity?.value !== undefined && observationDate(o))
    .map((o) => ({ date: observationDate(o)!, value: o.valueQuantity!.value!, obs: o }))
    .sort((a, b) => compareDates(a.date, b.date));
}
