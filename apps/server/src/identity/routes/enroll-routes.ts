// Enrollment. Path 1: an activation code from staff + date of birth. Path 2: self-enrollment with
// identity proofing; its answer is the same text after the same minimum time whether or not a
// chart matched (no account enumeration), and the email is sent in the background.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Patient } from '@medplum/fhirtypes';
import { privilegedRepository, readIfPresent, type PrivilegedAccess } from '../../access/privileged.js';
import { createAccount, findAccountByEmail, findAccountByPatient, normalizeEmail } from '../accounts.js';
import { auditIdentity } from '../audit-identity.js';
import type { IdentityDeps } from '../context.js';
import { matchCharts, patientDisplayName, patientNames } from '../identity-proofing.js';
import { anonymousPrincipal } from '../principals.js';
import { emailsIn, sendInBackground } from '../mail.js';
import { findLiveToken, markUsed, newLinkToken, normalizeActivationCode, recordTokenFailure, storeToken } from '../one-time-tokens.js';
import { checkPassword, describeReasons, hashPassword } from '../passwords.js';
import { ApiProblem, problems } from '../problem.js';
import { completeSignIn } from '../signin.js';
import { blockedFor, ipKey, recordFailure, RULES } from '../throttle.js';

export const SELF_ENROLL_MIN_MS = 800;
const BirthDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Password = Type.String({ maxLength: 1024 });

export function weakPassword(reasons: string[]): ApiProblem {
  return new ApiProblem(422, 'weak-password', 'Choose a stronger password', describeReasons(reasons as never), { reasons });
}

export async function waitUntil(start: number, minMs: number): Promise<void> {
  const left = start + minMs - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}

export async function enrollRoutes(app: FastifyInstance, { deps }: { deps: IdentityDeps }): Promise<void> {
  const { db, config } = deps;

  async function throttle(request: FastifyRequest, scope: string, rule = RULES.code): Promise<void> {
    const wait = await blockedFor(db, ipKey(request.ip, scope));
    if (wait > 0) throw problems.rateLimited(wait);
    void rule;
  }

  // The person enrolling is not signed in: charts are read through the privileged door on their
  // behalf, for the purpose named, and audited like any read (access/privileged.ts).
  const repositoryFor = (request: FastifyRequest, reason: PrivilegedAccess['reason']) =>
    privilegedRepository({ db, audit: deps.audit, baseUrl: config.fhirBaseUrl }, { reason, actor: anonymousPrincipal, sourceIp: request.ip, userAgent: request.headers['user-agent'] });

  /** The chart an activation code or enrollment link points to; undefined when it is gone. */
  const readPatient = (request: FastifyRequest, id: string) => readIfPresent<Patient>(repositoryFor(request, 'enrollment'), 'Patient', id);

  async function createPatientAccount(request: FastifyRequest, reply: FastifyReply, patientId: string, email: string, password: string, tokenId: string, patient: Patient) {
    const reasons = checkPassword(password, { email, names: patientNames(patient) });
    if (reasons.length) throw weakPassword(reasons);
    if ((await findAccountByEmail(db, email)) || (await findAccountByPatient(db, patientId))) {
      throw problems.conflict('account-exists', 'An account already exists for this email or chart. Sign in instead.');
    }
    const account = await db.withTransaction(async (client) => {
      const created = await createAccount(client, { email, kind: 'patient', displayName: patientDisplayName(patient), passwordHash: await hashPassword(password), patientId });
      await markUsed(client, tokenId);
      return created;
    });
    auditIdentity(deps.audit, request, 'enrolled', account);
    return reply.code(201).send(await completeSignIn(deps, request, reply, account, ['password', 'enrollment']));
  }

  const invalidActivation = () => new ApiProblem(400, 'invalid-activation', 'Activation failed', 'The activation code or date of birth is not correct.');

  app.post('/enroll/activation', { schema: { body: Type.Object({ code: Type.String({ maxLength: 40 }), birthDate: BirthDate, password: Password }) } }, async (request, reply) => {
    await throttle(request, 'activation');
    const { code, birthDate, password } = request.body as { code: string; birthDate: string; password: string };
    const token = await db.withTransaction((client) => findLiveToken(client, 'activation', normalizeActivationCode(code)));
    const patient = token?.patientId ? await readPatient(request, token.patientId) : undefined;
    if (!token || !patient || !token.email) {
      await recordFailure(db, ipKey(request.ip, 'activation'), RULES.code);
      throw invalidActivation();
    }
    if (patient.birthDate !== birthDate) {
      await recordTokenFailure(db, token.id);
      await recordFailure(db, ipKey(request.ip, 'activation'), RULES.code);
      throw invalidActivation();
    }
    return createPatientAccount(request, reply, token.patientId!, token.email, password, token.id, patient);
  });

  app.post(
    '/enroll/self',
    {
      schema: {
        body: Type.Object({
          givenName: Type.String({ minLength: 1, maxLength: 100 }),
          familyName: Type.String({ minLength: 1, maxLength: 100 }),
          birthDate: BirthDate,
          mrn: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          phoneLast4: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
          email: Type.String({ pattern: '^[^\\s@]+@[^\\s@]+$', maxLength: 254 }),
        }),
      },
    },
    async (request, reply) => {
      const start = Date.now();
      const body = request.body as { givenName: string; familyName: string; birthDate: string; mrn?: string; phoneLast4?: string; email: string };
      if (!body.mrn && !body.phoneLast4) throw problems.invalidRequest('Give your medical record number or the last 4 digits of your phone number.', [{ path: '/mrn', message: 'mrn or phoneLast4 is required' }]);
      await throttle(request, 'mail');
      await recordFailure(db, ipKey(request.ip, 'mail'), RULES.mail);
      const matches = await matchCharts(repositoryFor(request, 'identity-proofing'), body);
      if (matches.length === 1) {
        const patientId = matches[0];
        const email = normalizeEmail(body.email);
        const existing = (await findAccountByPatient(db, patientId)) ?? (await findAccountByEmail(db, email));
        if (existing) sendInBackground(deps.mailer, { to: existing.email, ...emailsIn(existing.locale).alreadyEnrolled(config.publicUrl) }, deps.logger);
        else {
          const token = newLinkToken();
          await storeToken(db, { purpose: 'enroll-verify', token, minutes: 30, patientId, email });
          sendInBackground(deps.mailer, { to: email, ...emailsIn(request.headers['accept-language']).verifyEnrollment(config.publicUrl, token) }, deps.logger);
        }
      }
      await waitUntil(start, SELF_ENROLL_MIN_MS);
      return reply.code(202).send({
        status: 'check-email',
        detail: 'If the details match our records, we have sent a link to that email address. The link works once and expires in 30 minutes.',
      });
    },
  );

  app.post('/enroll/verify', { schema: { body: Type.Object({ token: Type.String({ maxLength: 200 }), password: Password }) } }, async (request, reply) => {
    await throttle(request, 'activation');
    const { token, password } = request.body as { token: string; password: string };
    const row = await db.withTransaction((client) => findLiveToken(client, 'enroll-verify', token));
    const patient = row?.patientId ? await readPatient(request, row.patientId) : undefined;
    if (!row || !patient || !row.email) {
      await recordFailure(db, ipKey(request.ip, 'activation'), RULES.code);
      throw new ApiProblem(400, 'invalid-link', 'Link not valid', 'This link is not valid or has expired. Start again.');
    }
    return createPatientAccount(request, reply, row.patientId!, row.email, password, row.id, patient);
  });
}
