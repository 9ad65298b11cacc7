// Pure parsing of search values (FHIR R4 search.html, "Search Types" and the prefix table).
// Everything here throws FhirError 400 on malformed input, so the SQL layer only sees valid values.
import { toInstantRange, type InstantRange } from '#fhir/dates.js';
import { badRequest } from '#fhir/outcomes.js';
import { indexKey } from '../indexing/index-keys.js';

export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';
const PREFIXES = new Set<Prefix>(['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap']);

/**
 * Splits a comma-separated OR list, honouring `\,` escapes (search.html "Escaping Search Parameters").
 * `\$`, `\|` and `\\` stay escaped so later splits on `$` and `|` can honour them too.
 */
export function splitOr(value: string): string[] {
  return splitEscaped(value, ',').map((v) => v.replace(/\\,/g, ','));
}

/** Splits on an unescaped separator; escapes are kept for the caller to remove. */
export function splitEscaped(value: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === separator) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

export function unescape(value: string): string {
  return value.replace(/\\([\\,$|])/g, '$1');
}

/** Takes a leading two-letter prefix (only where the value cannot otherwise start with letters). */
export function takePrefix(value: string, name: string): { prefix: Prefix; rest: string } {
  const m = /^([a-z]{2})(.*)$/.exec(value);
  if (m) {
    if (!PREFIXES.has(m[1] as Prefix)) throw badRequest(`Unknown prefix ${JSON.stringify(m[1])} in ${name}; use eq, ne, gt, lt, ge, le, sa, eb or ap`);
    return { prefix: m[1] as Prefix, rest: m[2] };
  }
  return { prefix: 'eq', rest: value };
}

export interface DateValue {
  prefix: Prefix;
  range: InstantRange;
}

/** `[prefix]date` where date is a FHIR date, dateTime or instant of any precision. */
export function parseDateValue(value: string, name: string): DateValue {
  const { prefix, rest } = takePrefix(value, name);
  // `+` in a time-zone offset arrives as a space when the client did not percent-encode it.
  const range = toInstantRange(rest.replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!range) throw badRequest(`${name} needs a FHIR date such as 2024-03-05 or 2024-03-05T10:00:00Z, got ${JSON.stringify(rest.slice(0, 40))}`);
  return { prefix, range };
}

export interface NumberValue {
  prefix: Prefix;
  /** The value as written (exact decimal text, compared as SQL numeric). */
  value: string;
  /**
   * Half a unit of its last significant place, as numeric text: 100 stands for [99.5, 100.5)
   * (search.html "number": the precision of the search value is implied).
   */
  half: string;
}

const NUMBER = /^[+-]?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/;

export function parseNumberValue(value: string, name: string): NumberValue {
  const { prefix, rest } = takePrefix(value, name);
  const m = NUMBER.exec(rest);
  if (!m) throw badRequest(`${name} needs a number, got ${JSON.stringify(rest.slice(0, 40))}`);
  const decimals = (m[2]?.length ?? 0) - Number(m[3] ?? 0);
  return { prefix, value: rest, half: `5e${-decimals - 1}` };
}

export interface QuantityValue extends NumberValue {
  system?: string;
  code?: string;
}

/** `[prefix]number|system|code`, `number||code` or `number` (search.html "quantity"). */
export function parseQuantityValue(value: string, name: string): QuantityValue {
  const parts = splitEscaped(value, '|').map(unescape);
  if (parts.length !== 1 && parts.length !== 3) throw badRequest(`${name} needs number, number|system|code or number||code, got ${JSON.stringify(value.slice(0, 60))}`);
  const number = parseNumberValue(parts[0], name);
  return { ...number, system: parts[1] || undefined, code: parts[2] || undefined };
}

export interface TokenValue {
  /** undefined: any system; null: no system (`|code`); string: that system. */
  system: string | null | undefined;
  /** undefined: any code (`system|`). */
  code: string | undefined;
}

/**
 * `code`, `system|code`, `|code` or `system|` (search.html "token"), as the index holds them: long
 * codes and systems as their index keys (indexing/index-keys.ts), so they still match exactly.
 */
export function parseTokenValue(value: string): TokenValue {
  const parts = splitEscaped(value, '|');
  if (parts.length === 1) return { system: undefined, code: indexKey(unescape(parts[0])) };
  const system = unescape(parts[0]);
  const code = unescape(parts.slice(1).join('|'));
  return { system: system === '' ? null : indexKey(system), code: code === '' ? undefined : indexKey(code) };
}

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function parseCount(value: string, max: number): number {
  if (!/^\d{1,7}$/.test(value)) throw badRequest(`_count must be a whole number from 0 to ${max}, got ${JSON.stringify(value.slice(0, 20))}`);
  return Math.min(Number(value), max);
}
