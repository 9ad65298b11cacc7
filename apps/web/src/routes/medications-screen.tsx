import { useI18n } from '../i18n/index.js';
import { loadMedications } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { isActiveMedication } from '../features/records/format-medication.js';
import { MedicineCard } from '../features/records/medicine-card.js';
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
          {active.length === 0 ? <p>{m.meds.none}</p> : <ul className="list">{active.map((r) => <MedicineCard key={r.id} req={r} />)}</ul>}
          <h2>{m.meds.past}</h2>
          {past.length === 0 ? <p>{m.meds.noPast}</p> : <ul className="list">{past.map((r) => <MedicineCard key={r.id} req={r} />)}</ul>}
        </>
      )}
    </>
  );
}
