// Builds one patient's complete chart from the history plan: visit by visit, each visit's
// encounter, vitals, labs, screenings, diagnoses, prescriptions, immunizations, procedures, notes
// and the Provenance that signs them.
import type { Condition, Reference, Resource } from '@medplum/fhirtypes';
import { carePlan, careTeam, coverage, goals, implant, procedure } from './care.js';
import type { ClinicDirectory, PayerKey, SiteKey, StaffKey, StaffMember } from './clinic.js';
import { ACUTE, ALLERGIES, CHRONIC, type ChronicKey, allergy, condition } from './conditions.js';
import { encounter, provenance } from './encounters.js';
import { DAY_MS, addDays, addMinutes, ageInMonths, ageInYears, fhirDate, ref } from './fhir-helpers.js';
import { CHILD_SCHEDULE, VACCINES, immunization } from './immunizations.js';
import type { LabState } from './lab-catalog.js';
import { labOrder } from './labs.js';
import { drug, medicationRequest } from './medications.js';
import { type ImagingKind, type NoteFacts, consultText, dischargeSummaryText, historyAndPhysicalText, imagingText, progressNoteText } from './note-text.js';
import { documentReference, imagingReport } from './notes.js';
import { fullName, parentOf, patientResource, person, relatedPerson } from './patient.js';
import { IdSource, Rng } from './rng.js';
import { type DrugPlan, type Visit, planHistory } from './schedule.js';
import { upcomingAppointments } from './appointments.js';
import { type ScreeningSummary, alcoholScreen, anxietyScreen, depressionScreen, foodScreen, geriatricStatus, smokingDisplay, smokingStatus } from './screenings.js';
import { specimen, specimenKindFor, specimenRef } from './specimens.js';
import { additionsContext, chartAdditions, visitAdditions } from './us-core-additions.js';
import { type VitalSummary, makeBodyModel, vitalSigns } from './vitals.js';

const PRIMARY: readonly StaffKey[] = ['family1', 'family2', 'internal', 'np'];

function ageText(years: number, months: number): string {
  if (months < 1) return `${Math.max(1, Math.round(months * 30.44))}-day-old`;
  if (months < 24) return `${Math.floor(months)}-month-old`;
  return `${Math.floor(years)}-year-old`;
}

export function buildChart(seed: number, index: number, asOf: Date, dir: ClinicDirectory): Resource[] {
  const p = person(seed, index, asOf);
  const rng = new Rng(seed, index, 'chart');
  const ids = new IdSource(seed, index);
  const next = () => ids.next();
  const additions = additionsContext(seed, index, dir, { id: p.id, name: fullName(p), female: p.female, birthDate: p.birthDate });
  const patientRef: Reference<any> = ref('Patient', p.id, fullName(p));
  const plan = planHistory(p, asOf, new Rng(seed, index, 'plan'));
  const pcp = dir.staff[p.pcp];
  const ageAt = (d: Date) => ageInYears(p.birthDate, d);
  const has = (k: ChronicKey, d: Date) => plan.chronic.some((c) => c.key === k && c.onset <= d);
  const out: Resource[] = [];
  const chartLevel: Resource[] = [];
  const emitChart = (r: Resource) => {
    out.push(r);
    chartLevel.push(r);
  };

  emitChart(patientResource(p, dir, asOf));
  const minor = ageAt(asOf) < 18;
  let guardianRef: Reference<any> | undefined;
  if (minor) {
    const rp = relatedPerson(next(), p, seed, asOf);
    guardianRef = ref('RelatedPerson', rp.id as string);
    additions.respondent = guardianRef;
    emitChart(rp);
  }
  const payer: PayerKey = ageAt(asOf) >= 65 ? 'medicare' : rng.chance(0.2) ? 'medicaid' : rng.pick(['prairie', 'heartland'] as const);
  emitChart(coverage(next(), patientRef, dir, payer, rng, plan.historyStart, guardianRef ?? patientRef, guardianRef ? 'child' : 'self'));

  const allergyNames: string[] = [];
  const allergyCount = p.role === 'elderly' ? 1 : p.role === 'mfaAdult' ? 1 : rng.weighted([[0, 70], [1, 23], [2, 7]] as const);
  const allergyChoices = p.role === 'elderly' ? [ALLERGIES[0]] : p.role === 'mfaAdult' ? [ALLERGIES[6]] : rng.sample(ALLERGIES, allergyCount);
  for (const spec of allergyChoices) {
    const onset = addDays(p.birthDate, rng.int(365, Math.max(400, Math.floor((asOf.getTime() - p.birthDate.getTime()) / DAY_MS) - 30)));
    emitChart(allergy(next(), spec, patientRef, plan.historyStart, onset < plan.historyStart ? onset : plan.historyStart, pcp, spec.criticality === 'high' ? 'severe' : rng.pick(['mild', 'moderate'] as const)));
    allergyNames.push(spec.display.replace(' (substance)', '').toLowerCase());
  }

  // Problem-list conditions: older ones are recorded when the chart opens, new ones at diagnosis.
  const conditionIds = new Map<ChronicKey, string>();
  const diagnosedAtVisit = new Set(plan.visits.flatMap((v) => v.diagnoses));
  const encounterIds = plan.visits.map(() => next());
  const problem = (key: ChronicKey, recorded: Date, encounterId?: string): Condition => {
    const spec = CHRONIC[key];
    const c = plan.chronic.find((x) => x.key === key)!;
    return condition({ id: conditionIds.get(key)!, patient: patientRef, ...spec, category: 'problem-list-item', onset: c.onset, recorded, encounterId, recorder: pcp });
  };
  for (const c of plan.chronic) conditionIds.set(c.key, next());
  for (const c of plan.chronic) if (!diagnosedAtVisit.has(c.key)) emitChart(problem(c.key, plan.historyStart));

  const zCache = new Map<string, number>();
  const labState: LabState = {
    female: p.female,
    ageAt,
    yearsWith: (k, d) => {
      const c = plan.chronic.find((x) => x.key === k);
      return c && c.onset <= d ? (d.getTime() - c.onset.getTime()) / (365.25 * DAY_MS) : -1;
    },
    yearsOn: (drugKey, d) => {
      const dp = plan.drugs.find((x) => x.drug === drugKey && x.start <= d && (!x.stop || d < x.stop));
      return dp ? (d.getTime() - dp.start.getTime()) / (365.25 * DAY_MS) : -1;
    },
    z: (key) => {
      let v = zCache.get(key);
      if (v === undefined) {
        v = Math.max(-2.2, Math.min(2.2, new Rng(seed, index, 'z', key).normal()));
        zCache.set(key, v);
      }
      return v;
    },
    acute: false,
  };
  const body = makeBodyModel(new Rng(seed, index, 'body'), p.female, plan.chronic.some((c) => c.key === 'obesity'));
  const requestIds = new Map<DrugPlan, string>();
  const given = new Set<string>();
  const fluSeasons = new Set<number>();
  const sites = (k: StaffKey): SiteKey => dir.staff[k].siteKey;
  const visitNumber = (vi: number) => `V${String(index).padStart(6, '0')}-${String(vi + 1).padStart(3, '0')}`;
  let zosterDoseDue: Date | undefined;
  let lastMammogram = 0;
  let dexaDone = false;
  let lastVisitEnd = plan.historyStart;

  plan.visits.forEach((v: Visit, vi: number) => {
    const visitOut: Resource[] = [];
    const emit = (...r: Resource[]) => visitOut.push(...r);
    const age = ageAt(v.date);
    const months = ageInMonths(p.birthDate, v.date);
    const child = age < 18;
    const clinicianKey: StaffKey =
      v.kind === 'consult' ? 'cardiology' : v.kind === 'inpatient' ? 'internal' : child ? (rng.chance(0.85) ? 'pediatrics' : 'np') : rng.chance(0.8) ? p.pcp : rng.pick(PRIMARY);
    const clinician: StaffMember = dir.staff[clinicianKey];
    const encounterId = encounterIds[vi];
    const duration = v.kind === 'inpatient' ? rng.int(2, 5) * 24 * 60 : v.kind === 'newPatient' || v.kind === 'consult' ? 45 : rng.int(15, 35);
    const end = addMinutes(v.date, duration);
    const acute = v.acute ? ACUTE[v.acute] : undefined;
    labState.acute = Boolean(acute) || v.kind === 'inpatient';
    const primaryChronic = plan.chronic.filter((c) => c.onset <= v.date);

    // Diagnoses made at this visit.
    const reasonIds: string[] = [];
    for (const key of v.diagnoses) {
      emit(problem(key, v.date, encounterId));
      reasonIds.push(conditionIds.get(key)!);
    }
    let acuteConditionId: string | undefined;
    if (acute) {
      acuteConditionId = next();
      const abatement = addDays(v.date, rng.int(7, 21));
      emit(
        condition({
          id: acuteConditionId,
          patient: patientRef,
          ...acute,
          category: 'encounter-diagnosis',
          onset: addDays(v.date, -rng.int(2, 6)),
          recorded: v.date,
          abatement: abatement < asOf ? abatement : undefined,
          encounterId,
          recorder: clinician,
        }),
      );
      reasonIds.push(acuteConditionId);
    }
    if (v.kind === 'chronic' || v.kind === 'telehealth') for (const c of primaryChronic.slice(0, 3)) if (!reasonIds.includes(conditionIds.get(c.key)!)) reasonIds.push(conditionIds.get(c.key)!);

    const htn = has('hypertension', v.date);
    const hbp = htn ? Math.min(1, Math.max(0, labState.yearsOn('lisinopril', v.date)) * 2) : null;
    const { observations: vitals, summary: vitalSummary } = vitalSigns(
      { next, patient: patientRef, encounterId, when: addMinutes(v.date, 5) },
      {
        body,
        ageYears: age,
        ageMonths: months,
        yearsFromStart: (v.date.getTime() - plan.historyStart.getTime()) / (365.25 * DAY_MS),
        hypertensionControl: hbp,
        onBetaBlocker: labState.yearsOn('metoprolol', v.date) >= 0,
        febrile: Boolean(acute && ['pharyngitis', 'otitis', 'covid', 'uri'].includes(v.acute as string) && rng.chance(0.6)),
        lowOxygen: v.kind === 'inpatient' || (has('heartFailure', v.date) && rng.chance(0.3)),
        telehealth: v.kind === 'telehealth',
      },
      rng,
    );
    emit(...vitals);

    // Labs.
    const panels: string[] = [];
    const hasD = (k: ChronicKey) => has(k, v.date);
    if (v.kind === 'wellness' || v.kind === 'newPatient') {
      panels.push('cbc', rng.chance(0.6) ? 'cmp' : 'bmp');
      if (age >= 20 && (hasD('hyperlipidemia') || rng.chance(0.5))) panels.push(rng.chance(0.5) ? 'lipid' : 'lipidDirect');
      if (hasD('diabetes') || hasD('prediabetes') || (age >= 45 && rng.chance(0.3))) panels.push('a1c');
      if (hasD('hypothyroidism') || rng.chance(0.2)) panels.push('thyroid');
      if (hasD('vitaminD') || rng.chance(0.1)) panels.push('vitd');
      if (!p.female && age >= 55 && age <= 70 && rng.chance(0.5)) panels.push('psa');
      if (rng.chance(0.3)) panels.push('ua');
      if (hasD('diabetes')) panels.push('uacr');
      if (labState.yearsOn('metformin', v.date) > 2 && rng.chance(0.4)) panels.push('b12');
      if (hasD('gout') || rng.chance(0.05)) panels.push('urate');
      if (rng.chance(0.08)) panels.push('crp');
    }
    if (v.kind === 'chronic' || v.kind === 'newPatient') {
      if (hasD('diabetes') && !panels.includes('a1c')) panels.push('a1c');
      if (hasD('diabetes') && rng.chance(0.5) && !panels.some((x) => x === 'cmp' || x === 'bmp')) panels.push('bmp');
      if (hasD('hypothyroidism') && rng.chance(0.5) && !panels.includes('thyroid')) panels.push('thyroid');
      if (hasD('hyperlipidemia') && rng.chance(0.3) && !panels.some((x) => x.startsWith('lipid'))) panels.push('lipid');
      if (hasD('ckd')) panels.push('minerals');
      if (hasD('heartFailure')) panels.push('bnp');
      if (hasD('anemia')) panels.push('iron');
      if (hasD('vitaminD') && !panels.includes('vitd') && rng.chance(0.4)) panels.push('vitd');
    }
    if (labState.yearsOn('warfarin', v.date) >= 0 && v.kind !== 'telehealth') panels.push('inr');
    if (v.acute === 'pharyngitis') panels.push('strep');
    if (v.acute === 'uti') panels.push('ua');
    if ((v.acute === 'bronchitis' || v.acute === 'covid') && rng.chance(0.4)) panels.push('cbc', 'crp');
    if (v.kind === 'inpatient') panels.push('cbc', 'bmp', 'bnp', 'crp');
    if (v.kind === 'wellChild' && (Math.round(months) === 12 || Math.round(months) === 24)) panels.push('lead', 'hgb');
    const abnormal: string[] = [];
    for (const [pi, panelKey] of [...new Set(panels)].entries()) {
      if (v.kind === 'telehealth') break;
      const collected = addMinutes(v.date, 20 + rng.int(0, 30));
      const sp = specimen({ id: additions.next(), kind: specimenKindFor(panelKey, child), patient: patientRef, collected, received: addMinutes(collected, 25), accession: `${visitNumber(vi)}-${pi + 1}` });
      const r = labOrder({ panelKey, ids, rng, dir, state: labState, patientRef, encounterId, orderedBy: clinician, collected, specimen: specimenRef(sp) });
      emit(sp, ...r.resources);
      abnormal.push(...r.abnormal);
    }

    // Screenings.
    const screening: ScreeningSummary = {};
    const sb = { next, patient: patientRef, encounterId, when: addMinutes(v.date, 8), performer: ref('Practitioner', clinician.practitionerId, clinician.display) };
    const moodNow = hasD('depression') ? plan.mood * (labState.yearsOn('sertraline', v.date) >= 0 ? 0.45 : 1) : hasD('anxiety') ? 0.3 : plan.mood * 0.3;
    if ((v.kind === 'wellness' || v.kind === 'newPatient') && age >= 12) {
      emit(...depressionScreen(sb, rng, moodNow, screening));
      if (age >= 18) emit(...alcoholScreen(sb, rng, plan.drinking, screening));
      if (hasD('anxiety') || rng.chance(0.2)) emit(...anxietyScreen(sb, rng, hasD('anxiety') ? 0.5 * (labState.yearsOn('sertraline', v.date) >= 0 ? 0.6 : 1) : 0.1, screening));
      emit(...foodScreen(sb, rng, plan.foodRisk, screening));
      if (age >= 65) emit(...geriatricStatus(sb, rng, plan.frailty, hasD('cognitive'), screening));
    } else if (v.kind === 'wellChild' && months >= 6) {
      emit(...foodScreen(sb, rng, plan.foodRisk, screening));
    } else if ((v.kind === 'chronic' || v.kind === 'telehealth') && hasD('depression')) {
      emit(...depressionScreen(sb, rng, moodNow, screening));
    }
    if ((v.kind === 'wellness' || v.kind === 'newPatient' || (v.kind === 'wellChild' && age >= 13)) && age >= 13) emit(smokingStatus(sb, plan.smoking));

    // Immunizations.
    const vaccines: string[] = [];
    const site = v.kind === 'inpatient' ? 'hospital' : v.kind === 'telehealth' ? undefined : sites(clinicianKey);
    const give = (vaccineKey: string, dose: number) => {
      given.add(`${vaccineKey}#${dose}`);
      vaccines.push(`${VACCINES[vaccineKey].display} dose ${dose}`);
      emit(immunization({ id: next(), vaccineKey, dose, patient: patientRef, encounterId, locationId: site ? dir.sites[site].id : undefined, date: addMinutes(v.date, duration - 5), given: dir.staff[clinicianKey], ageMonths: months, primarySource: true, rng }));
    };
    if (v.kind === 'wellChild') {
      for (const [vac, dose, due] of CHILD_SCHEDULE) {
        if (due <= months + 0.5 && !given.has(`${vac}#${dose}`) && (dose === 1 || given.has(`${vac}#${dose - 1}`))) give(vac, dose);
      }
    }
    const month = v.date.getUTCMonth();
    const season = month >= 8 ? v.date.getUTCFullYear() : v.date.getUTCFullYear() - 1;
    if (site && v.kind !== 'inpatient' && months >= 6 && (month >= 8 || month <= 1) && !fluSeasons.has(season) && rng.chance(0.7)) {
      fluSeasons.add(season);
      give('flu', 1);
    }
    if (v.kind === 'wellness') {
      if (age >= 50 && !given.has('zoster#1') && rng.chance(0.4)) {
        give('zoster', 1);
        zosterDoseDue = addDays(v.date, 60);
      }
      if (age >= 65 && !given.has('pcv20#1') && rng.chance(0.6)) give('pcv20', 1);
      if (!given.has('tdap#1') && rng.chance(0.1)) give('tdap', 1);
    }
    if (site && zosterDoseDue && v.date >= zosterDoseDue && !given.has('zoster#2')) give('zoster', 2);

    // Prescriptions started or stopped today.
    const newMeds: string[] = [];
    for (const dp of v.startDrugs) {
      const id = next();
      requestIds.set(dp, id);
      const d = drug(dp.drug);
      newMeds.push(d.display);
      emit(
        medicationRequest(dir, {
          id,
          drug: d,
          patient: patientRef,
          encounterId,
          requester: clinician,
          authoredOn: addMinutes(v.date, duration - 10),
          status: dp.stop ? 'stopped' : 'active',
          stoppedOn: dp.stop,
          reason: { conditionId: conditionIds.get(dp.condition)!, display: CHRONIC[dp.condition].display },
        }),
      );
    }
    if (acute?.drug && !(v.acute === 'sprain' && child)) {
      const d = drug(child && acute.drug === 'ibuprofen' ? 'acetaminophen-chew' : acute.drug);
      const stop = addDays(v.date, d.supplyDays);
      newMeds.push(d.display);
      emit(medicationRequest(dir, { id: next(), drug: d, patient: patientRef, encounterId, requester: clinician, authoredOn: addMinutes(v.date, duration - 10), status: stop < asOf ? 'completed' : 'active', stoppedOn: stop, reason: { conditionId: acuteConditionId!, display: acute.display } }));
    }

    // Procedures, imaging and cardiology studies.
    const imaging: ImagingKind[] = [];
    if (v.kind === 'wellness' && p.female && age >= 40 && age < 75 && v.date.getTime() - lastMammogram > 700 * DAY_MS) {
      imaging.push('mammogram');
      lastMammogram = v.date.getTime();
    }
    if (!dexaDone && ((v.kind === 'wellness' && p.female && age >= 65) || v.diagnoses.includes('osteoporosis'))) {
      imaging.push('dexa');
      dexaDone = true;
    }
    if (v.kind === 'consult' || v.diagnoses.includes('afib') || v.diagnoses.includes('heartFailure')) imaging.push('ecg');
    if (v.kind === 'consult' && hasD('heartFailure')) imaging.push('echo');
    if (v.kind === 'inpatient' || ((v.acute === 'bronchitis' || v.acute === 'covid') && rng.chance(0.5)) || v.diagnoses.includes('heartFailure')) imaging.push('chestXray');

    const activeMeds = plan.drugs.filter((d) => d.start <= v.date && (!d.stop || v.date < d.stop)).map((d) => drug(d.drug).display);
    const facts: NoteFacts = {
      kind: v.kind,
      patientName: fullName(p),
      ageText: ageText(age, months),
      ageYears: age,
      female: p.female,
      spanish: p.spanish || (child && p.hispanic),
      complaint: acute?.complaint ?? (v.kind === 'inpatient' ? 'progressive dyspnea, orthopnea and bilateral leg edema' : undefined),
      acuteDiagnosis: acute?.display ?? (v.kind === 'inpatient' ? 'Acute on chronic heart failure' : undefined),
      chronic: primaryChronic.map((c) => ({ key: c.key, display: CHRONIC[c.key].label ?? CHRONIC[c.key].display, years: (v.date.getTime() - c.onset.getTime()) / (365.25 * DAY_MS) })),
      activeMeds,
      newMeds,
      vitals: vitalSummary as VitalSummary,
      abnormalLabs: abnormal,
      screening,
      smoking: age >= 13 ? smokingDisplay(plan.smoking) : undefined,
      vaccines,
      clinician: clinician.display,
      allergies: allergyNames,
      followUpWeeks: v.kind === 'wellness' ? 52 : hasD('diabetes') || hasD('heartFailure') ? 12 : 24,
    };
    for (const kind of imaging) {
      const reader = kind === 'ecg' || kind === 'echo' ? dir.staff.cardiology : dir.staff.radiology;
      const { text } = imagingText(kind, facts, rng);
      const reportId = next();
      const performed = addMinutes(v.date, 30);
      emit(imagingReport({ id: reportId, kind, text, patient: patientRef, encounterId, performed, reader, conclusion: text.split('IMPRESSION: ')[1] ?? text.split('\n').pop() ?? '' }));
      const procKey = kind === 'mammogram' ? 'mammography' : kind;
      emit(procedure(next(), procKey, patientRef, performed, reader, encounterId, undefined, reportId));
    }
    if (v.pacemaker) {
      const when = addMinutes(v.date, 120);
      emit(procedure(next(), 'pacemaker', patientRef, when, dir.staff.cardiology, encounterId, conditionIds.get('afib')));
      emit(implant(next(), 'pacemaker', patientRef, when, rng));
    }

    // Notes.
    const signedAt = addMinutes(end, rng.int(30, 300));
    const doc = (type: 'progress' | 'discharge' | 'hp' | 'consult', text: string) =>
      emit(documentReference({ id: next(), type, text, patient: patientRef, encounterId, author: clinician, custodianOrgId: v.kind === 'inpatient' ? dir.hospitalOrgId : dir.clinicOrgId, start: v.date, end, signedAt }));
    if (v.kind === 'inpatient') {
      doc('hp', historyAndPhysicalText(facts, rng));
      doc('discharge', dischargeSummaryText(facts, Math.round(duration / (24 * 60))));
    } else if (v.kind === 'newPatient') doc('hp', historyAndPhysicalText(facts, rng));
    else if (v.kind === 'consult') doc('consult', consultText(facts, rng));
    else doc('progress', progressNoteText(facts, rng, months));

    const enc = encounter({
      id: encounterId,
      kind: v.kind,
      patient: patientRef,
      clinician,
      site: site ?? sites(clinicianKey),
      start: v.date,
      end,
      reason: acute ? { snomed: acute.snomed, display: acute.display } : undefined,
      reasonConditionIds: reasonIds,
      dir,
      visitNumber: visitNumber(vi),
    });
    visitOut.push(...visitAdditions(visitOut, { kind: v.kind, date: v.date, end, signedAt, encounterId, clinician, custodianOrgId: v.kind === 'inpatient' ? dir.hospitalOrgId : dir.clinicOrgId }, additions));
    out.push(enc, ...visitOut);
    out.push(provenance(next(), [enc, ...visitOut], signedAt, clinician, v.kind === 'inpatient' ? dir.hospitalOrgId : dir.clinicOrgId));
    lastVisitEnd = signedAt;
  });

  // Records that arrived from outside the clinic.
  const covidStart = new Date(Date.UTC(2021, 3, 6));
  if (ageAt(covidStart) >= 16 && plan.historyStart < covidStart && asOf > addDays(covidStart, 60) && rng.chance(0.75)) {
    for (const [dose, offset] of [[1, 0], [2, 21]] as const) {
      const date = addDays(covidStart, offset + rng.int(0, 40) + 14 * 60 / 1440);
      emitChart(immunization({ id: next(), vaccineKey: 'covid', dose, patient: patientRef, date, ageMonths: ageInMonths(p.birthDate, date), primarySource: false, rng }));
    }
  }
  const outside = { display: 'Orthopedic Surgery, Sangamon Valley Memorial Hospital' };
  if (plan.knee) {
    const proc = procedure(next(), 'kneeReplacement', patientRef, plan.knee, dir.staff.radiology, undefined, conditionIds.get('osteoarthritis'));
    proc.performer = [{ actor: outside }];
    emitChart(proc);
    emitChart(implant(next(), 'knee', patientRef, plan.knee, rng));
  }
  const age = ageAt(asOf);
  if (age >= 50 && age <= 76 && rng.chance(p.role === 'adult' ? 1 : 0.35)) {
    const when = addDays(asOf, -rng.int(200, 1500));
    if (when > plan.historyStart) {
      const proc = procedure(next(), 'colonoscopy', patientRef, when, pcp);
      proc.performer = [{ actor: { display: 'Gastroenterology, Sangamon Valley Memorial Hospital' } }];
      emitChart(proc);
    }
  }

  // Longitudinal care: team, goals and plan.
  const team = careTeam(
    next(),
    patientRef,
    [
      { member: ref('Practitioner', pcp.practitionerId, pcp.display), role: minor ? ['82296001', 'Pediatrician'] : ['446050000', 'Primary care physician'] },
      ...(plan.chronic.some((c) => c.key === 'afib' || c.key === 'heartFailure') ? [{ member: ref('Practitioner', dir.staff.cardiology.practitionerId, dir.staff.cardiology.display), role: ['17561000', 'Cardiologist'] as [string, string] }] : []),
      ...(pcp.key !== 'np' ? [{ member: ref('Practitioner', dir.staff.np.practitionerId, dir.staff.np.display), role: ['224535009', 'Registered nurse'] as [string, string] }] : []),
      { member: patientRef, role: ['116154003', 'Patient'] },
      ...(guardianRef ? [{ member: guardianRef, role: (parentOf(p, seed, asOf).female ? ['72705000', 'Mother'] : ['66839005', 'Father']) as [string, string] }] : []),
    ],
    plan.historyStart,
    dir.clinicOrgId,
  );
  emitChart(team);
  const chronicWithIds = plan.chronic.map((c) => ({ key: c.key, since: c.onset < plan.historyStart ? plan.historyStart : c.onset, conditionId: conditionIds.get(c.key)! }));
  const goalList = goals(next, patientRef, chronicWithIds, asOf, pcp);
  for (const g of goalList) emitChart(g);
  if (plan.chronic.length) {
    const activities = plan.chronic.map((c) => `${CHRONIC[c.key].display}: ${CHRONIC[c.key].drugs.length ? 'medication management and monitoring' : 'lifestyle counseling and monitoring'}`);
    emitChart(carePlan(next(), patientRef, goalList, chronicWithIds.map((c) => c.conditionId), activities, plan.historyStart, pcp, team.id as string));
  }
  out.push(provenance(next(), chartLevel, lastVisitEnd, pcp, dir.clinicOrgId));
  out.push(...chartAdditions(out, { pcp, asOf, historyStart: plan.historyStart, lastVisitEnd, birthDate: fhirDate(p.birthDate) }, additions));
  // Last, with their own random stream, so adding them left every earlier id and value unchanged.
  out.push(...upcomingAppointments({ patient: patientRef, clinician: pcp, dir, asOf, child: minor, spanish: p.spanish, chronic: chronicWithIds, rng: new Rng(seed, index, 'appointments'), ids: next }));
  return out;
}
