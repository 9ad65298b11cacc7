// Connected apps (docs/api/smart.md): a patient sees every app with access to their record and can
// revoke it; revocation ends its tokens at once. Staff start EHR launches from here too.
import { randomBytes } from 'node:crypto';
import type { Encounter } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FhirRepository } from '../fhir/repository.js';
import { findClient } from './clients.js';
import type { SmartContext } from './context.js';
import type { PortalSession } from './identity-port.js';
import { resourceScopes } from './scopes.js';
import { sha256 } from './errors.js';

const PROBLEM = 'https://portico.health/problems/';

function problem(reply: FastifyReply, status: number, slug: string, title: string, detail: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/problem+json').send(JSON.stringify({ type: PROBLEM + slug, title, status, detail }));
}

export function connectedAppRoutes(app: FastifyInstance, ctx: SmartContext): void {
  async function signedIn(request: FastifyRequest, reply: FastifyReply, write: boolean): Promise<PortalSession | undefined> {
    const session = await ctx.identity.currentSession(request);
    if (!session) {
      problem(reply, 401, 'unauthenticated', 'Not signed in', 'Sign in to continue.');
      return undefined;
    }
    if (write && request.headers['x-csrf-token'] !== session.csrfToken) {
      problem(reply, 403, 'csrf', 'Missing or wrong CSRF token', 'Reload the page and try again.');
      return undefined;
    }
    return session;
  }

  app.get('/api/connected-apps', async (request, reply) => {
    const session = await signedIn(request, reply, false);
    if (!session) return reply;
    if (session.user.kind !== 'patient' || !session.user.patientId) return reply.send({ apps: [] });
    const { rows } = await ctx.db.query<{ client_id: string; name: string; scope: string; created_at: string; last_used_at: string | null }>(
      `SELECT g.client_id, c.name, g.scope, g.created_at, g.last_used_at FROM smart_grant g JOIN smart_client c ON c.client_id = g.client_id
       WHERE g.patient_id = $1 AND g.revoked_at IS NULL AND c.revoked_at IS NULL ORDER BY g.created_at DESC`,
      [session.user.patientId],
    );
    return reply.header('cache-control', 'no-store').send({
      apps: rows.map((r) => {
        const scopes = r.scope.split(' ').filter(Boolean);
        return {
          clientId: r.client_id,
          name: r.name,
          scope: r.scope,
          access: resourceScopes(scopes).map((s) => ({
            resourceType: s.type,
            read: s.permissions.has('r') || s.permissions.has('s'),
            write: s.permissions.has('c') || s.permissions.has('u') || s.permissions.has('d'),
            categories: s.filter?.anyOf.map((c) => c.code) ?? null,
          })),
          offlineAccess: scopes.includes('offline_access'),
          grantedAt: r.created_at,
          lastUsedAt: r.last_used_at,
        };
      }),
    });
  });

  app.delete('/api/connected-apps/:clientId', async (request, reply) => {
    const session = await signedIn(request, reply, true);
    if (!session) return reply;
    const { clientId } = request.params as { clientId: string };
    const patientId = session.user.kind === 'patient' ? session.user.patientId : undefined;
    const { rows } = await ctx.db.query<{ id: string }>(
      'UPDATE smart_grant SET revoked_at = now() WHERE client_id = $1 AND patient_id = $2 AND revoked_at IS NULL RETURNING id',
      [clientId.slice(0, 200), patientId ?? ''],
    );
    if (rows.length === 0) return problem(reply, 404, 'not-found', 'Not found', 'This app has no access to your record.');
    await ctx.db.query('UPDATE smart_token SET revoked_at = now() WHERE grant_id = ANY($1) AND revoked_at IS NULL', [rows.map((r) => r.id)]);
    const client = await findClient(ctx.db, clientId);
    ctx.audit.record({
      action: 'E',
      subtype: 'app-revoked',
      principal: { kind: 'patient', userId: session.user.id, patientId: patientId!, displayName: session.user.displayName },
      patientIds: [patientId!],
      entities: [],
      outcome: 'success',
      sourceIp: request.ip,
      userAgent: request.headers['user-agent'],
      description: `Access removed from app ${client?.name ?? clientId}`,
    });
    return reply.code(204).send();
  });

  // EHR launch (SMART App Launch 2.2 §"EHR launch"): a staff member opens an app for a patient.
  app.post('/api/smart/launch', async (request, reply) => {
    const session = await signedIn(request, reply, true);
    if (!session) return reply;
    if (session.user.kind === 'patient') return problem(reply, 403, 'forbidden', 'Forbidden', 'Only staff can launch apps for a patient.');
    const body = launchRequest(request.body);
    if (!body) return problem(reply, 400, 'invalid-request', 'Invalid request', 'Send {"clientId", "patientId", "encounterId"?} as strings.');
    const client = await findClient(ctx.db, body.clientId);
    if (!client) return problem(reply, 404, 'not-found', 'Not found', 'No such app.');
    if (!client.launchUrl || client.backend) return problem(reply, 400, 'invalid-request', 'Invalid request', 'This app has no launch URL, so it cannot be opened for a patient.');
    // The staff member must reach the patient: read it through the FHIR door with their own policy.
    let policy;
    for (const a of ctx.authenticators) if ((policy = await a.authenticate(request))) break;
    if (!policy) return problem(reply, 401, 'unauthenticated', 'Not signed in', 'Sign in to continue.');
    const repo = new FhirRepository(ctx.repositoryDeps, { policy, sourceIp: request.ip, userAgent: request.headers['user-agent'] });
    let encounter: Encounter | undefined;
    try {
      await repo.read('Patient', body.patientId);
      if (body.encounterId) encounter = JSON.parse((await repo.read('Encounter', body.encounterId)).content as string) as Encounter;
    } catch {
      return problem(reply, 404, 'not-found', 'Not found', 'No such patient or encounter.');
    }
    // The app would get a patient and an encounter that do not belong together.
    if (encounter && encounter.subject?.reference !== `Patient/${body.patientId}`) {
      return problem(reply, 400, 'invalid-request', 'Invalid request', "The encounter is not this patient's.");
    }
    const launch = await createLaunch(ctx, client.clientId, body.patientId, body.encounterId, session.user.id);
    const url = new URL(client.launchUrl);
    url.searchParams.set('iss', ctx.fhirBase);
    url.searchParams.set('launch', launch);
    // The launch id is a short-lived credential for the context; nothing should keep a copy.
    return reply.code(201).header('cache-control', 'no-store').send({ launchUrl: url.toString(), launch });
  });
}

function launchRequest(body: unknown): { clientId: string; patientId: string; encounterId?: string } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const { clientId, patientId, encounterId } = body as Record<string, unknown>;
  const id = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200;
  if (!id(clientId) || !id(patientId) || (encounterId !== undefined && !id(encounterId))) return undefined;
  return { clientId: clientId as string, patientId: patientId as string, encounterId: encounterId as string | undefined };
}

/** A single-purpose, short-lived launch handle carrying the EHR context. */
export async function createLaunch(ctx: Pick<SmartContext, 'db'>, clientId: string, patientId: string, encounterId: string | undefined, userId: string | undefined): Promise<string> {
  const launch = randomBytes(24).toString('base64url');
  await ctx.db.query(
    `INSERT INTO smart_launch (launch_hash, client_id, patient_id, encounter_id, user_id, expires_at) VALUES ($1, $2, $3, $4, $5, now() + interval '10 minutes')`,
    [sha256(launch), clientId, patientId, encounterId ?? null, userId ?? null],
  );
  return launch;
}
