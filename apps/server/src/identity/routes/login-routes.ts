// Sign-in: password, then a second factor when the account has one (TOTP, recovery code or
// passkey), or a passkey alone. Failures are counted per email and per IP, and every answer is
// the same whether or not the email is registered (OWASP Authentication Cheat Sheet).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { findAccountByEmail, findAccountById, hasMfa, mfaStatus, type Account } from '../accounts.js';
import { auditIdentity } from '../audit-identity.js';
import type { IdentityDeps } from '../context.js';
import { verifyDummy, verifyPassword } from '../passwords.js';
import { ApiProblem, problems } from '../problem.js';
import { useRecoveryCode } from '../recovery-codes.js';
import { beginSecondFactor, completeSignIn } from '../signin.js';
import { blockedFor, emailKey, ipKey, recordFailure, RULES } from '../throttle.js';
import { checkTotp } from '../totp.js';
import { authenticationOptions, CHALLENGE_COOKIE, verifyAuthentication } from '../webauthn.js';
import { clearChallengeCookie, setChallengeCookie } from '../../security/cookies.js';
import { requirePendingSecondFactor } from './guards.js';

const Email = Type.String({ minLength: 3, maxLength: 254 });

export async function loginRoutes(app: FastifyInstance, { deps }: { deps: IdentityDeps }): Promise<void> {
  const { db } = deps;

  async function throttled(request: FastifyRequest, email?: string): Promise<void> {
    const wait = Math.max(await blockedFor(db, ipKey(request.ip)), email ? await blockedFor(db, emailKey(email)) : 0);
    if (wait > 0) throw problems.rateLimited(wait);
  }

  async function failed(request: FastifyRequest, email: string, account: Account | undefined, why: string): Promise<void> {
    await recordFailure(db, emailKey(email), RULES.email);
    await recordFailure(db, ipKey(request.ip), RULES.ip);
    auditIdentity(deps.audit, request, 'login-failed', account, false, why);
  }

  app.post('/auth/login', { schema: { body: Type.Object({ email: Email, password: Type.String({ maxLength: 1024 }) }) } }, async (request, reply) => {
    const { email, password } = request.body as { email: string; password: string };
    await throttled(request, email);
    const account = await findAccountByEmail(db, email);
    let ok = false;
    if (account?.passwordHash && !account.disabled) ok = await verifyPassword(account.passwordHash, password);
    else await verifyDummy(password);
    if (!ok || !account) {
      await failed(request, email, account, account ? 'wrong password' : 'unknown email');
      throw problems.invalidCredentials();
    }
    if (hasMfa(await mfaStatus(db, account.id))) return beginSecondFactor(deps, request, reply, account);
    return completeSignIn(deps, request, reply, account, ['password']);
  });

  app.post('/auth/mfa/totp', { schema: { body: Type.Object({ code: Type.String({ maxLength: 20 }) }) } }, async (request, reply) => {
    const portal = requirePendingSecondFactor(request);
    await throttled(request, portal.account.email);
    const ok = await db.withTransaction((client) => checkTotp(client, deps.keyring, portal.account.id, (request.body as { code: string }).code));
    if (!ok) {
      await failed(request, portal.account.email, portal.account, 'wrong TOTP code');
      throw problems.invalidCode();
    }
    return completeSignIn(deps, request, reply, portal.account, ['password', 'totp'], portal.session.id);
  });

  app.post('/auth/mfa/recovery', { schema: { body: Type.Object({ code: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    const portal = requirePendingSecondFactor(request);
    await throttled(request, portal.account.email);
    if (!(await useRecoveryCode(db, portal.account.id, (request.body as { code: string }).code))) {
      await failed(request, portal.account.email, portal.account, 'wrong recovery code');
      throw problems.invalidCode();
    }
    auditIdentity(deps.audit, request, 'recovery-code-used', portal.account);
    const result = await completeSignIn(deps, request, reply, portal.account, ['password', 'recovery-code'], portal.session.id);
    return { ...result, recoveryCodesRemaining: result.session.user.mfa.recoveryCodesRemaining };
  });

  app.post('/auth/passkey/options', async (request, reply) => {
    await throttled(request);
    const pending = request.portal?.session.state === 'mfa-pending' ? request.portal : undefined;
    const { options, challengeId } = await authenticationOptions(db, deps.rp, pending?.account.id);
    setChallengeCookie(reply, deps.config, challengeId);
    return options;
  });

  app.post('/auth/passkey/verify', { schema: { body: Type.Object({ response: Type.Object({ id: Type.String() }, { additionalProperties: true }) }) } }, async (request, reply) => {
    await throttled(request);
    const pending = request.portal?.session.state === 'mfa-pending' ? request.portal : undefined;
    const challengeId = request.cookies[CHALLENGE_COOKIE];
    clearChallengeCookie(reply, deps.config);
    const accountId = await verifyAuthentication(db, deps.rp, challengeId, (request.body as { response: AuthenticationResponseJSON }).response);
    const account = accountId ? await findAccountById(db, accountId) : undefined;
    if (!account || account.disabled || (pending && pending.account.id !== account.id)) {
      await recordFailure(db, ipKey(request.ip), RULES.ip);
      auditIdentity(deps.audit, request, 'login-failed', pending?.account, false, 'passkey not accepted');
      throw new ApiProblem(401, 'invalid-passkey', 'Passkey not accepted', 'This passkey could not be verified.');
    }
    return completeSignIn(deps, request, reply, account, pending ? ['password', 'passkey'] : ['passkey'], pending?.session.id);
  });
}
