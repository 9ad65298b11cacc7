// Measured values as patients read them, shared by the web app and the printed record: units
// without UCUM notation, vital-sign units in the reader's language, normal ranges in words.
// Numbers are formatted by the caller (Intl in the reader's locale), so "0,97" sits beside "0,74 a 1,35".
import type { CodeableConcept, Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';

/** Formats a number in the reader's locale with at most this many decimals. */
export type NumberFormatter = (value: number, maximumFractionDigits?: number) => string;

// UCUM codes (unitsofmeasure.org) as printed on lab reports: the code is notation, not words.
const UCUM_PRINTED: Record<string, string> = {
  'mm[Hg]': 'mmHg', Cel: '°C', '[degF]': '°F', '[lb_av]': 'lb', '[in_i]': 'in', '[oz_av]': 'oz', 'kg/m2': 'kg/m²',
  '10*3/uL': '× 10³/µL', '10*6/uL': '× 10⁶/µL', '10*9/L': '× 10⁹/L', '10*12/L': '× 10¹²/L', uL: 'µL', 'ug/dL': 'µg/dL', 'ug/L': 'µg/L', 'umol/L': 'µmol/L', '[iU]/L': 'IU/L', 'm[iU]/L': 'mIU/L', 'u[iU]/mL': 'µIU/mL',
  // Kidney filtration (eGFR) per 1.73 m² of body surface; feeds put the code in the unit text too.
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
};

/** A lab unit as the report prints it: the lab's own text first, else the UCUM code made readable. */
export function unitText(q: Quantity | undefined): string {
  // The UCUM "1" (a plain count or ratio) and curly-brace annotations are not words for people.
  const unit = q?.unit?.trim() || q?.code || '';
  if (unit === '1' || /^\{.*\}$/.test(unit)) return '';
  if (UCUM_PRINTED[unit]) return UCUM_PRINTED[unit];
  if (q?.unit?.trim()) return unit;
  return UCUM_PRINTED[unit] ?? unit.replace(/\{[^}]*\}/g, '').replace(/[[\]]/g, '');
}

/** "5.4 mmol/L", "< 0.5 mg/L": a measured value with its comparator and unit. */
export function quantityText(q: Quantity | undefined, formatNumber: NumberFormatter): string | undefined {
  if (q?.value === undefined) return undefined;
  const unit = unitText(q);
  return `${q.comparator ? `${q.comparator} ` : ''}${formatNumber(q.value, 3)}${unit ? ` ${unit}` : ''}`;
}

/** The vital-sign unit words that differ by language. */
export interface VitalUnitWords {
  beatsPerMinute: string;
  inch: string;
}

// The vital signs profile's UCUM codes as a patient reads them. The unit text beside the code is
// free text ("C", "beats/minute" from some feeds), so the code wins; a quantity with only text is
// matched on the same spellings.
const VITAL_PRINTED: Record<string, string | ((w: VitalUnitWords) => string)> = {
  cel: '°C', degc: '°C', c: '°C', '°c': '°C',
  '[degf]': '°F', degf: '°F', f: '°F', '°f': '°F',
  'mm[hg]': 'mmHg', mmhg: 'mmHg',
  'kg/m2': 'kg/m²', 'kg/m^2': 'kg/m²', 'kg/m²': 'kg/m²',
  '/min': (w) => w.beatsPerMinute, '{beats}/min': (w) => w.beatsPerMinute, 'beats/minute': (w) => w.beatsPerMinute, 'beats/min': (w) => w.beatsPerMinute, bpm: (w) => w.beatsPerMinute,
  kg: 'kg', g: 'g', '[lb_av]': 'lb', lb: 'lb', lbs: 'lb', '[oz_av]': 'oz', oz: 'oz',
  cm: 'cm', m: 'm', '[in_i]': (w) => w.inch, in: (w) => w.inch,
};

/** "°C", "beats a minute", "kg/m²", in the reader's language; another unit as the record prints it. */
export function vitalUnitText(q: Quantity | undefined, words: VitalUnitWords): string {
  for (const key of [q?.code, q?.unit]) {
    const printed = key ? VITAL_PRINTED[key.trim().toLowerCase()] : undefined;
    if (printed) return typeof printed === 'string' ? printed : printed(words);
  }
  return unitText(q);
}

/** Vital-sign words, with how a percentage is written ("98%", "98 %"). */
export interface VitalWords extends VitalUnitWords {
  percent(value: string): string;
}

const LOINC = 'http://loinc.org';
const hasLoinc = (concept: CodeableConcept | undefined, code: string) => concept?.coding?.some((c) => c.system === LOINC && c.code === code) ?? false;

/** "120/80 mmHg", "36,7 °C", "77 latidos por minuto", "98 %"; undefined when there is no number. */
export function vitalValueText(o: Observation, formatNumber: NumberFormatter, words: VitalWords): string | undefined {
  // Blood pressure (LOINC 85354-9) carries its two numbers in components: systolic and diastolic.
  if (hasLoinc(o.code, '85354-9')) {
    const part = (code: string) => o.component?.find((c) => hasLoinc(c.code, code))?.valueQuantity?.value;
    const sys = part('8480-6');
    const dia = part('8462-4');
    return sys !== undefined && dia !== undefined ? `${formatNumber(sys, 0)}/${formatNumber(dia, 0)} mmHg` : undefined;
  }
  const q = o.valueQuantity;
  if (q?.value === undefined) return undefined;
  const value = formatNumber(q.value, 1);
  if (q.code === '%' || q.unit?.trim() === '%') return words.percent(value);
  const unit = vitalUnitText(q, words);
  return `${value}${unit ? ` ${unit}` : ''}`;
}

/** "70 to 99", "60 or more" in the reader's language (FHIR range bounds are inclusive). */
export interface RangeWords {
  between(low: string, high: string): string;
  below(high: string): string;
  above(low: string): string;
}

/**
 * The range built from low/high in the reader's language, else as the lab wrote it (text). Low/high
 * come first: the lab's text is in its own language and number style ("0.74-1.35", ">=60"), which
 * would sit beside a value written "0,97" in Spanish.
 */
export function rangeText(range: ObservationReferenceRange | undefined, words: RangeWords, formatNumber: NumberFormatter): string | undefined {
  if (!range) return undefined;
  const low = quantityText(range.low, formatNumber);
  const high = quantityText(range.high, formatNumber);
  if (low && high) {
    // Say the unit once: "70 to 99 mg/dL".
    const unit = unitText(range.high);
    const lowBare = unit && unit === unitText(range.low) ? formatNumber(range.low!.value!, 3) : low;
    return words.between(lowBare, high);
  }
  if (high) return words.below(high);
  if (low) return words.above(low);
  return range.text?.trim() || undefined;
}
