// Turns one search parameter (name with modifiers/chain, and its value) into a typed filter, checking
// the parameter against the official SearchParameter definitions for the type (FHIR R4 search.html).
import { badRequest, FhirError, outcome } from '#fhir/outcomes.js';
import { indexedParams, type IndexedParam } from '../indexing/search-parameters.js';
import { getSearchParameterBundle } from '../definitions.js';
import { isResourceType } from '../resource-types.js';
import {
  parseDateValue,
  parseNumberValue,
  parseQuantityValue,
  parseTokenValue,
  splitEscaped,
  splitOr,
  unescape,
  type DateValue,
  type NumberValue,
  type QuantityValue,
  type TokenValue,
} from './values.js';

export type IndexTable = 'sp_token' | 'sp_string' | 'sp_reference' | 'sp_date' | 'sp_number' | 'sp_quantity' | 'sp_uri';

/** A reference search value: a local `[type/]id`, or a literal (foreign absolute URL, canonical). */
export interface ReferenceValue {
  type?: string;
  id?: string;
  literal?: string;
}

export type Filter =
  | { kind: 'missing'; table: IndexTable; code: string; missing: boolean }
  | { kind: 'id'; not: boolean; values: string[] }
  | { kind: 'lastUpdated'; values: DateValue[] }
  | { kind: 'token'; code: string; not: boolean; values: TokenValue[] }
  | { kind: 'token-text'; code: string; values: string[] }
  | { kind: 'string'; code: string; mode: 'prefix' | 'exact' | 'contains'; values: string[] }
  | { kind: 'reference'; code: string; targetType?: string; values: ReferenceValue[] }
  | { kind: 'date'; code: string; values: DateValue[] }
  | { kind: 'number'; code: string; values: NumberValue[] }
  | { kind: 'quantity'; code: string; values: QuantityValue[] }
  | { kind: 'uri'; code: string; mode: 'exact' | 'below' | 'above'; values: string[] }
  /** `ref.param=` / `ref:Type.param=` (search.html "Chained parameters"): one level. */
  | { kind: 'chain'; code: string; targets: { type: string; filter: Filter }[] }
  /** `_has:Type:ref:param=` (search.html "Reverse Chaining"). */
  | { kind: 'has'; sourceType: string; refCode: string; filter: Filter }
  /** Composite values `a$b` as AND of components; comma alternatives OR'ed. */
  | { kind: 'composite'; alternatives: Filter[][] };

/** Thrown for a parameter this server does not know or support (strict: 400; lenient: ignored). */
export class UnknownParameter extends Error {}

export interface FilterContext {
  baseUrl: string;
}

const TABLE: Record<string, IndexTable> = {
  token: 'sp_token',
  string: 'sp_string',
  reference: 'sp_reference',
  date: 'sp_date',
  number: 'sp_number',
  quantity: 'sp_quantity',
  uri: 'sp_uri',
};

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
/** Bounds the SQL one parameter can produce (PostgreSQL allows 65535 bound values per statement). */
const MAX_OR_VALUES = 200;
const TYPED_ID = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/** The filter for `name=value` on `resourceType`; `name` may carry a modifier or a chain. */
export function parseFilter(resourceType: string, name: string, value: string, ctx: FilterContext, allowNesting = true): Filter {
  if (name.startsWith('_has:')) {
    if (!allowNesting) throw badRequest(`Nested _has or chains inside _has are not supported (${name})`);
    return parseHas(resourceType, name, value, ctx);
  }
  const dot = name.indexOf('.');
  if (dot >= 0) {
    if (!allowNesting) throw badRequest(`Only one level of chaining is supported (${name})`);
    return parseChain(resourceType, name.slice(0, dot), name.slice(dot + 1), value, ctx);
  }
  const colon = name.indexOf(':');
  const code = colon >= 0 ? name.slice(0, colon) : name;
  const modifier = colon >= 0 ? name.slice(colon + 1) : undefined;
  if (code === '_id') return parseId(modifier, value);
  if (code === '_lastUpdated') {
    if (modifier) throw unsupportedModifier(name);
    return { kind: 'lastUpdated', values: orList(value, name).map((v) => parseDateValue(v, name)) };
  }
  const param = indexedParams(resourceType).get(code);
  if (!param || !(param.expression || param.type === 'composite')) throw new UnknownParameter(code);
  if (modifier === 'missing') {
    if (param.type === 'composite' || !TABLE[param.type]) throw unsupportedModifier(name);
    if (value !== 'true' && value !== 'false') throw badRequest(`${name} takes true or false`);
    return { kind: 'missing', table: TABLE[param.type], code, missing: value === 'true' };
  }
  return parseTyped(resourceType, param, modifier, name, value, ctx);
}

function parseTyped(resourceType: string, param: IndexedParam, modifier: string | undefined, name: string, value: string, ctx: FilterContext): Filter {
  const code = param.code;
  const values = () => orList(value, name);
  switch (param.type) {
    case 'token':
      if (modifier === 'text') return { kind: 'token-text', code, values: values().map(unescape) };
      if (modifier !== undefined && modifier !== 'not') throw unsupportedModifier(name);
      return { kind: 'token', code, not: modifier === 'not', values: values().map(parseTokenValue) };
    case 'string':
      if (modifier !== undefined && modifier !== 'exact' && modifier !== 'contains') throw unsupportedModifier(name);
      return { kind: 'string', code, mode: modifier === 'exact' ? 'exact' : modifier === 'contains' ? 'contains' : 'prefix', values: values().map(unescape) };
    case 'uri':
      if (modifier !== undefined && modifier !== 'below' && modifier !== 'above') throw unsupportedModifier(name);
      return { kind: 'uri', code, mode: modifier === 'below' ? 'below' : modifier === 'above' ? 'above' : 'exact', values: values().map(unescape) };
    case 'date':
      if (modifier !== undefined) throw unsupportedModifier(name);
      return { kind: 'date', code, values: values().map((v) => parseDateValue(v, name)) };
    case 'number':
      if (modifier !== undefined) throw unsupportedModifier(name);
      return { kind: 'number', code, values: values().map((v) => parseNumberValue(v, name)) };
    case 'quantity':
      if (modifier !== undefined) throw unsupportedModifier(name);
      return { kind: 'quantity', code, values: values().map((v) => parseQuantityValue(v, name)) };
    case 'reference': {
      const targetType = referenceTypeModifier(param, modifier, name);
      return { kind: 'reference', code, targetType, values: values().map((v) => parseReferenceValue(unescape(v), ctx, name)) };
    }
    case 'composite':
      if (modifier !== undefined) throw unsupportedModifier(name);
      return parseComposite(resourceType, param, name, value, ctx);
    default:
      throw new UnknownParameter(code);
  }
}

function parseId(modifier: string | undefined, value: string): Filter {
  if (modifier !== undefined && modifier !== 'not') throw unsupportedModifier(`_id:${modifier}`);
  const ids = orList(value, '_id').map(unescape);
  for (const id of ids) if (!ID.test(id)) throw badRequest(`_id values are resource ids, got ${JSON.stringify(id.slice(0, 70))}`);
  return { kind: 'id', not: modifier === 'not', values: ids };
}

function referenceTypeModifier(param: IndexedParam, modifier: string | undefined, name: string): string | undefined {
  if (modifier === undefined) return undefined;
  if (!isResourceType(modifier)) throw unsupportedModifier(name);
  if (param.targets.length > 0 && !param.targets.includes(modifier)) throw badRequest(`${param.code} cannot refer to ${modifier}; it refers to ${param.targets.join(', ')}`);
  return modifier;
}

export function parseReferenceValue(value: string, ctx: FilterContext, name: string): ReferenceValue {
  if (value === '') throw badRequest(`${name} needs a reference value`);
  let v = value;
  const base = ctx.baseUrl.replace(/\/+$/, '');
  if (v.startsWith(`${base}/`)) v = v.slice(base.length + 1);
  v = v.replace(/\/_history\/[^/]+$/, '');
  const typed = TYPED_ID.exec(v);
  if (typed && isResourceType(typed[1])) return { type: typed[1], id: typed[2] };
  if (ID.test(v)) return { id: v };
  return { literal: value };
}

function parseChain(resourceType: string, left: string, chained: string, value: string, ctx: FilterContext): Filter {
  const colon = left.indexOf(':');
  const code = colon >= 0 ? left.slice(0, colon) : left;
  const param = indexedParams(resourceType).get(code);
  if (!param || param.type !== 'reference' || !param.expression) throw new UnknownParameter(left);
  const typeModifier = referenceTypeModifier(param, colon >= 0 ? left.slice(colon + 1) : undefined, left);
  if (chained.includes('.')) throw badRequest(`Only one level of chaining is supported (${left}.${chained})`);
  const candidates = typeModifier ? [typeModifier] : param.targets;
  const chainedCode = chained.split(':')[0];
  const targets: { type: string; filter: Filter }[] = [];
  for (const type of candidates) {
    if (!isResourceType(type)) continue;
    if (!chainedCode.startsWith('_') && !indexedParams(type).has(chainedCode)) continue;
    try {
      targets.push({ type, filter: parseFilter(type, chained, value, ctx, false) });
    } catch (err) {
      if (!(err instanceof UnknownParameter)) throw err;
    }
  }
  if (targets.length === 0) throw new UnknownParameter(`${left}.${chained}`);
  return { kind: 'chain', code, targets };
}

function parseHas(resourceType: string, name: string, value: string, ctx: FilterContext): Filter {
  const [, sourceType, refCode, ...rest] = name.split(':');
  const inner = rest.join(':');
  if (!sourceType || !refCode || !inner) throw badRequest(`_has takes the form _has:Type:reference:parameter, got ${name}`);
  if (!isResourceType(sourceType)) throw badRequest(`Unknown resource type ${sourceType} in ${name}`);
  const ref = indexedParams(sourceType).get(refCode);
  if (!ref || ref.type !== 'reference') throw new UnknownParameter(name);
  if (ref.targets.length > 0 && !ref.targets.includes(resourceType)) throw badRequest(`${sourceType}.${refCode} cannot refer to ${resourceType}`);
  return { kind: 'has', sourceType, refCode, filter: parseFilter(sourceType, inner, value, ctx, false) };
}

function parseComposite(resourceType: string, param: IndexedParam, name: string, value: string, ctx: FilterContext): Filter {
  const components = (param.definition.component ?? []).map((c) => componentParam(resourceType, c.definition));
  if (components.length === 0 || components.some((c) => !c)) throw new UnknownParameter(param.code);
  const alternatives = orList(value, name).map((alternative) => {
    const parts = splitEscaped(alternative, '$');
    if (parts.length !== components.length) throw badRequest(`${name} needs ${components.length} values separated by $, got ${JSON.stringify(alternative.slice(0, 60))}`);
    return parts.map((part, i) => parseTyped(resourceType, components[i]!, undefined, name, part.replace(/,/g, '\\,'), ctx));
  });
  return { kind: 'composite', alternatives };
}

let codeByUrl: Map<string, string> | undefined;

function componentParam(resourceType: string, url: string | undefined): IndexedParam | undefined {
  if (!url) return undefined;
  const params = indexedParams(resourceType);
  for (const p of params.values()) if (p.definition.url === url) return p;
  // A profile (US Core) may have replaced the base parameter the component names; fall back to its code.
  codeByUrl ??= new Map((getSearchParameterBundle().entry ?? []).flatMap((e) => (e.resource?.url && e.resource.code ? [[e.resource.url, e.resource.code] as [string, string]] : [])));
  const code = codeByUrl.get(url);
  return code ? params.get(code) : undefined;
}

function orList(value: string, name: string): string[] {
  const values = splitOr(value);
  if (values.some((v) => v === '')) throw badRequest(`${name} has an empty value`);
  if (values.length > MAX_OR_VALUES) throw badRequest(`${name} lists more than ${MAX_OR_VALUES} values`);
  return values;
}

function unsupportedModifier(name: string): FhirError {
  // search.html "Modifiers": servers SHALL reject a parameter with a modifier they do not support.
  return new FhirError(400, outcome('error', 'not-supported', `The modifier in ${name} is not supported`));
}
