// batch (FHIR R4 http §3.1.0.11.1): entries are independent; each is routed on its own and a failing
// entry answers with its own status and OperationOutcome while the others go on.
import type { Bundle } from '@medplum/fhirtypes';
import { badRequest } from '#fhir/outcomes.js';
import { toFhirError } from '../fault-outcomes.js';
import type { FhirRepository } from '../repository.js';
import type { FhirRequest, FhirResponse } from '../router.js';
import { errorEntry, routedEntry } from './entry-response.js';
import type { ParsedBundle } from './parse-bundle.js';

export async function processBatch(repo: FhirRepository, bundle: ParsedBundle, handle: (req: FhirRequest) => Promise<FhirResponse>): Promise<Bundle> {
  const response: Bundle = { resourceType: 'Bundle', type: 'batch-response', entry: [] };
  for (const entry of bundle.entries) {
    try {
      if (entry.request.method === 'POST' || entry.request.method === 'PUT') {
        if (!entry.resource) throw badRequest(`A ${entry.request.method} entry needs a resource`);
      }
      if (entry.request.path === '' && entry.request.method === 'POST') throw badRequest('A batch entry cannot itself be a batch or transaction');
      response.entry!.push(routedEntry(await handle(entry.request), entry.request.method));
    } catch (err) {
      // An entry fails alone, with the answer the same request gets on its own (batch entries are
      // independent, §3.1.0.11.1); only an unexpected failure fails the whole batch.
      const fault = toFhirError(err);
      if (!fault) throw err;
      response.entry!.push(errorEntry(fault, entry.index));
    }
  }
  repo.audit('E', 'batch', [], [], true, `batch of ${bundle.entries.length} entries`);
  return response;
}
