// Medicine display logic: name, dose and instructions in plain words. Pure, unit tested.
// Dosage.text (the prescriber's sig) is shown when present: it is what the pharmacy label says.
// Otherwise the structured Dosage (FHIR R4 dosage.html) is turned into a sentence.
import type { Dosage, MedicationRequest, Timing } from '@medplum/fhirtypes';
import type { Messages } from '../../i18n/en.js';
import { conceptText, referenceText } from './format-common.js';
import type { NumberFormatter } from './format-observation.js';

export function medicationName(req: MedicationRequest, fallback: string): string {
  if (req.medicationCodeableConcept) return conceptText(req.medicationCodeableConcept, fallback);
  return referenceText(req.medicationReference, fallback);
}

export function isActiveMedication(req: MedicationRequest): boolean {
  return req.status === 'active' || req.status === 'on-hold' || req.status === 'draft';
}

function unitWord(m: Messages, unit: string | undefined, n: number): string | undefined {
  const words = unit ? m.dose.units[unit] : undefined;
  return words ? words[n === 1 ? 0 : 1] : undefined;
}

export function timingText(timing: Timing | undefined, m: Messages): string | undefined {
  if (timing?.code?.text) return timing.code.text;
  const r = timing?.repeat;
  if (!r) return timing?.code ? conceptText(timing.code, '') || undefined : undefined;
  const frequency = r.frequency ?? 1;
  const period = r.period ?? 1;
  if (!r.periodUnit) return undefined;
  if (period === 1) {
    const unit = unitWord(m, r.periodUnit, 1);
    return unit ? m.dose.times(frequency, unit) : undefined;
  }
  if (frequency === 1) {
    const unit = unitWord(m, r.periodUnit, period);
    return unit ? m.dose.every(period, unit) : undefined;
  }
  return undefined;
}

/** "Take 1 tablet by mouth twice a day, only when needed for pain". */
export function doseText(dosage: Dosage | undefined, m: Messages, formatNumber: NumberFormatter): string | undefined {
  if (!dosage) return undefined;
  if (dosage.text?.trim()) return dosage.text.trim();
  const parts: string[] = [];
  const dose = dosage.doseAndRate?.[0]?.doseQuantity;
  if (dose?.value !== undefined) parts.push(m.dose.take(`${formatNumber(dose.value)}${dose.unit ? ` ${dose.unit}` : ''}`));
  if (dosage.route) {
    const route = conceptText(dosage.route, '');
    // SNOMED 26643006 "Oral route": people say "by mouth".
    if (/^oral/i.test(route) || dosage.route.coding?.some((c) => c.code === '26643006')) parts.push(m.dose.byMouth);
    else if (route) parts.push(m.dose.by(route.toLowerCase()));
  }
  const timing = timingText(dosage.timing, m);
  if (timing) parts.push(timing);
  if (dosage.asNeededCodeableConcept) parts.push(m.dose.asNeededFor(conceptText(dosage.asNeededCodeableConcept, '').toLowerCase()));
  else if (dosage.asNeededBoolean) parts.push(m.dose.asNeeded);
  const bounds = dosage.timing?.repeat?.boundsDuration;
  if (bounds?.value !== undefined && bounds.code === 'd') parts.push(m.dose.forDays(bounds.value));
  if (parts.length === 0) return dosage.patientInstruction?.trim() || undefined;
  const sentence = parts.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
