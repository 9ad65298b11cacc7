import { useEffect } from 'react';
import { findLabExplanation } from '#plain-words/content/lab-tests.js';
import { useI18n } from '../i18n/index.js';
import { usePatient } from '../features/identity/session.js';
import { loadResultDetail } from '../features/records/load-records.js';
import { useRecord } from '../features/records/use-record.js';
import { markResultOpened } from '../features/records/opened-results.js';
import { conceptText, newestFirst, referenceText } from '../features/records/format-common.js';
import { loincOf, observationDate, rangeText, valueText } from '../features/records/format-observation.js';
import { labTestName } from '#plain-words/test-name.js';
import { HistoryChart } from '../features/records/history-chart.js';
import { AsWritten, ClinicWords } from '../features/records/clinic-words.js';
import { chartLanguage } from '#plain-words/record-name.js';
import { InterpretationBadge, SavedNotice } from '../features/records/result-views.js';
import { ErrorMessage, Loading, PageTitle } from '../ui/primitives.js';
import { Link } from './router.js';

export default function ResultDetailScreen({ params }: { params: Record<string, string> }) {
  const { m, locale, formatDate, formatNumber } = useI18n();
  const { patientId } = usePatient();
  const { data, error, loading, reload } = useRecord(`result:${params.id}`, (pid, signal) => loadResultDetail(pid, params.id, signal));
  useEffect(() => {
    if (data) markResultOpened(patientId, params.id);
  }, [data, patientId, params.id]);

  if (loading && !data) return <Loading />;
  if (error !== undefined || !data) return <ErrorMessage error={error} onRetry={reload} />;
  const { observation: o, history, report } = data.value;
  const explanation = findLabExplanation(loincOf(o) ?? '')?.[locale];
  const name = labTestName(o.code, locale, m.fallback.test);
  const statusText = m.results.status[o.status];
  return (
    <>
      <p className="no-print">
        <Link href="/results">
          <span className="back-arrow" aria-hidden="true">←</span> {m.results.title}
        </Link>
      </p>
      <PageTitle>{name}</PageTitle>
      <SavedNotice savedAt={data.savedAt} />
      <section className="card" aria-labelledby="your-result">
        <h2 id="your-result" style={{ marginTop: 0 }}>
          {m.results.yourResult}
        </h2>
        <div className="row">
          <span className="value">{valueText(o, m, formatNumber) ?? m.notRecorded}</span>
          <InterpretationBadge observation={o} />
        </div>
        <dl>
          <dt>{m.results.range}</dt>
          <dd>{rangeText(o.referenceRange?.[0], m, formatNumber) ?? m.results.noRange}</dd>
          <dt>{m.results.date}</dt>
          <dd>{formatDate(observationDate(o), 'long')}</dd>
          {report && (report.resultsInterpreter?.[0] || report.performer?.[0]) && (
            <>
              <dt>{m.results.orderedBy('').trim()}</dt>
              <dd>{referenceText(report.resultsInterpreter?.[0] ?? report.performer?.[0], m.fallback.clinician)}</dd>
            </>
          )}
        </dl>
        {statusText && <p className="meta">{statusText}</p>}
        {o.note?.some((n) => n.text?.trim()) && (
          <ClinicWords lang={chartLanguage(o)}>
            {o.note.map((n, i) => (n.text?.trim() ? <p key={i}>{n.text}</p> : null))}
          </ClinicWords>
        )}
        <p className="meta">{m.results.askCareTeam}</p>
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{m.results.history}</h2>
        {history.length < 2 ? (
          <p>{m.results.onlyOne}</p>
        ) : (
          <>
            <HistoryChart observations={history} name={name} tableId="history-table" />
            <details>
              <summary>{m.results.historyTable}</summary>
              <table id="history-table">
                <caption className="visually-hidden">{m.results.historyTable}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.results.date}</th>
                    <th scope="col">{m.results.yourResult}</th>
                    <th scope="col">{m.results.range}</th>
                  </tr>
                </thead>
                <tbody>
                  {newestFirst(history, observationDate).map((h) => (
                    <tr key={h.id}>
                      <td>{formatDate(observationDate(h))}</td>
                      <td>
                        {valueText(h, m, formatNumber) ?? m.notRecorded} <InterpretationBadge observation={h} />
                      </td>
                      <td>{rangeText(h.referenceRange?.[0], m, formatNumber) ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="about">
        <h2 id="about">{m.results.about}</h2>
        {explanation ? (
          <>
            <h3>{m.results.whatItMeasures}</h3>
            <p>{explanation.measures}</p>
            <h3>{m.results.whyOrdered}</h3>
            <p>{explanation.why}</p>
            {explanation.highLow && (
              <>
                <h3>{m.results.highLow}</h3>
                <p>{explanation.highLow}</p>
              </>
            )}
          </>
        ) : (
          <p>{m.results.noExplanation}</p>
        )}
        {report?.conclusion && (
          <>
            <h3>{m.results.notes}</h3>
            <ClinicWords lang={chartLanguage(report)}>
              <p>{report.conclusion}</p>
            </ClinicWords>
          </>
        )}
        {report && !explanation && conceptText(report.code, '') && (
          <p className="meta">
            <AsWritten lang={chartLanguage(report)}>{conceptText(report.code, '')}</AsWritten>
          </p>
        )}
      </section>
    </>
  );
}
