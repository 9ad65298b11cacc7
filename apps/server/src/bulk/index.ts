// FHIR Bulk Data Access 2.0.0 export: the operations, the background job that runs an export, and
// what the CapabilityStatement declares for it.
import { extendCapabilityStatement } from '../fhir/capability.js';
import { registerOperation } from '../fhir/operations.js';
import type { RepositoryDeps } from '../fhir/repository.js';
import type { JobWorker } from '../jobs/worker.js';
import { BULK_EXPORT_JOB, runExportJob } from './export-job.js';
import { kickOffExport } from './kickoff.js';
import { exportFile, exportStatus } from './status.js';

const EXPORT_DEFINITIONS = {
  system: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export',
  patient: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export',
  group: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export',
};

let declared = false;

export function registerBulkExport(worker: JobWorker, deps: RepositoryDeps): void {
  worker.register(BULK_EXPORT_JOB, (ctx) => runExportJob(deps, ctx));
  registerOperation('export', kickOffExport);
  registerOperation('export-status', exportStatus);
  registerOperation('export-file', exportFile);
  if (declared) return;
  declared = true;
  extendCapabilityStatement((statement) => {
    statement.instantiates = [...(statement.instantiates ?? []), 'http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data'];
    const rest = statement.rest?.[0];
    if (!rest) return;
    rest.operation = [...(rest.operation ?? []), { name: 'export', definition: EXPORT_DEFINITIONS.system }];
    for (const resource of rest.resource ?? []) {
      if (resource.type === 'Patient') resource.operation = [...(resource.operation ?? []), { name: 'export', definition: EXPORT_DEFINITIONS.patient }];
      if (resource.type === 'Group') resource.operation = [...(resource.operation ?? []), { name: 'export', definition: EXPORT_DEFINITIONS.group }];
    }
  });
}
