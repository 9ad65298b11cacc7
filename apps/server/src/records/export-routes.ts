// GET /api/records/export.pdf: the signed-in patient's whole chart as a readable PDF. The chart is
// read through a FhirRepository built for the session's own policy (the same access door and
// audit as /fhir), all of it before the first byte is sent, so a failure is a clean problem
// answer, never half a file.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/pool.js';
import { FhirRepository, type RepositoryDeps } from '../fhir/repository.js';
import { requireSignedIn } from '../identity/routes/guards.js';
import { problems } from '../identity/problem.js';
import { policyForPortal } from '../security/session-authenticator.js';
import { readChart } from './chart-reader.js';

export async function recordExportRoutes(app: FastifyInstance, { repositoryDeps, db }: { repositoryDeps: RepositoryDeps; db: Database }): Promise<void> {
  app.get('/records/export.pdf', async (request, reply) => {
    const portal = requireSignedIn(request);
    const patientId = portal.account.patientId;
    if (portal.account.kind !== 'patient' || !patientId) throw problems.forbidden('Only patient accounts can download their record.');
    const policy = await policyForPortal(db, request);
    if (!policy) throw problems.unauthenticated();
    const repo = new FhirRepository(repositoryDeps, { policy, sourceIp: request.ip, userAgent: request.headers['user-agent'] });
    const chart = await readChart(repo, patientId);
    const locale = (request.query as { locale?: string }).locale ?? portal.account.locale;
    // pdfkit and its fonts (~30 MB resident) are loaded with the first download, not at start.
    const { renderSummaryPdf } = await import('./summary-pdf.js');
    const doc = renderSummaryPdf(chart, { locale });
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('application/pdf')
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="health-record-${day}.pdf"`)
      .send(doc);
  });
}
