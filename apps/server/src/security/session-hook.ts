// Loads the portal session named by the cookie for /api and /fhir requests, ends expired ones
// (recording why), moves the idle deadline (at most once per touchSlackSeconds, in the same
// statement), and enforces CSRF on state-changing /api requests.
// (/fhir checks CSRF in the session authenticator, because there a bearer token may be the
// credential instead.)
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasMfa, mfaRequiredFor } from '../identity/accounts.js';
import { auditIdentity } from '../identity/audit-identity.js';
import type { IdentityDeps } from '../identity/context.js';
import { ApiProblem, problems, sendProblem } from '../identity/problem.js';
import { checkSession } from '../identity/check-session.js';
import { csrfMatches, SESSION_COOKIE, touchSession, touchSlackSeconds } from '../identity/sessions.js';
import { clearSessionCookie } from './cookies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reads that must not count as activity (the web app polls them). */
const PASSIVE = new Set(['GET /api/session', 'GET /api/sessions']);
/** "Stay signed in": always moves the idle deadline, whatever the touch throttle says. */
const KEEPALIVE = 'POST /api/session/keepalive';

export const isStateChanging = (request: FastifyRequest) => !SAFE_METHODS.has(request.method);
const pathOf = (request: FastifyRequest) => request.url.split('?')[0];

export function registerSessionHook(app: FastifyInstance, deps: IdentityDeps): void {
  const expectedOrigin = new URL(deps.config.publicUrl).origin;
  const idleMinutes = deps.config.sessionIdleMinutes;
  const slack = touchSlackSeconds(idleMinutes);
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
      // A write must pass the CSRF check before it counts as activity, so it touches afterwards.
      const write = isApi && isStateChanging(request);
      const route = `${request.method} ${path}`;
      const found = await checkSession(deps.db, token, { idleMinutes, touchAfterSeconds: write || PASSIVE.has(route) ? undefined : slack });
      if (!found) {
        clearSessionCookie(reply, deps.config);
        return;
      }
      if ('expired' in found) {
        clearSessionCookie(reply, deps.config);
        if (found.expired.state === 'active') auditIdentity(deps.audit, request, 'session-expired', found.account, true, found.reason);
        return;
      }
      const { account, mfa } = found;
      if (!account || account.disabled) return;
      let session = found.session;
      if (write) {
        if (!csrfMatches(session, header(request, 'x-csrf-token'))) throw problems.csrf();
        session = await touchSession(deps.db, session, idleMinutes, route === KEEPALIVE ? 0 : slack);
      }
      request.portal = { session, account, mfa, hasMfa: hasMfa(mfa), mfaSetupRequired: mfaRequiredFor(account.kind) && !hasMfa(mfa) };
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
