// Token introspection (RFC 7662) and revocation (RFC 7009).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticateSystemToken } from '../auth/system-token.js';
import { bearerToken } from '../auth/authenticate.js';
import { authenticateClient } from './client-auth.js';
import { formFields, type SmartContext } from './context.js';
import { OAuthError } from './errors.js';
import { refreshTokenUsable } from './online-access.js';
import { issuesIdToken, launchContext, sendOAuthError } from './token-endpoint.js';
import { ACCESS_PREFIX, findActiveToken, revokeToken } from './tokens.js';

const SYSTEM = Symbol('system');

export function introspectionRoutes(app: FastifyInstance, ctx: SmartContext): void {
  /**
   * RFC 7662 §2.1 requires the caller to be authorized: a registered client (secret or
   * private_key_jwt; a public client may name itself), a resource server with an operator token,
   * or the holder of an active access token.
   */
  /** The client the caller is, or SYSTEM for a resource server with an operator token. */
  async function caller(request: FastifyRequest, form: Record<string, string | undefined>): Promise<string | typeof SYSTEM> {
    const bearer = bearerToken(request);
    if (bearer) {
      if (await authenticateSystemToken(ctx.db, bearer)) return SYSTEM;
      const holder = bearer.startsWith(ACCESS_PREFIX) ? await findActiveToken(ctx.db, bearer, 'access') : undefined;
      if (holder) return holder.client_id;
      throw new OAuthError('invalid_client', 'The bearer token is not valid');
    }
    const { client } = await authenticateClient(ctx.db, { authorization: request.headers.authorization, form }, ctx.urls.token);
    return client.clientId;
  }

  app.post('/auth/introspect', async (request, reply) => {
    const form = formFields(request.body);
    try {
      const who = await caller(request, form);
      if (!form.token) throw new OAuthError('invalid_request', 'token is required');
      reply.header('cache-control', 'no-store');
      const row = await findActiveToken(ctx.db, form.token);
      // RFC 7662 §2.2 lets the answer depend on who asks: an app (which may be public, naming
      // itself) learns only about its own tokens; resource servers use an operator token.
      if (!row || (who !== SYSTEM && who !== row.client_id)) return reply.send({ active: false });
      if (row.kind === 'refresh' && !(await refreshTokenUsable(ctx, row))) return reply.send({ active: false });
      const c = row.context;
      const scopes = row.scope.split(' ');
      return reply.send({
        active: true,
        scope: row.scope,
        client_id: row.client_id,
        token_type: row.kind === 'access' ? 'Bearer' : 'refresh_token',
        exp: Math.floor(new Date(row.expires_at).getTime() / 1000),
        iat: Math.floor(new Date(row.created_at).getTime() / 1000),
        iss: ctx.fhirBase,
        aud: ctx.fhirBase,
        sub: c.user?.id ?? row.client_id,
        // SMART token-introspection: the launch context of the token response, and fhirUser when
        // an id_token carried it (otherwise the app was not given the user's identity).
        ...launchContext(c),
        ...(c.fhirUser && issuesIdToken(scopes, c) ? { fhirUser: `${ctx.fhirBase}/${c.fhirUser}` } : {}),
      });
    } catch (err) {
      if (err instanceof OAuthError) return sendOAuthError(reply, err, /^Basic/i.test(request.headers.authorization ?? ''));
      throw err;
    }
  });

  app.post('/auth/revoke', async (request, reply) => {
    const form = formFields(request.body);
    try {
      const { client } = await authenticateClient(ctx.db, { authorization: request.headers.authorization, form }, ctx.urls.token);
      if (!form.token) throw new OAuthError('invalid_request', 'token is required');
      // RFC 7009 §2.2: 200 whether or not the token was valid; only the client's own tokens are touched.
      await revokeToken(ctx.db, form.token, client.clientId);
      return reply.header('cache-control', 'no-store').send({});
    } catch (err) {
      if (err instanceof OAuthError) return sendOAuthError(reply, err, /^Basic/i.test(request.headers.authorization ?? ''));
      throw err;
    }
  });
}
