import { useI18n } from '../i18n/index.js';
import { usePatient } from '../features/identity/session.js';
import { HOME_NEW_PANELS, loadHome, newResultsIn } from '../features/records/load-home.js';
import { useRecord } from '../features/records/use-record.js';
import { useNewResultTest } from '../features/records/opened-results.js';
import { labTestName } from '#plain-words/test-name.js';
import { SavedNotice } from '../features/records/result-views.js';
import { AppointmentCard } from '../features/records/appointment-card.js';
import { MfaPrompt } from '../features/account/mfa-prompt.js';
import { ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { Link } from './router.js';

const COMING_PLACES = ['messages', 'bills', 'forms'] as const;

export default function HomeScreen() {
  const { m, locale, formatDate } = useI18n();
  const session = usePatient();
  // The key names the value's shape: a copy saved offline by an older Home is not read as this one.
  const { data, error, loading, reload } = useRecord('home-v3', loadHome);
  const isNew = useNewResultTest(session.patientId, data?.value.opened);
  const firstName = session.displayName.split(' ')[0] ?? '';
  const fresh = newResultsIn(data?.value.reports ?? [], isNew);
  return (
    <>
      <PageTitle>{m.home.title(firstName)}</PageTitle>
      <MfaPrompt />
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorMessage error={error} onRetry={reload} />}
      {data && (
        <>
          <SavedNotice savedAt={data.savedAt} />
          <section aria-labelledby="attention">
            <h2 id="attention">{m.home.needsAttention}</h2>
            <div className="card">
              {fresh.count === 0 ? (
                <p>
                  {m.home.noNewResults} <Link href="/results">{m.home.seeResults}</Link>
                </p>
              ) : (
                <>
                  <h3>
                    <Link href="/results">{m.home.newResults(fresh.count)}</Link>
                  </h3>
                  <ul>
                    {fresh.panels.slice(0, HOME_NEW_PANELS).map(({ report, date, newResults }) => (
                      <li key={report.id}>
                        {labTestName(report.code, locale, m.fallback.panel)}
                        <span className="meta">
                          {' '}
                          {date ? `${formatDate(date)} · ` : ''}
                          {m.home.newResults(newResults)}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
            {/* Messages, bills and forms get their place now; each capability's issue replaces its
                line with what is waiting (unread messages, a balance due, a form to fill in). */}
            <ul className="card">
              {COMING_PLACES.map((place) => (
                <li key={place}>
                  <strong>{m.home.comingPlaces[place].title}:</strong> <span className="meta">{m.home.comingPlaces[place].text}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="upcoming">
            <h2 id="upcoming">{m.home.upcoming}</h2>
            {data.value.appointments.length === 0 ? (
              <p>{m.home.noUpcoming}</p>
            ) : (
              <ul className="list">
                {data.value.appointments.map((a) => (
                  <AppointmentCard key={a.id} appointment={a} />
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
