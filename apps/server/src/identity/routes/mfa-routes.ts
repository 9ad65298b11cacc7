// Managing second factors while signed in: TOTP set-up/confirm/disable, recovery codes, passkeys.
// Staff and administrators may not remove their last method (MFA is mandatory for them).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { mfaRequiredFor, mfaStatus } from '../accounts.js';
import { auditIdentity } from '../audit-identity.js';
import type { IdentityDeps } from '../context.js';
import { emailsIn, sendInBackground } from '../mail.js';
import { ApiProblem, problems } from '../problem.js';
import { replaceRecoveryCodes, useRecoveryCode } from '../recovery-codes.js';
import { blockedFor, emailKey, recordFailure, RULES } from '../throttle.js';
import { beginTotpSetup, checkTotp, disableTotp } from '../totp.js';
import { deletePasskey, listPasskeys, registrationOptions, verifyRegistration, CHALLENGE_COOKIE } from '../webauthn.js';
import { clearChallengeCookie, setChallengeCookie } from '../../security/cookies.js';
import { requireSignedIn } from './guards.js';

const Code = Type.Object({ code: Type.String({ maxLength: 40 }) });

export async function mfaRoutes(app: FastifyInstance, { deps }: { deps: IdentityDeps }): Promise<void> {
  const { db, keyring, config } = deps;
  const signedIn = (request: Parameters<typeof requireSignedIn>[0]) => requireSignedIn(request, { allowMfaSetup: true });

  async function checkCode(accountId: string, email: string, code: string, allowRecovery: boolean): Promise<void> {
    const wait = await blockedFor(db, emailKey(email));
    if (wait > 0) throw problems.rateLimited(wait);
    const ok = (await db.withTransaction((c) => checkTotp(c, keyring, accountId, code))) || (allowRecovery && (await useRecoveryCode(db, accountId, code)));
    if (!ok) {
      await recordFailure(db, emailKey(email), RULES.email);
      throw problems.invalidCode(400);
    }
  }

  app.get('/mfa', async (request) => {
    const p = signedIn(request);
    const status = await mfaStatus(db, p.account.id);
    return { totp: status.totp, recoveryCodesRemaining: status.recoveryCodesRemaining, passkeys: await listPasskeys(db, p.account.id), required: mfaRequiredFor(p.account.kind) };
  });

  app.post('/mfa/totp/setup', async (request) => {
    const p = signedIn(request);
    if ((await mfaStatus(db, p.account.id)).totp) throw problems.conflict('totp-already-enabled', 'Two-step verification with an authenticator app is already on.');
    return beginTotpSetup(db, keyring, p.account.id, p.account.email);
  });

  app.post('/mfa/totp/confirm', { schema: { body: Code } }, async (request) => {
    const p = signedIn(request);
    const pending = await db.query(`SELECT 1 FROM totp_credential WHERE account_id = $1 AND confirmed_at IS NULL`, [p.account.id]);
    if (!pending.rowCount) throw problems.conflict('no-pending-setup', 'Start the set-up again.');
    const ok = await db.withTransaction((c) => checkTotp(c, keyring, p.account.id, (request.body as { code: string }).code, true));
    if (!ok) throw problems.invalidCode(400);
    const recoveryCodes = await replaceRecoveryCodes(db, p.account.id);
    auditIdentity(deps.audit, request, 'mfa-enabled', p.account, true, 'totp');
    sendInBackground(deps.mailer, { to: p.account.email, ...emailsIn(p.account.locale).mfaAdded(config.publicUrl) }, deps.logger);
    return { recoveryCodes };
  });

  app.post('/mfa/totp/disable', { schema: { body: Code } }, async (request, reply) => {
    const p = signedIn(request);
    const status = await mfaStatus(db, p.account.id);
    if (!status.totp) throw problems.conflict('totp-not-enabled', 'Two-step verification with an authenticator app is not on.');
    if (mfaRequiredFor(p.account.kind) && status.passkeys === 0) throw problems.conflict('mfa-required', 'Your account must keep a second step. Add a passkey first.');
    await checkCode(p.account.id, p.account.email, (request.body as { code: string }).code, true);
    await disableTotp(db, p.account.id);
    auditIdentity(deps.audit, request, 'mfa-disabled', p.account, true, 'totp');
    return reply.code(204).send();
  });

  app.post('/mfa/recovery-codes', { schema: { body: Code } }, async (request) => {
    const p = signedIn(request);
    if (!(await mfaStatus(db, p.account.id)).totp) throw problems.conflict('totp-not-enabled', 'Turn on an authenticator app first.');
    await checkCode(p.account.id, p.account.email, (request.body as { code: string }).code, false);
    const recoveryCodes = await replaceRecoveryCodes(db, p.account.id);
    auditIdentity(deps.audit, request, 'recovery-codes-replaced', p.account);
    return { recoveryCodes };
  });

  app.post('/mfa/passkeys/options', async (request, reply) => {
    const p = signedIn(request);
    const { options, challengeId } = await registrationOptions(db, deps.rp, p.account);
    setChallengeCookie(reply, config, challengeId);
    return options;
  });

  app.post(
    '/mfa/passkeys/verify',
    { schema: { body: Type.Object({ response: Type.Object({ id: Type.String() }, { additionalProperties: true }), name: Type.Optional(Type.String({ maxLength: 60 })) }) } },
    async (request, reply) => {
      const p = signedIn(request);
      const body = request.body as { response: RegistrationResponseJSON; name?: string };
      const challengeId = request.cookies[CHALLENGE_COOKIE];
      clearChallengeCookie(reply, config);
      const passkey = await verifyRegistration(db, deps.rp, p.account.id, challengeId, body.response, body.name ?? 'Passkey');
      if (!passkey) throw new ApiProblem(400, 'invalid-passkey', 'Passkey not added', 'The passkey could not be verified. Try again.');
      auditIdentity(deps.audit, request, 'passkey-added', p.account, true, passkey.name);
      sendInBackground(deps.mailer, { to: p.account.email, ...emailsIn(p.account.locale).mfaAdded(config.publicUrl) }, deps.logger);
      return reply.code(201).send(passkey);
    },
  );

  app.get('/mfa/passkeys', async (request) => ({ passkeys: await listPasskeys(db, signedIn(request).account.id) }));

  app.delete('/mfa/passkeys/:id', async (request, reply) => {
    const p = signedIn(request);
    const status = await mfaStatus(db, p.account.id);
    if (mfaRequiredFor(p.account.kind) && !status.totp && status.passkeys <= 1) throw problems.conflict('mfa-required', 'Your account must keep a second step. Turn on an authenticator app first.');
    if (!(await deletePasskey(db, p.account.id, (request.params as { id: string }).id))) throw problems.notFound('No such passkey.');
    auditIdentity(deps.audit, request, 'passkey-removed', p.account);
    return reply.code(204).send();
  });
}
