// Extended operations (FHIR R4 operations.html): `[base]/$name`, `[base]/[type]/$name` and
// `[base]/[type]/[id]/$name`. Modules register what they serve; the router dispatches every path
// part that starts with `$` here, so each operation plugs in without touching the router again.
import { FhirError, outcome } from '#fhir/outcomes.js';
import type { FhirRepository } from './repository.js';
import type { FhirRequest, FhirResponse } from './router.js';

export interface OperationCall {
  repo: FhirRepository;
  req: FhirRequest;
  /** The operation name without `$`. */
  name: string;
  level: 'system' | 'type' | 'instance';
  type?: string;
  id?: string;
  /** Path parts after the operation name (e.g. a job id for a status endpoint). */
  rest: string[];
}

export type OperationHandler = (call: OperationCall) => Promise<FhirResponse>;

const operations = new Map<string, OperationHandler>();

/** Registers `$name`; the handler checks level, type and method itself. Re-registering replaces. */
export function registerOperation(name: string, handler: OperationHandler): void {
  operations.set(name, handler);
}

/** Runs the operation in `parts` (the path split at `/`), whose part at `index` starts with `$`. */
export function dispatchOperation(repo: FhirRepository, req: FhirRequest, parts: string[], index: number): Promise<FhirResponse> {
  const name = parts[index].slice(1);
  const handler = operations.get(name);
  if (!handler || index > 2) throw new FhirError(404, outcome('error', 'not-supported', `Operation $${name.slice(0, 60)} is not supported`));
  const level = index === 0 ? 'system' : index === 1 ? 'type' : 'instance';
  const type = index >= 1 ? parts[0] : undefined;
  if (type !== undefined) repo.checkType(type);
  return handler({ repo, req, name, level, type, id: index === 2 ? parts[1] : undefined, rest: parts.slice(index + 1) });
}
