// Turns a SMART access token into an AccessPolicy for the FHIR API. A patient-context token reaches
// only its patient's compartment; user/ scopes reach what the signed-in user reaches; system/
// scopes (backend services) reach everything the scopes name. Scopes decide read/write per type,
// and v2 granular scopes become row filters (policy.resourceFilters).
import type { FastifyRequest } from 'fastify';
import type { AccessPolicy } from '../access/policy.js';
import type { Principal } from '../access/principal.js';
import { privilegedRepository } from '../access/privileged.js';
import { organizationPatientIds } from '../access/staff-policy.js';
import type { Authenticator } from '../auth/authenticate.js';
import { bearerToken } from '../auth/authenticate.js';
import type { RepositoryDeps } from '../fhir/repository.js';
import { scopePermissions, type ScopeContext } from './scopes.js';
import { ACCESS_PREFIX, findActiveToken, touchGrant, type SmartUser } from './tokens.js';

/**
 * How long the patients a user-level token reaches are kept: the token itself (expiry, revocation)
 * is checked on every request, the reach (a read of the Patient rows, audited) once a minute per app
 * and user rather than on every request.
 */
const REACH_TTL_MS = 60_000;
const REACH_MAX_ENTRIES = 1000;

export function smartAuthenticator(deps: RepositoryDeps): Authenticator {
  const { db } = deps;
  const reaches = new Map<string, { ids: string[]; at: number }>();

  /**
   * The patients a user reaches (docs/api/identity.md "How patients belong to an organization"):
   * a patient their own chart, staff the patients of their organization (or with none), an
   * administrator everyone. Staff reach reads the Patient rows, so it goes through the privileged
   * door ('smart-reach', on behalf of the app and user) and is audited each time it is computed.
   */
  async function userReach(app: Principal & { kind: 'app' }, user: SmartUser): Promise<string[] | null> {
    if (user.kind === 'admin') return null;
    if (user.kind === 'patient') return user.patientId ? [user.patientId] : [];
    const key = `${app.clientId}\n${user.id}\n${user.organizationId ?? ''}`;
    const now = Date.now();
    const hit = reaches.get(key);
    if (hit && now - hit.at < REACH_TTL_MS) return hit.ids;
    const repo = privilegedRepository(deps, { reason: 'smart-reach', actor: app });
    const ids = await organizationPatientIds(repo.sql, user.organizationId ?? undefined);
    // Membership only (ids and organization), no chart content: one event per computation, without
    // listing every patient of the organization.
    repo.audit('R', 'search-type', [], [], true, `patients reached by a SMART app user: ${ids.length}`);
    if (reaches.size >= REACH_MAX_ENTRIES) reaches.clear();
    reaches.set(key, { ids, at: now });
    return ids;
  }

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
      const principal = { kind: 'app' as const, clientId: row.client_id, clientName: row.client_name, userId: user?.id, patientId: patient, scopes };
      let contexts: ScopeContext[];
      let patientIds: string[] | null;
      if (!user) [contexts, patientIds] = [['system'], null];
      else if (patient) [contexts, patientIds] = [['patient', 'user'], [patient]];
      else [contexts, patientIds] = [['user'], await userReach(principal, user)];
      const permissions = scopePermissions(scopes, contexts);
      return {
        principal,
        patientIds,
        canRead: permissions.canRead,
        canSearch: permissions.canSearch,
        canWrite: permissions.canWrite,
        resourceFilters: permissions.resourceFilters,
      };
    },
  };
}

