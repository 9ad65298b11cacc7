// Lab results in the staff chart: each test once, with its latest value, whether it is in range,
// and its trend (the patient app's chart and table of the numbers).
import type { Observation } from '@medplum/fhirtypes';
import { labTestName } from '#plain-words/test-name.js';
import { useI18n } from '../../i18n/index.js';
import { observationDate, rangeText, valueText } from '../records/format-observation.js';
import { HistoryChart, HistoryTable } from '../records/history-chart.js';
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
          const tableId = `staff-trend-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
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
              <HistoryChart observations={history} name={name} tableId={tableId} />
              {history.length > 1 && <HistoryTable observations={history} name={name} tableId={tableId} value={(o) => valueText(o, m, formatNumber)} />}
            </li>
          );
        })}
      </ul>
    </>
  );
}
