// RFC 9457 problem details for the /api routes: domain code throws ApiProblem, the /api error
// handler turns it (and Fastify's own 4xx errors) into application/problem+json.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isBadInputFromDatabase, isStatementTimeout, sqlStateOf } from '../db/input-errors.js';

export const PROBLEM_BASE = 'https://portico.health/problems/';

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export const problems = {
  unauthenticated: (detail = 'Please sign in.', extra: Record<string, unknown> = {}) => new ApiProblem(401, 'unauthenticated', 'Not signed in', detail, extra),
  invalidCredentials: () => new ApiProblem(401, 'invalid-credentials', 'Sign-in failed', 'The email or password is not correct.'),
  invalidCode: (status = 401) => new ApiProblem(status, 'invalid-code', 'Code not accepted', 'The code is not correct.'),
  forbidden: (detail = 'You are not allowed to do this.') => new ApiProblem(403, 'forbidden', 'Forbidden', detail),
  csrf: () => new ApiProblem(403, 'csrf', 'Request refused', 'The request is missing a valid CSRF token. Reload the page and try again.'),
  mfaSetupRequired: () => new ApiProblem(403, 'mfa-setup-required', 'Turn on two-step verification', 'Staff and administrator accounts must turn on two-step verification before continuing.'),
  notFound: (detail = 'Not found.') => new ApiProblem(404, 'not-found', 'Not found', detail),
  invalidRequest: (detail: string, errors: { path: string; message: string }[] = []) => new ApiProblem(400, 'invalid-request', 'Invalid request', detail, { errors }),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiProblem(429, 'rate-limited', 'Too many attempts', `Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute${retryAfterSeconds > 60 ? 's' : ''}.`, { retryAfter: retryAfterSeconds }),
  conflict: (slug: string, detail: string) => new ApiProblem(409, slug, 'Conflict', detail),
};

export function sendProblem(reply: FastifyReply, problem: ApiProblem): FastifyReply {
  if (problem.status === 429 && typeof problem.extra.retryAfter === 'number') reply.header('retry-after', String(problem.extra.retryAfter));
  return reply
    .code(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify({ type: PROBLEM_BASE + problem.slug, title: problem.title, status: problem.status, detail: problem.detail, ...problem.extra }));
}

export function apiErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiProblem) return sendProblem(reply, error);
  const e = error as { statusCode?: number; message?: string; validation?: { instancePath: string; message?: string }[] };
  if (isBadInputFromDatabase(error)) {
    request.log.warn(sqlStateOf(error), 'request value rejected by the database');
    return sendProblem(reply, problems.invalidRequest('A value in the request is not valid.'));
  }
  if (isStatementTimeout(error)) {
    // A query ran past the statement timeout (db/pool.ts): the client may retry later.
    request.log.warn(sqlStateOf(error), 'request stopped by the statement timeout');
    reply.header('retry-after', '10');
    return sendProblem(reply, new ApiProblem(503, 'timeout', 'Too slow', 'The request took too long and was stopped. Please try again in a moment.'));
  }
  if (e.validation) {
    return sendProblem(reply, problems.invalidRequest('Some fields are missing or not valid.', e.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' }))));
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return sendProblem(reply, new ApiProblem(e.statusCode, e.statusCode === 415 ? 'unsupported-media-type' : 'invalid-request', 'Invalid request', e.message ?? 'Bad request'));
  }
  request.log.error({ err: error }, 'unexpected error in API request');
  return sendProblem(reply, new ApiProblem(500, 'internal', 'Internal error', 'Something went wrong on our side. Please try again.'));
}
