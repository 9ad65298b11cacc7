// The patient's access log, and the staff tools: a patient's portal access and activation codes,
// account lookup and unlock.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Patient } from '@medplum/fhirtypes';
import { FhirError } from '#fhir/outcomes.js';
import { listAccessLog } from '../../audit/access-log.js';
import { FhirRepository, type RepositoryDeps } from '../../fhir/repository.js';
import { policyForPortal } from '../../security/session-authenticator.js';
import { findAccountByEmail, findAccountByPatient, findAccountById, normalizeEmail } from '../accounts.js';
import { auditIdentity } from '../audit-identity.js';
import type { IdentityDeps } from '../context.js';
import { emailsIn, sendInBackground } from '../mail.js';
import { newActivationCode, retireTokens, storeToken } from '../one-time-tokens.js';
import { principalOf } from '../principals.js';
import { PortalAccessView, readPortalAccess } from '../read-portal-access.js';
import { problems } from '../problem.js';
import { blockedFor, clearFailures, emailKey } from '../throttle.js';
import { requireSignedIn, requireStaff } from './guards.js';

export async function recordsRoutes(app: FastifyInstance, { deps, repositoryDeps }: { deps: IdentityDeps; repositoryDeps: RepositoryDeps }): Promise<void> {
  const { db, config } = deps;

  app.get('/access-log', { schema: { querystring: Type.Object({ count: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), before: Type.Optional(Type.String({ pattern: '^\\d{1,19}$' })) }) } }, async (request) => {
    const p = requireSignedIn(request);
    if (!p.account.patientId) throw problems.forbidden('Only patient accounts have an access log.');
    const q = request.query as { count?: number; before?: string };
    return listAccessLog(db, p.account.patientId, { count: q.count ?? 20, before: q.before });
  });

  // Through the repository: staff outside the patient's organization get the same 404 as for an
  // unknown id, and the read is audited.
  async function reachablePatient(request: FastifyRequest, id: string): Promise<Patient> {
    const policy = await policyForPortal(db, request);
    try {
      const version = await new FhirRepository(repositoryDeps, { policy: policy!, sourceIp: request.ip, userAgent: request.headers['user-agent'] }).read('Patient', id);
      return JSON.parse(version.content as string) as Patient;
    } catch (err) {
      if (err instanceof FhirError && (err.status === 404 || err.status === 410 || err.status === 400)) throw problems.notFound('No such patient.');
      throw err;
    }
  }

  app.get('/staff/patients/:id/portal-access', { schema: { response: { 200: PortalAccessView } } }, async (request) => {
    requireStaff(request);
    const patient = await reachablePatient(request, (request.params as { id: string }).id);
    return readPortalAccess(db, patient.id!);
  });

  app.post('/staff/patients/:id/activation-codes', { schema: { body: Type.Object({ email: Type.String({ pattern: '^[^\\s@]+@[^\\s@]+$', maxLength: 254 }) }) } }, async (request, reply) => {
    const p = requireStaff(request);
    const patient = await reachablePatient(request, (request.params as { id: string }).id);
    const email = normalizeEmail((request.body as { email: string }).email);
    if ((await findAccountByPatient(db, patient.id!)) || (await findAccountByEmail(db, email))) {
      throw problems.conflict('account-exists', 'This patient or email already has an account.');
    }
    const { code, display } = newActivationCode();
    await retireTokens(db, 'activation', { patientId: patient.id });
    const { expiresAt } = await storeToken(db, { purpose: 'activation', token: code, minutes: 7 * 24 * 60, patientId: patient.id, email, createdBy: p.account.id });
    deps.audit.record({ action: 'C', subtype: 'activation-code-created', principal: principalOf(p.account), patientIds: [patient.id!], entities: [], outcome: 'success', sourceIp: request.ip, userAgent: request.headers['user-agent'], description: 'portal activation code created' });
    sendInBackground(deps.mailer, { to: email, ...emailsIn(preferredLanguage(patient)).activationCode(config.publicUrl, display, expiresAt) }, deps.logger);
    return reply.code(201).send({ code: display, expiresAt, email, emailed: true });
  });

  app.get('/staff/accounts', { schema: { querystring: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) }) } }, async (request) => {
    requireStaff(request);
    const account = await findAccountByEmail(db, (request.query as { email: string }).email);
    if (!account) return { accounts: [] };
    const wait = await blockedFor(db, emailKey(account.email));
    return { accounts: [{ id: account.id, email: account.email, kind: account.kind, patientId: account.patientId, locked: wait > 0, lockedUntil: wait > 0 ? new Date(Date.now() + wait * 1000).toISOString() : null }] };
  });

  app.post('/staff/accounts/:id/unlock', async (request, reply) => {
    const p = requireStaff(request);
    const account = await findAccountById(db, (request.params as { id: string }).id);
    if (!account) throw problems.notFound('No such account.');
    await clearFailures(db, emailKey(account.email));
    auditIdentity(deps.audit, request, 'account-unlocked', account, true, `unlocked by ${p.account.displayName}`);
    return reply.code(204).send();
  });
}

/** The patient's preferred language on file (Patient.communication), for the activation email. */
function preferredLanguage(patient: Patient): string | undefined {
  const c = patient.communication?.find((x) => x.preferred) ?? patient.communication?.[0];
  return c?.language.coding?.[0]?.code ?? c?.language.text;
}
