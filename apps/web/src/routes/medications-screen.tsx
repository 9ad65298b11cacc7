import type { MedicationRequest } from '@medplum/fhirtypes';
import { useI18n } from '../i18n/index.js';
import { loadMedications } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { conceptText, referenceText } from '../features/records/format-common.js';
import { doseText, isActiveMedication, medicationName } from '../features/records/format-medication.js';
import { SavedNotice } from '../features/records/result-views.js';
import { ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';

export default function MedicationsScreen() {
  const { m } = useI18n();
  const { data, error, loading, reload } = useRecord('medications', loadMedications);
  const active = data?.value.filter(isActiveMedication) ?? [];
  const past = data?.value.filter((r) => !isActiveMedication(r) && r.status !== 'entered-in-error') ?? [];
  return (
    <>
      <PageTitle>{m.meds.title}</PageTitle>
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorMessage error={error} onRetry={reload} />}
      {data && (
        <>
          <SavedNotice savedAt={data.savedAt} />
          <h2>{m.meds.active}</h2>
          {active.length === 0 ? <p>{m.meds.none}</p> : <ul className="list">{active.map((r) => <Medicine key={r.id} req={r} />)}</ul>}
          <h2>{m.meds.past}</h2>
          {past.length === 0 ? <p>{m.meds.noPast}</p> : <ul className="list">{past.map((r) => <Medicine key={r.id} req={r} />)}</ul>}
        </>
      )}
    </>
  );
}

function Medicine({ req }: { req: MedicationRequest }) {
  const { m, formatDate, formatNumber } = useI18n();
  const dose = doseText(req.dosageInstruction?.[0], m, formatNumber);
  const end = req.dispenseRequest?.validityPeriod?.end;
  const refills = req.dispenseRequest?.numberOfRepeatsAllowed;
  return (
    <li className="card">
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
