// Password check (live feedback), forgot (emailed single-use link, same answer for any email),
// reset (ends every session of the account), change (ends the other sessions).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { findAccountByEmail, findAccountById, setPassword } from '../accounts.js';
import { auditIdentity } from '../audit-identity.js';
import type { IdentityDeps } from '../context.js';
import { emailsIn, sendInBackground } from '../mail.js';
import { findLiveToken, markUsed, newLinkToken, retireTokens, storeToken } from '../one-time-tokens.js';
import { checkPassword, hashPassword, verifyPassword } from '../passwords.js';
import { ApiProblem, problems } from '../problem.js';
import { endAccountSessions } from '../sessions.js';
import { blockedFor, clearFailures, emailKey, ipKey, recordFailure, RULES } from '../throttle.js';
import { SELF_ENROLL_MIN_MS, waitUntil, weakPassword } from './enroll-routes.js';
import { requireSignedIn } from './guards.js';

const Password = Type.String({ maxLength: 1024 });

export async function passwordRoutes(app: FastifyInstance, { deps }: { deps: IdentityDeps }): Promise<void> {
  const { db, config } = deps;

  app.post('/password/check', { schema: { body: Type.Object({ password: Password, email: Type.Optional(Type.String({ maxLength: 254 })) }) } }, async (request) => {
    const { password, email } = request.body as { password: string; email?: string };
    const names = request.portal ? [request.portal.account.displayName] : [];
    const reasons = checkPassword(password, { email: email ?? request.portal?.account.email, names });
    return { ok: reasons.length === 0, reasons };
  });

  app.post('/password/forgot', { schema: { body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) }) } }, async (request, reply) => {
    const start = Date.now();
    const { email } = request.body as { email: string };
    const wait = await blockedFor(db, ipKey(request.ip, 'mail'));
    if (wait > 0) throw problems.rateLimited(wait);
    await recordFailure(db, ipKey(request.ip, 'mail'), RULES.mail);
    const account = await findAccountByEmail(db, email);
    // At most a few reset emails per account per hour, silently (the answer stays the same).
    if (account && !account.disabled && (await blockedFor(db, `reset:${account.id}`)) === 0) {
      await recordFailure(db, `reset:${account.id}`, { freeFailures: 3, windowMinutes: 60, maxLockMinutes: 60 });
      const token = newLinkToken();
      await retireTokens(db, 'password-reset', { accountId: account.id });
      await storeToken(db, { purpose: 'password-reset', token, minutes: 30, accountId: account.id, email: account.email });
      sendInBackground(deps.mailer, { to: account.email, ...emailsIn(account.locale).passwordReset(config.publicUrl, token) }, deps.logger);
    }
    await waitUntil(start, SELF_ENROLL_MIN_MS);
    return reply.code(202).send({ status: 'check-email', detail: 'If an account exists for this email, we have sent a link to reset the password.' });
  });

  app.post('/password/reset', { schema: { body: Type.Object({ token: Type.String({ maxLength: 200 }), password: Password }) } }, async (request) => {
    const wait = await blockedFor(db, ipKey(request.ip, 'activation'));
    if (wait > 0) throw problems.rateLimited(wait);
    const { token, password } = request.body as { token: string; password: string };
    const row = await db.withTransaction((client) => findLiveToken(client, 'password-reset', token));
    const account = row?.accountId ? await findAccountById(db, row.accountId) : undefined;
    if (!row || !account) {
      await recordFailure(db, ipKey(request.ip, 'activation'), RULES.code);
      throw new ApiProblem(400, 'invalid-link', 'Link not valid', 'This link is not valid or has expired. Ask for a new one.');
    }
    const reasons = checkPassword(password, { email: account.email, names: [account.displayName] });
    if (reasons.length) throw weakPassword(reasons);
    const hash = await hashPassword(password);
    await db.withTransaction(async (client) => {
      await setPassword(client, account.id, hash);
      await markUsed(client, row.id);
      // A reset means the password may have been known to someone else: end every session.
      await endAccountSessions(client, account.id, 'password-reset');
    });
    await clearFailures(db, emailKey(account.email));
    auditIdentity(deps.audit, request, 'password-reset', account);
    sendInBackground(deps.mailer, { to: account.email, ...emailsIn(account.locale).passwordChanged(config.publicUrl) }, deps.logger);
    return { status: 'password-changed' };
  });

  app.post('/password/change', { schema: { body: Type.Object({ currentPassword: Password, newPassword: Password }) } }, async (request, reply) => {
    const p = requireSignedIn(request, { allowMfaSetup: true });
    const { currentPassword, newPassword } = request.body as { currentPassword: string; newPassword: string };
    const wait = await blockedFor(db, emailKey(p.account.email));
    if (wait > 0) throw problems.rateLimited(wait);
    if (!p.account.passwordHash || !(await verifyPassword(p.account.passwordHash, currentPassword))) {
      await recordFailure(db, emailKey(p.account.email), RULES.email);
      throw problems.invalidCredentials();
    }
    const reasons = checkPassword(newPassword, { email: p.account.email, names: [p.account.displayName] });
    if (reasons.length) throw weakPassword(reasons);
    await setPassword(db, p.account.id, await hashPassword(newPassword));
    await endAccountSessions(db, p.account.id, 'password-changed', p.session.id);
    auditIdentity(deps.audit, request, 'password-changed', p.account);
    sendInBackground(deps.mailer, { to: p.account.email, ...emailsIn(p.account.locale).passwordChanged(config.publicUrl) }, deps.logger);
    return reply.code(204).send();
  });
}
