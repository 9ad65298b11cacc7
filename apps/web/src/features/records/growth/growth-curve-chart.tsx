// One growth chart: the reference's 5th–95th and 25th–75th percentile bands and its 50th line
// over the child's ages, with the child's measurements as dots. role="img" with a text label;
// the same numbers are in a table next to it (WCAG 1.1.1), so nothing is only visual.
import { percentileCurves, type GrowthMeasure, type Sex } from './references.js';
import type { GrowthMeasurement } from './growth-measurements.js';

const W = 340;
const H = 220;
const PAD = { top: 12, right: 34, bottom: 30, left: 40 };
const BANDS = [5, 25, 50, 75, 95] as const;

export function GrowthCurveChart({ measure, sex, points, label, ageText, formatNumber }: {
  measure: GrowthMeasure;
  sex: Sex;
  points: GrowthMeasurement[];
  label: string;
  ageText: (months: number) => string;
  formatNumber: (value: number, digits?: number) => string;
}) {
  if (points.length === 0) return null;
  // Show a window around the child's own ages, at least a year wide, so the curves have a shape.
  const first = points[0].ageMonths;
  const last = points[points.length - 1].ageMonths;
  const pad = Math.max(2, (last - first) * 0.08);
  let a0 = Math.max(0, first - pad);
  let a1 = last + pad;
  if (a1 - a0 < 12) {
    const grow = (12 - (a1 - a0)) / 2;
    a0 = Math.max(0, a0 - grow);
    a1 = a0 + 12;
  }
  const curves = percentileCurves(measure, sex, a0, a1, BANDS);
  if (curves.length < 2) return null;
  a0 = curves[0].ageMonths;
  a1 = Math.max(curves[curves.length - 1].ageMonths, last);
  const values = [...curves.flatMap((c) => [c.values[5], c.values[95]]), ...points.map((p) => p.value)];
  let min = Math.min(...values);
  let max = Math.max(...values);
  const span = max - min || 1;
  min -= span * 0.05;
  max += span * 0.05;
  const x = (age: number) => PAD.left + ((age - a0) / (a1 - a0 || 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - min) / (max - min)) * (H - PAD.top - PAD.bottom);
  const line = (p: number) => curves.map((c, i) => `${i ? 'L' : 'M'}${x(c.ageMonths).toFixed(1)},${y(c.values[p]).toFixed(1)}`).join(' ');
  const band = (lo: number, hi: number) =>
    `${line(hi)} ${[...curves].reverse().map((c) => `L${x(c.ageMonths).toFixed(1)},${y(c.values[lo]).toFixed(1)}`).join(' ')} Z`;
  const end = curves[curves.length - 1];
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(p.ageMonths).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg className="chart growth" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <path className="band" d={band(5, 95)} fillOpacity={0.55} />
      <path className="band" d={band(25, 75)} />
      <path className="ref mid" d={line(50)} fill="none" />
      {[5, 50, 95].map((p) => (
        <text key={p} x={W - PAD.right + 4} y={y(end.values[p]) + 4}>
          {p}
        </text>
      ))}
      <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
      {[min + (max - min) * 0.05, max - (max - min) * 0.05].map((v) => (
        <text key={v} x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
          {formatNumber(v, v < 20 ? 1 : 0)}
        </text>
      ))}
      <text x={PAD.left} y={H - 10}>
        {ageText(a0)}
      </text>
      <text x={W - PAD.right} y={H - 10} textAnchor="end">
        {ageText(a1)}
      </text>
      {points.length > 1 && <path className="line" d={path} />}
      {points.map((p) => (
        <circle key={p.id} className="point" cx={x(p.ageMonths)} cy={y(p.value)} r="5" />
      ))}
    </svg>
  );
}
