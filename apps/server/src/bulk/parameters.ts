// Kick-off parameters of FHIR Bulk Data Access 2.0.0 (export.html "Query Parameters"), from the
// query string or, for POST, a Parameters resource. Supported: _outputFormat, _since, _type.
// Known but unsupported ones (and unknown ones) are a 400 under `Prefer: handling=strict` and are
// otherwise ignored with a warning (export.html: servers SHOULD honour handling=strict).
import type { Parameters } from '@medplum/fhirtypes';
import { badRequest, FhirError, outcome } from '#fhir/outcomes.js';
import { isResourceType } from '../fhir/resource-types.js';
import type { FhirRequest } from '../fhir/router.js';

export interface ExportParameters {
  /** Requested resource types, or undefined for "every type the export covers". */
  types?: string[];
  /** Only resources updated after this instant. */
  since?: string;
  outputFormat: 'application/fhir+ndjson';
  /** Ignored parameters, for the kick-off response and the manifest's error file. */
  warnings: string[];
}

const OUTPUT_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);
const UNSUPPORTED = new Set(['_typeFilter', 'includeAssociatedData', '_elements', 'patient', '_until', 'organizeOutputBy', 'allowPartialManifests']);
/** FHIR instant: a full date-time with seconds and a time zone (datatypes.html#instant). */
const INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

export function exportParameters(req: FhirRequest): ExportParameters {
  const pairs = [...req.query, ...parametersBody(req)];
  const warnings: string[] = [];
  const result: ExportParameters = { outputFormat: 'application/fhir+ndjson', warnings };
  const types: string[] = [];
  for (const [name, value] of pairs) {
    if (name === '_outputFormat') {
      if (!OUTPUT_FORMATS.has(value.trim())) throw badRequest(`_outputFormat ${value.slice(0, 60)} is not supported; use application/fhir+ndjson`, ['_outputFormat']);
    } else if (name === '_since') {
      if (result.since !== undefined) throw badRequest('_since may be given once', ['_since']);
      if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) throw badRequest(`_since must be a FHIR instant with a time zone, e.g. 2024-01-01T00:00:00Z (got ${value.slice(0, 40)})`, ['_since']);
      result.since = new Date(value).toISOString();
    } else if (name === '_type') {
      for (const t of value.split(',').map((s) => s.trim())) {
        if (!t) continue;
        if (!isResourceType(t)) throw badRequest(`_type ${t.slice(0, 60)} is not a resource type this server knows`, ['_type']);
        if (!types.includes(t)) types.push(t);
      }
    } else {
      const what = UNSUPPORTED.has(name) ? `${name} is not supported` : `${name.slice(0, 60)} is not a Bulk Data export parameter`;
      if (req.strictHandling) throw new FhirError(400, outcome('error', 'not-supported', `${what} (Prefer: handling=strict)`, [name.slice(0, 60)]));
      warnings.push(`${what}; it was ignored`);
    }
  }
  if (types.length) result.types = types;
  return result;
}

/** POST kick-off: a Parameters resource whose parameters carry value[x] strings. */
function parametersBody(req: FhirRequest): [string, string][] {
  if (req.method !== 'POST' || req.body === undefined) return [];
  const body = req.body as Parameters;
  if (!body || typeof body !== 'object' || body.resourceType !== 'Parameters') throw badRequest('A POST kick-off takes a Parameters resource');
  const out: [string, string][] = [];
  for (const p of body.parameter ?? []) {
    if (typeof p?.name !== 'string') throw badRequest('Each parameter needs a name');
    const entry = Object.entries(p).find(([k]) => k.startsWith('value'));
    const value = entry?.[1];
    if (typeof value === 'string') out.push([p.name, value]);
    else if (value && typeof value === 'object' && typeof (value as { reference?: unknown }).reference === 'string') out.push([p.name, (value as { reference: string }).reference]);
    else out.push([p.name, '']);
  }
  return out;
}

/** Prefer: respond-async is required (export.html "Headers"); Accept, when given, must be FHIR JSON. */
export function checkKickoffHeaders(req: FhirRequest): void {
  const prefer = req.headers?.prefer ?? '';
  if (!/(^|[,;\s])respond-async($|[,;\s])/i.test(prefer)) throw badRequest('A Bulk Data kick-off needs the header Prefer: respond-async');
  const accept = (req.headers?.accept ?? '').trim();
  if (accept && !accept.split(',').some((a) => /^(application\/fhir\+json|application\/json|\*\/\*)\s*(;|$)/i.test(a.trim()))) {
    throw badRequest(`Accept ${accept.slice(0, 60)} is not supported for a kick-off; use application/fhir+json`);
  }
}
