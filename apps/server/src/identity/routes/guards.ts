// Who may call what: signed in (active session), not blocked by a required MFA set-up, staff only.
import type { FastifyRequest } from 'fastify';
import type { PortalContext } from '../context.js';
import { problems } from '../problem.js';

export function requireSignedIn(request: FastifyRequest, options: { allowMfaSetup?: boolean } = {}): PortalContext {
  const portal = request.portal;
  if (!portal || portal.session.state !== 'active') throw problems.unauthenticated();
  if (portal.mfaSetupRequired && !options.allowMfaSetup) throw problems.mfaSetupRequired();
  return portal;
}

export function requirePendingSecondFactor(request: FastifyRequest): PortalContext {
  const portal = request.portal;
  if (!portal || portal.session.state !== 'mfa-pending') throw problems.unauthenticated('Sign in with your email and password first.');
  return portal;
}

export function requireStaff(request: FastifyRequest): PortalContext {
  const portal = requireSignedIn(request);
  if (portal.account.kind !== 'staff' && portal.account.kind !== 'admin') throw problems.forbidden();
  return portal;
}
