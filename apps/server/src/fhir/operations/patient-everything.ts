// Patient/$everything (FHIR R4 patient-operation-everything.html): `GET|POST [base]/Patient/[id]/$everything`
// returns the patient's compartment as a searchset Bundle — the Patient and every resource of the
// patient CompartmentDefinition that points at them — with `_since` (changed at or after an
// instant), `_type` (only these types) and `_count` (page size; `next` links page on with a cursor).
// Only what the caller may search comes back: types outside its scopes are left out, and every row
// carries the access door's condition (reachableCondition: compartments and SMART category filters),
// so another patient's id answers 404 exactly like a missing one and no page can hold their data.
// Shared resources the compartment refers to through a search parameter (Practitioner, Organization,
// Medication, Location) come too, when the caller may search their type. `start`/`end` (care dates) are not supported: ignored with
// a warning, or refused under `Prefer: handling=strict`, like unknown search parameters.
import type { Bundle, BundleEntry, BundleLink } from '@medplum/fhirtypes';
import { badRequest, FhirError, gone, notFound, outcome } from '#fhir/outcomes.js';
import { toInstantRange } from '#fhir/dates.js';
import { isPatientCompartmentType } from '../../access/compartment.js';
import { canSearch } from '../../access/policy.js';
import { isReachable, reachableCondition } from '../../access/sql.js';
import { extendCapabilityStatement } from '../capability.js';
import { registerOperation, type OperationCall } from '../operations.js';
import { ID_PATTERN } from '../prepare.js';
import { getResourceTypes, isResourceType } from '../resource-types.js';
import type { FhirResponse } from '../router.js';
import { MAX_COUNT } from '../search/request.js';
import { parseCount } from '../search/values.js';
import { readCurrent } from '../store/resource-store.js';

export const EVERYTHING_DEFINITION = 'http://hl7.org/fhir/OperationDefinition/Patient-everything';
const DEFAULT_COUNT = 50;

interface EverythingInput {
  since?: string;
  types?: string[];
  count: number;
  /** Last `resource_type/id` of the previous page (rows are in type, then id order). */
  after?: { type: string; id: string };
  /** The parameters applied, for the paging links. */
  applied: [string, string][];
  ignored: string[];
}

export async function patientEverything(call: OperationCall): Promise<FhirResponse> {
  if (call.level !== 'instance' || call.type !== 'Patient' || call.rest.length > 0) {
    throw new FhirError(404, outcome('error', 'not-supported', '$everything is an operation on one patient: Patient/[id]/$everything'));
  }
  if (call.req.method !== 'GET' && call.req.method !== 'POST') throw new FhirError(405, outcome('error', 'not-supported', `${call.req.method} is not allowed for $everything`));
  const { repo } = call;
  const patientId = call.id!;
  if (!ID_PATTERN.test(patientId)) throw badRequest(`Invalid id ${JSON.stringify(patientId.slice(0, 80))}`);
  const input = parseInput(call.req.query, call.req.strictHandling ?? false);

  // The patient must be reachable (as for a read) even when the caller may not read Patient itself.
  const patient = await readCurrent(repo.sql, 'Patient', patientId);
  if (!patient || !isReachable(repo.policy, 'Patient', patient.compartments)) throw notFound(`Patient/${patientId} not found`);
  if (patient.deleted) throw gone(`Patient/${patientId} was deleted`);

  const wanted = (t: string) => canSearch(repo.policy, t) && (!input.types || input.types.includes(t));
  const types = getResourceTypes().filter((t) => isPatientCompartmentType(t) && wanted(t));
  const sharedTypes = getResourceTypes().filter((t) => !isPatientCompartmentType(t) && wanted(t));
  // Referrers are every compartment type the caller may search, whatever `_type` says, so `_type=Practitioner` finds the patient's practitioners.
  const referrerTypes = getResourceTypes().filter((t) => isPatientCompartmentType(t) && canSearch(repo.policy, t));
  const params: unknown[] = [types, [patientId], sharedTypes, referrerTypes];
  const inCompartment = (alias: string, ofTypes: string) => [
    `${alias}.resource_type = ANY(${ofTypes})`,
    `${alias}.compartments && $2::text[]`,
    `NOT ${alias}.deleted`,
    reachableCondition(repo.policy, alias, params),
  ];
  const compartment = inCompartment('r', '$1::text[]');
  // Shared resources the compartment refers to through a search parameter (its practitioners,
  // organizations, medications, locations), as the operation asks ("any resource referenced").
  const referrers = inCompartment('c', '$4::text[]');
  const referenced = ['r.resource_type = ANY($3::text[])', 'NOT r.deleted', reachableCondition(repo.policy, 'r', params)];
  const outer: string[] = [];
  if (input.since) {
    params.push(input.since);
    outer.push(`r.last_updated >= $${params.length}::timestamptz`);
  }
  if (input.after) {
    params.push(input.after.type, input.after.id);
    outer.push(`(r.resource_type, r.id) > ($${params.length - 1}, $${params.length})`);
  }
  params.push(input.count + 1);
  type Row = { resource_type: string; id: string; content: string; compartments: string[] };
  const { rows } =
    types.length + sharedTypes.length === 0 || input.count === 0
      ? { rows: [] as Row[] }
      : await repo.sql.query<Row>(
          // The patient's rows come from the compartments index behind OFFSET 0 (keys only); walking
          // the primary key in page order instead would filter the whole table for one patient.
          `SELECT r.resource_type, r.id, r.content, r.compartments
           FROM (SELECT r.resource_type, r.id FROM fhir_resource r WHERE ${compartment.join(' AND ')}
                 UNION
                 SELECT r.resource_type, r.id FROM fhir_resource c
                   JOIN sp_reference s ON s.resource_type = c.resource_type AND s.resource_id = c.id
                   JOIN fhir_resource r ON r.resource_type = s.target_type AND r.id = s.target_id
                 WHERE ${referrers.join(' AND ')} AND ${referenced.join(' AND ')}
                 OFFSET 0) k
           JOIN fhir_resource r ON r.resource_type = k.resource_type AND r.id = k.id
           ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
           ORDER BY r.resource_type, r.id LIMIT $${params.length}`,
          params,
        );
  const page = rows.slice(0, input.count);

  const base = repo.deps.baseUrl.replace(/\/+$/, '');
  const link = (pairs: [string, string][]) => `${base}/Patient/${patientId}/$everything${pairs.length ? `?${new URLSearchParams(pairs)}` : ''}`;
  const links: BundleLink[] = [{ relation: 'self', url: link(input.after ? [...input.applied, ['_cursor', cursorOf(input.after)]] : input.applied) }];
  links.push({ relation: 'first', url: link(input.applied) });
  if (rows.length > input.count) {
    const last = page[page.length - 1];
    links.push({ relation: 'next', url: link([...input.applied, ['_cursor', cursorOf({ type: last.resource_type, id: last.id })]]) });
  }
  repo.audit('R', 'operation', page.map((r) => `${r.resource_type}/${r.id}`), [patientId, ...page.flatMap((r) => r.compartments)], true, 'Patient $everything');

  const notes: BundleEntry[] = input.ignored.length
    ? [{ resource: outcome('warning', 'not-supported', `Ignored unsupported $everything parameters: ${input.ignored.join(', ')}`), search: { mode: 'outcome' } }]
    : [];
  const head = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', ...(!input.after && rows.length <= input.count ? { total: page.length } : {}), link: links } satisfies Bundle);
  // The stored JSON of each resource goes in as it is (as in search.ts), without a parse and re-serialise.
  const entries = [
    ...notes.map((e) => JSON.stringify(e)),
    ...page.map((r) => `{"fullUrl":${JSON.stringify(`${base}/${r.resource_type}/${r.id}`)},"resource":${r.content},"search":{"mode":"match"}}`),
  ];
  return { status: 200, body: `${head.slice(0, -1)},"entry":[${entries.join(',')}]}` };
}

function parseInput(query: [string, string][], strict: boolean): EverythingInput {
  const input: EverythingInput = { count: DEFAULT_COUNT, applied: [], ignored: [] };
  for (const [name, value] of query) {
    switch (name) {
      case '_since': {
        const range = toInstantRange(value);
        if (!range) throw badRequest(`_since must be a FHIR instant such as 2024-03-05T10:00:00Z, got ${JSON.stringify(value.slice(0, 40))}`);
        input.since = range.lo;
        break;
      }
      case '_type': {
        const types = value.split(',').map((t) => t.trim()).filter(Boolean);
        const unknown = types.find((t) => !isResourceType(t));
        if (unknown !== undefined) throw badRequest(`_type names an unknown resource type ${JSON.stringify(unknown.slice(0, 40))}`);
        input.types = [...(input.types ?? []), ...types];
        break;
      }
      case '_count':
        input.count = parseCount(value, MAX_COUNT);
        break;
      case '_cursor':
        input.after = parseCursor(value);
        continue; // the links add their own cursor
      default:
        if (strict) throw new FhirError(400, outcome('error', 'not-supported', `$everything does not support the parameter ${name.slice(0, 40)}; it takes _since, _type and _count`, [name]));
        input.ignored.push(name.slice(0, 40));
        continue;
    }
    input.applied.push([name, value]);
  }
  return input;
}

const cursorOf = (after: { type: string; id: string }) => Buffer.from(`${after.type}/${after.id}`).toString('base64url');

function parseCursor(value: string): { type: string; id: string } {
  const [type, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('/');
  if (rest.length > 0 || !type || !id || !isResourceType(type) || !ID_PATTERN.test(id)) throw badRequest('_cursor is not a cursor this server gave out');
  return { type, id };
}

let declared = false;

/** Registers Patient/$everything and lists it in the CapabilityStatement (before the FHIR routes build it). */
export function registerPatientEverything(): void {
  registerOperation('everything', patientEverything);
  if (declared) return;
  declared = true;
  extendCapabilityStatement((statement) => {
    const patient = statement.rest?.[0]?.resource?.find((r) => r.type === 'Patient');
    if (patient) patient.operation = [...(patient.operation ?? []), { name: 'everything', definition: EVERYTHING_DEFINITION }];
  });
}
