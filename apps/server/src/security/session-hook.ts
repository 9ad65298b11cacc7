// Loads the portal session named by the cookie for /api and /fhir requests, ends expired ones
// (recording why), moves the idle deadline, and enforces CSRF on state-changing /api requests.
// (/fhir checks CSRF in the session authenticator, because there a bearer token may be the
// credential instead.)
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findAccountById, hasMfa, mfaRequiredFor, mfaStatus } from '../identity/accounts.js';
import { auditIdentity } from '../identity/audit-identity.js';
import type { IdentityDeps } from '../identity/context.js';
import { ApiProblem, problems, sendProblem } from '../identity/problem.js';
import { csrfMatches, lookupSession, SESSION_COOKIE, touchSession } from '../identity/sessions.js';
import { clearSessionCookie } from './cookies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reads that must not count as activity (the web app polls them). */
const PASSIVE = new Set(['GET /api/session', 'GET /api/sessions']);

export const isStateChanging = (request: FastifyRequest) => !SAFE_METHODS.has(request.method);
const pathOf = (request: FastifyRequest) => request.url.split('?')[0];

export function registerSessionHook(app: FastifyInstance, deps: IdentityDeps): void {
  const expectedOrigin = new URL(deps.config.publicUrl).origin;
  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request);
    const isApi = path.startsWith('/api/');
    if (!isApi && !path.startsWith('/fhir')) return;
    try {
      if (isApi && isStateChanging(request)) {
        // Cross-site requests are refused outright; browsers send Origin on every cross-origin POST.
        const origin = request.headers.origin;
        if (origin && origin !== expectedOrigin) throw problems.csrf();
      }
      const token = request.cookies?.[SESSION_COOKIE];
      if (!token) return;
      const found = await lookupSession(deps.db, token);
      if (!found) {
        clearSessionCookie(reply, deps.config);
        return;
      }
      if ('expired' in found) {
        clearSessionCookie(reply, deps.config);
        const account = await findAccountById(deps.db, found.expired.accountId);
        if (found.expired.state === 'active') auditIdentity(deps.audit, request, 'session-expired', account, true, found.reason);
        return;
      }
      const account = await findAccountById(deps.db, found.session.accountId);
      if (!account || account.disabled) return;
      let session = found.session;
      if (isApi && isStateChanging(request) && !csrfMatches(session, header(request, 'x-csrf-token'))) throw problems.csrf();
      if (!PASSIVE.has(`${request.method} ${path}`)) session = await touchSession(deps.db, session, deps.config.sessionIdleMinutes);
      const status = await mfaStatus(deps.db, account.id);
      request.portal = { session, account, hasMfa: hasMfa(status), mfaSetupRequired: mfaRequiredFor(account.kind) && !hasMfa(status) };
    } catch (err) {
      if (err instanceof ApiProblem) return sendProblem(reply, err);
      throw err;
    }
  });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
