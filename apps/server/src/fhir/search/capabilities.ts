import type { CapabilityStatementRestResourceSearchParam } from '@medplum/fhirtypes';

/**
 * Search parameter types the search engine answers (search/filters.ts). Composites are answered as
 * the AND of their components on the resource (not within one repeating element).
 */
export const supportedSearchParamTypes = new Set(['token', 'string', 'reference', 'date', 'number', 'quantity', 'uri', 'composite']);

/** Parameters answered from the resource table itself (FHIR search §3.1.1.3). */
export const STORE_PARAMS: CapabilityStatementRestResourceSearchParam[] = [
  { name: '_id', type: 'token', definition: 'http://hl7.org/fhir/SearchParameter/Resource-id' },
  { name: '_lastUpdated', type: 'date', definition: 'http://hl7.org/fhir/SearchParameter/Resource-lastUpdated' },
];
