// Turns a resource into search index rows by evaluating each official SearchParameter expression.
import {
  convertToSearchableNumbers,
  convertToSearchableQuantities,
  convertToSearchableReferences,
  convertToSearchableStrings,
  convertToSearchableUris,
  evalFhirPathTyped,
  toTypedValue,
  type TypedValue,
} from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { toInstantRange } from '#fhir/dates.js';
import { normalizeString } from '#fhir/strings.js';
import { indexKey } from './index-keys.js';
import { indexedParams } from './search-parameters.js';

export interface TokenRow { param: string; system: string | null; code: string | null; textNorm: string | null }
export interface StringRow { param: string; value: string; valueNorm: string }
export interface ReferenceRow { param: string; targetType: string | null; targetId: string | null; reference: string }
export interface DateRow { param: string; lo: string | null; hi: string | null }
export interface NumberRow { param: string; value: number }
export interface QuantityRow { param: string; value: number; system: string | null; code: string | null; unit: string | null }
export interface UriRow { param: string; value: string }

export interface IndexRows {
  token: TokenRow[];
  string: StringRow[];
  reference: ReferenceRow[];
  date: DateRow[];
  number: NumberRow[];
  quantity: QuantityRow[];
  uri: UriRow[];
}

export function emptyRows(): IndexRows {
  return { token: [], string: [], reference: [], date: [], number: [], quantity: [], uri: [] };
}

// A resource type name is short (the longest R4 name has 35 letters); the bound keeps an absurd one
// out of the indexed target_type column.
const RELATIVE_REF = /^(?:.*\/)?([A-Z][A-Za-z]{0,63})\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/** Splits `Patient/123`, `https://x/fhir/Patient/123` or `Patient/123/_history/2` into type and id. */
export function parseReferenceString(reference: string): { type: string; id: string } | undefined {
  const m = RELATIVE_REF.exec(reference);
  return m ? { type: m[1], id: m[2] } : undefined;
}

export function extractIndexRows(resource: Resource): IndexRows {
  const rows = emptyRows();
  const root = [toTypedValue(resource)];
  const keys = Object.keys(resource);
  for (const param of indexedParams(resource.resourceType).values()) {
    if (!param.expression) continue;
    // Most parameters of a type read elements a given resource does not have; evaluating them is
    // about half the extraction time and can only yield nothing.
    if (param.elements && !param.elements.some((name) => hasElement(keys, name))) continue;
    let values: TypedValue[];
    try {
      values = evalFhirPathTyped(param.expression, root);
    } catch {
      continue;
    }
    if (values.length === 0) continue;
    addRows(rows, param.code, param.type, values);
  }
  return dedupe(rows);
}

function addRows(rows: IndexRows, param: string, type: string, values: TypedValue[]): void {
  switch (type) {
    case 'token': {
      const texts = tokenTexts(values);
      // Codes and systems are B-tree indexed: long ones are stored as their index keys (index-keys.ts).
      for (const t of toTokens(values)) rows.token.push({ param, system: keyOrNull(t.system), code: keyOrNull(t.code), textNorm: null });
      for (const text of texts) rows.token.push({ param, system: null, code: null, textNorm: normalizeString(text) });
      break;
    }
    case 'string':
      for (const value of [...convertToSearchableStrings(values), ...nameParts(values)]) {
        if (value) rows.string.push({ param, value, valueNorm: indexKey(normalizeString(value)) });
      }
      break;
    case 'reference':
      for (const value of values) addReference(rows, param, value);
      break;
    case 'date':
      for (const value of values) addDate(rows, param, value);
      break;
    case 'number':
      for (const [lo] of convertToSearchableNumbers(values)) if (lo !== undefined) rows.number.push({ param, value: lo });
      break;
    case 'quantity':
      for (const q of convertToSearchableQuantities(values)) {
        if (typeof q.value === 'number') rows.quantity.push({ param, value: q.value, system: q.system ?? null, code: q.code ?? null, unit: q.unit ?? null });
      }
      break;
    case 'uri':
      for (const value of convertToSearchableUris(values)) if (value) rows.uri.push({ param, value: indexKey(value) });
      break;
    default:
      break;
  }
}

const keyOrNull = (value: string | null): string | null => (value === null ? null : indexKey(value));

// A name or address matches on any of its parts, not only on the whole formatted text (FHIR R4
// search.html "string": name "may match any of the string fields in the HumanName"; same for Address).
function nameParts(values: TypedValue[]): string[] {
  const parts: string[] = [];
  for (const { type, value } of values) {
    if (!value || typeof value !== 'object') continue;
    if (type === 'HumanName') parts.push(...(value.given ?? []), ...(value.prefix ?? []), ...(value.suffix ?? []), value.family, value.text);
    else if (type === 'Address') parts.push(...(value.line ?? []), value.city, value.district, value.state, value.postalCode, value.country, value.text);
  }
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
}

// Hand-written rather than @medplum/core's convertToSearchableTokens, which also emits display
// texts as system-less codes, so that `code=Hemoglobin` would match a display instead of a code.
function toTokens(values: TypedValue[]): { system: string | null; code: string | null }[] {
  const out: { system: string | null; code: string | null }[] = [];
  for (const { type, value } of values) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object') {
      out.push({ system: null, code: String(value) });
    } else if (type === 'CodeableConcept') {
      for (const c of value.coding ?? []) if (c.code || c.system) out.push({ system: c.system ?? null, code: c.code ?? null });
    } else if (type === 'Coding') {
      if (value.code || value.system) out.push({ system: value.system ?? null, code: value.code ?? null });
    } else if (type === 'Identifier') {
      if (value.value) out.push({ system: value.system ?? null, code: value.value });
    } else if (type === 'ContactPoint') {
      if (value.value) out.push({ system: value.system ?? null, code: value.value });
    }
  }
  return out;
}

// Display texts searched by the :text modifier (FHIR search §3.1.1.5.4): CodeableConcept.text,
// Coding.display and Identifier.type.text.
function tokenTexts(values: TypedValue[]): string[] {
  const texts: string[] = [];
  for (const { type, value } of values) {
    if (!value || typeof value !== 'object') continue;
    if (type === 'CodeableConcept') {
      if (value.text) texts.push(value.text);
      for (const c of value.coding ?? []) if (c.display) texts.push(c.display);
    } else if (type === 'Coding' && value.display) texts.push(value.display);
    else if (type === 'Identifier' && value.type?.text) texts.push(value.type.text);
  }
  return texts;
}

function addReference(rows: IndexRows, param: string, typed: TypedValue): void {
  const { type, value } = typed;
  if (type === 'Reference' && value && typeof value === 'object') {
    if (typeof value.reference === 'string') {
      const parsed = parseReferenceString(value.reference);
      rows.reference.push({ param, targetType: parsed?.type ?? null, targetId: parsed?.id ?? null, reference: value.reference });
    }
    return;
  }
  for (const reference of convertToSearchableReferences([typed])) {
    if (!reference) continue;
    const parsed = parseReferenceString(reference.split('|')[0]);
    rows.reference.push({ param, targetType: parsed?.type ?? null, targetId: parsed?.id ?? null, reference });
  }
}

function addDate(rows: IndexRows, param: string, { type, value }: TypedValue): void {
  if (typeof value === 'string') {
    const range = toInstantRange(value);
    if (range) rows.date.push({ param, lo: range.lo, hi: range.hi });
    return;
  }
  if (!value || typeof value !== 'object') return;
  if (type === 'Period') {
    // An open end means "ongoing": the period reaches to the end of time (FHIR search §3.1.1.4.3).
    const lo = value.start ? toInstantRange(value.start)?.lo : undefined;
    const hi = value.end ? toInstantRange(value.end)?.hi : undefined;
    if (lo || hi) rows.date.push({ param, lo: lo ?? null, hi: hi ?? null });
  } else if (type === 'Timing') {
    for (const event of value.event ?? []) addDate(rows, param, { type: 'dateTime', value: event });
    if (value.repeat?.boundsPeriod) addDate(rows, param, { type: 'Period', value: value.repeat.boundsPeriod });
  }
}

/** Whether the resource has element `name` (also as a choice `nameType` or a primitive's `_name`). */
function hasElement(keys: string[], name: string): boolean {
  for (const raw of keys) {
    const key = raw.charCodeAt(0) === 95 /* _ */ ? raw.slice(1) : raw;
    if (!key.startsWith(name)) continue;
    if (key.length === name.length) return true;
    const next = key.charCodeAt(name.length);
    if (next >= 65 && next <= 90) return true;
  }
  return false;
}

function dedupe(rows: IndexRows): IndexRows {
  const out = emptyRows();
  for (const key of Object.keys(rows) as (keyof IndexRows)[]) {
    const list = rows[key] as object[];
    if (list.length < 2) {
      out[key] = list as never;
      continue;
    }
    const seen = new Set<string>();
    for (const row of list) {
      // Rows of one table have the same fields in the same order; null and '' must differ.
      let k = '';
      for (const v of Object.values(row)) k += v === null ? '\u0001\u0002' : `\u0001${v as string}`;
      if (seen.has(k)) continue;
      seen.add(k);
      (out[key] as object[]).push(row);
    }
  }
  return out;
}
