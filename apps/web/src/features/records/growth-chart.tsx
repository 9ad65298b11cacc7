// A growth chart of one percentile measure over the child's age: the 5th, 50th and 95th
// percentile lines as references and the child's recorded percentiles as a line. role="img" with
// a text label; the same numbers are in a table beside it (WCAG 1.1.1).
import { useI18n } from '../../i18n/index.js';
import { REFERENCE_PERCENTILES, type GrowthPoint } from './growth.js';

const W = 340;
const H = 200;
const PAD = { top: 12, right: 40, bottom: 30, left: 34 };

export function GrowthChart({ points, name }: { points: GrowthPoint[]; name: string }) {
  const { m, formatNumber } = useI18n();
  if (points.length === 0) return null;
  const a0 = Math.floor(points[0].ageYears * 2) / 2;
  const a1 = Math.max(a0 + 0.5, Math.ceil(points[points.length - 1].ageYears * 2) / 2);
  const x = (age: number) => PAD.left + ((age - a0) / (a1 - a0)) * (W - PAD.left - PAD.right);
  const y = (p: number) => PAD.top + (1 - p / 100) * (H - PAD.top - PAD.bottom);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.ageYears).toFixed(1)},${y(p.percentile).toFixed(1)}`).join(' ');
  const latest = points[points.length - 1];
  const years = (a: number) => formatNumber(a, 1);
  return (
    <svg className="chart growth" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={m.summary.growthChartLabel(name, points.length, m.summary.percentile(formatNumber(latest.percentile, 0)))}>
      <rect className="band" x={PAD.left} y={y(95)} width={W - PAD.left - PAD.right} height={y(5) - y(95)} />
      {REFERENCE_PERCENTILES.map((p) => (
        <g key={p}>
          <line className={p === 50 ? 'ref mid' : 'ref'} x1={PAD.left} x2={W - PAD.right} y1={y(p)} y2={y(p)} />
          <text x={W - PAD.right + 4} y={y(p) + 4}>
            {p}
          </text>
        </g>
      ))}
      <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
      {[0, 100].map((p) => (
        <text key={p} x={PAD.left - 6} y={y(p) + 4} textAnchor="end">
          {p}
        </text>
      ))}
      <text x={PAD.left} y={H - 10}>
        {`${m.summary.age} ${years(a0)}`}
      </text>
      <text x={W - PAD.right} y={H - 10} textAnchor="end">
        {years(a1)}
      </text>
      {points.length > 1 && <path className="line" d={path} />}
      {points.map((p) => (
        <circle key={p.id} className="point" cx={x(p.ageYears)} cy={y(p.percentile)} r="5" />
      ))}
    </svg>
  );
}
