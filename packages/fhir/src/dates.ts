// FHIR date, dateTime and instant values have a precision (year, month, day, second, …). For search
// a value stands for the whole range of instants it covers (FHIR R4 search §3.1.1.4.3 "date").
// Ranges here are half-open: lo inclusive, hi exclusive, both as ISO instants in UTC.

export interface InstantRange {
  lo: string;
  hi: string;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * The instant range a FHIR date/dateTime/instant covers, or undefined when the text is not a valid
 * FHIR date. Values without a time zone are read as UTC.
 */
export function toInstantRange(value: string): InstantRange | undefined {
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : undefined;
  const day = d ? Number(d) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month as number))) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 60))) return undefined;
  const offsetMs = tz && tz !== 'Z' ? (tz[0] === '-' ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60_000 : 0;
  let lo: number;
  let hi: number;
  if (month === undefined) {
    lo = Date.UTC(year, 0, 1);
    hi = Date.UTC(year + 1, 0, 1);
  } else if (day === undefined) {
    lo = Date.UTC(year, month - 1, 1);
    hi = Date.UTC(year, month, 1);
  } else if (h === undefined) {
    lo = Date.UTC(year, month - 1, day);
    hi = Date.UTC(year, month - 1, day + 1);
  } else {
    const base = Date.UTC(year, month - 1, day, Number(h), Number(mi), s ? Number(s) : 0) - offsetMs;
    if (s === undefined) {
      lo = base;
      hi = base + 60_000;
    } else if (!frac) {
      lo = base;
      hi = base + 1000;
    } else {
      const digits = Math.min(frac.length, 3);
      const step = 10 ** (3 - digits);
      lo = base + Number(frac.slice(0, digits)) * step;
      hi = lo + step;
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  return { lo: new Date(lo).toISOString(), hi: new Date(hi).toISOString() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
