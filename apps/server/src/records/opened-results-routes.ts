// /api/records/opened-results: which lab results the signed-in patient has opened (GET), and
// "I opened this one" (POST) from the result screen. Stored by id only: the answer is the same
// whether the id names a reachable result or not, so it tells nothing about other records, and
// the result itself is read (and audited) through /fhir as always.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Config } from '../config.js';
import type { Database } from '../db/pool.js';
import { requireSignedIn } from '../identity/routes/guards.js';
import { problems } from '../identity/problem.js';
import type { PortalContext } from '../identity/context.js';
import { listOpenedResults } from './list-opened-results.js';
import { markResultOpened } from './mark-result-opened.js';

/** A FHIR resource id (FHIR R4 id datatype). */
const FhirId = Type.String({ pattern: '^[A-Za-z0-9\\-.]{1,64}$' });

const OpenedResults = Type.Object(
  {
    /** A result is new for this many days after its release (NEW_RESULT_DAYS). */
    newForDays: Type.Integer(),
    opened: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

function patientAccount(portal: PortalContext): string {
  if (portal.account.kind !== 'patient' || !portal.account.patientId) throw problems.forbidden('Only patient accounts open their results.');
  return portal.account.id;
}

export async function openedResultsRoutes(app: FastifyInstance, { db, config }: { db: Database; config: Pick<Config, 'newResultDays'> }): Promise<void> {
  app.get('/records/opened-results', { schema: { response: { 200: OpenedResults } } }, async (request, reply) => {
    const accountId = patientAccount(requireSignedIn(request));
    reply.header('cache-control', 'no-store');
    return { newForDays: config.newResultDays, opened: await listOpenedResults(db, accountId, config.newResultDays) };
  });

  app.post('/records/opened-results', { schema: { body: Type.Object({ observation: FhirId }, { additionalProperties: false }) } }, async (request, reply) => {
    const accountId = patientAccount(requireSignedIn(request));
    await markResultOpened(db, accountId, (request.body as { observation: string }).observation);
    return reply.code(204).send();
  });
}
