// The closed list of purposes for which the server reads or writes health data with no patient
// limit (docs/decisions/0018). Adding one is a code change someone reviews: privileged access is
// rare, and each use says why in the audit trail.
export const PRIVILEGED_REASONS = {
  /** Self-enrollment: find the one chart matching a stranger's name, birth date and MRN or phone. */
  'identity-proofing': 'match a person enrolling to their chart',
  /** Activation code or verified enrollment link: read the chart it points to (birth date, name). */
  enrollment: 'read the chart an enrollment points to',
  /** Demo start-up: link the demo sign-in accounts to the demo charts. */
  'demo-accounts': 'link demo accounts to demo charts',
  /** Demo start-up: write the synthetic clinic. */
  'demo-seed': 'write the demo clinic',
  /** `npm run import`: write an EHR export and compare it with what is stored. */
  import: 'import records',
  /** A Bulk Data export job, limited to its requester's reach, read by the server after the request. */
  'bulk-export': 'export records for a requester',
  /** The SMART consent page: the name of the patient an app asks for. */
  'smart-consent': 'show the patient an app asks for',
  /** A user-level SMART token: which patients the user's organization reaches. */
  'smart-reach': 'find the patients an app user reaches',
  /** An operator token or the operator's command line. */
  operator: 'operator access',
} as const;

export type PrivilegedReason = keyof typeof PRIVILEGED_REASONS;

/** The CodeSystem of the AuditEvent.agent.role that marks a privileged access (its code is the reason). */
export const PRIVILEGED_ACCESS_SYSTEM = 'https://portico.health/fhir/CodeSystem/privileged-access';

export function isPrivilegedReason(value: string): value is PrivilegedReason {
  return Object.hasOwn(PRIVILEGED_REASONS, value);
}
