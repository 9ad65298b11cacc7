import type { MedicationRequest } from '@medplum/fhirtypes';
import { useI18n } from '../i18n/index.js';
import { loadMedications } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { referenceText } from '../features/records/format-common.js';
import { doseInstructions, isActiveMedication, medicationName } from '../features/records/format-medication.js';
import { AsWritten, ClinicWords } from '../features/records/clinic-words.js';
import { chartLanguage } from '#plain-words/record-name.js';
import { problemName } from '#plain-words/problem-name.js';
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
    <li className="card">
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
