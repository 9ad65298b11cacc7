// The last step of every way in (password [+ second factor], passkey, enrollment): a fresh session
// id, the cookie, the audit record, and the Session object the web app reads.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookie } from '../security/cookies.js';
import { hasMfa, mfaRequiredFor, mfaStatus, type Account, type MfaStatus } from './accounts.js';
import { auditIdentity } from './audit-identity.js';
import type { IdentityDeps } from './context.js';
import { clearFailures, emailKey } from './throttle.js';
import { createSession, endSession, type SessionRow } from './sessions.js';

/** `known`: the MFA status already read with the session (the session hook reads it), saving a query. */
export async function sessionView(deps: IdentityDeps, account: Account, session: SessionRow, known?: MfaStatus) {
  const mfa = known ?? (await mfaStatus(deps.db, account.id));
  const withMfa = hasMfa(mfa);
  return {
    user: {
      id: account.id,
      kind: account.kind,
      displayName: account.displayName,
      email: account.email,
      patientId: account.patientId,
      locale: account.locale,
      roles: account.roles,
      organizationId: account.organizationId,
      practitionerId: account.practitionerId,
      mfa,
    },
    csrfToken: session.csrfToken,
    sessionId: session.id,
    idleExpiresAt: session.idleExpiresAt,
    absoluteExpiresAt: session.absoluteExpiresAt,
    idleTimeoutSeconds: deps.config.sessionIdleMinutes * 60,
    mfaSetupRequired: mfaRequiredFor(account.kind) && !withMfa,
    mfaPrompt: account.kind === 'patient' && !withMfa,
  };
}

export async function completeSignIn(
  deps: IdentityDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  account: Account,
  methods: string[],
  replacesSessionId?: string,
) {
  if (replacesSessionId) await endSession(deps.db, replacesSessionId, 'mfa-completed');
  const { token, session } = await createSession(deps.db, {
    accountId: account.id,
    state: 'active',
    idleMinutes: deps.config.sessionIdleMinutes,
    ipAddress: request.ip,
    userAgent: request.headers['user-agent'],
    authMethods: methods,
  });
  setSessionCookie(reply, deps.config, token);
  await clearFailures(deps.db, emailKey(account.email));
  auditIdentity(deps.audit, request, 'login', account, true, `sign-in with ${methods.join(' + ')}`);
  return { status: 'signed-in' as const, session: await sessionView(deps, account, session) };
}

/** After a correct password for an account with MFA: a pending session that only allows the second step. */
export async function beginSecondFactor(deps: IdentityDeps, request: FastifyRequest, reply: FastifyReply, account: Account) {
  const mfa = await mfaStatus(deps.db, account.id);
  const { token, session } = await createSession(deps.db, {
    accountId: account.id,
    state: 'mfa-pending',
    idleMinutes: deps.config.sessionIdleMinutes,
    ipAddress: request.ip,
    userAgent: request.headers['user-agent'],
    authMethods: ['password'],
  });
  setSessionCookie(reply, deps.config, token);
  return { status: 'mfa-required' as const, methods: mfaMethods(mfa), csrfToken: session.csrfToken };
}

export function mfaMethods(mfa: { totp: boolean; passkeys: number; recoveryCodesRemaining: number }): string[] {
  return [...(mfa.totp ? ['totp'] : []), ...(mfa.recoveryCodesRemaining > 0 ? ['recovery-code'] : []), ...(mfa.passkeys > 0 ? ['passkey'] : [])];
}
