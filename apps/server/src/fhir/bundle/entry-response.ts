// Builds Bundle.entry.response for batch-response / transaction-response (FHIR R4 bundle.html
// BundleEntryResponse: status with code and text, location, etag, lastModified, outcome).
import { STATUS_CODES } from 'node:http';
import type { BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { FhirError } from '#fhir/outcomes.js';
import type { FhirResponse } from '../router.js';
import type { StoredVersion } from '../store/resource-store.js';
import { entryPath } from './parse-bundle.js';

export function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

/** A response entry for a write: no body (the client has it), but where it went and which version. */
export function versionEntry(version: StoredVersion, status: number): BundleEntry {
  return {
    response: {
      status: statusLine(status),
      location: `${version.resourceType}/${version.id}/_history/${version.versionId}`,
      etag: `W/"${version.versionId}"`,
      lastModified: version.lastUpdated,
    },
  };
}

/** A response entry from a routed interaction (reads, searches, deletes). */
export function routedEntry(response: FhirResponse, method: string): BundleEntry {
  const entry: BundleEntry = { response: { status: statusLine(response.status) } };
  if (response.version) {
    entry.response!.etag = `W/"${response.version.versionId}"`;
    entry.response!.lastModified = response.version.lastUpdated;
    if (method === 'POST' || method === 'PUT') entry.response!.location = `${response.version.resourceType}/${response.version.id}/_history/${response.version.versionId}`;
  }
  const body = typeof response.body === 'string' ? (JSON.parse(response.body) as Resource) : response.body;
  if (body?.resourceType === 'OperationOutcome' && method === 'DELETE') entry.response!.outcome = body;
  else if (body && (method === 'GET' || method === 'HEAD')) entry.resource = body;
  return entry;
}

export function errorEntry(error: FhirError, index: number): BundleEntry {
  return { response: { status: statusLine(error.status), outcome: atEntry(error, index).outcome } };
}

/**
 * The same error with every issue located at the entry: diagnostics start with `Bundle.entry[i]`
 * and resource paths (`Observation.code`) become `Bundle.entry[i].resource.code`.
 */
export function atEntry(error: FhirError, index: number): FhirError {
  const at = entryPath(index);
  const issues = (error.outcome.issue ?? []).map((issue) => {
    const located = (issue.expression ?? []).map((e) => (e.startsWith('Bundle.entry[') ? e : `${at}.resource${e.replace(/^[A-Z][A-Za-z]+/, '')}`));
    const prefix = (text: string | undefined) => (text === undefined ? undefined : text.startsWith(at) ? text : `${at}: ${text}`);
    return {
      ...issue,
      diagnostics: prefix(issue.diagnostics ?? issue.details?.text ?? issue.code),
      details: issue.details ? { ...issue.details, text: prefix(issue.details.text) } : undefined,
      expression: located.length ? located : [at],
    };
  });
  const out: OperationOutcome = { resourceType: 'OperationOutcome', issue: issues };
  return new FhirError(error.status, out);
}
