// Deterministic synthetic "demo clinic": shared clinic resources plus a lazily generated chart per
// patient. Pure (no I/O); the same seed, asOf and index always produce byte-identical resources,
// and patient k never depends on how many patients are requested.
import type { Resource } from '@medplum/fhirtypes';
import { buildChart } from './chart.js';
import { clinicDirectory, sharedResources } from './clinic.js';
import { startOfUtcDay } from './fhir-helpers.js';

export { DEMO_PATIENT_ROLES } from './patient.js';
export type { PersonaRole } from './patient.js';

export const DEFAULT_DEMO_SEED = 20240601;

export interface ClinicOptions {
  seed?: number;
  patients: number;
  /** "Today" for the data; default: now truncated to the UTC day. */
  asOf?: Date;
}

export interface Clinic {
  /** Organization, Practitioners, PractitionerRoles, Locations, Medications, Group of all demo patients, etc.: resources not tied to one patient */
  shared: Resource[];
  /** Yields one array per patient: the Patient first, then every resource of that patient's chart. */
  patients(): Generator<Resource[]>;
}

export function generateClinic(options: ClinicOptions): Clinic {
  const seed = (options.seed ?? DEFAULT_DEMO_SEED) >>> 0;
  const count = Math.max(0, Math.floor(options.patients));
  const asOf = startOfUtcDay(options.asOf ?? new Date());
  const dir = clinicDirectory(seed);
  return {
    shared: sharedResources(dir, count),
    *patients() {
      for (let i = 0; i < count; i++) yield buildChart(seed, i, asOf, dir);
    },
  };
}
