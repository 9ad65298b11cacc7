// How to take a medicine, shared by the web app and the printed record. Two things come out of a
// FHIR R4 Dosage: a sentence built from the structured parts (dose, route, timing, as needed,
// duration) in the reader's language, and the prescriber's own words (Dosage.text, else
// patientInstruction), which stay as written in the clinic's language and are shown as theirs.
import type { CodeableConcept, Dosage, Timing } from '@medplum/fhirtypes';
import { doseAmount, doseWords, ROUTE_WORDS, type DoseWords, type TimeUnit } from './content/dose-words.js';
import { problemName } from './problem-name.js';
import { CHART_LANGUAGE, recordName } from './record-name.js';
import type { Locale } from './plain-name.js';
import type { NumberFormatter } from './quantity.js';

export interface DoseInstructions {
  /** Built from the structured dosage in the reader's language; undefined when there is none. */
  sentence?: string;
  /** The prescriber's words as written, in `textLanguage`. */
  clinicText?: string;
  textLanguage: string;
}

const TIME_UNITS = new Set<string>(['s', 'min', 'h', 'd', 'wk', 'mo', 'a']);
const isTimeUnit = (unit: string | undefined): unit is TimeUnit => unit !== undefined && TIME_UNITS.has(unit);

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** "8:00 AM", "8:00": a Timing.repeat.timeOfDay ("08:00:00") as the reader's clock says it. */
function clockTime(time: string, locale: Locale): string | undefined {
  const match = /^(\d{2}):(\d{2})/.exec(time);
  if (!match) return undefined;
  let format = timeFormats.get(locale);
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })));
  return format.format(new Date(Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2]))));
}

/** "twice a day", "every 4 to 6 hours", "once a day at 9:00 PM"; undefined when the timing has no words here. */
export function timingText(timing: Timing | undefined, locale: Locale): string | undefined {
  const w = doseWords[locale];
  const r = timing?.repeat;
  // A timing given only as a code ("BID") is said by its words, which are the chart's: never the bare code.
  if (!r && timing?.code) return locale === CHART_LANGUAGE ? recordName(timing.code, '') || undefined : undefined;
  if (!r || !isTimeUnit(r.periodUnit)) return undefined;
  const frequency = r.frequency ?? 1;
  const period = r.period ?? 1;
  let text: string | undefined;
  if (period === 1 && r.periodMax === undefined) text = w.times(frequency, r.periodUnit);
  else if (frequency === 1) text = w.every(period, r.periodUnit, r.periodMax);
  if (!text) return undefined;
  const times = (r.timeOfDay ?? []).map((t) => [clockTime(t, locale), Number(t.slice(0, 2))] as const).filter((t): t is readonly [string, number] => t[0] !== undefined);
  if (times.length) text += ` ${times.map(([time, hour]) => w.at(time, hour)).join(` ${w.and} `)}`;
  return text;
}

// "pain", not "Pain": the reason sits inside a sentence. Acronyms ("COPD") keep their capitals.
const inSentence = (name: string) => (/^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name);

function asNeededText(reason: CodeableConcept, w: DoseWords, locale: Locale): string {
  const name = problemName(reason, locale, '');
  // A reason we have no plain name for is in the chart's words: it goes in the sentence only in
  // that language; the clinic's own text beside the sentence still names it.
  if (!name.name || (name.asWritten && locale !== CHART_LANGUAGE)) return w.asNeeded;
  return w.asNeededFor(inSentence(name.name));
}

/** "Take 1 tablet by mouth twice a day, only when needed for pain" in the reader's language. */
export function doseSentence(dosage: Dosage | undefined, locale: Locale, formatNumber: NumberFormatter): string | undefined {
  if (!dosage) return undefined;
  const w = doseWords[locale];
  const parts: string[] = [];
  const dose = dosage.doseAndRate?.[0]?.doseQuantity;
  if (dose?.value !== undefined) {
    const amount = doseAmount(formatNumber(dose.value, 3), dose.value, dose, locale);
    if (amount) parts.push(w.take(amount));
  }
  // SNOMED CT route codes; a route given only as text is known when it is the everyday "oral".
  const route = dosage.route?.coding?.map((c) => (c.code ? ROUTE_WORDS[c.code] : undefined)).find(Boolean) ?? (/^oral\b/i.test(recordName(dosage.route, '')) ? ROUTE_WORDS['26643006'] : undefined);
  if (route) parts.push(route[locale]);
  // Another route is said in the chart's words, and only in the chart's language.
  else if (dosage.route && locale === CHART_LANGUAGE && recordName(dosage.route, '')) parts.push(`by ${recordName(dosage.route, '').toLowerCase()}`);
  const timing = timingText(dosage.timing, locale);
  if (timing) parts.push(timing);
  if (dosage.asNeededCodeableConcept) parts.push(asNeededText(dosage.asNeededCodeableConcept, w, locale));
  else if (dosage.asNeededBoolean) parts.push(w.asNeeded);
  const bounds = dosage.timing?.repeat?.boundsDuration;
  if (bounds?.value !== undefined && bounds.code === 'd') parts.push(w.forDays(bounds.value));
  if (!parts.length) return undefined;
  const sentence = parts.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The sentence in the reader's language and the prescriber's words, for one dosage. */
export function doseInstructions(dosage: Dosage | undefined, locale: Locale, formatNumber: NumberFormatter, textLanguage = CHART_LANGUAGE): DoseInstructions {
  const clinicText = dosage?.text?.trim() || dosage?.patientInstruction?.trim() || undefined;
  return { sentence: doseSentence(dosage, locale, formatNumber), clinicText, textLanguage };
}
