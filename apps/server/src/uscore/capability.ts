// The US Core parts of the CapabilityStatement: `instantiates` the US Core Server statement, the
// supported profiles, the SHALL/SHOULD search combinations (capabilitystatement-search-parameter-
// combination extension, as the US Core statement itself writes them), includes, revincludes and
// the $docref operation (US Core 6.1.0 CapabilityStatement-us-core-server).
import type { CapabilityStatement, Extension } from '@medplum/fhirtypes';
import { extendCapabilityStatement } from '../fhir/capability.js';
import { US_CORE_RESOURCES, US_CORE_SERVER, US_CORE_VERSION } from './profiles.js';

const EXPECTATION = 'http://hl7.org/fhir/StructureDefinition/capabilitystatement-expectation';
const COMBINATION = 'http://hl7.org/fhir/StructureDefinition/capabilitystatement-search-parameter-combination';
export const US_CORE_IG = `http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core|${US_CORE_VERSION}`;

let declared = false;

/** Adds the US Core declarations (once per process: extenders are global). */
export function declareUsCoreCapability(): void {
  if (declared) return;
  declared = true;
  extendCapabilityStatement(applyUsCore);
}

export function applyUsCore(statement: CapabilityStatement): void {
  statement.instantiates = [...new Set([...(statement.instantiates ?? []), US_CORE_SERVER])];
  statement.implementationGuide = [...new Set([...(statement.implementationGuide ?? []), US_CORE_IG])];
  for (const rest of statement.rest ?? []) {
    for (const resource of rest.resource ?? []) {
      const usCore = US_CORE_RESOURCES.find((r) => r.type === resource.type);
      if (!usCore) continue;
      resource.supportedProfile = [...new Set([...(resource.supportedProfile ?? []), ...usCore.profiles])];
      const combinations: Extension[] = usCore.searches
        .filter((c) => c.params.length > 1)
        .map((c) => ({
          url: COMBINATION,
          extension: [{ url: EXPECTATION, valueCode: c.expectation }, ...c.params.map((name) => ({ url: 'required', valueString: name }))],
        }));
      if (combinations.length) resource.extension = [...(resource.extension ?? []), ...combinations];
      if (usCore.includes) resource.searchInclude = [...new Set([...(resource.searchInclude ?? []), ...usCore.includes])];
      if (usCore.revincludes) resource.searchRevInclude = [...new Set([...(resource.searchRevInclude ?? []), ...usCore.revincludes])];
      for (const op of usCore.operations ?? []) {
        if (!resource.operation?.some((o) => o.name === op.name)) resource.operation = [...(resource.operation ?? []), op];
      }
      // POST [type]/_search is the same search as GET (router.ts).
      if (!resource.interaction?.some((i) => i.code === 'search-type')) resource.interaction = [...(resource.interaction ?? []), { code: 'search-type' }];
    }
  }
}
