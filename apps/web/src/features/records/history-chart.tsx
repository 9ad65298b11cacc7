// A small hand-written SVG line chart of one test over time, with the normal range as a shaded
// band. The SVG has role="img" and a text label; the same numbers are in a table beside it
// (WCAG 1.1.1), so nothing is only visual.
import type { Observation } from '@medplum/fhirtypes';
import { useI18n } from '../../i18n/index.js';
import { historyPoints, interpretationOf } from './format-observation.js';

const W = 340;
const H = 180;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

export function HistoryChart({ observations, name }: { observations: Observation[]; name: string }) {
  const { m, formatDate, formatNumber } = useI18n();
  const points = historyPoints(observations);
  if (points.length < 2) return null;
  const range = points[points.length - 1].obs.referenceRange?.[0];
  const low = range?.low?.value;
  const high = range?.high?.value;
  const values = [...points.map((p) => p.value), ...(low !== undefined ? [low] : []), ...(high !== undefined ? [high] : [])];
  let min = Math.min(...values);
  let max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  min -= span * 0.1;
  max += span * 0.1;
  const t0 = Date.parse(points[0].date);
  const t1 = Date.parse(points[points.length - 1].date);
  const x = (date: string) => PAD.left + ((Date.parse(date) - t0) / (t1 - t0 || 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const bandTop = y(high ?? max);
  const bandBottom = y(low ?? min);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={m.results.historyChartLabel(name, points.length)}>
      {(low !== undefined || high !== undefined) && <rect className="band" x={PAD.left} y={bandTop} width={W - PAD.left - PAD.right} height={Math.max(0, bandBottom - bandTop)} />}
      <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
      {[min + (max - min) * 0.1, max - (max - min) * 0.1].map((v) => (
        <text key={v} x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
          {formatNumber(v, 1)}
        </text>
      ))}
      <text x={PAD.left} y={H - 8}>
        {formatDate(points[0].date)}
      </text>
      <text x={W - PAD.right} y={H - 8} textAnchor="end">
        {formatDate(points[points.length - 1].date)}
      </text>
      <path className="line" d={path} />
      {points.map((p) => {
        const i = interpretationOf(p.obs);
        const out = i !== 'normal' && i !== 'unknown';
        return out ? (
          <rect key={p.obs.id} className="point out" x={x(p.date) - 5} y={y(p.value) - 5} width="10" height="10" />
        ) : (
          <circle key={p.obs.id} className="point" cx={x(p.date)} cy={y(p.value)} r="5" />
        );
      })}
    </svg>
  );
}
