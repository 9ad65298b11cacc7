// One prescription as a card: name, status, how to take it, why, who prescribed it, when it started
// or ended, refills left. Patients see it on Medicines; staff in the patient's chart (`dense`).
import type { MedicationRequest } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { conceptText, referenceText } from './format-common.js';
import { doseText, isActiveMedication, medicationName } from './format-medication.js';

export function MedicineCard({ req, dense = false }: { req: MedicationRequest; dense?: boolean }) {
  const { m, formatDate, formatNumber } = useI18n();
  const dose = doseText(req.dosageInstruction?.[0], m, formatNumber);
  const end = req.dispenseRequest?.validityPeriod?.end;
  const refills = req.dispenseRequest?.numberOfRepeatsAllowed;
  return (
    <li className={dense ? 'card dense' : 'card'}>
      <div className="row">
        <h3>{medicationName(req, m.fallback.medicine)}</h3>
        <span className="meta">{m.meds.status[req.status] ?? ''}</span>
      </div>
      <p>
        <strong>{m.meds.howToTake}:</strong> {dose ?? m.meds.noInstructions}
      </p>
      {req.reasonCode?.[0] && <p className="meta">{m.meds.reason(conceptText(req.reasonCode[0], m.fallback.problem))}</p>}
      <p className="meta">{m.meds.prescribedBy(referenceText(req.requester, m.fallback.clinician))}</p>
      {req.authoredOn && <p className="meta">{m.meds.started(formatDate(req.authoredOn, 'long'))}</p>}
      {!isActiveMedication(req) && end && <p className="meta">{m.meds.ended(formatDate(end, 'long'))}</p>}
      {isActiveMedication(req) && refills !== undefined && <p className="meta">{m.meds.refills(refills)}</p>}
    </li>
  );
}
