// One prescription as a card: name, status, how to take it, why, who prescribed it, when it started
// or ended, refills left. Patients see it on Medicines; staff in the patient's chart (`dense`).
import type { MedicationRequest } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { chartLanguage } from '#plain-words/record-name.js';
import { problemName } from '#plain-words/problem-name.js';
import { referenceText } from './format-common.js';
import { doseInstructions, isActiveMedication, medicationName } from './format-medication.js';
import { AsWritten, ClinicWords } from './clinic-words.js';

export function MedicineCard({ req, dense = false }: { req: MedicationRequest; dense?: boolean }) {
  const { m, locale, formatDate, formatNumber } = useI18n();
  const textLanguage = chartLanguage(req);
  const { sentence, clinicText } = doseInstructions(req.dosageInstruction?.[0], locale, formatNumber, textLanguage);
  // In the chart's own language the prescriber's words are the instructions (they say more than
  // the structured parts); in another language the sentence comes first and their words follow.
  const sameLanguage = textLanguage.split('-')[0] === locale;
  const how = sameLanguage ? (clinicText ?? sentence) : sentence;
  const reason = req.reasonCode?.[0] ? problemName(req.reasonCode[0], locale, m.fallback.problem) : undefined;
  const end = req.dispenseRequest?.validityPeriod?.end;
  const refills = req.dispenseRequest?.numberOfRepeatsAllowed;
  return (
    <li className={dense ? 'card dense' : 'card'}>
      <div className="row">
        <h3>{medicationName(req, m.fallback.medicine, locale)}</h3>
        <span className="meta">{m.meds.status[req.status] ?? ''}</span>
      </div>
      <p>
        <strong>{m.meds.howToTake}:</strong> {how === clinicText && how ? <AsWritten lang={textLanguage}>{how}</AsWritten> : (how ?? (clinicText ? '' : m.meds.noInstructions))}
      </p>
      {clinicText && how === clinicText && <p className="meta">{m.clinicWords.label}</p>}
      {clinicText && how !== clinicText && (
        <ClinicWords lang={textLanguage}>
          <p>{clinicText}</p>
        </ClinicWords>
      )}
      {reason && <p className="meta">{reason.asWritten ? m.meds.reason('') : m.meds.reason(reason.name)}{reason.asWritten && <AsWritten>{reason.name}</AsWritten>}</p>}
      <p className="meta">{m.meds.prescribedBy(referenceText(req.requester, m.fallback.clinician))}</p>
      {req.authoredOn && <p className="meta">{m.meds.started(formatDate(req.authoredOn, 'long'))}</p>}
      {!isActiveMedication(req) && end && <p className="meta">{m.meds.ended(formatDate(end, 'long'))}</p>}
      {isActiveMedication(req) && refills !== undefined && <p className="meta">{m.meds.refills(refills)}</p>}
    </li>
  );
}
