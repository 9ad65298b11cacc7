import { useI18n } from '../i18n/index.js';
import { usePatient } from '../features/identity/session.js';
import { loadLabResults } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { useOpenedResults } from '../features/records/opened-results.js';
import { conceptText, referenceText } from '../features/records/format-common.js';
import { observationName, rangeText, valueText } from '../features/records/format-observation.js';
import { InterpretationBadge, SavedNotice } from '../features/records/result-views.js';
import { ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { Link } from './router.js';

export default function ResultsScreen() {
  const { m, formatDate, formatNumber } = useI18n();
  const { patientId } = usePatient();
  const { isNew } = useOpenedResults(patientId);
  const { data, error, loading, reload } = useRecord('lab-results', loadLabResults);
  return (
    <>
      <PageTitle>{m.results.title}</PageTitle>
      <p>{m.results.intro}</p>
      {loading && !data && <Loading />}
      {error !== undefined && <ErrorMessage error={error} onRetry={reload} />}
      {data && <SavedNotice savedAt={data.savedAt} />}
      {data && data.value.length === 0 && <p>{m.results.none}</p>}
      {data?.value.map((group, gi) => (
        <section key={group.report?.id ?? `g${gi}`} aria-labelledby={`group-${gi}`}>
          <h2 id={`group-${gi}`}>{group.report ? conceptText(group.report.code, m.fallback.panel) : m.results.otherResults}</h2>
          <p className="meta">
            {formatDate(group.date, 'long')}
            {group.report?.resultsInterpreter?.[0] || group.report?.performer?.[0]
              ? ` · ${m.results.orderedBy(referenceText(group.report.resultsInterpreter?.[0] ?? group.report.performer?.[0], m.fallback.clinician))}`
              : ''}
          </p>
          <ul className="list">
            {group.results.map((o) => {
              const name = observationName(o, m.fallback.test);
              const range = rangeText(o.referenceRange?.[0], m, formatNumber);
              return (
                <li key={o.id}>
                  <Link className="card" href={`/results/${o.id}`}>
                    <div className="row">
                      <h3>{name}</h3>
                      {isNew(o.id) && <span className="badge new">{m.results.newBadge}</span>}
                    </div>
                    <div className="row">
                      <span className="value">{valueText(o, m, formatNumber) ?? m.notRecorded}</span>
                      <InterpretationBadge observation={o} />
                    </div>
                    <p className="meta">
                      {m.results.range}: {range ?? m.results.noRange}
                    </p>
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
