// Dynamic client registration (RFC 7591) for patient-facing apps. Backend services and system
// scopes are for administrators only (staff app or `npm run app`).
import type { FastifyInstance } from 'fastify';
import type { JWK } from 'jose';
import { checkJwksUrl } from './client-keys.js';
import { registerClient, type ClientType } from './clients.js';
import type { SmartContext } from './context.js';
import { OAuthError } from './errors.js';

interface Metadata {
  client_name?: unknown;
  redirect_uris?: string[];
  token_endpoint_auth_method?: string;
  grant_types?: string[];
  jwks?: { keys: JWK[] };
  jwks_uri?: string;
  scope?: string;
}

const AUTH_METHODS = { none: 'public', client_secret_basic: 'confidential-symmetric', private_key_jwt: 'confidential-asymmetric' } as const;

export function registrationRoutes(app: FastifyInstance, ctx: SmartContext): void {
  app.post('/auth/register', async (request, reply) => {
    const m = (request.body ?? {}) as Metadata;
    try {
      if (typeof m !== 'object' || Array.isArray(m)) throw new OAuthError('invalid_client_metadata', 'Send the client metadata as a JSON object');
      if (!Array.isArray(m.redirect_uris) || m.redirect_uris.some((u) => typeof u !== 'string')) throw new OAuthError('invalid_redirect_uri', 'redirect_uris is required');
      if (m.grant_types !== undefined && !Array.isArray(m.grant_types)) throw new OAuthError('invalid_client_metadata', 'grant_types must be a list');
      if (m.scope !== undefined && typeof m.scope !== 'string') throw new OAuthError('invalid_client_metadata', 'scope must be a string');
      if (m.grant_types?.some((g) => g !== 'authorization_code' && g !== 'refresh_token')) throw new OAuthError('invalid_client_metadata', 'Only authorization_code and refresh_token can be registered here');
      if (/(^|\s)system\//.test(m.scope ?? '')) throw new OAuthError('invalid_client_metadata', 'system/ scopes are for backend services registered by an administrator');
      if (typeof m.client_name !== 'string') throw new OAuthError('invalid_client_metadata', 'client_name is required (a string)');
      const method = m.token_endpoint_auth_method ?? 'client_secret_basic';
      const type = (Object.hasOwn(AUTH_METHODS, method) ? AUTH_METHODS[method as keyof typeof AUTH_METHODS] : undefined) as ClientType | undefined;
      if (!type) throw new OAuthError('invalid_client_metadata', `token_endpoint_auth_method ${String(method).slice(0, 50)} is not supported`);
      if (type !== 'confidential-asymmetric' && (m.jwks !== undefined || m.jwks_uri !== undefined)) {
        throw new OAuthError('invalid_client_metadata', 'jwks and jwks_uri are only for token_endpoint_auth_method private_key_jwt');
      }
      // Anyone may register, so the server must not be made to fetch from its own host.
      if (m.jwks_uri !== undefined) checkJwksUrl(m.jwks_uri, false);
      const { client, secret } = await registerClient(ctx.db, {
        name: m.client_name,
        type,
        redirectUris: m.redirect_uris,
        jwks: m.jwks,
        jwksUrl: m.jwks_uri,
        registeredBy: 'dynamic',
      });
      return reply.code(201).header('cache-control', 'no-store').send({
        client_id: client.clientId,
        client_id_issued_at: Math.floor(new Date(client.createdAt).getTime() / 1000),
        ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
        client_name: client.name,
        redirect_uris: client.redirectUris,
        token_endpoint_auth_method: method,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        ...(m.jwks_uri ? { jwks_uri: m.jwks_uri } : {}),
      });
    } catch (err) {
      // RFC 7591 §3.2.2: every registration error is a 400.
      if (err instanceof OAuthError) return reply.code(400).header('cache-control', 'no-store').send(err.body());
      throw err;
    }
  });
}
