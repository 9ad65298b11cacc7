// POST [base] with a Bundle: batch or transaction (FHIR R4 http §3.1.0.11).
import { FhirError } from '#fhir/outcomes.js';
import type { FhirRepository } from '../repository.js';
import type { FhirRequest, FhirResponse } from '../router.js';
import { processBatch } from './batch.js';
import { parseBundle } from './parse-bundle.js';
import { processTransaction } from './transaction.js';

export async function processBundle(repo: FhirRepository, body: unknown, handle: (req: FhirRequest) => Promise<FhirResponse>): Promise<FhirResponse> {
  let bundle;
  try {
    bundle = parseBundle(body, repo.deps.baseUrl);
  } catch (err) {
    if (err instanceof FhirError) repo.audit('E', 'batch', [], [], false, 'malformed bundle refused');
    throw err;
  }
  const response = bundle.type === 'transaction' ? await processTransaction(repo, bundle) : await processBatch(repo, bundle, handle);
  return { status: 200, body: response };
}
