// Lab results in the staff chart: each test once, with its latest value, whether it is in range,
// and its trend (the patient app's chart and table of the numbers).
import type { Observation } from '@medplum/fhirtypes';
import { labTestName } from '#plain-words/test-name.js';
import { useI18n } from '../../i18n/index.js';
import { observationDate, rangeText, valueText } from '../records/format-observation.js';
import { HistoryChart } from '../records/history-chart.js';
import { InterpretationBadge } from '../records/result-views.js';
import { labTrends } from './lab-trends.js';
import { useStaffText } from './staff-text.js';

export function ChartResults({ results, more, count }: { results: Observation[]; more: boolean; count: number }) {
  const t = useStaffText();
  const { m, locale, formatDate, formatNumber } = useI18n();
  const trends = labTrends(results);
  if (trends.length === 0) return <p>{t.chart.noResults}</p>;
  return (
    <>
      <p className="meta">{t.chart.resultsIntro}</p>
      {more && <p className="meta">{t.chart.olderNotShown(count)}</p>}
      <ul className="list trend-list">
        {trends.map(({ key, latest, history }) => {
          const name = labTestName(latest.code, locale, m.fallback.test);
          const range = rangeText(latest.referenceRange?.[0], m, formatNumber);
          return (
            <li key={key} className="card dense">
              <div className="row">
                <h3>{name}</h3>
                <InterpretationBadge observation={latest} />
              </div>
              <p>
                <span className="value">{valueText(latest, m, formatNumber) ?? m.notRecorded}</span> · {t.chart.latest(formatDate(observationDate(latest), 'long'))}
              </p>
              <p className="meta">
                {m.results.range}: {range ?? m.results.noRange} · {t.chart.times(history.length)}
              </p>
              <HistoryChart observations={history} name={name} tableId={`staff-trend-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`} />
              {history.length > 1 && (
                <details>
                  <summary>{m.results.historyTable}</summary>
                  <table id={`staff-trend-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`}>
                    <caption className="visually-hidden">{name}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{m.results.date}</th>
                        <th scope="col">{name}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...history].reverse().map((o) => (
                        <tr key={o.id}>
                          <td>{formatDate(observationDate(o))}</td>
                          <td>{valueText(o, m, formatNumber) ?? m.notRecorded}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
