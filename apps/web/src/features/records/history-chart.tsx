// A small hand-written SVG line chart of one test over time, with the normal range as a shaded
// band. The value axis has round ticks and names its unit. For screen readers the chart is a
// group whose points each say their date, value and flag, and it points at the table of the same
// results (aria-details), so nothing is only visual (WCAG 1.1.1).
import type { Observation } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { niceTicks } from './chart-ticks.js';
import { historyPoints, interpretationOf, observationDate, unitText, valueText } from './format-observation.js';

const W = 340;
const H = 196;
const PAD = { top: 26, right: 12, bottom: 28, left: 44 };

export function HistoryChart({
  observations,
  name,
  tableId,
  unit: unitWords,
  pointValue,
}: {
  observations: Observation[];
  name: string;
  /** The table of the same results. */
  tableId?: string;
  /** The value axis's unit in the reader's words (vital signs); a lab unit by default. */
  unit?: string;
  /** A point's value in words for screen readers (vital signs); a lab value by default. */
  pointValue?: (o: Observation) => string | undefined;
}) {
  const { m, formatDate, formatNumber } = useI18n();
  const points = historyPoints(observations);
  if (points.length < 2) return null;
  const newest = points[points.length - 1].obs;
  const range = newest.referenceRange?.[0];
  const low = range?.low?.value;
  const high = range?.high?.value;
  const values = [...points.map((p) => p.value), ...(low !== undefined ? [low] : []), ...(high !== undefined ? [high] : [])];
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const [min, max] = [ticks.lo, ticks.hi];
  const unit = unitWords ?? unitText(newest.valueQuantity);
  const t0 = Date.parse(points[0].date);
  const t1 = Date.parse(points[points.length - 1].date);
  const x = (date: string) => PAD.left + ((Date.parse(date) - t0) / (t1 - t0 || 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const bandTop = y(high ?? max);
  const bandBottom = y(low ?? min);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={m.results.historyChartLabel(name, points.length)} aria-details={tableId}>
      {(low !== undefined || high !== undefined) && <rect className="band" x={PAD.left} y={bandTop} width={W - PAD.left - PAD.right} height={Math.max(0, bandBottom - bandTop)} />}
      {/* The axes repeat what each point says, so screen readers skip them. */}
      <g aria-hidden="true">
        {ticks.values.map((v) => (
          <g key={v}>
            <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
              {formatNumber(v, ticks.decimals)}
            </text>
          </g>
        ))}
        {unit && (
          <text x={PAD.left - 6} y={12} textAnchor="start" className="unit">
            {unit}
          </text>
        )}
        <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        <text x={PAD.left} y={H - 8}>
          {formatDate(points[0].date)}
        </text>
        <text x={W - PAD.right} y={H - 8} textAnchor="end">
          {formatDate(points[points.length - 1].date)}
        </text>
      </g>
      <path className="line" d={path} />
      {points.map((p) => {
        const i = interpretationOf(p.obs);
        const out = i !== 'normal' && i !== 'unknown';
        const flag = i === 'unknown' ? '' : `, ${m.results.interpretation[i]}`;
        const label = `${formatDate(p.date)}: ${(pointValue ?? ((o) => valueText(o, m, formatNumber)))(p.obs) ?? formatNumber(p.value)}${flag}`;
        return out ? (
          <rect key={p.obs.id} role="img" aria-label={label} className="point out" x={x(p.date) - 5} y={y(p.value) - 5} width="10" height="10" />
        ) : (
          <circle key={p.obs.id} role="img" aria-label={label} className="point" cx={x(p.date)} cy={y(p.value)} r="5" />
        );
      })}
    </svg>
  );
}

/** A chart's numbers as a table, newest first, folded away (the chart's `tableId` points at it). */
export function HistoryTable({ observations, name, tableId, value }: { observations: Observation[]; name: string; tableId: string; value: (o: Observation) => string | undefined }) {
  const { m, formatDate } = useI18n();
  return (
    <details>
      <summary>{m.results.historyTable}</summary>
      <table id={tableId}>
        <caption className="visually-hidden">{name}</caption>
        <thead>
          <tr>
            <th scope="col">{m.results.date}</th>
            <th scope="col">{name}</th>
          </tr>
        </thead>
        <tbody>
          {[...observations].reverse().map((o) => (
            <tr key={o.id}>
              <td>{formatDate(observationDate(o))}</td>
              <td>{value(o) ?? m.notRecorded}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
