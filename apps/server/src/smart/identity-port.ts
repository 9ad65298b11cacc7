// How the authorization server learns who is signed in. It goes through the identity module's
// documented HTTP contract (docs/api/identity.md) in-process (Fastify inject), so the portal's
// rules — lockout, rate limits, MFA, session lifetime — apply to SMART sign-ins unchanged.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/pool.js';
import { listSessions } from '../identity/sessions.js';
import type { SmartUser } from './tokens.js';

export interface PortalSession {
  user: SmartUser;
  csrfToken: string;
  /** The portal session's public handle (docs/api/identity.md `sessionId`). */
  sessionId: string;
}

export type SignInResult =
  | { ok: true; user: SmartUser; setCookie: string[] }
  | { ok: false; reason: 'invalid-credentials' | 'mfa-required' | 'invalid-code' | 'rate-limited' | 'mfa-setup-required' | 'unavailable'; detail?: string };

export interface PortalIdentity {
  currentSession(request: FastifyRequest): Promise<PortalSession | undefined>;
  signIn(request: FastifyRequest, email: string, password: string, totp?: string): Promise<SignInResult>;
  /** Whether the person's portal session is still live (not signed out, not past its idle or absolute limit). */
  sessionActive(userId: string, sessionId: string): Promise<boolean>;
}

interface SessionBody {
  user?: { id: string; kind: SmartUser['kind']; displayName?: string; patientId?: string | null; practitionerId?: string | null; organizationId?: string | null };
  csrfToken?: string;
  sessionId?: string;
  mfaSetupRequired?: boolean;
}

const toUser = (u: NonNullable<SessionBody['user']>): SmartUser => ({
  id: u.id,
  kind: u.kind,
  displayName: u.displayName,
  patientId: u.patientId ?? null,
  practitionerId: u.practitionerId ?? null,
  organizationId: u.organizationId ?? null,
});

function cookiePairs(setCookie: string | string[] | undefined): string[] {
  return (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(';')[0]);
}

export function portalIdentity(app: FastifyInstance, publicUrl: string, db: Queryable): PortalIdentity {
  const origin = new URL(publicUrl).origin;
  const json = (request: FastifyRequest, cookie?: string) => ({
    'content-type': 'application/json',
    origin,
    ...(cookie ? { cookie } : {}),
    ...(request.headers['user-agent'] ? { 'user-agent': String(request.headers['user-agent']) } : {}),
  });

  async function session(request: FastifyRequest, cookie: string): Promise<PortalSession | undefined> {
    const res = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie }, remoteAddress: request.ip });
    if (res.statusCode !== 200) return undefined;
    const body = res.json() as SessionBody;
    if (!body.user || !body.csrfToken || !body.sessionId || body.mfaSetupRequired) return undefined;
    return { user: toUser(body.user), csrfToken: body.csrfToken, sessionId: body.sessionId };
  }

  return {
    async currentSession(request) {
      const cookie = request.headers.cookie;
      if (!cookie || !/portico_session=/.test(cookie)) return undefined;
      return session(request, cookie);
    },

    async signIn(request, email, password, totp) {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: json(request), payload: { email, password }, remoteAddress: request.ip });
      if (login.statusCode === 404) return { ok: false, reason: 'unavailable' };
      if (login.statusCode === 429) return { ok: false, reason: 'rate-limited', detail: (login.json() as { detail?: string }).detail };
      if (login.statusCode !== 200) return { ok: false, reason: 'invalid-credentials' };
      let cookies = cookiePairs(login.headers['set-cookie']);
      let setCookie = [login.headers['set-cookie'] ?? []].flat();
      const body = login.json() as { status: string; csrfToken?: string };
      if (body.status === 'mfa-required') {
        if (!totp) return { ok: false, reason: 'mfa-required' };
        // The second step is a state-changing call on the pending session: it carries that session's CSRF token.
        const mfa = await app.inject({ method: 'POST', url: '/api/auth/mfa/totp', headers: { ...json(request, cookies.join('; ')), 'x-csrf-token': body.csrfToken ?? '' }, payload: { code: totp.replace(/\s/g, '') }, remoteAddress: request.ip });
        if (mfa.statusCode === 429) return { ok: false, reason: 'rate-limited', detail: (mfa.json() as { detail?: string }).detail };
        if (mfa.statusCode !== 200) return { ok: false, reason: 'invalid-code' };
        cookies = cookiePairs(mfa.headers['set-cookie']);
        setCookie = [mfa.headers['set-cookie'] ?? []].flat();
      }
      const signedIn = await session(request, cookies.join('; '));
      if (!signedIn) return { ok: false, reason: 'mfa-setup-required' };
      return { ok: true, user: signedIn.user, setCookie };
    },

    // The app asking has no portal cookie, so this cannot go through /api/session; the identity
    // module's own list of live sessions applies the same sign-out, idle and absolute limits.
    async sessionActive(userId, sessionId) {
      return (await listSessions(db, userId)).some((s) => s.id === sessionId);
    },
  };
}
