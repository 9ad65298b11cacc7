// Round axis values for a chart ("60, 80, 100, 120" rather than "70.7, 103.3"): a step of 1, 2,
// 2.5 or 5 times a power of ten, the axis widened to whole steps around the data. Pure.

export interface Ticks {
  /** Axis bounds, on whole steps. */
  lo: number;
  hi: number;
  /** Tick values from lo to hi. */
  values: number[];
  /** Decimals that show every tick exactly (0 for a step of 10). */
  decimals: number;
}

const STEPS = [1, 2, 2.5, 5, 10];

/** About `target` intervals (3–6) spanning min..max; a flat series gets a step around its value. */
export function niceTicks(min: number, max: number, target = 4): Ticks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { lo: 0, hi: 1, values: [0, 1], decimals: 0 };
  if (max < min) [min, max] = [max, min];
  const span = max - min || Math.abs(max) * 0.2 || 1;
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.map((s) => s * power).find((s) => s >= raw * 0.999) ?? 10 * power;
  // A value exactly on a step stays the bound; the flat case gets a step either side.
  let lo = Math.floor(min / step + 1e-9) * step;
  let hi = Math.ceil(max / step - 1e-9) * step;
  if (hi === lo) {
    lo -= step;
    hi += step;
  }
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / power === 2.5 ? 1 : 0));
  const values: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) values.push(Number(v.toFixed(decimals)));
  return { lo: values[0], hi: values[values.length - 1], values, decimals };
}
