// The /api plugin: JSON only (no text/plain, so cross-site "simple" requests cannot reach it),
// problem+json errors, and the route groups of the identity module.
import type { FastifyInstance } from 'fastify';
import type { RepositoryDeps } from '../../fhir/repository.js';
import type { IdentityDeps } from '../context.js';
import { apiErrorHandler, problems, sendProblem } from '../problem.js';
import { enrollRoutes } from './enroll-routes.js';
import { loginRoutes } from './login-routes.js';
import { mfaRoutes } from './mfa-routes.js';
import { passwordRoutes } from './password-routes.js';
import { profileRoutes } from './profile-routes.js';
import { recordExportRoutes } from '../../records/export-routes.js';
import { openedResultsRoutes } from '../../records/opened-results-routes.js';
import { recordsRoutes } from './records-routes.js';
import { sessionRoutes } from './session-routes.js';

export interface IdentityRoutesOptions {
  deps: IdentityDeps;
  repositoryDeps: RepositoryDeps;
}

export async function identityRoutes(app: FastifyInstance, options: IdentityRoutesOptions): Promise<void> {
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(apiErrorHandler);
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, problems.notFound('Unknown API path.')));
  // Bodies are optional on POSTs like logout; an empty JSON body is fine.
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.method === 'POST') request.body = {};
  });
  const opts = { deps: options.deps };
  await app.register(sessionRoutes, opts);
  await app.register(loginRoutes, opts);
  await app.register(enrollRoutes, opts);
  await app.register(passwordRoutes, opts);
  await app.register(mfaRoutes, opts);
  await app.register(recordsRoutes, { deps: options.deps, repositoryDeps: options.repositoryDeps });
  await app.register(profileRoutes, opts);
  await app.register(recordExportRoutes, { repositoryDeps: options.repositoryDeps, db: options.deps.db });
  await app.register(openedResultsRoutes, { db: options.deps.db, config: options.deps.config });
}
