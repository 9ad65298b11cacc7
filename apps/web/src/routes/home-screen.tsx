import { useI18n } from '../i18n/index.js';
import { usePatient } from '../features/identity/session.js';
import { loadHome } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { useOpenedResults } from '../features/records/opened-results.js';
import { referenceText } from '../features/records/format-common.js';
import { observationName } from '../features/records/format-observation.js';
import { SavedNotice } from '../features/records/result-views.js';
import { ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { Link } from './router.js';

export default function HomeScreen() {
  const { m, formatDate } = useI18n();
  const session = usePatient();
  const { isNew } = useOpenedResults(session.patientId);
  const { data, error, loading, reload } = useRecord('home', loadHome);
  const firstName = session.displayName.split(' ')[0] ?? '';
  const newResults = data?.value.groups.flatMap((g) => g.results).filter((o) => isNew(o.id)) ?? [];
  return (
    <>
      <PageTitle>{m.home.title(firstName)}</PageTitle>
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorMessage error={error} onRetry={reload} />}
      {data && (
        <>
          <SavedNotice savedAt={data.savedAt} />
          <section aria-labelledby="attention">
            <h2 id="attention">{m.home.needsAttention}</h2>
            <div className="card">
              {newResults.length === 0 ? (
                <p>{m.home.noNewResults}</p>
              ) : (
                <>
                  <h3>
                    <Link href="/results">{m.home.newResults(newResults.length)}</Link>
                  </h3>
                  <ul>
                    {newResults.slice(0, 5).map((o) => (
                      <li key={o.id}>
                        <Link href={`/results/${o.id}`}>{observationName(o, m.fallback.test)}</Link>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          </section>
          <section aria-labelledby="upcoming">
            <h2 id="upcoming">{m.home.upcoming}</h2>
            {data.value.appointments.length === 0 ? (
              <p>{m.home.noUpcoming}</p>
            ) : (
              <ul className="list">
                {data.value.appointments.slice(0, 3).map((a) => (
                  <li key={a.id} className="card">
                    <h3>{formatDate(a.start, 'dateTime')}</h3>
                    <p className="meta">
                      {a.description ?? ''}
                      {a.participant?.find((p) => p.actor?.reference?.startsWith('Practitioner/'))
                        ? ` ${m.visits.with(referenceText(a.participant.find((p) => p.actor?.reference?.startsWith('Practitioner/'))?.actor, m.fallback.clinician))}`
                        : ''}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="glance">
            <h2 id="glance">{m.home.summary}</h2>
            <ul className="card">
              <li>{m.home.activeProblems(data.value.summary.problems)}</li>
              <li>{m.home.activeMeds(data.value.summary.medicines)}</li>
              <li>{m.home.allergies(data.value.summary.allergies)}</li>
            </ul>
            <p>
              <Link href="/summary">{m.home.seeAll}: {m.nav.summary}</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
