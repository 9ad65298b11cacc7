// Turns a SMART access token into an AccessPolicy for the FHIR API. A patient-context token reaches
// only its patient's compartment; user/ scopes reach what the signed-in user reaches; system/
// scopes (backend services) reach everything the scopes name. Scopes decide read/write per type,
// and v2 granular scopes become row filters (policy.resourceFilters).
import type { FastifyRequest } from 'fastify';
import type { AccessPolicy } from '../access/policy.js';
import type { Authenticator } from '../auth/authenticate.js';
import { bearerToken } from '../auth/authenticate.js';
import type { Queryable } from '../db/pool.js';
import { scopePermissions, type ScopeContext } from './scopes.js';
import { ACCESS_PREFIX, findActiveToken, touchGrant, type SmartUser } from './tokens.js';

export function smartAuthenticator(db: Queryable): Authenticator {
  return {
    name: 'smart-access-token',
    async authenticate(request: FastifyRequest): Promise<AccessPolicy | undefined> {
      const token = bearerToken(request);
      if (!token?.startsWith(ACCESS_PREFIX)) return undefined;
      const row = await findActiveToken(db, token, 'access');
      if (!row) return undefined;
      await touchGrant(db, row.grant_id);
      const scopes = row.scope.split(' ').filter(Boolean);
      const { user, patient } = row.context;
      let contexts: ScopeContext[];
      let patientIds: string[] | null;
      if (!user) [contexts, patientIds] = [['system'], null];
      else if (patient) [contexts, patientIds] = [['patient', 'user'], [patient]];
      else [contexts, patientIds] = [['user'], await userReach(db, user)];
      const permissions = scopePermissions(scopes, contexts);
      return {
        principal: { kind: 'app', clientId: row.client_id, clientName: row.client_name, userId: user?.id, patientId: patient, scopes },
        patientIds,
        canRead: permissions.canRead,
        canSearch: permissions.canSearch,
        canWrite: permissions.canWrite,
        resourceFilters: permissions.resourceFilters,
      };
    },
  };
}

/**
 * The patients a user reaches (docs/api/identity.md "How patients belong to an organization"):
 * a patient their own chart, staff the patients of their organization (or with none), an
 * administrator everyone.
 */
async function userReach(db: Queryable, user: SmartUser): Promise<string[] | null> {
  if (user.kind === 'admin') return null;
  if (user.kind === 'patient') return user.patientId ? [user.patientId] : [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM fhir_resource r WHERE r.resource_type = 'Patient' AND NOT r.deleted AND (
       NOT EXISTS (SELECT 1 FROM sp_reference s WHERE s.resource_type = 'Patient' AND s.resource_id = r.id AND s.param = 'organization')
       OR EXISTS (SELECT 1 FROM sp_reference s WHERE s.resource_type = 'Patient' AND s.resource_id = r.id AND s.param = 'organization' AND s.target_id = $1))`,
    [user.organizationId ?? ''],
  );
  return rows.map((r) => r.id);
}
