// The current session, keep-alive, sign-out, the list of active sessions and "sign out everywhere".
import type { FastifyInstance } from 'fastify';
import { auditIdentity } from '../audit-identity.js';
import type { IdentityDeps } from '../context.js';
import { mfaMethods, sessionView } from '../signin.js';
import { mfaStatus } from '../accounts.js';
import { problems } from '../problem.js';
import { endAccountSessions, endSession, listSessions } from '../sessions.js';
import { clearSessionCookie } from '../../security/cookies.js';
import { requireSignedIn } from './guards.js';

export async function sessionRoutes(app: FastifyInstance, { deps }: { deps: IdentityDeps }): Promise<void> {
  const { db } = deps;

  app.get('/session', async (request) => {
    const portal = request.portal;
    if (portal?.session.state === 'mfa-pending') {
      throw problems.unauthenticated('Finish signing in with your second step.', { mfaPending: true, methods: mfaMethods(await mfaStatus(db, portal.account.id)) });
    }
    const p = requireSignedIn(request, { allowMfaSetup: true });
    return sessionView(deps, p.account, p.session, p.mfa);
  });

  app.post('/session/keepalive', async (request) => {
    const p = requireSignedIn(request, { allowMfaSetup: true });
    return sessionView(deps, p.account, p.session, p.mfa);
  });

  app.post('/auth/logout', async (request, reply) => {
    const portal = request.portal;
    if (portal && (await endSession(db, portal.session.id, 'logout')) && portal.session.state === 'active') {
      auditIdentity(deps.audit, request, 'logout', portal.account);
    }
    clearSessionCookie(reply, deps.config);
    return reply.code(204).send();
  });

  app.get('/sessions', async (request) => {
    const p = requireSignedIn(request, { allowMfaSetup: true });
    const sessions = await listSessions(db, p.account.id);
    return {
      sessions: sessions.map((s) => ({
        id: s.id,
        current: s.id === p.session.id,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        idleExpiresAt: s.idleExpiresAt,
        absoluteExpiresAt: s.absoluteExpiresAt,
        ipAddress: s.ipAddress,
        userAgent: s.userAgent,
      })),
    };
  });

  app.delete('/sessions/:id', async (request, reply) => {
    const p = requireSignedIn(request, { allowMfaSetup: true });
    const { id } = request.params as { id: string };
    const r = await db.query('UPDATE account_session SET ended_at = now(), end_reason = $3 WHERE id = $1 AND account_id = $2 AND ended_at IS NULL', [id, p.account.id, 'ended-by-user']);
    if (!r.rowCount) throw problems.notFound('No such session.');
    auditIdentity(deps.audit, request, 'session-ended', p.account, true, id === p.session.id ? 'current session' : 'another session');
    if (id === p.session.id) clearSessionCookie(reply, deps.config);
    return reply.code(204).send();
  });

  app.post('/sessions/logout-all', async (request, reply) => {
    const p = requireSignedIn(request, { allowMfaSetup: true });
    const ended = await endAccountSessions(db, p.account.id, 'logout-all');
    auditIdentity(deps.audit, request, 'logout-all', p.account, true, `${ended.length} session(s) ended`);
    clearSessionCookie(reply, deps.config);
    return reply.code(204).send();
  });
}
