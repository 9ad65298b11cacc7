// The app-wide error answers: errors that no route family's own handler caught (the SMART scope,
// /healthz, the web app) and Fastify's URL errors, which happen before any route is found. Each
// answer uses its path's format — OperationOutcome on /fhir, RFC 6749 §5.2 JSON on the OAuth
// endpoints, RFC 9457 problem JSON elsewhere — and never carries a stack trace or a database message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { outcome } from '#fhir/outcomes.js';
import { isBadInputFromDatabase, sqlStateOf } from '../db/input-errors.js';
import { ApiProblem, apiErrorHandler, problems, sendProblem } from '../identity/problem.js';

const OAUTH_PATHS = /^\/auth\/(token|introspect|revoke|register)$/;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const pathOf = (request: FastifyRequest) => request.url.split('?')[0];

function clientStatus(error: unknown): number | undefined {
  if (isBadInputFromDatabase(error)) return 400;
  const status = (error as { statusCode?: number })?.statusCode;
  return status && status >= 400 && status < 500 ? status : undefined;
}

/** The error handler of the root scope; route families with their own handler never reach it. */
export function rootErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiProblem) return sendProblem(reply, error);
  const path = pathOf(request);
  const status = clientStatus(error);
  if (status === undefined) request.log.error({ err: error }, 'unexpected error');
  else if (isBadInputFromDatabase(error)) request.log.warn(sqlStateOf(error), 'request value rejected by the database');
  const message = isBadInputFromDatabase(error) ? 'A value in the request is not valid.' : ((error as { message?: string })?.message ?? 'Bad request');
  if (OAUTH_PATHS.test(path)) {
    // RFC 6749 §5.2: a malformed request is invalid_request; our own failure is server_error.
    const body = status === undefined ? { error: 'server_error', error_description: 'Something went wrong on our side.' } : { error: 'invalid_request', error_description: message.slice(0, 200) };
    return reply.code(status ?? 500).header('cache-control', 'no-store').header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  }
  if (path === '/fhir' || path.startsWith('/fhir/')) {
    const body = status === undefined ? outcome('fatal', 'exception', 'Internal server error') : outcome('error', 'invalid', message.slice(0, 200));
    return reply.code(status ?? 500).header('content-type', FHIR_JSON).send(JSON.stringify(body));
  }
  if (status === undefined) return sendProblem(reply, new ApiProblem(500, 'internal', 'Internal error', 'Something went wrong on our side. Please try again.'));
  if (isBadInputFromDatabase(error)) return sendProblem(reply, problems.invalidRequest('A value in the request is not valid.'));
  // Fastify's own 4xx errors (content type, JSON syntax, body size, schema validation).
  return apiErrorHandler(error, request, reply);
}

/** Fastify's `frameworkErrors`: a URL that is not valid percent-encoding, or a path part that is too long. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A part of the URL is too long.' : 'The URL is not valid (check its percent-encoding).';
  const path = pathOf(request);
  if (path === '/fhir' || path.startsWith('/fhir/')) return reply.code(status).header('content-type', FHIR_JSON).send(JSON.stringify(outcome('error', 'invalid', detail)));
  return sendProblem(reply, new ApiProblem(status, 'invalid-url', 'Invalid URL', detail));
}

/**
 * The root scope's 404: a path no route matched and no route family's own 404 handler caught. That
 * happens to /api and /fhir paths too when a path part is longer than the router's parameter limit
 * (the families' catch-all patterns then match nothing either), so the answer keeps its path's format.
 */
export function rootNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = pathOf(request);
  if (path === '/fhir' || path.startsWith('/fhir/')) return reply.code(404).header('content-type', FHIR_JSON).send(JSON.stringify(outcome('error', 'not-found', 'Unknown path')));
  if (path === '/api' || path.startsWith('/api/')) return sendProblem(reply, problems.notFound('Unknown API path.'));
  return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
}
