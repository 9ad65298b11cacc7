// Rows of sp_patient_token (migration 011, docs/decisions/0012): a resource's `code` and `category`
// tokens once per patient its `patient` search parameter refers to, with the resource's `date` sort
// keys, so a patient-scoped search reads one page in order from one index.
import type { IndexRows } from '../indexing/extract.js';

/**
 * The token parameters copied per patient. The search engine drives only these from the table, and
 * migration 011 backfilled exactly these: adding one needs a migration that backfills it.
 */
export const PATIENT_TOKEN_PARAMS: ReadonlySet<string> = new Set(['code', 'category']);

/** The reference parameter whose Patient targets the rows are keyed by. */
export const PATIENT_PARAM = 'patient';

export interface DateSortKeys {
  /** `_sort=date`: earliest start of the `date` parameter, 'infinity' when there is none. */
  lo: string;
  /** `_sort=-date`: latest end of the `date` parameter, '-infinity' when there is none. */
  hi: string;
}

/**
 * The same keys search/paging.ts computes from sp_date for `_sort=date` and `_sort=-date`: an open
 * start sorts first going up, an open end first going down, and no date sorts last both ways.
 */
export function dateSortKeys(rows: IndexRows): DateSortKeys {
  let lo: { text: string; t: number } | undefined;
  let hi: { text: string; t: number } | undefined;
  for (const d of rows.date) {
    if (d.param !== 'date') continue;
    const l = d.lo === null ? { text: '-infinity', t: -Infinity } : { text: d.lo, t: Date.parse(d.lo) };
    const h = d.hi === null ? { text: 'infinity', t: Infinity } : { text: d.hi, t: Date.parse(d.hi) };
    if (!lo || l.t < lo.t) lo = l;
    if (!hi || h.t > hi.t) hi = h;
  }
  return { lo: lo?.text ?? 'infinity', hi: hi?.text ?? '-infinity' };
}

export interface PatientTokenRow {
  patientId: string;
  param: string;
  system: string | null;
  code: string;
  dateLo: string;
  dateHi: string;
}

export function patientTokenRows(rows: IndexRows): PatientTokenRow[] {
  const patients = new Set<string>();
  for (const r of rows.reference) {
    if (r.param === PATIENT_PARAM && r.targetType === 'Patient' && r.targetId) patients.add(r.targetId);
  }
  if (patients.size === 0) return [];
  const tokens = rows.token.filter((t) => t.code !== null && PATIENT_TOKEN_PARAMS.has(t.param));
  if (tokens.length === 0) return [];
  const { lo, hi } = dateSortKeys(rows);
  const out: PatientTokenRow[] = [];
  for (const patientId of patients) {
    for (const t of tokens) out.push({ patientId, param: t.param, system: t.system, code: t.code as string, dateLo: lo, dateHi: hi });
  }
  return out;
}
