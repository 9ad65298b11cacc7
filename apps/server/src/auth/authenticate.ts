// Resolves who is calling. Each way of signing in (operator token, portal session, SMART access
// token) is an Authenticator; the first that recognises the request wins. Requests no
// authenticator recognises are anonymous and get no health data.
import type { FastifyRequest } from 'fastify';
import type { AccessPolicy } from '../access/policy.js';

export interface Authenticator {
  name: string;
  authenticate(request: FastifyRequest): Promise<AccessPolicy | undefined>;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1];
}
