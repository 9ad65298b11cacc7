// Plans one patient's clinical history before any resource is built: which chronic problems they
// have and since when, what treatment they started and switched, and the dated list of visits.
// Everything downstream (labs, vitals, notes) reads from this plan so the chart tells one story.
import { ACUTE, type AcuteKey, CHRONIC, type ChronicKey } from './conditions.js';
import { DAY_MS, addDays, addYears, ageInYears, clamp } from './fhir-helpers.js';
import type { VisitKind } from './note-text.js';
import type { Person } from './patient.js';
import type { Rng } from './rng.js';
import type { SmokingKey } from './screenings.js';
import { WELL_CHILD_MONTHS } from './immunizations.js';

export interface ChronicPlan {
  key: ChronicKey;
  onset: Date;
}

export interface DrugPlan {
  drug: string;
  condition: ChronicKey;
  /** When the patient actually started taking it (may precede the chart). */
  start: Date;
  stop?: Date;
}

export interface Visit {
  date: Date;
  kind: VisitKind;
  acute?: AcuteKey;
  diagnoses: ChronicKey[];
  startDrugs: DrugPlan[];
  stopDrugs: DrugPlan[];
  pacemaker?: boolean;
}

export interface ClinicalPlan {
  historyStart: Date;
  chronic: ChronicPlan[];
  drugs: DrugPlan[];
  visits: Visit[];
  smoking: SmokingKey;
  knee?: Date;
  /** 0..1 baseline mood and drinking tendencies, used by screening answers. */
  mood: number;
  drinking: number;
  foodRisk: number;
  frailty: number;
}

const PERSONA_CHRONIC: Record<string, Array<[ChronicKey, number]>> = {
  mfaAdult: [['rhinitis', 9], ['anxiety', 2.5]],
  adult: [['hypertension', 7.5], ['diabetes', 5.5], ['hyperlipidemia', 4.2], ['obesity', 7.8]],
  child: [['asthma', 2.2], ['eczema', 5.5]],
  elderly: [['hypertension', 20], ['hyperlipidemia', 15], ['osteoarthritis', 10], ['hypothyroidism', 9], ['afib', 6.5], ['heartFailure', 3.2], ['ckd', 4.5], ['osteoporosis', 5], ['cognitive', 1.4]],
  spanishSpeaker: [['hypertension', 3.4], ['prediabetes', 2.1], ['vitaminD', 1.2], ['depression', 0.9]],
};

/** Moves weekend dates to Monday and sets a clinic-hours time (Central time, as UTC). */
export function clinicTime(day: Date, rng: Rng): Date {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const dow = d.getUTCDay();
  const shifted = dow === 6 ? addDays(d, 2) : dow === 0 ? addDays(d, 1) : d;
  const slot = rng.int(0, 16); // 8:00 to 16:00 local in 30-minute slots
  return new Date(shifted.getTime() + (14 * 60 + slot * 30) * 60_000);
}

function visit(date: Date, kind: VisitKind, extra: Partial<Visit> = {}): Visit {
  return { date, kind, diagnoses: [], startDrugs: [], stopDrugs: [], ...extra };
}

export function planHistory(p: Person, asOf: Date, rng: Rng): ClinicalPlan {
  const age = ageInYears(p.birthDate, asOf);
  const child = age < 18;
  const persona = p.role;
  const yearsBack = persona === 'adult' || persona === 'elderly' ? 8 : persona ? 6 : rng.float(3, 8);
  const firstVisit = child ? addDays(p.birthDate, 4) : clinicTime(addYears(asOf, -yearsBack), rng);
  const historyStart = firstVisit;
  const latest = addDays(asOf, -21);

  const chronic: ChronicPlan[] = [];
  if (persona && PERSONA_CHRONIC[persona]) {
    for (const [key, yearsAgo] of PERSONA_CHRONIC[persona]) chronic.push({ key, onset: addYears(asOf, -yearsAgo) });
  } else {
    for (const key of Object.keys(CHRONIC) as ChronicKey[]) {
      const spec = CHRONIC[key];
      if (age < spec.minAge + 0.5 || !rng.chance(spec.chance(age, p.female))) continue;
      if (key === 'prediabetes' && chronic.some((c) => c.key === 'diabetes')) continue;
      const earliest = Math.max(addYears(p.birthDate, spec.minAge).getTime(), addYears(asOf, -15).getTime());
      const onset = new Date(earliest + rng.next() * Math.max(0, latest.getTime() - earliest));
      chronic.push({ key, onset: child && onset < historyStart ? historyStart : onset });
    }
  }
  chronic.sort((a, b) => a.onset.getTime() - b.onset.getTime());

  // Treatment: start at diagnosis (or when the chart opens, for older problems); some patients
  // were switched from a first-line drug, which leaves a stopped prescription in the record.
  const drugs: DrugPlan[] = [];
  const visits: Visit[] = [];
  if (!child) visits.push(visit(firstVisit, 'newPatient'));
  for (const c of chronic) {
    const spec = CHRONIC[c.key];
    const inWindow = child || c.onset > firstVisit;
    const dxVisit = inWindow ? visit(clinicTime(c.onset, rng), 'chronic', { diagnoses: [c.key] }) : undefined;
    if (dxVisit) visits.push(dxVisit);
    const startVisit = dxVisit ?? visits[0];
    const effectiveStart = inWindow ? (dxVisit as Visit).date : addDays(c.onset, 14);
    for (const drugKey of spec.drugs) {
      if (drugs.some((d) => d.drug === drugKey)) continue;
      const switching = spec.switchFrom && (persona === 'adult' || persona === 'elderly' || rng.chance(0.4));
      if (switching && spec.switchFrom) {
        const switchAt = addYears(effectiveStart, rng.float(0.6, 2));
        if (switchAt > firstVisit && switchAt < latest) {
          const from: DrugPlan = { drug: spec.switchFrom, condition: c.key, start: effectiveStart, stop: clinicTime(switchAt, rng) };
          const to: DrugPlan = { drug: drugKey, condition: c.key, start: from.stop as Date };
          drugs.push(from, to);
          if (startVisit) startVisit.startDrugs.push(from);
          visits.push(visit(from.stop as Date, 'chronic', { startDrugs: [to], stopDrugs: [from] }));
          continue;
        }
      }
      const plan: DrugPlan = { drug: drugKey, condition: c.key, start: effectiveStart };
      drugs.push(plan);
      if (startVisit) startVisit.startDrugs.push(plan);
    }
  }

  if (child) {
    const ageMonths = age * 12;
    for (const m of WELL_CHILD_MONTHS) {
      if (m > ageMonths) break;
      visits.push(visit(clinicTime(addDays(p.birthDate, Math.round(m * 30.44)), rng), 'wellChild'));
    }
  } else {
    // Annual preventive visit on roughly the same month every year.
    for (let t = addYears(firstVisit, 1); t < latest; t = addYears(t, 1)) visits.push(visit(clinicTime(addDays(t, rng.int(-20, 20)), rng), 'wellness'));
    if (chronic.length) {
      const interval = chronic.some((c) => c.key === 'diabetes' || c.key === 'heartFailure') ? 91 : chronic.length > 2 ? 120 : 180;
      for (let t = addDays(firstVisit, interval); t < asOf; t = addDays(t, interval + rng.int(-15, 20))) {
        const tele = t.getUTCFullYear() >= 2020 && rng.chance(0.2);
        visits.push(visit(clinicTime(t, rng), tele ? 'telehealth' : 'chronic'));
      }
    }
  }

  // Acute problems: about one a year, more for small children.
  const years = (asOf.getTime() - historyStart.getTime()) / (365.25 * DAY_MS);
  const acuteKeys = (Object.keys(ACUTE) as AcuteKey[]).filter((k) => (child ? !ACUTE[k].adultOnly : !ACUTE[k].childOnly));
  const acuteCount = Math.round(years * (child && age < 6 ? 1.4 : 0.8) * rng.float(0.5, 1.3));
  for (let i = 0; i < acuteCount; i++) {
    const when = new Date(historyStart.getTime() + rng.next() * (asOf.getTime() - historyStart.getTime()));
    let key = rng.pick(acuteKeys);
    if (key === 'covid' && when.getUTCFullYear() < 2020) key = 'uri';
    visits.push(visit(clinicTime(when, rng), 'acute', { acute: key }));
  }

  const has = (k: ChronicKey) => chronic.some((c) => c.key === k);
  if (has('heartFailure') && !child) {
    const hf = chronic.find((c) => c.key === 'heartFailure') as ChronicPlan;
    const admit = clinicTime(addDays(hf.onset > firstVisit ? hf.onset : firstVisit, rng.int(60, 400)), rng);
    if (admit < latest) {
      visits.push(visit(admit, 'inpatient'));
      visits.push(visit(clinicTime(addDays(admit, 21), rng), 'consult'));
    }
  }
  if (has('afib') && (persona === 'elderly' || rng.chance(0.35))) {
    visits.push(visit(clinicTime(addYears(asOf, -rng.float(1.5, 2.5)), rng), 'consult', { pacemaker: true }));
  }
  const knee = has('osteoarthritis') && age > 65 && (persona === 'elderly' || rng.chance(0.3)) ? addYears(asOf, -rng.float(1, 5)) : undefined;

  // A recent visit so the portal shows fresh results, notes and messages.
  const recentKind: VisitKind = child ? 'acute' : chronic.length ? 'chronic' : 'acute';
  visits.push(visit(clinicTime(addDays(asOf, -rng.int(4, 20)), rng), recentKind, recentKind === 'acute' ? { acute: child ? 'uri' : rng.pick(['uri', 'sinusitis', 'backPain'] as const) } : {}));

  const inRange = visits.filter((v) => v.date >= historyStart && v.date < asOf);
  inRange.sort((a, b) => a.date.getTime() - b.date.getTime());
  // Two plain visits within a week collapse into one; visits that carry events are kept.
  const merged: Visit[] = [];
  for (const v of inRange) {
    const prev = merged[merged.length - 1];
    const eventful = (x: Visit) => x.diagnoses.length || x.startDrugs.length || x.stopDrugs.length || x.pacemaker || x.kind !== 'chronic';
    if (prev && v.date.getTime() - prev.date.getTime() < 7 * DAY_MS && !eventful(v)) continue;
    if (prev && v.date.getTime() === prev.date.getTime()) v.date = new Date(v.date.getTime() + 45 * 60_000);
    merged.push(v);
  }

  const smoking: SmokingKey = persona === 'adult' ? 'former' : child || persona ? 'never' : rng.weighted<SmokingKey>([['never', 60], ['former', 24], ['current', 13], ['occasional', 3]]);
  return {
    historyStart,
    chronic,
    drugs,
    visits: merged,
    smoking,
    knee,
    mood: has('depression') ? 0.75 : has('anxiety') ? 0.35 : clamp(rng.normal(0.08, 0.08), 0, 0.3),
    drinking: child ? 0 : clamp(rng.normal(0.3, 0.2), 0, 1),
    foodRisk: rng.chance(0.12) ? 0.6 : 0.03,
    frailty: clamp((age - 65) / 25 + rng.normal(0, 0.15), 0, 1),
  };
}
