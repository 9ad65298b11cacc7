// One error type for every FHIR-facing failure, carrying an OperationOutcome and the HTTP status it
// maps to. Domain code throws FhirError; only the HTTP layer turns it into a response.
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export type IssueCode = OperationOutcomeIssue['code'];

export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly outcome: OperationOutcome,
    /** Response headers the answer needs (Retry-After on 429 and 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(outcome.issue?.map((i) => i.diagnostics ?? i.details?.text ?? i.code).join('; ') || `HTTP ${status}`);
  }
}

export function outcome(severity: OperationOutcomeIssue['severity'], code: IssueCode, text: string, expression?: string[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, details: { text }, diagnostics: text, ...(expression?.length ? { expression } : {}) }],
  };
}

export const badRequest = (text: string, expression?: string[]) => new FhirError(400, outcome('error', 'invalid', text, expression));
export const notFound = (text = 'Not found') => new FhirError(404, outcome('error', 'not-found', text));
export const gone = (text = 'Deleted') => new FhirError(410, outcome('error', 'deleted', text));
export const conflict = (text: string) => new FhirError(409, outcome('error', 'conflict', text));
export const preconditionFailed = (text: string) => new FhirError(412, outcome('error', 'conflict', text));
export const forbidden = (text = 'Forbidden') => new FhirError(403, outcome('error', 'forbidden', text));
export const unauthorized = (text = 'Authentication required') => new FhirError(401, outcome('error', 'login', text));
export const notSupported = (text: string) => new FhirError(400, outcome('error', 'not-supported', text));
export const unprocessable = (issues: OperationOutcomeIssue[]) =>
  new FhirError(422, { resourceType: 'OperationOutcome', issue: issues });

export function allOk(text = 'All OK'): OperationOutcome {
  return outcome('information', 'informational', text);
}
