// CORS for browser-based SMART apps (SMART App Launch 2.2 "Considerations for browser-based apps";
// CapabilityStatement rest.security.cors = true): the FHIR API and its discovery documents answer
// cross-origin requests that carry a bearer token, with `Access-Control-Allow-Origin: *` and never
// `Access-Control-Allow-Credentials`, so a browser never sends or exposes the portal's session
// cookie cross-origin. A request that comes with cookies and no Authorization header is the portal's
// own (same-origin) traffic and gets no CORS headers at all. The token, introspection and
// revocation endpoints set their own CORS headers in smart/routes.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ALLOW_METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS';
const ALLOW_HEADERS = 'authorization, content-type, accept, prefer, if-match, if-none-exist, if-none-match, if-modified-since, x-requested-with';
const EXPOSE_HEADERS = 'location, etag, last-modified, content-location, x-progress, retry-after, www-authenticate';
const MAX_AGE = '600';

/** Paths whose responses browser-based SMART apps read: the FHIR base and everything under it. */
export function isCorsPath(path: string): boolean {
  return path === '/fhir' || path.startsWith('/fhir/');
}

function cookieAuthenticated(request: FastifyRequest): boolean {
  return Boolean(request.headers.cookie) && !request.headers.authorization;
}

function allowOrigin(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', EXPOSE_HEADERS);
}

/** Call before the FHIR routes are registered so their responses pass through the hook. */
export function registerFhirCors(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (isCorsPath(request.url.split('?')[0]) && !cookieAuthenticated(request) && request.method !== 'OPTIONS') allowOrigin(reply);
    return payload;
  });
  // Preflight (Fetch standard "CORS-preflight request"): browsers send no cookies or credentials on it.
  const preflight = async (_request: FastifyRequest, reply: FastifyReply) => {
    allowOrigin(reply);
    return reply.code(204).header('access-control-allow-methods', ALLOW_METHODS).header('access-control-allow-headers', ALLOW_HEADERS).header('access-control-max-age', MAX_AGE).send();
  };
  app.options('/fhir', preflight);
  app.options('/fhir/*', preflight);
}

