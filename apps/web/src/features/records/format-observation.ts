// Lab result display logic: value, unit, reference range, interpretation. Pure, unit tested.
import type { Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import type { Messages } from '../../i18n/en.js';
import { LOINC, codeIn, compareDates, conceptText } from './format-common.js';

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

// UCUM codes (unitsofmeasure.org) as they are printed on a lab report, for quantities that carry
// only the code: "mm[Hg]" is the code, "mmHg" is what people read.
const UCUM_PRINTED: Record<string, string> = {
  'mm[Hg]': 'mmHg', Cel: '°C', '[degF]': '°F', '[lb_av]': 'lb', '[in_i]': 'in', '[oz_av]': 'oz', 'kg/m2': 'kg/m²',
  '10*3/uL': '× 10³/µL', '10*6/uL': '× 10⁶/µL', '10*9/L': '× 10⁹/L', '10*12/L': '× 10¹²/L', uL: 'µL', 'ug/dL': 'µg/dL', 'ug/L': 'µg/L', 'umol/L': 'µmol/L', '[iU]/L': 'IU/L', 'm[iU]/L': 'mIU/L', 'u[iU]/mL': 'µIU/mL',
};

export function unitText(q: Quantity | undefined): string {
  // The UCUM "1" (a plain count or ratio) and curly-brace annotations are not words for people.
  const unit = q?.unit?.trim() || q?.code || '';
  if (unit === '1' || /^\{.*\}$/.test(unit)) return '';
  if (q?.unit?.trim()) return unit;
  return UCUM_PRINTED[unit] ?? unit.replace(/\{[^}]*\}/g, '').replace(/[[\]]/g, '');
}

export type NumberFormatter = (value: number, maximumFractionDigits?: number) => string;

/** "5.4 mmol/L", "Positive", "< 0.5 mg/L"; undefined when the result has no value (see notes). */
export function valueText(obs: Observation, m: Messages, formatNumber: NumberFormatter): string | undefined {
  const q = obs.valueQuantity;
  if (q?.value !== undefined) {
    const comparator = q.comparator ? `${q.comparator} ` : '';
    const unit = unitText(q);
    return `${comparator}${formatNumber(q.value, 3)}${unit ? ` ${unit}` : ''}`;
  }
  if (obs.valueCodeableConcept) return conceptText(obs.valueCodeableConcept, m.notRecorded);
  if (obs.valueString !== undefined) return obs.valueString;
  if (obs.valueBoolean !== undefined) return obs.valueBoolean ? m.results.interpretation.positive : m.results.interpretation.negative;
  if (obs.valueInteger !== undefined) return formatNumber(obs.valueInteger, 0);
  return undefined;
}

/**
 * The range built from low/high in the reader's language, else as the lab wrote it (text). Low/high
 * come first: the lab's text is in its own language and number style ("0.74-1.35", ">=60"), which
 * would sit beside a value written "0,97" in Spanish.
 */
export function rangeText(range: ObservationReferenceRange | undefined, m: Messages, formatNumber: NumberFormatter): string | undefined {
  if (!range) return undefined;
  const fmt = (q: Quantity | undefined) => {
    if (q?.value === undefined) return undefined;
    const unit = unitText(q);
    return `${formatNumber(q.value, 3)}${unit ? ` ${unit}` : ''}`;
  };
  const low = fmt(range.low);
  const high = fmt(range.high);
  if (low && high) {
    // Say the unit once: "70 to 99 mg/dL".
    const unit = unitText(range.high);
    const lowBare = unit && unit === unitText(range.low) ? formatNumber(range.low!.value!, 3) : low;
    return m.results.rangeText.between(lowBare, high);
  }
  if (high) return m.results.rangeText.below(high);
  if (low) return m.results.rangeText.above(low);
  return range.text?.trim() || undefined;
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
