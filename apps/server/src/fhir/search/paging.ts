// Sort keys and keyset paging. A page is "rows after (or before) the last row seen, in sort order",
// so links stay correct while resources are added or removed, unlike OFFSET paging
// (FHIR R4 search.html "Paging": the server decides what a link holds).
import { badRequest } from '#fhir/outcomes.js';
import { bind, type SqlContext } from './conditions.js';
import type { SortKey } from './request.js';

export interface SortSql {
  /** Expressions computed per row, selected as k0, k1, … (the resource id is always the last key). */
  keys: { expr: string; cast: string; descending: boolean }[];
}

const TABLE: Record<string, [string, string, string]> = {
  // [table, ascending column, descending column]: ranges sort by their start going up and their end going down.
  date: ['sp_date', `coalesce(i.lo, '-infinity')`, `coalesce(i.hi, 'infinity')`],
  string: ['sp_string', 'i.value_norm COLLATE "C"', 'i.value_norm COLLATE "C"'],
  token: ['sp_token', 'i.code COLLATE "C"', 'i.code COLLATE "C"'],
  uri: ['sp_uri', 'i.value COLLATE "C"', 'i.value COLLATE "C"'],
  reference: ['sp_reference', 'i.reference COLLATE "C"', 'i.reference COLLATE "C"'],
  number: ['sp_number', 'i.value', 'i.value'],
  quantity: ['sp_quantity', 'i.value', 'i.value'],
};

// Resources without a value sort last in both directions.
const LAST: Record<string, [string, string, string]> = {
  // [cast, sentinel going up, sentinel going down]
  date: ['timestamptz', `'infinity'::timestamptz`, `'-infinity'::timestamptz`],
  number: ['numeric', `'Infinity'::numeric`, `'-Infinity'::numeric`],
  quantity: ['numeric', `'Infinity'::numeric`, `'-Infinity'::numeric`],
  text: ['text', `chr(1114111) COLLATE "C"`, `'' COLLATE "C"`],
};

/**
 * `dateColumns`: columns of `alias` that already hold the `date` parameter's keys (the same values
 * the sub-query below computes; see store/patient-tokens.ts), used instead of reading sp_date.
 */
export function sortSql(sort: SortKey[], alias: string, resourceType: string, ctx: SqlContext, dateColumns?: { lo: string; hi: string }): SortSql {
  const keys = sort.map((key) => {
    if (key.type === 'id') return { expr: `${alias}.id`, cast: 'text', descending: key.descending };
    if (key.type === 'lastUpdated') return { expr: `${alias}.last_updated`, cast: 'timestamptz', descending: key.descending };
    if (dateColumns && key.type === 'date' && key.code === 'date') return { expr: key.descending ? dateColumns.hi : dateColumns.lo, cast: 'timestamptz', descending: key.descending };
    const [table, up, down] = TABLE[key.type];
    const [cast, lastUp, lastDown] = LAST[key.type] ?? LAST.text;
    const agg = key.descending ? `max(${down})` : `min(${up})`;
    const expr = `coalesce((SELECT ${agg} FROM ${table} i WHERE i.resource_type = ${bind(ctx, resourceType)} AND i.resource_id = ${alias}.id AND i.param = ${bind(ctx, key.code)}), ${key.descending ? lastDown : lastUp})`;
    return { expr, cast, descending: key.descending };
  });
  if (!sort.some((k) => k.type === 'id')) keys.push({ expr: `${alias}.id`, cast: 'text', descending: false });
  return { keys };
}

export interface Cursor {
  /** 'n': rows after the key; 'p': rows before it (a `previous` link). */
  direction: 'n' | 'p';
  values: string[];
}

export function encodeCursor(cursor: Cursor, sortSpec: string): string {
  return Buffer.from(JSON.stringify([cursor.direction, sortSpec, ...cursor.values])).toString('base64url');
}

const TIMESTAMP = /^(?:-?infinity|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?))$/;
const NUMERIC = /^(?:-?Infinity|[+-]?\d{1,40}(?:\.\d{1,40})?)$/;

/** Reads a `_cursor` value; it must belong to the same `_sort` and hold values of the right types. */
export function decodeCursor(value: string, sortSpec: string, sql: SortSql): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const bad = () => badRequest('The paging cursor is not valid for this search; start again from the first page');
  if (!Array.isArray(parsed) || parsed.length !== sql.keys.length + 2 || !parsed.every((v) => typeof v === 'string')) throw bad();
  const [direction, spec, ...values] = parsed as string[];
  if ((direction !== 'n' && direction !== 'p') || spec !== sortSpec) throw bad();
  values.forEach((v, i) => {
    const cast = sql.keys[i].cast;
    if ((cast === 'timestamptz' && !TIMESTAMP.test(v)) || (cast === 'numeric' && !NUMERIC.test(v))) throw bad();
  });
  return { direction, values };
}

/**
 * Rows strictly after (or before) the cursor in sort order: (k0 > c0) OR (k0 = c0 AND k1 > c1) …,
 * with each comparison flipped for descending keys, so mixed directions work.
 */
export function keysetCondition(sql: SortSql, cursor: Cursor, ctx: SqlContext, column = (i: number) => `k${i}`): string {
  const ors: string[] = [];
  for (let j = 0; j < sql.keys.length; j++) {
    const ands: string[] = [];
    for (let m = 0; m < j; m++) ands.push(`${column(m)} = ${bind(ctx, cursor.values[m])}::${sql.keys[m].cast}`);
    const forward = sql.keys[j].descending ? '<' : '>';
    const op = cursor.direction === 'n' ? forward : forward === '<' ? '>' : '<';
    ands.push(`${column(j)} ${op} ${bind(ctx, cursor.values[j])}::${sql.keys[j].cast}`);
    ors.push(ands.join(' AND '));
  }
  return ors.map((o) => `(${o})`).join(' OR ');
}

/** ORDER BY for the page; a `previous` page is read backwards and reversed afterwards. */
export function orderBy(sql: SortSql, backwards: boolean, column = (i: number) => `k${i}`): string {
  return sql.keys.map((k, i) => `${column(i)} ${k.descending !== backwards ? 'DESC' : 'ASC'}`).join(', ');
}
