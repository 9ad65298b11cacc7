// Which patients' compartments a resource belongs to, per the FHIR R4 patient CompartmentDefinition.
import type { Resource } from '@medplum/fhirtypes';
import { getPatientCompartmentDefinition } from '../fhir/definitions.js';
import type { IndexRows } from '../fhir/indexing/extract.js';

let paramsByType: Map<string, Set<string>> | undefined;

/**
 * Types the R4 definition leaves out although they point at one patient: a Device with
 * `Device.patient` is that patient's (an implant, a glucose meter) and a GuidanceResponse about a
 * patient is health data. Without this they would be shared reference data, readable by anyone.
 */
const EXTRA_PATIENT_PARAMS: Record<string, string[]> = {
  Device: ['patient'],
  GuidanceResponse: ['patient', 'subject'],
};

function compartmentParams(): Map<string, Set<string>> {
  if (!paramsByType) {
    paramsByType = new Map();
    for (const entry of getPatientCompartmentDefinition().resource ?? []) {
      if (entry.param?.length) paramsByType.set(entry.code, new Set(entry.param));
    }
    for (const [type, params] of Object.entries(EXTRA_PATIENT_PARAMS)) paramsByType.set(type, new Set([...(paramsByType.get(type) ?? []), ...params]));
  }
  return paramsByType;
}

/** True for types that can hold patient data (they appear in the patient compartment definition). */
export function isPatientCompartmentType(resourceType: string): boolean {
  return resourceType === 'Patient' || compartmentParams().has(resourceType);
}

/**
 * Patient ids whose compartment holds this resource. A Patient is in its own compartment only:
 * the definition's `link` parameter is left out on purpose, so linking two charts never opens one
 * to the other's owner.
 */
export function patientCompartments(resource: Resource, rows: IndexRows): string[] {
  if (resource.resourceType === 'Patient') return resource.id ? [resource.id] : [];
  const params = compartmentParams().get(resource.resourceType);
  if (!params) return [];
  const ids = new Set<string>();
  for (const row of rows.reference) {
    if (row.targetType === 'Patient' && row.targetId && params.has(row.param)) ids.add(row.targetId);
  }
  // A Group of several patients (a panel, a bulk-export cohort) would otherwise be in every member's
  // compartment and show each member the others' ids; such a Group is clinic data, not a patient's.
  if (resource.resourceType === 'Group' && ids.size > 1) return [];
  return [...ids].sort();
}
