// Lets /fhir accept the portal session cookie: patients get their own compartment, staff their
// organization's patients, administrators everything. Cookie-authenticated writes need the CSRF
// header (a bearer token, checked by an earlier authenticator, does not).
import type { FastifyRequest } from 'fastify';
import { forbidden, FhirError, outcome } from '#fhir/outcomes.js';
import { patientPolicy, type AccessPolicy } from '../access/policy.js';
import { adminPolicy, organizationPatientIds, staffPolicy } from '../access/staff-policy.js';
import type { Authenticator } from '../auth/authenticate.js';
import type { Database } from '../db/pool.js';
import { principalOf } from '../identity/principals.js';
import { csrfMatches } from '../identity/sessions.js';
import { isStateChanging } from './session-hook.js';

export async function policyForPortal(db: Database, request: FastifyRequest): Promise<AccessPolicy | undefined> {
  const portal = request.portal;
  if (!portal || portal.session.state !== 'active') return undefined;
  if (portal.mfaSetupRequired) throw forbidden('Turn on two-step verification before using the FHIR API');
  const principal = principalOf(portal.account);
  if (principal.kind === 'patient') return patientPolicy(principal);
  if (principal.kind !== 'staff') return undefined;
  if (portal.account.kind === 'admin') return adminPolicy(principal);
  return staffPolicy(principal, await organizationPatientIds(db, principal.organizationId));
}

export function sessionAuthenticator(db: Database): Authenticator {
  return {
    name: 'portal-session',
    async authenticate(request) {
      const policy = await policyForPortal(db, request);
      if (policy && isStateChanging(request)) {
        const header = request.headers['x-csrf-token'];
        if (!csrfMatches(request.portal!.session, Array.isArray(header) ? header[0] : header)) {
          throw new FhirError(403, outcome('error', 'security', 'Send the x-csrf-token header with writes made with the session cookie'));
        }
      }
      return policy;
    },
  };
}
