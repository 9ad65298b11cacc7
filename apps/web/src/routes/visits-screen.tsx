import { useI18n } from '../i18n/index.js';
import { loadVisits } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { periodStart, referenceText } from '../features/records/format-common.js';
import { visitTitle } from '../features/records/visit-title.js';
import { SavedNotice } from '../features/records/result-views.js';
import { AppointmentCard } from '../features/records/appointment-card.js';
import { ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { Link } from './router.js';

export default function VisitsScreen() {
  const { m, locale, formatDate } = useI18n();
  const { data, error, loading, reload } = useRecord('visits', loadVisits);
  return (
    <>
      <PageTitle>{m.visits.title}</PageTitle>
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorMessage error={error} onRetry={reload} />}
      {data && (
        <>
          <SavedNotice savedAt={data.savedAt} />
          {data.value.appointments.length > 0 && (
            <section aria-labelledby="upcoming">
              <h2 id="upcoming">{m.visits.upcoming}</h2>
              <ul className="list">
                {data.value.appointments.map((a) => (
                  <AppointmentCard key={a.id} appointment={a} detail />
                ))}
              </ul>
            </section>
          )}
          <h2>{m.visits.past}</h2>
          {data.value.encounters.length === 0 && <p>{m.visits.none}</p>}
          <ul className="list">
            {data.value.encounters.map((e) => {
              const who = e.participant?.find((p) => p.individual)?.individual;
              return (
                <li key={e.id}>
                  <Link className="card" href={`/visits/${e.id}`}>
                    <h3>{visitTitle(e, locale, m)}</h3>
                    <p className="meta">{formatDate(periodStart(e.period), 'long')}</p>
                    {who && <p className="meta">{m.visits.with(referenceText(who, m.fallback.clinician))}</p>}
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
