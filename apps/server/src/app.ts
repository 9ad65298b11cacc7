// buildApp assembles the server from its modules; tests call it with their own database. Only
// main.ts listens on a port.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/pool.js';
import { AuditLog } from './audit/audit-log.js';
import type { Authenticator } from './auth/authenticate.js';
import { bearerToken } from './auth/authenticate.js';
import { authenticateSystemToken } from './auth/system-token.js';
import { fhirRoutes } from './fhir/routes.js';
import type { RepositoryDeps } from './fhir/repository.js';
import { loadFhirDefinitions } from './fhir/definitions.js';
import { webStatic } from './web/static.js';
import { registerPortalSecurity } from './security/index.js';
import { frameworkErrors, rootErrorHandler, rootNotFound } from './security/errors.js';
import { sessionAuthenticator } from './security/session-authenticator.js';
import { identityRoutes } from './identity/routes/index.js';
import { registerSmart } from './smart/routes.js';
import { registerUsCore } from './uscore/index.js';
import { registerPatientEverything } from './fhir/operations/patient-everything.js';
import { JobWorker, type JobWorkerOptions } from './jobs/worker.js';
import { registerBulkExport } from './bulk/index.js';
import { registerResponseCompression } from './http/compression.js';

export interface AppDeps {
  db: Database;
  /** Fastify logger options; tests pass false. */
  logger?: FastifyServerOptions['logger'];
  /** Background job worker settings (tests shorten polling and leases). */
  jobs?: JobWorkerOptions;
}

export interface Portico {
  app: FastifyInstance;
  audit: AuditLog;
  repositoryDeps: RepositoryDeps;
  authenticators: Authenticator[];
  /** This node's background job worker (bulk export, …); stopped when the app closes. */
  jobs: JobWorker;
}

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    // Query strings can carry health data (FHIR search values), so only paths are logged, and
    // credentials are never logged.
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], ip: req.ip }),
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
}

export async function buildApp(config: Config, deps: AppDeps): Promise<Portico> {
  loadFhirDefinitions();
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Generous parameter limits for FHIR paths; the FHIR router validates each part itself.
    routerOptions: { maxParamLength: 500 },
    // Bad percent-encoding and over-long path parts, answered in the path's error format.
    frameworkErrors,
  });
  // Errors outside the /api and /fhir families (SMART endpoints, /healthz, the web app).
  app.setErrorHandler(rootErrorHandler);
  app.setNotFoundHandler(rootNotFound);
  // Before any route: brotli/gzip for the /fhir and /api routes registered below (http/compression.ts).
  registerResponseCompression(app);
  const audit = new AuditLog(deps.db, app.log as never);
  const repositoryDeps: RepositoryDeps = { db: deps.db, audit, baseUrl: config.fhirBaseUrl };
  const authenticators: Authenticator[] = [
    {
      name: 'system-token',
      authenticate: async (request) => {
        const token = bearerToken(request);
        return token ? authenticateSystemToken(deps.db, token) : undefined;
      },
    },
  ];

  app.get('/healthz', async () => {
    await deps.db.query('SELECT 1');
    return { status: 'ok' };
  });

  // Portal sign-in: strict headers, the session cookie with CSRF, and the /api identity routes.
  const identity = await registerPortalSecurity(app, { config, db: deps.db, audit });
  await app.register(identityRoutes, { prefix: '/api', deps: identity, repositoryDeps });

  // SMART App Launch: before the FHIR routes, which build the CapabilityStatement it extends.
  await registerSmart(app, { config, db: deps.db, audit, repositoryDeps, authenticators });
  // The portal session cookie is the last way in to /fhir (bearer tokens are tried first).
  authenticators.push(sessionAuthenticator(deps.db));
  // Background jobs and the operations that start them (before the FHIR routes build the CapabilityStatement).
  const jobs = new JobWorker(deps.db, { logger: app.log, ...deps.jobs });
  registerBulkExport(jobs, repositoryDeps);
  // US Core: CapabilityStatement declarations, $docref and CORS for browser apps (before the FHIR routes).
  registerUsCore(app);
  registerPatientEverything();
  await app.register(fhirRoutes, { prefix: '/fhir', deps: repositoryDeps, authenticators, concurrentRequestsPerClient: config.fhirConcurrentRequestsPerClient });
  // The patient web app, last: its catch-all GET route leaves API paths alone.
  await app.register(webStatic);

  app.addHook('onReady', async () => jobs.start());
  app.addHook('onClose', async () => {
    // Jobs first: a stopping job hands itself back and may still audit what it did.
    await jobs.stop();
    await audit.close();
  });
  return { app, audit, repositoryDeps, authenticators, jobs };
}
