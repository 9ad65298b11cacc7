// Failures that are not FhirErrors but still have a FHIR answer: values the database refuses (400),
// writes rolled back for a concurrent one (409) and statements stopped by the statement timeout (503). One mapping for HTTP answers and for batch
// entries, so an entry fails the way the same request fails on its own.
import { conflict, FhirError, outcome } from '#fhir/outcomes.js';
import { isBadInputFromDatabase, isStatementTimeout, isWriteConflict } from '../db/input-errors.js';

/** Seconds a client is asked to wait after a 503 for a stopped statement. */
export const TIMEOUT_RETRY_AFTER_SECONDS = 10;

/** The FhirError for `error`, or undefined for an unexpected failure (a 500). */
export function toFhirError(error: unknown): FhirError | undefined {
  if (error instanceof FhirError) return error;
  if (isBadInputFromDatabase(error)) return new FhirError(400, outcome('error', 'invalid', 'A value in the request is not valid'));
  if (isWriteConflict(error)) return conflict('Another request changed the same resources at the same time; nothing was written. Read them again and retry.');
  if (isStatementTimeout(error)) {
    return new FhirError(
      503,
      outcome('error', 'timeout', 'The request took longer than the server allows one database query and was stopped. Narrow it (fewer or more specific search parameters, a smaller _count) or try again later.'),
      { 'retry-after': String(TIMEOUT_RETRY_AFTER_SECONDS) },
    );
  }
  return undefined;
}
