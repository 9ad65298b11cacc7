// The CPU side of a write: validation against the R4 StructureDefinitions, search index rows and
// patient compartments. Kept apart from SQL so bulk import can prepare many resources first.
import { validateResource } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { badRequest, FhirError } from '#fhir/outcomes.js';
import { patientCompartments } from '../access/compartment.js';
import { loadFhirDefinitions } from './definitions.js';
import { extractIndexRows, type IndexRows } from './indexing/extract.js';
import { isResourceType } from './resource-types.js';
import { checkPrimitiveShapes } from './validation/primitive-shapes.js';
import { checkRequiredBindings } from './validation/required-bindings.js';

export const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

export interface PreparedResource {
  resource: Resource;
  rows: IndexRows;
  compartments: string[];
}

/** Throws a FhirError (400 with every issue and its location) unless the resource is valid R4. */
export function validateOrThrow(resource: unknown): asserts resource is Resource {
  if (!resource || typeof resource !== 'object' || Array.isArray(resource)) throw badRequest('The body must be a FHIR resource (a JSON object)');
  const type = (resource as { resourceType?: unknown }).resourceType;
  if (typeof type !== 'string' || !isResourceType(type)) throw badRequest(`Unknown resourceType ${JSON.stringify(type ?? null)}`, ['resourceType']);
  const id = (resource as { id?: unknown }).id;
  if (id !== undefined && (typeof id !== 'string' || !ID_PATTERN.test(id))) throw badRequest('id must be 1-64 characters of A-Z, a-z, 0-9, "-" and "."', [`${type}.id`]);
  loadFhirDefinitions();
  // Objects or lists where a primitive belongs are refused first: medplum skips such values, and
  // indexing would store or trip over them.
  const shapes = checkPrimitiveShapes(resource);
  if (shapes.length > 0) throw new FhirError(400, { resourceType: 'OperationOutcome', issue: shapes.slice(0, 100) });
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource as Resource);
  } catch (err) {
    // medplum walks the whole resource and collects every structural problem, then throws them all
    // at once as an OperationOutcome; keep them so they are reported with the binding problems below.
    if (err && typeof err === 'object' && 'outcome' in err) {
      issues = (err as { outcome: OperationOutcome }).outcome.issue ?? [];
    } else {
      throw badRequest(`Invalid resource: ${(err as Error).message}`);
    }
  }
  // medplum does not check value sets; required bindings (e.g. Patient.gender) are checked here.
  issues = [...issues, ...checkRequiredBindings(resource)];
  const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  if (errors.length > 0) throw new FhirError(400, { resourceType: 'OperationOutcome', issue: errors });
}

export function prepareResource(resource: Resource): PreparedResource {
  const rows = extractIndexRows(resource);
  return { resource, rows, compartments: patientCompartments(resource, rows) };
}
