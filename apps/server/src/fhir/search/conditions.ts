// SQL conditions for parsed filters. Each condition is on one fhir_resource row (`alias`) and tests
// the index rows written at write time (indexing/extract.ts); values are always bound parameters.
import { forbidden } from '#fhir/outcomes.js';
import { normalizeString } from '#fhir/strings.js';
import { canSearch, type AccessPolicy } from '../../access/policy.js';
import { reachableCondition } from '../../access/sql.js';
import type { Filter, IndexTable } from './filters.js';
import { escapeLike, type DateValue, type NumberValue, type Prefix, type QuantityValue, type TokenValue } from './values.js';
import { indexKey, indexPrefix } from '../indexing/index-keys.js';

export interface SqlContext {
  params: unknown[];
  policy: AccessPolicy;
  /** Counter for unique sub-query aliases. */
  aliases: number;
}

export function bind(ctx: SqlContext, value: unknown): string {
  ctx.params.push(value);
  return `$${ctx.params.length}`;
}

/** The condition for one filter on rows of `resourceType` aliased `alias`. */
export function filterCondition(filter: Filter, alias: string, resourceType: string, ctx: SqlContext): string {
  const exists = (table: IndexTable, code: string, body: (i: string) => string, negate = false) => {
    const i = `i${ctx.aliases++}`;
    const head = `SELECT 1 FROM ${table} ${i} WHERE ${i}.resource_type = ${bind(ctx, resourceType)} AND ${i}.resource_id = ${alias}.id AND ${i}.param = ${bind(ctx, code)}`;
    const inner = body(i);
    return `${negate ? 'NOT ' : ''}EXISTS (${head}${inner ? ` AND (${inner})` : ''})`;
  };
  switch (filter.kind) {
    case 'missing':
      return exists(filter.table, filter.code, () => '', filter.missing);
    case 'id':
      return `${filter.not ? 'NOT ' : ''}${alias}.id = ANY(${bind(ctx, filter.values)}::text[])`;
    case 'lastUpdated':
      return or(filter.values.map((v) => pointDate(`${alias}.last_updated`, v, ctx)));
    case 'token':
      return exists('sp_token', filter.code, (i) => or(filter.values.map((v) => tokenMatch(i, v, ctx))), filter.not);
    case 'token-text':
      // :text searches the display texts like a string search (search.html "token", :text).
      return exists('sp_token', filter.code, (i) =>
        or(filter.values.map((v) => {
          const q = escapeLike(normalizeString(v));
          return `${i}.text_norm LIKE ${bind(ctx, `${q}%`)} OR ${i}.text_norm LIKE ${bind(ctx, `% ${q}%`)}`;
        })),
      );
    case 'string':
      return exists('sp_string', filter.code, (i) =>
        or(filter.values.map((v) => {
          // Default: starts-with, case- and accent-insensitive; :exact is exact; :contains anywhere (search.html "string").
          if (filter.mode === 'exact') return `${i}.value = ${bind(ctx, v)}`;
          // The index holds the first INDEXED_PREFIX_CHARS characters of a long value (index-keys.ts).
          const q = escapeLike(indexPrefix(normalizeString(v)));
          return `${i}.value_norm LIKE ${bind(ctx, filter.mode === 'contains' ? `%${q}%` : `${q}%`)}`;
        })),
      );
    case 'uri':
      return exists('sp_uri', filter.code, (i) =>
        or(filter.values.map((v) => {
          if (filter.mode === 'below') return `${i}.value LIKE ${bind(ctx, `${escapeLike(indexPrefix(v))}%`)}`;
          if (filter.mode === 'above') return `starts_with(${bind(ctx, v)}::text, ${i}.value)`;
          return `${i}.value = ${bind(ctx, indexKey(v))}`;
        })),
      );
    case 'reference':
      return exists('sp_reference', filter.code, (i) => {
        const values = or(filter.values.map((v) => {
          if (v.literal !== undefined) return `${i}.reference = ${bind(ctx, v.literal)}`;
          const id = `${i}.target_id = ${bind(ctx, v.id)}`;
          return v.type ? `${id} AND ${i}.target_type = ${bind(ctx, v.type)}` : id;
        }));
        return filter.targetType ? `${i}.target_type = ${bind(ctx, filter.targetType)} AND (${values})` : values;
      });
    case 'date':
      return exists('sp_date', filter.code, (i) => or(filter.values.map((v) => rangeDate(`coalesce(${i}.lo, '-infinity')`, `coalesce(${i}.hi, 'infinity')`, v, ctx))));
    case 'number':
      return exists('sp_number', filter.code, (i) => or(filter.values.map((v) => numberMatch(`${i}.value`, v, ctx))));
    case 'quantity':
      return exists('sp_quantity', filter.code, (i) => or(filter.values.map((v) => quantityMatch(i, v, ctx))));
    case 'chain': {
      const i = `i${ctx.aliases++}`;
      const targets = filter.targets.map(({ type, filter: inner }) => {
        if (!canSearch(ctx.policy, type)) throw forbidden(`Not permitted to search ${type}`);
        const c = `c${ctx.aliases++}`;
        const t = bind(ctx, type);
        // The chained resource must itself be reachable, so a chain never reveals data about others.
        return `${i}.target_type = ${t} AND ${i}.target_id IN (SELECT ${c}.id FROM fhir_resource ${c} WHERE ${c}.resource_type = ${t} AND NOT ${c}.deleted AND ${reachableCondition(ctx.policy, c, ctx.params)} AND ${filterCondition(inner, c, type, ctx)})`;
      });
      return `EXISTS (SELECT 1 FROM sp_reference ${i} WHERE ${i}.resource_type = ${bind(ctx, resourceType)} AND ${i}.resource_id = ${alias}.id AND ${i}.param = ${bind(ctx, filter.code)} AND (${or(targets)}))`;
    }
    case 'has': {
      if (!canSearch(ctx.policy, filter.sourceType)) throw forbidden(`Not permitted to search ${filter.sourceType}`);
      const i = `i${ctx.aliases++}`;
      const s = `s${ctx.aliases++}`;
      const st = bind(ctx, filter.sourceType);
      return `EXISTS (SELECT 1 FROM sp_reference ${i} JOIN fhir_resource ${s} ON ${s}.resource_type = ${i}.resource_type AND ${s}.id = ${i}.resource_id
        WHERE ${i}.resource_type = ${st} AND ${i}.param = ${bind(ctx, filter.refCode)} AND ${i}.target_type = ${bind(ctx, resourceType)} AND ${i}.target_id = ${alias}.id
        AND NOT ${s}.deleted AND ${reachableCondition(ctx.policy, s, ctx.params)} AND ${filterCondition(filter.filter, s, filter.sourceType, ctx)})`;
    }
    case 'composite':
      return or(filter.alternatives.map((parts) => parts.map((p) => filterCondition(p, alias, resourceType, ctx)).join(' AND ')));
  }
}

function or(parts: string[]): string {
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' OR ');
}

function tokenMatch(i: string, v: TokenValue, ctx: SqlContext): string {
  const parts: string[] = [];
  if (v.code !== undefined) parts.push(`${i}.code = ${bind(ctx, v.code)}`);
  if (v.system === null) parts.push(`${i}.system IS NULL`);
  else if (v.system !== undefined) parts.push(`${i}.system = ${bind(ctx, v.system)}`);
  if (v.code === undefined) parts.push(`${i}.code IS NOT NULL`);
  return parts.join(' AND ');
}

/**
 * A stored range [lo, hi) against a search range, by prefix (search.html "date": the prefix table
 * defines each as a relation between the range of the search value and the range of the target).
 */
function rangeDate(lo: string, hi: string, v: DateValue, ctx: SqlContext): string {
  // Bound lazily: a parameter the statement never mentions has no type and fails the query.
  const once = (value: string) => {
    let placeholder: string | undefined;
    return () => (placeholder ??= `${bind(ctx, value)}::timestamptz`);
  };
  const [qlo, qhi] = [once(v.range.lo), once(v.range.hi)];
  const ql = { toString: qlo };
  const qh = { toString: qhi };
  const contained = () => `${lo} >= ${ql} AND ${hi} <= ${qh}`;
  switch (v.prefix) {
    case 'eq':
      return contained();
    case 'ne':
      return `NOT (${contained()})`;
    case 'gt':
      return `${hi} > ${qh}`;
    case 'lt':
      return `${lo} < ${ql}`;
    case 'ge':
      return `${hi} > ${qh} OR (${contained()})`;
    case 'le':
      return `${lo} < ${ql} OR (${contained()})`;
    case 'sa':
      return `${lo} >= ${qh}`;
    case 'eb':
      return `${hi} <= ${ql}`;
    case 'ap': {
      const [al, ah] = approximate(v);
      return `${lo} < ${bind(ctx, ah)}::timestamptz AND ${hi} > ${bind(ctx, al)}::timestamptz`;
    }
  }
}

/** `_lastUpdated` is an instant: a point, compared against the search range. */
function pointDate(col: string, v: DateValue, ctx: SqlContext): string {
  const ql = () => `${bind(ctx, v.range.lo)}::timestamptz`;
  const qh = () => `${bind(ctx, v.range.hi)}::timestamptz`;
  const within = () => `${col} >= ${ql()} AND ${col} < ${qh()}`;
  const ops: Record<Prefix, () => string> = {
    eq: within,
    ne: () => `NOT (${within()})`,
    gt: () => `${col} >= ${qh()}`,
    sa: () => `${col} >= ${qh()}`,
    lt: () => `${col} < ${ql()}`,
    eb: () => `${col} < ${ql()}`,
    ge: () => `${col} >= ${ql()}`,
    le: () => `${col} < ${qh()}`,
    ap: () => '',
  };
  if (v.prefix !== 'ap') return ops[v.prefix]();
  const [al, ah] = approximate(v);
  return `${col} >= ${bind(ctx, al)}::timestamptz AND ${col} < ${bind(ctx, ah)}::timestamptz`;
}

/** ap: widen by 10% of the distance to now, at least a day (search.html recommends ~10%). */
function approximate(v: DateValue): [string, string] {
  const lo = Date.parse(v.range.lo);
  const hi = Date.parse(v.range.hi);
  const gap = Math.max(86_400_000, Math.abs(Date.now() - lo) * 0.1);
  return [new Date(lo - gap).toISOString(), new Date(hi + gap).toISOString()];
}

/** Numbers carry their precision: eq 100 means [99.5, 100.5) (search.html "number"). */
function numberMatch(col: string, v: NumberValue, ctx: SqlContext): string {
  const q = `${bind(ctx, v.value)}::numeric`;
  const within = () => {
    const half = `${bind(ctx, v.half)}::numeric`;
    return `${col} >= ${q} - ${half} AND ${col} < ${q} + ${half}`;
  };
  switch (v.prefix) {
    case 'eq':
      return within();
    case 'ne':
      return `NOT (${within()})`;
    case 'gt':
    case 'sa':
      return `${col} > ${q}`;
    case 'lt':
    case 'eb':
      return `${col} < ${q}`;
    case 'ge':
      return `${col} >= ${q}`;
    case 'le':
      return `${col} <= ${q}`;
    case 'ap':
      return `${col} BETWEEN ${q} - abs(${q}) * 0.1 AND ${q} + abs(${q}) * 0.1`;
  }
}

/** Quantity: the number, then the unit by system+code, or by code/unit text when no system is given. */
function quantityMatch(i: string, v: QuantityValue, ctx: SqlContext): string {
  const parts = [numberMatch(`${i}.value`, v, ctx)];
  if (v.system !== undefined) parts.push(`${i}.system = ${bind(ctx, v.system)}`);
  if (v.code !== undefined) {
    const code = bind(ctx, v.code);
    parts.push(v.system !== undefined ? `${i}.code = ${code}` : `(${i}.code = ${code} OR ${i}.unit = ${code})`);
  }
  return parts.map((p) => `(${p})`).join(' AND ');
}
