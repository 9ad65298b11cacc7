/**
 * Words for dose sentences built from structured dosage (FHIR R4 Dosage), in English and Spanish:
 * how much, how (route), how often, for how long. The prescriber's free text (Dosage.text) is in
 * the clinic's language and is shown as written beside the sentence; these words let a Spanish
 * reader get the same instructions in Spanish. Counted words go through CLDR plural rules.
 */
import { pluralCategory, pluralIn, type PluralForms } from '../plural.js';

/** UCUM time units of Timing.repeat.periodUnit (FHIR "units-of-time"). */
export type TimeUnit = 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a';

export interface DoseWords {
  take(amount: string): string;
  /** "once a day", "3 times a week". */
  times(n: number, unit: TimeUnit): string;
  /** "every day", "every 12 hours", "every 4 to 6 hours" (max given). */
  every(n: number, unit: TimeUnit, max?: number): string;
  /** "at 8:00 AM"; the hour decides "a la 1:00" or "a las 8:00" in Spanish. */
  at(time: string, hour: number): string;
  and: string;
  asNeeded: string;
  asNeededFor(why: string): string;
  forDays(n: number): string;
}

const en = pluralIn('en');
const es = pluralIn('es');

// "every 2 weeks": the unit's forms; "#" is the count.
const EN_UNITS: Record<TimeUnit, PluralForms> = {
  s: { one: 'second', other: '# seconds' }, min: { one: 'minute', other: '# minutes' }, h: { one: 'hour', other: '# hours' },
  d: { one: 'day', other: '# days' }, wk: { one: 'week', other: '# weeks' }, mo: { one: 'month', other: '# months' }, a: { one: 'year', other: '# years' },
};
const EN_PER: Record<TimeUnit, string> = { s: 'a second', min: 'a minute', h: 'an hour', d: 'a day', wk: 'a week', mo: 'a month', a: 'a year' };
const ES_UNITS: Record<TimeUnit, PluralForms> = {
  s: { one: 'segundo', other: '# segundos' }, min: { one: 'minuto', other: '# minutos' }, h: { one: 'hora', other: '# horas' },
  d: { one: 'día', other: '# días' }, wk: { one: 'semana', other: '# semanas' }, mo: { one: 'mes', other: '# meses' }, a: { one: 'año', other: '# años' },
};
// "al día" but "a la semana": the article follows the unit's gender.
const ES_PER: Record<TimeUnit, string> = { s: 'por segundo', min: 'por minuto', h: 'por hora', d: 'al día', wk: 'a la semana', mo: 'al mes', a: 'al año' };
const ES_PLURAL_UNIT: Record<TimeUnit, string> = { s: 'segundos', min: 'minutos', h: 'horas', d: 'días', wk: 'semanas', mo: 'meses', a: 'años' };
const EN_PLURAL_UNIT: Record<TimeUnit, string> = { s: 'seconds', min: 'minutes', h: 'hours', d: 'days', wk: 'weeks', mo: 'months', a: 'years' };

export const doseWords: Record<'en' | 'es', DoseWords> = {
  en: {
    take: (amount) => `Take ${amount}`,
    times: (n, unit) => `${n === 1 ? 'once' : n === 2 ? 'twice' : en(n, { one: '# time', other: '# times' })} ${EN_PER[unit]}`,
    every: (n, unit, max) => (max !== undefined && max > n ? `every ${n} to ${max} ${EN_PLURAL_UNIT[unit]}` : `every ${en(n, EN_UNITS[unit])}`),
    at: (time) => `at ${time}`,
    and: 'and',
    asNeeded: 'only when needed',
    asNeededFor: (why) => `only when needed for ${why}`,
    forDays: (n) => en(n, { one: 'for # day', other: 'for # days' }),
  },
  es: {
    take: (amount) => `Tome ${amount}`,
    times: (n, unit) => `${es(n, { one: 'una vez', other: '# veces' })} ${ES_PER[unit]}`,
    every: (n, unit, max) => (max !== undefined && max > n ? `cada ${n} a ${max} ${ES_PLURAL_UNIT[unit]}` : `cada ${es(n, ES_UNITS[unit])}`),
    at: (time, hour) => (pluralCategory('es', hour) === 'one' ? `a la ${time}` : `a las ${time}`),
    and: 'y',
    asNeeded: 'solo cuando lo necesite',
    asNeededFor: (why) => `solo cuando lo necesite para ${why}`,
    forDays: (n) => es(n, { one: 'durante # día', other: 'durante # días' }),
  },
};

/** How the medicine goes in, by SNOMED CT route code (US Core Dosage.route). */
export const ROUTE_WORDS: Record<string, { en: string; es: string }> = {
  '26643006': { en: 'by mouth', es: 'por la boca' },
  '447694001': { en: 'with the inhaler', es: 'con el inhalador' },
  '18679011000001101': { en: 'with the inhaler', es: 'con el inhalador' },
  '6064005': { en: 'on the skin', es: 'sobre la piel' },
  '45890007': { en: 'on the skin (patch)', es: 'sobre la piel (parche)' },
  '46713006': { en: 'in the nose', es: 'en la nariz' },
  '54485002': { en: 'in the eye', es: 'en el ojo' },
  '10547007': { en: 'in the ear', es: 'en el oído' },
  '37839007': { en: 'under the tongue', es: 'debajo de la lengua' },
  '34206005': { en: 'as a shot under the skin', es: 'con una inyección debajo de la piel' },
  '78421000': { en: 'as a shot in a muscle', es: 'con una inyección en un músculo' },
  '47625008': { en: 'through a vein', es: 'por la vena' },
  '37161004': { en: 'in the rectum', es: 'por el recto' },
  '16857009': { en: 'in the vagina', es: 'por la vagina' },
};

/** Dose units (Dosage.doseAndRate.doseQuantity) by UCUM code or unit text, lower case. */
const DOSE_UNITS: { keys: string[]; en: PluralForms; es: PluralForms }[] = [
  { keys: ['{tbl}', '{tablet}', 'tablet', 'tablets', 'tab', 'tabs'], en: { one: '# tablet', other: '# tablets' }, es: { one: '# tableta', other: '# tabletas' } },
  { keys: ['{cap}', '{capsule}', 'capsule', 'capsules', 'cap', 'caps'], en: { one: '# capsule', other: '# capsules' }, es: { one: '# cápsula', other: '# cápsulas' } },
  { keys: ['{puff}', 'puff', 'puffs', '{actuat}', 'actuat', 'actuation'], en: { one: '# puff', other: '# puffs' }, es: { one: '# inhalación', other: '# inhalaciones' } },
  { keys: ['{drop}', 'drop', 'drops', '[drp]', 'gtt'], en: { one: '# drop', other: '# drops' }, es: { one: '# gota', other: '# gotas' } },
  { keys: ['{spray}', 'spray', 'sprays'], en: { one: '# spray', other: '# sprays' }, es: { one: '# atomización', other: '# atomizaciones' } },
  { keys: ['{patch}', 'patch', 'patches'], en: { one: '# patch', other: '# patches' }, es: { one: '# parche', other: '# parches' } },
  { keys: ['{suppository}', 'suppository', 'suppositories'], en: { one: '# suppository', other: '# suppositories' }, es: { one: '# supositorio', other: '# supositorios' } },
  { keys: ['[iu]', 'iu', '[u]', 'u', 'unit', 'units'], en: { one: '# unit', other: '# units' }, es: { one: '# unidad', other: '# unidades' } },
  { keys: ['[tsp_us]', 'teaspoon', 'teaspoons', 'tsp'], en: { one: '# teaspoon', other: '# teaspoons' }, es: { one: '# cucharadita', other: '# cucharaditas' } },
  { keys: ['[tbs_us]', 'tablespoon', 'tablespoons', 'tbsp'], en: { one: '# tablespoon', other: '# tablespoons' }, es: { one: '# cucharada', other: '# cucharadas' } },
  { keys: ['{application}', 'application', 'applications'], en: { one: '# application', other: '# applications' }, es: { one: '# aplicación', other: '# aplicaciones' } },
];
// Measured amounts read the same in both languages.
const SAME_UNITS: Record<string, string> = { mg: 'mg', ug: 'mcg', mcg: 'mcg', g: 'g', ml: 'mL', l: 'L', meq: 'mEq' };

const doseUnitIndex = new Map(DOSE_UNITS.flatMap((u) => u.keys.map((k) => [k, u] as const)));

/**
 * "2 tablets", "2 tabletas", "5 mL": the amount with its unit in the reader's language; undefined
 * when the unit has no words here (the caller then leaves the amount to the clinic's own words).
 */
export function doseAmount(value: string, n: number, unit: { code?: string; unit?: string }, locale: 'en' | 'es'): string | undefined {
  for (const key of [unit.code, unit.unit]) {
    const k = key?.trim().toLowerCase();
    if (!k) continue;
    const words = doseUnitIndex.get(k);
    if (words) return (words[locale][pluralCategory(locale, n, 3)] ?? words[locale].other).replace('#', value);
    if (SAME_UNITS[k]) return `${value} ${SAME_UNITS[k]}`;
  }
  if (!unit.code && !unit.unit) return value;
  // Another unit is in the chart's (English) words: kept as written in English only.
  return locale === 'en' && unit.unit?.trim() ? `${value} ${unit.unit.trim()}` : undefined;
}
