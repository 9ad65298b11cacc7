// HTTP <-> FhirRequest. Everything FHIR-specific happens in router.ts; this file maps headers,
// content types and errors (FHIR R4 http.html §3.1.0.1).
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { FhirError, outcome, unauthorized } from '#fhir/outcomes.js';
import type { AccessPolicy } from '../access/policy.js';
import type { Authenticator } from '../auth/authenticate.js';
import { sqlStateOf } from '../db/input-errors.js';
import { buildCapabilityStatement } from './capability.js';
import { ClientConcurrency } from './client-concurrency.js';
import { toFhirError } from './fault-outcomes.js';
import { FhirRepository, type RepositoryDeps } from './repository.js';
import { handleFhirRequest, type FhirRequest, type FhirResponse } from './router.js';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json', 'application/json+fhir']);

export interface FhirRoutesOptions {
  deps: RepositoryDeps;
  authenticators: Authenticator[];
  /** Requests one client may have in flight on this node (client-concurrency.ts); default 16. */
  concurrentRequestsPerClient?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    fhirPolicy?: AccessPolicy;
  }
}

export async function fhirRoutes(app: FastifyInstance, options: FhirRoutesOptions): Promise<void> {
  const { deps, authenticators } = options;
  const concurrency = new ClientConcurrency(options.concurrentRequestsPerClient ?? 16);
  const capability = JSON.stringify(buildCapabilityStatement(deps.baseUrl));

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/fhir+json', 'application/json', 'application/json+fhir'], { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) => {
    try {
      done(null, body.length === 0 ? undefined : JSON.parse(body as string));
    } catch (err) {
      done(new FhirError(400, outcome('error', 'structure', `The body is not valid JSON: ${(err as Error).message}`)), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, { form: body as string }));
  app.addContentTypeParser('*', (_req, _payload, done) => done(new FhirError(415, outcome('error', 'not-supported', 'Send FHIR resources as application/fhir+json')), undefined));

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendOutcome(reply, 404, outcome('error', 'not-found', `Unknown path ${request.url.split('?')[0].slice(0, 100)}`)));

  app.addHook('onRequest', async (request) => {
    const format = new URL(request.url, 'http://x').searchParams.get('_format');
    if (format && !JSON_FORMATS.has(format)) throw new FhirError(406, outcome('error', 'not-supported', `_format ${format.slice(0, 40)} is not supported; this server speaks JSON`));
  });

  app.get('/metadata', async (_request, reply) => reply.header('content-type', FHIR_JSON).send(capability));

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const policy = await authenticate(request, authenticators);
    const release = concurrency.enter(policy.principal);
    try {
      const repo = new FhirRepository(deps, { policy, sourceIp: request.ip, userAgent: request.headers['user-agent'] });
      const fhirRequest = toFhirRequest(request);
      const response = await handleFhirRequest(repo, fhirRequest);
      return sendResponse(request, reply, response);
    } finally {
      // A streamed answer ($export-file) is still being sent: it reads files, not the database.
      release();
    }
  };
  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'], url: '/', handler });
  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'], url: '/*', handler });
}

async function authenticate(request: FastifyRequest, authenticators: Authenticator[]): Promise<AccessPolicy> {
  for (const authenticator of authenticators) {
    const policy = await authenticator.authenticate(request);
    if (policy) {
      request.fhirPolicy = policy;
      return policy;
    }
  }
  throw unauthorized('Sign in, or send a valid Bearer access token');
}

function toFhirRequest(request: FastifyRequest): FhirRequest {
  const url = new URL(request.url, 'http://x');
  const prefix = request.routeOptions.url?.startsWith('/fhir') ? '/fhir' : '';
  // `POST /fhir` (no trailing slash) is the base itself: batch/transaction.
  let path = url.pathname === prefix ? '' : url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length + 1) : url.pathname.replace(/^\//, '');
  path = path.replace(/\/+$/, '');
  const query: [string, string][] = [...url.searchParams.entries()].filter(([k]) => k !== '_format' && k !== '_pretty');
  let body = request.body;
  if (body && typeof body === 'object' && 'form' in (body as object) && typeof (body as { form: unknown }).form === 'string') {
    query.push(...new URLSearchParams((body as { form: string }).form).entries());
    body = undefined;
  }
  const prefer = String(request.headers.prefer ?? '');
  return {
    method: request.method as FhirRequest['method'],
    path,
    query,
    body,
    ifMatch: header(request, 'if-match'),
    ifNoneExist: header(request, 'if-none-exist'),
    strictHandling: /handling\s*=\s*strict/i.test(prefer),
    headers: { prefer, accept: header(request, 'accept') },
  };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendResponse(request: FastifyRequest, reply: FastifyReply, response: FhirResponse): FastifyReply {
  reply.code(response.status).header('content-type', response.contentType ?? FHIR_JSON);
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  if (response.stream) return reply.send(Readable.from(response.stream));
  if (response.version) {
    reply.header('etag', `W/"${response.version.versionId}"`).header('last-modified', new Date(response.version.lastUpdated).toUTCString());
  }
  if (response.location) reply.header('location', `${request.protocol}://${request.host}/fhir/${response.location}`);
  const prefer = String(request.headers.prefer ?? '');
  const isWrite = request.method === 'POST' || request.method === 'PUT';
  if (isWrite && response.version && /return\s*=\s*minimal/i.test(prefer)) return reply.send('');
  if (isWrite && response.version && /return\s*=\s*OperationOutcome/i.test(prefer)) {
    return reply.send(outcome('information', 'informational', `${response.status === 201 ? 'Created' : 'Updated'} ${response.version.resourceType}/${response.version.id}`));
  }
  if (request.method === 'HEAD') return reply.send('');
  const body = response.body;
  return reply.send(typeof body === 'string' ? body : JSON.stringify(body));
}

function sendOutcome(reply: FastifyReply, status: number, body: OperationOutcome, headers: Record<string, string> = {}): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="fhir"');
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.code(status).header('content-type', FHIR_JSON).send(JSON.stringify(body));
}

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const fault = toFhirError(error);
  if (fault) {
    if (!(error instanceof FhirError)) request.log.warn(sqlStateOf(error), 'request stopped by the database');
    return sendOutcome(reply, fault.status, fault.outcome, fault.headers);
  }
  const e = error as { statusCode?: number; message?: string; code?: string };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 413 ? 'too-costly' : e.statusCode === 415 ? 'not-supported' : 'invalid';
    return sendOutcome(reply, e.statusCode, outcome('error', code, e.message ?? 'Bad request'));
  }
  request.log.error({ err: error }, 'unexpected error in FHIR request');
  return sendOutcome(reply, 500, outcome('fatal', 'exception', 'Internal server error'));
}
