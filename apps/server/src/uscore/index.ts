// The US Core 6.1.0 patient-access API on top of the generic FHIR server: CapabilityStatement
// declarations, the DocumentReference $docref operation and CORS for browser-based SMART apps.
// Search parameters need nothing here: every US Core SearchParameter is either the base R4 one
// with the same code and expression or in the US Core bundle definitions.ts already indexes.
import type { FastifyInstance } from 'fastify';
import { registerOperation } from '../fhir/operations.js';
import { declareUsCoreCapability } from './capability.js';
import { registerFhirCors } from './cors.js';
import { docref } from './docref.js';

/** Call before the FHIR routes are registered (they build the CapabilityStatement and inherit the CORS hook). */
export function registerUsCore(app: FastifyInstance): void {
  declareUsCoreCapability();
  registerOperation('docref', docref);
  registerFhirCors(app);
}
