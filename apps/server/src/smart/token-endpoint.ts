// The token endpoint (RFC 6749 §3.2, §4.1.3, §6; SMART App Launch 2.2 §"Obtain access token";
// SMART Backend Services for client_credentials). Responses carry Cache-Control: no-store (§5.1).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SignJWT } from 'jose';
import { authenticateClient, type AuthenticatedClient } from './client-auth.js';
import { formFields, type SmartContext } from './context.js';
import { OAuthError } from './errors.js';
import { refreshAllowed, refreshTokenUsable } from './online-access.js';
import { parseResourceScope, parseScopeString } from './scopes.js';
import {
  ACCESS_SECONDS, BACKEND_ACCESS_SECONDS, consumeCode, extendRefreshToken, findActiveToken, issueTokens, retireToken, revokeChainOfReusedToken, type TokenContext,
} from './tokens.js';

export function sendOAuthError(reply: FastifyReply, err: OAuthError, basic = false): FastifyReply {
  if (err.status === 401) reply.header('www-authenticate', basic ? 'Basic realm="portico"' : 'Bearer realm="portico"');
  return reply.code(err.status).header('cache-control', 'no-store').header('pragma', 'no-cache').send(err.body());
}

export function tokenRoutes(app: FastifyInstance, ctx: SmartContext): void {
  app.post('/auth/token', async (request, reply) => {
    const form = formFields(request.body);
    try {
      const client = await authenticateClient(ctx.db, { authorization: request.headers.authorization, form }, ctx.urls.token);
      let body: Record<string, unknown>;
      if (form.grant_type === 'authorization_code') body = await codeGrant(ctx, client, form);
      else if (form.grant_type === 'refresh_token') body = await refreshGrant(ctx, client, form);
      else if (form.grant_type === 'client_credentials') body = await clientCredentialsGrant(ctx, client, form);
      else throw new OAuthError(form.grant_type ? 'unsupported_grant_type' : 'invalid_request', form.grant_type ? `grant_type ${form.grant_type.slice(0, 50)} is not supported` : 'grant_type is required');
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(body);
    } catch (err) {
      if (err instanceof OAuthError) return sendOAuthError(reply, err, /^Basic/i.test(request.headers.authorization ?? ''));
      throw err;
    }
  });
}

async function codeGrant(ctx: SmartContext, { client }: AuthenticatedClient, form: Record<string, string | undefined>) {
  if (!form.code) throw new OAuthError('invalid_request', 'code is required');
  const { row, reused } = await consumeCode(ctx.db, form.code);
  if (reused) throw new OAuthError('invalid_grant', 'The authorization code was already used; tokens issued from it are revoked');
  if (!row || row.expired) throw new OAuthError('invalid_grant', 'The authorization code is not valid or has expired');
  if (row.client_id !== client.clientId) throw new OAuthError('invalid_grant', 'The authorization code was issued to another client');
  if (form.redirect_uri !== row.redirect_uri) throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request');
  const verifier = form.code_verifier ?? '';
  // RFC 7636 §4.1: 43–128 unreserved characters; only S256 is accepted.
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) throw new OAuthError('invalid_grant', 'code_verifier is missing or malformed');
  if (createHash('sha256').update(verifier).digest('base64url') !== row.code_challenge) throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');
  const { scope, ...context } = row.context;
  const scopes = scope.split(' ').filter(Boolean);
  const tokens = await issueTokens(ctx.db, {
    clientId: client.clientId, grantId: row.grant_id, scope, context: { ...context, fromCode: row.code_hash }, accessSeconds: ACCESS_SECONDS, refresh: await refreshAllowed(ctx, scopes, context),
  });
  return tokenResponse(ctx, client.clientId, scopes, context, tokens.accessToken, tokens.refreshToken, ACCESS_SECONDS);
}

async function refreshGrant(ctx: SmartContext, { client }: AuthenticatedClient, form: Record<string, string | undefined>) {
  if (!form.refresh_token) throw new OAuthError('invalid_request', 'refresh_token is required');
  const row = await findActiveToken(ctx.db, form.refresh_token, 'refresh');
  if (!row) await revokeChainOfReusedToken(ctx.db, form.refresh_token, client.clientId);
  if (!row || row.client_id !== client.clientId) throw new OAuthError('invalid_grant', 'The refresh token is not valid for this client');
  if (!(await refreshTokenUsable(ctx, row))) {
    await retireToken(ctx.db, form.refresh_token);
    throw new OAuthError('invalid_grant', 'The refresh token was for use while the user is signed in (online_access), and that session has ended');
  }
  const had = row.scope.split(' ').filter(Boolean);
  let scopes = had;
  if (form.scope !== undefined) {
    scopes = parseScopeString(form.scope);
    if (!scopes.every((s) => had.includes(s))) throw new OAuthError('invalid_scope', 'A refresh can only keep or narrow the granted scopes');
  }
  // The context (with fromCode) carries over, so the whole chain can be ended together.
  const context = row.context;
  const scope = scopes.join(' ');
  const base = { clientId: client.clientId, grantId: row.grant_id ?? undefined, scope, context, accessSeconds: ACCESS_SECONDS };
  let accessToken: string;
  let refreshToken: string | undefined;
  if (client.type === 'public') {
    // Rotation for public clients (OAuth 2.0 Security BCP §4.14): the old token stops working.
    if (!(await retireToken(ctx.db, form.refresh_token))) throw new OAuthError('invalid_grant', 'The refresh token was already used');
    ({ accessToken, refreshToken } = await issueTokens(ctx.db, { ...base, refresh: true, refreshScope: row.scope }));
  } else {
    // Confidential clients keep their refresh token; each use renews its lifetime.
    await extendRefreshToken(ctx.db, form.refresh_token);
    refreshToken = form.refresh_token;
    ({ accessToken } = await issueTokens(ctx.db, { ...base, refresh: false }));
  }
  return tokenResponse(ctx, client.clientId, scopes, context, accessToken, refreshToken, ACCESS_SECONDS);
}

async function clientCredentialsGrant(ctx: SmartContext, { client, method }: AuthenticatedClient, form: Record<string, string | undefined>) {
  if (!client.backend || method === 'none') throw new OAuthError('unauthorized_client', 'Only registered backend services may use client_credentials');
  const scopes = parseScopeString(form.scope).filter((s) => parseResourceScope(s)?.context === 'system');
  if (scopes.length === 0) throw new OAuthError('invalid_scope', 'Backend services request system/ scopes');
  const scope = scopes.join(' ');
  const { accessToken } = await issueTokens(ctx.db, { clientId: client.clientId, scope, context: {}, accessSeconds: BACKEND_ACCESS_SECONDS, refresh: false });
  return { access_token: accessToken, token_type: 'Bearer', expires_in: BACKEND_ACCESS_SECONDS, scope };
}

async function tokenResponse(ctx: SmartContext, clientId: string, scopes: string[], context: TokenContext, accessToken: string, refreshToken: string | undefined, expiresIn: number) {
  const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' ') };
  if (refreshToken) body.refresh_token = refreshToken;
  Object.assign(body, launchContext(context));
  if (issuesIdToken(scopes, context)) body.id_token = await idToken(ctx, clientId, context);
  return body;
}

/** SMART launch context parameters of a token response (also reported by introspection). */
export function launchContext(context: TokenContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (context.patient) out.patient = context.patient;
  if (context.encounter) out.encounter = context.encounter;
  if (context.patient) out.need_patient_banner = context.needPatientBanner ?? true;
  if (context.smartStyleUrl) out.smart_style_url = context.smartStyleUrl;
  return out;
}

/** Whether the token response carries an id_token (OpenID Connect: openid plus fhirUser or profile). */
export const issuesIdToken = (scopes: readonly string[], context: TokenContext) =>
  scopes.includes('openid') && (scopes.includes('fhirUser') || scopes.includes('profile')) && !!context.user;

/** OpenID Connect Core §2 id_token, RS256, with SMART's fhirUser claim as an absolute URL. */
async function idToken(ctx: SmartContext, clientId: string, context: TokenContext): Promise<string> {
  const key = await ctx.keys.current();
  const claims: Record<string, unknown> = {};
  if (context.fhirUser) claims.fhirUser = `${ctx.fhirBase}/${context.fhirUser}`;
  if (context.nonce) claims.nonce = context.nonce;
  if (context.user?.displayName) claims.name = context.user.displayName;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(ctx.fhirBase)
    .setSubject(context.user!.id)
    .setAudience(clientId)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key.privateKey);
}
