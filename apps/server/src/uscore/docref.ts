// US Core DocumentReference $docref (OperationDefinition-docref, US Core 6.1.0 "Clinical Notes"):
// `GET|POST [base]/DocumentReference/$docref?patient=…&start=…&end=…&type=…&on-demand=…` returns a
// searchset Bundle of the patient's DocumentReferences. Without `type` the CCD (LOINC 34133-9) is
// meant; with a date range, documents whose context.period overlaps it; without one, the most
// current document. Documents are not generated on demand: `on-demand=true` gets the stored ones
// and a warning. The search runs through the caller's repository, so the access door applies.
import type { Bundle, BundleEntry, Parameters } from '@medplum/fhirtypes';
import { badRequest, FhirError, outcome } from '#fhir/outcomes.js';
import { toInstantRange } from '#fhir/dates.js';
import type { OperationCall } from '../fhir/operations.js';
import type { FhirResponse } from '../fhir/router.js';
import { searchResources } from '../fhir/search/search.js';

export const CCD_TYPE = 'http://loinc.org|34133-9';
const KNOWN = new Set(['patient', 'start', 'end', 'type', 'on-demand', 'profile']);

interface DocrefInput {
  patient?: string;
  start?: string;
  end?: string;
  type?: string;
  onDemand?: boolean;
}

export async function docref(call: OperationCall): Promise<FhirResponse> {
  if (call.level !== 'type' || call.type !== 'DocumentReference' || call.rest.length > 0) {
    throw new FhirError(404, outcome('error', 'not-supported', '$docref is a type-level operation on DocumentReference'));
  }
  if (call.req.method !== 'GET' && call.req.method !== 'POST') throw new FhirError(405, outcome('error', 'not-supported', `${call.req.method} is not allowed for $docref`));
  const input = call.req.method === 'POST' && call.req.body ? fromParameters(call.req.body) : fromQuery(call.req.query);
  const patient = input.patient?.replace(/^Patient\//, '');
  if (!patient) throw badRequest('$docref needs the patient parameter');
  for (const [name, value] of [['start', input.start], ['end', input.end]] as const) {
    if (value !== undefined && !toInstantRange(value)) throw badRequest(`$docref ${name} must be a FHIR date or dateTime`);
  }
  const query: [string, string][] = [['patient', `Patient/${patient}`], ['type', input.type ?? CCD_TYPE]];
  if (input.start) query.push(['period', `ge${input.start}`]);
  if (input.end) query.push(['period', `le${input.end}`]);
  // No date range: "the most current document" (the latest context period).
  if (!input.start && !input.end) query.push(['_sort', '-period'], ['_count', '1']);
  else query.push(['_count', '100']);
  const bundle = await searchResources(call.repo, 'DocumentReference', query, { strict: true });
  const result: Bundle = { resourceType: 'Bundle', type: 'searchset', total: bundle.entry?.filter((e) => e.search?.mode === 'match').length ?? 0, entry: bundle.entry ?? [] };
  if (input.onDemand) {
    const warning: BundleEntry = {
      resource: outcome('warning', 'not-supported', 'On-demand documents are not generated; the stored documents are returned'),
      search: { mode: 'outcome' },
    };
    result.entry = [warning, ...(result.entry ?? [])];
  }
  return { status: 200, body: result };
}

function fromQuery(query: [string, string][]): DocrefInput {
  const input: DocrefInput = {};
  for (const [name, value] of query) {
    if (!KNOWN.has(name)) throw badRequest(`Unknown $docref parameter ${name.slice(0, 40)}`);
    if (name === 'patient') input.patient = value;
    else if (name === 'start') input.start = value;
    else if (name === 'end') input.end = value;
    else if (name === 'type') input.type = value;
    else if (name === 'on-demand') input.onDemand = parseBoolean(value);
  }
  return input;
}

function fromParameters(body: unknown): DocrefInput {
  const params = body as Parameters;
  if (params.resourceType !== 'Parameters') throw badRequest('POST $docref takes a Parameters resource');
  const input: DocrefInput = {};
  for (const p of params.parameter ?? []) {
    if (!p.name || !KNOWN.has(p.name)) throw badRequest(`Unknown $docref parameter ${String(p.name).slice(0, 40)}`);
    if (p.name === 'patient') input.patient = p.valueId ?? p.valueString ?? p.valueReference?.reference;
    else if (p.name === 'start') input.start = p.valueDateTime ?? p.valueDate;
    else if (p.name === 'end') input.end = p.valueDateTime ?? p.valueDate;
    else if (p.name === 'type') {
      const coding = p.valueCodeableConcept?.coding?.[0] ?? p.valueCoding;
      if (!coding?.code) throw badRequest('$docref type needs a coding with a code');
      input.type = coding.system ? `${coding.system}|${coding.code}` : coding.code;
    } else if (p.name === 'on-demand') input.onDemand = p.valueBoolean === true;
  }
  return input;
}

function parseBoolean(value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw badRequest('$docref on-demand must be true or false');
}
