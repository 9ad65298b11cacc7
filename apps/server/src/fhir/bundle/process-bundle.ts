// PLACEHOLDER while batch/transaction processing is written.
import { notSupported } from '#fhir/outcomes.js';
import type { FhirRepository } from '../repository.js';
import type { FhirRequest, FhirResponse } from '../router.js';

export async function processBundle(_repo: FhirRepository, _body: unknown, _handle: (req: FhirRequest) => Promise<FhirResponse>): Promise<FhirResponse> {
  throw notSupported('batch and transaction are not implemented yet');
}
