// The LMS method (Cole & Green, Stat Med 1992), as the WHO and CDC growth charts use it: at each
// age a measurement X has z = ((X/M)^L − 1) / (L·S), or ln(X/M)/S when L is 0, and the value at a
// given z is M·(1 + L·S·z)^(1/L). Pure.
import type { LmsRow } from './lms-tables.js';

export interface Lms {
  l: number;
  m: number;
  s: number;
}

export function zScore(x: number, { l, m, s }: Lms): number {
  if (Math.abs(l) < 1e-7) return Math.log(x / m) / s;
  return (Math.pow(x / m, l) - 1) / (l * s);
}

export function valueAtZ(z: number, { l, m, s }: Lms): number {
  if (Math.abs(l) < 1e-7) return m * Math.exp(s * z);
  return m * Math.pow(1 + l * s * z, 1 / l);
}

/**
 * The standard normal distribution function Φ(z) = (1 + erf(z/√2)) / 2, with erf from Abramowitz
 * & Stegun, Handbook of Mathematical Functions, formula 7.1.26 (absolute error below 1.5e-7), so a
 * percentile is right to far more places than a chart shows.
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function percentileOf(x: number, lms: Lms): number {
  return 100 * normalCdf(zScore(x, lms));
}

/** z of the percentile lines drawn on growth charts (inverse normal, to 7 places). */
export const PERCENTILE_Z: Record<number, number> = {
  3: -1.8807936, 5: -1.6448536, 10: -1.2815516, 25: -0.6744898, 50: 0, 75: 0.6744898, 90: 1.2815516, 95: 1.6448536, 97: 1.8807936,
};

/**
 * L, M and S at an age, interpolated linearly between the table's rows (what the CDC advises for
 * ages between its half-month points); undefined outside the table.
 */
export function lmsAt(rows: readonly LmsRow[], ages: readonly number[], ageMonths: number): Lms | undefined {
  if (!(ageMonths >= ages[0] && ageMonths <= ages[ages.length - 1])) return undefined;
  let i = 0;
  while (i < ages.length - 2 && ages[i + 1] < ageMonths) i++;
  const span = ages[i + 1] - ages[i];
  const f = span > 0 ? Math.min(1, Math.max(0, (ageMonths - ages[i]) / span)) : 0;
  const [l0, m0, s0] = rows[i];
  const [l1, m1, s1] = rows[i + 1];
  return { l: l0 + f * (l1 - l0), m: m0 + f * (m1 - m0), s: s0 + f * (s1 - s0) };
}
