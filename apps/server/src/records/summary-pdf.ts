// "Download my record" as a readable PDF: a plain-language summary of the whole chart (problems,
// allergies, medicines, vaccines, vital signs, every test result, procedures, visits, documents, goals), not
// a dump of codes: items by their plain names in the reader's language (summary-names.ts). Tagged
// PDF with a title and language, so screen readers can read it.
import PDFDocument from 'pdfkit';
import type { CodeableConcept, Dosage, Observation } from '@medplum/fhirtypes';
import type { ShownName } from '#plain-words/record-name.js';
import type { Chart } from './chart-reader.js';
import { summaryNames, testKey, type SummaryNames } from './summary-names.js';
import { summaryWords, type SummaryWords } from './summary-text.js';
import { quantityText, rangeText, vitalValueText, type NumberFormatter } from '#plain-words/quantity.js';
import { doseInstructions } from '#plain-words/dose-text.js';
import { chartLanguage } from '#plain-words/record-name.js';

const INK = '#1a1a1a';
const MUTED = '#555555';
const ACCENT = '#0b5c6b';
/** Results printed per test at most, newest first (the JSON download has them all). */
const RESULTS_PER_TEST = 12;

const SUPERSCRIPT_DIGITS: Record<string, string> = { '⁰': '0', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** The standard PDF fonts cover Windows-1252 only: spell out the few symbols outside it. */
export function printable(text: string): string {
  return text
    // "× 10⁹/L": superscript digits beyond ¹²³ are not in the fonts' character set.
    .replace(/[⁰⁴-⁹]+/g, (digits) => `^${[...digits].map((c) => SUPERSCRIPT_DIGITS[c]).join('')}`)
    .replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/[\u2010-\u2012]/g, '-').replace(/\u00a0/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[^\x09\x0a\x0d\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g, '?');
}

export function observationValue(o: Observation, names: SummaryNames, w: SummaryWords, formatNumber: NumberFormatter): string | undefined {
  return quantityText(o.valueQuantity, formatNumber) ?? o.valueString ?? names.value(o.valueCodeableConcept) ?? (o.valueBoolean !== undefined ? (o.valueBoolean ? w.yes : w.no) : undefined);
}

function rangeLine(o: Observation, w: SummaryWords, formatNumber: NumberFormatter): string | undefined {
  const range = rangeText(o.referenceRange?.[0], w.rangeText, formatNumber);
  return range ? `${w.range}: ${range}` : undefined;
}

function flag(o: Observation, w: SummaryWords): string | undefined {
  const code = o.interpretation?.[0]?.coding?.[0]?.code;
  if (code === 'H' || code === 'HH' || code === 'HU') return w.high;
  if (code === 'L' || code === 'LL' || code === 'LU') return w.low;
  if (code === 'A' || code === 'AA') return w.abnormal;
  return undefined;
}

const when = (o: { effectiveDateTime?: string; effectivePeriod?: { start?: string }; issued?: string }) => o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued ?? '';
const isCategory = (o: Observation, code: string) => o.category?.some((c) => c.coding?.some((x) => x.code === code)) ?? false;
const docDate = (d: { date?: string; context?: { period?: { start?: string } } }) => d.date ?? d.context?.period?.start;
const active = (c: CodeableConcept | undefined) => !c || c.coding?.some((x) => x.code === 'active' || x.code === 'recurrence' || x.code === 'relapse');

/** "Since Mar 3, 2020 · Official name: Hypertensive disorder, systemic arterial": the parts there are. */
const details = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' · ') || undefined;

export function renderSummaryPdf(chart: Chart, options: { locale?: string; now?: Date } = {}): PDFKit.PDFDocument {
  const { locale, w } = summaryWords(options.locale);
  const names = summaryNames(locale, w);
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const formatNumber: NumberFormatter = (value, digits = 2) => {
    let f = numberFormats.get(digits);
    if (!f) numberFormats.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return f.format(value);
  };
  const official = (n: ShownName) => (n.official ? w.officialName(n.official) : undefined);
  const date = (value: string | undefined) => {
    if (!value) return '';
    const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    return Number.isNaN(d.getTime()) ? value : new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: value.length === 10 ? 'UTC' : undefined }).format(d);
  };
  const p = chart.patient;
  const name = printable(p.name?.[0]?.text ?? [p.name?.[0]?.given?.join(' '), p.name?.[0]?.family].filter(Boolean).join(' '));
  const doc = new PDFDocument({ size: 'LETTER', margin: 54, bufferPages: true, tagged: true, lang: locale, displayTitle: true, pdfVersion: '1.7', info: { Title: `${w.title} – ${name}`, Author: 'Portico', Subject: w.subtitle } });
  const text = (s: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.text(printable(s), opts);
  const heading = (s: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor(ACCENT);
    text(s);
    doc.moveDown(0.2).font('Helvetica').fontSize(11).fillColor(INK);
  };
  const item = (main: string, detail?: string) => {
    doc.font('Helvetica').fontSize(11).fillColor(INK);
    text(`• ${main}`, { indent: 0, continued: Boolean(detail) });
    if (detail) {
      doc.fillColor(MUTED);
      text(` — ${detail}`);
      doc.fillColor(INK);
    }
  };
  const list = <T>(title: string, items: T[], line: (x: T) => [string, string?]) => {
    heading(title);
    if (!items.length) return void text(w.none);
    for (const x of items) item(...line(x));
  };

  doc.font('Helvetica-Bold').fontSize(22).fillColor(ACCENT);
  text(w.title);
  doc.font('Helvetica').fontSize(12).fillColor(INK);
  text(name);
  doc.fillColor(MUTED).fontSize(10);
  text(`${w.born}: ${date(p.birthDate)} · ${w.printed}: ${date((options.now ?? new Date()).toISOString())}`);
  text(w.privacy);
  doc.fillColor(INK);

  const conditions = chart.Condition.filter((c) => !c.verificationStatus?.coding?.some((x) => x.code === 'entered-in-error' || x.code === 'refuted'));
  list(w.problems, conditions.filter((c) => active(c.clinicalStatus)), (c) => {
    const n = names.problem(c);
    return [n.name, details(c.onsetDateTime ? `${w.since} ${date(c.onsetDateTime)}` : undefined, official(n))];
  });
  const past = conditions.filter((c) => !active(c.clinicalStatus));
  if (past.length) list(w.pastProblems, past, (c) => {
    const n = names.problem(c);
    return [n.name, details(date(c.abatementDateTime ?? c.onsetDateTime), official(n))];
  });
  list(w.allergies, chart.AllergyIntolerance, (a) => {
    const n = names.allergy(a);
    const reactions = names.reactions(a);
    return [n.name, details(reactions.length ? `${w.reaction}: ${reactions.join(', ')}` : undefined, official(n))];
  });
  // How to take it, as the web app's Medicines screen says it: in the chart's language the
  // prescriber's words; in another, the sentence in the reader's language and then their words, marked.
  const how = (dosage: Dosage | undefined, resource: { language?: string }): string | undefined => {
    const textLanguage = chartLanguage(resource);
    const { sentence, clinicText } = doseInstructions(dosage, locale, formatNumber, textLanguage);
    if (textLanguage.split('-')[0] === locale) return clinicText ?? sentence;
    return details(sentence, clinicText ? `${w.clinicWords(textLanguage)}: "${clinicText}"` : undefined);
  };
  const meds: { status?: string; name: string; how?: string; date?: string }[] = [...chart.MedicationRequest.map((m) => ({ status: m.status, name: names.medicine(m.medicationCodeableConcept, m.medicationReference), how: how(m.dosageInstruction?.[0], m), date: m.authoredOn }))];
  meds.push(...chart.MedicationStatement.map((m) => ({ status: m.status, name: names.medicine(m.medicationCodeableConcept, m.medicationReference), how: how(m.dosage?.[0], m), date: m.effectiveDateTime ?? m.effectivePeriod?.start })));
  list(w.medicines, meds.filter((m) => m.status === 'active'), (m) => [m.name, m.how]);
  const pastMeds = meds.filter((m) => m.status !== 'active' && m.status !== 'entered-in-error');
  if (pastMeds.length) list(w.pastMedicines, pastMeds.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')), (m) => [m.name, date(m.date) || undefined]);
  list(w.vaccines, chart.Immunization.filter((i) => i.status === 'completed').sort((a, b) => (b.occurrenceDateTime ?? '').localeCompare(a.occurrenceDateTime ?? '')), (i) => {
    const n = names.vaccine(i);
    return [n.name, details(date(i.occurrenceDateTime), official(n))];
  });

  /** [name, results newest first] per test, the most recently measured test first. */
  const byTest = (obs: Observation[], name: (o: Observation) => string): [string, Observation[]][] => {
    const groups = new Map<string, Observation[]>();
    for (const o of obs.filter((o) => o.status !== 'entered-in-error' && o.status !== 'cancelled')) {
      const key = testKey(o, names);
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    for (const list of groups.values()) list.sort((a, b) => when(b).localeCompare(when(a)));
    return [...groups.values()].sort((a, b) => when(b[0]).localeCompare(when(a[0]))).map((obs) => [name(obs[0]), obs]);
  };
  const vitals = byTest(chart.Observation.filter((o) => isCategory(o, 'vital-signs')), names.vital);
  list(w.vitals, vitals, ([test, obs]) => [`${test}: ${vitalValueText(obs[0], formatNumber, w.units) ?? observationValue(obs[0], names, w, formatNumber) ?? ''}`, date(when(obs[0]))]);

  heading(w.results);
  const labs = byTest(chart.Observation.filter((o) => isCategory(o, 'laboratory')), names.test);
  if (!labs.length) text(w.none);
  else {
    doc.fillColor(MUTED).fontSize(10);
    text(w.resultsIntro);
    doc.fillColor(INK);
  }
  for (const [test, obs] of labs) {
    if (doc.y > doc.page.height - 110) doc.addPage();
    doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11);
    text(test);
    doc.font('Helvetica');
    const range = rangeLine(obs[0], w, formatNumber);
    if (range) {
      doc.fillColor(MUTED).fontSize(10);
      text(range);
      doc.fillColor(INK).fontSize(11);
    }
    for (const o of obs.slice(0, RESULTS_PER_TEST)) {
      const f = flag(o, w);
      text(`${date(when(o))}:  ${observationValue(o, names, w, formatNumber) ?? ''}${f ? `  (${f})` : ''}`, { indent: 12 });
    }
    if (obs.length > RESULTS_PER_TEST) {
      doc.fillColor(MUTED);
      text(w.more(obs.length - RESULTS_PER_TEST), { indent: 12 });
      doc.fillColor(INK);
    }
  }

  list(w.procedures, chart.Procedure.filter((x) => x.status === 'completed').sort((a, b) => (b.performedDateTime ?? b.performedPeriod?.start ?? '').localeCompare(a.performedDateTime ?? a.performedPeriod?.start ?? '')), (x) => {
    const n = names.procedure(x);
    return [n.name, details(date(x.performedDateTime ?? x.performedPeriod?.start), official(n))];
  });
  const visits = chart.Encounter.filter((e) => e.status === 'finished').sort((a, b) => (b.period?.start ?? '').localeCompare(a.period?.start ?? ''));
  list(w.visits, visits, (e) => [`${date(e.period?.start)}: ${names.visit(e)}`, e.participant?.[0]?.individual?.display ? `${w.with} ${e.participant[0].individual.display}` : undefined]);
  // Their titles only: the notes themselves are read in the app, where long ones can be searched.
  const documents = chart.DocumentReference.filter((d) => d.status !== 'entered-in-error').sort((a, b) => (docDate(b) ?? '').localeCompare(docDate(a) ?? ''));
  if (documents.length) list(w.documents, documents, (d) => [names.document(d), details(date(docDate(d)) || undefined, d.author?.[0]?.display ? `${w.by} ${d.author[0].display}` : undefined)]);
  if (chart.Goal.length) list(w.goals, chart.Goal, (g) => [names.value(g.description) ?? w.unnamed.goal, w.goalStatus[g.lifecycleStatus]]);
  if (chart.CarePlan.length) list(w.carePlans, chart.CarePlan.filter((c) => c.status === 'active'), (c) => [c.title?.trim() || names.value(c.category?.[0]) || w.unnamed.carePlan, c.description]);

  // Page numbers last, when the page count is known (bufferPages).
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(printable(`${name} · ${w.page(i + 1, range.count)}`), 54, doc.page.height - 36, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return doc;
}
