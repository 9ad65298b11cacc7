// The CapabilityStatement is generated from the same search-parameter tables the store indexes
// with, so it lists exactly what the server does (FHIR R4 capabilitystatement.html).
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { MAX_BUNDLE_ENTRIES, MAX_BUNDLE_READS } from './bundle/parse-bundle.js';
import { INDEXED_PREFIX_CHARS } from './indexing/index-keys.js';
import { indexedParams } from './indexing/search-parameters.js';
import { getResourceTypes } from './resource-types.js';
import { supportedSearchParamTypes, STORE_PARAMS } from './search/capabilities.js';

export type CapabilityExtender = (statement: CapabilityStatement) => void;

const extenders: CapabilityExtender[] = [];

/** Modules (SMART, bulk export, operations) add what they serve before the statement is built. */
export function extendCapabilityStatement(extender: CapabilityExtender): void {
  extenders.push(extender);
}

const BUNDLE_LIMITS = `At most ${MAX_BUNDLE_ENTRIES} entries, of which at most ${MAX_BUNDLE_READS} reads or searches; a bigger bundle is refused with 413.`;

// The limits one client meets (docs/api/fhir-limits.md).
const LIMITS = [
  `Batch and transaction: ${BUNDLE_LIMITS}`,
  'Requests of one client handled at a time on one server node are capped; above the cap the answer is 429 with Retry-After.',
  'A request whose database query runs longer than the server allows is stopped and answered 503 with Retry-After.',
  `Search: string, token and uri values longer than ${INDEXED_PREFIX_CHARS} characters match exactly; prefix and :contains searches compare their first ${INDEXED_PREFIX_CHARS} characters.`,
].join('\n\n');

export function buildCapabilityStatement(baseUrl: string): CapabilityStatement {
  const resources: CapabilityStatementRestResource[] = getResourceTypes()
    .map((type) => ({
      type: type as CapabilityStatementRestResource['type'],
      interaction: ['read', 'vread', 'update', 'delete', 'history-instance', 'history-type', 'create', 'search-type'].map((code) => ({ code: code as 'read' })),
      versioning: 'versioned-update' as const,
      readHistory: true,
      updateCreate: true,
      conditionalCreate: true,
      conditionalUpdate: true,
      conditionalDelete: 'not-supported' as const,
      searchParam: [
        ...STORE_PARAMS,
        ...[...indexedParams(type).values()]
          .filter((p) => supportedSearchParamTypes.has(p.type) && (p.expression || p.type === 'composite'))
          .map((p) => ({ name: p.code, type: p.type as 'token', definition: p.definition.url })),
      ],
    }));
  const statement: CapabilityStatement = {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    publisher: 'Portico',
    kind: 'instance',
    software: { name: 'Portico', version: '0.1.0' },
    implementation: { description: 'Portico patient portal FHIR API', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation: LIMITS,
        resource: resources,
        interaction: [
          { code: 'transaction', documentation: BUNDLE_LIMITS },
          { code: 'batch', documentation: BUNDLE_LIMITS },
          { code: 'history-system' },
        ],
      },
    ],
  };
  for (const extend of extenders) extend(statement);
  return statement;
}
