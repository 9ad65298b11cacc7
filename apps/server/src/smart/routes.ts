// Wires the SMART App Launch authorization server into the app: routes under /auth, discovery at
// the FHIR base, /api/connected-apps, the access-token authenticator and the CapabilityStatement.
import type { FastifyInstance } from 'fastify';
import type { AuditSink } from '../audit/audit-log.js';
import type { Authenticator } from '../auth/authenticate.js';
import type { Config } from '../config.js';
import type { Database } from '../db/pool.js';
import type { RepositoryDeps } from '../fhir/repository.js';
import { smartAuthenticator } from './authenticator.js';
import { authorizeRoutes } from './authorize.js';
import { connectedAppRoutes } from './connected-apps.js';
import { adminAppRoutes } from './admin-routes.js';
import { smartUrls, type SmartContext } from './context.js';
import { declareSmartSecurity, discoveryRoutes } from './discovery.js';
import { portalIdentity, type PortalIdentity } from './identity-port.js';
import { interactionRoutes } from './interaction.js';
import { introspectionRoutes } from './introspection.js';
import { loadKeyring } from '../crypto/keyring.js';
import { KeyStore } from './keys.js';
import { STYLESHEET } from './pages.js';
import { registrationRoutes } from './register.js';
import { tokenRoutes } from './token-endpoint.js';

export interface SmartDeps {
  config: Config;
  db: Database;
  audit: AuditSink;
  repositoryDeps: RepositoryDeps;
  authenticators: Authenticator[];
  /** Tests may replace the portal sign-in; by default it is the identity module's HTTP contract. */
  identity?: PortalIdentity;
}

/** Call before the FHIR routes are registered (the CapabilityStatement is built then). */
export async function registerSmart(app: FastifyInstance, deps: SmartDeps): Promise<SmartContext> {
  declareSmartSecurity();
  deps.authenticators.push(smartAuthenticator(deps.repositoryDeps));
  const ctx: SmartContext = {
    db: deps.db,
    audit: deps.audit,
    keys: new KeyStore(deps.db, loadKeyring(deps.config)),
    identity: deps.identity ?? portalIdentity(app, deps.config.publicUrl, deps.db),
    repositoryDeps: deps.repositoryDeps,
    authenticators: deps.authenticators,
    publicUrl: deps.config.publicUrl,
    fhirBase: deps.config.fhirBaseUrl,
    urls: smartUrls(deps.config.publicUrl),
  };
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('application/x-www-form-urlencoded')) {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    }
    // Browser-based (public) apps call these endpoints cross-origin (SMART App Launch §"CORS").
    const corsPaths = new Set(['/auth/token', '/auth/introspect', '/auth/revoke', '/auth/register', '/auth/jwks']);
    scope.addHook('onRequest', async (request, reply) => {
      if (corsPaths.has(request.url.split('?')[0])) {
        reply.header('access-control-allow-origin', '*').header('access-control-allow-headers', 'authorization, content-type').header('access-control-allow-methods', 'GET, POST, OPTIONS');
      }
    });
    for (const path of corsPaths) scope.options(path, async (_r, reply) => reply.code(204).send());
    scope.get('/auth/assets/smart.css', async (_r, reply) => reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET));
    discoveryRoutes(scope, ctx);
    authorizeRoutes(scope, ctx);
    interactionRoutes(scope, ctx);
    tokenRoutes(scope, ctx);
    introspectionRoutes(scope, ctx);
    registrationRoutes(scope, ctx);
    connectedAppRoutes(scope, ctx);
    adminAppRoutes(scope, ctx);
  });
  return ctx;
}
