// Staff reach the patients of their organization; administrators reach everyone. A Patient belongs
// to an organization through Patient.managingOrganization; a Patient without one belongs to the
// clinic as a whole (single-clinic installs need not set it), so every staff user reaches it.
import type { Queryable } from '../db/pool.js';
import type { AccessPolicy } from './policy.js';
import type { Principal } from './principal.js';

type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

/**
 * Ids of the patients an organization's staff may reach (computed per request). This is the access
 * check itself: it reads only ids and the managing organization, returns no chart to anyone, and
 * every read then made with the policy is audited, so a portal session does not add an audit event
 * per request for it. A SMART token runs it through the privileged door instead (smart/authenticator.ts).
 */
export async function organizationPatientIds(db: Queryable, organizationId: string | undefined): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM fhir_resource
     WHERE resource_type = 'Patient' AND NOT deleted
       AND (content::jsonb #>> '{managingOrganization,reference}' IS NULL
            OR ($1::text IS NOT NULL AND content::jsonb #>> '{managingOrganization,reference}' = 'Organization/' || $1::text))`,
    [organizationId ?? null],
  );
  return rows.map((r) => r.id);
}

export function staffPolicy(principal: StaffPrincipal, patientIds: string[]): AccessPolicy {
  return {
    principal,
    patientIds,
    canRead: () => true,
    // Clinical writes follow role-specific workflows in the capability modules; the raw FHIR API
    // lets staff write within their organization's compartments.
    canWrite: () => true,
  };
}

export function adminPolicy(principal: StaffPrincipal): AccessPolicy {
  return { principal, patientIds: null, canRead: () => true, canWrite: () => true };
}
