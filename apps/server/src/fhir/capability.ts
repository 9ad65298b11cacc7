// The CapabilityStatement is generated from the same search-parameter tables the store indexes
// with, so it lists exactly what the server does (FHIR R4 capabilitystatement.html).
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { indexedParams } from './indexing/search-parameters.js';
import { getResourceTypes } from './resource-types.js';
import { supportedSearchParamTypes, STORE_PARAMS } from './search/capabilities.js';

export type CapabilityExtender = (statement: CapabilityStatement) => void;

const extenders: CapabilityExtender[] = [];

/** Modules (SMART, bulk export, operations) add what they serve before the statement is built. */
export function extendCapabilityStatement(extender: CapabilityExtender): void {
  extenders.push(extender);
}

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
        resource: resources,
        interaction: [{ code: 'transaction' }, { code: 'batch' }, { code: 'history-system' }],
      },
    ],
  };
  for (const extend of extenders) extend(statement);
  return statement;
}
