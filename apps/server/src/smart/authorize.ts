// The authorization endpoint (RFC 6749 §4.1, SMART App Launch 2.2 app-launch.html §"Obtain
// authorization code"), GET and POST. Checks that cannot be reported to the app safely (unknown
// client, redirect_uri not registered) end on an error page; every other failure goes back to the
// app's redirect_uri with `error` and the exact `state`.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findClient, type SmartClient } from './clients.js';
import { formFields, type SmartContext } from './context.js';
import { OAuthError, sha256 } from './errors.js';
import { pickLocale } from './i18n.js';
import { errorPage } from './pages.js';
import { parseScopeString } from './scopes.js';

const REQUEST_SECONDS = 30 * 60;
export const BROWSER_COOKIE = 'portico_smart_authz';

export function redirectWith(reply: FastifyReply, redirectUri: string, params: Record<string, string | undefined>): FastifyReply {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return reply.header('cache-control', 'no-store').redirect(url.toString(), 302);
}

export function cookieValue(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function authorizeRoutes(app: FastifyInstance, ctx: SmartContext): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const params = request.method === 'POST' ? formFields(request.body) : formFields(request.query);
    const locale = pickLocale(params.ui_locales, request.headers['accept-language']);
    const client = await findClient(ctx.db, params.client_id);
    const page = (msg: string) => reply.code(400).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(errorPage(locale, msg));
    if (!client) return page('Unknown client_id. The app is not registered with this server.');
    if (!params.redirect_uri || !client.redirectUris.includes(params.redirect_uri)) {
      // RFC 6749 §4.1.2.1: never redirect to an unverified URI.
      return page('The redirect_uri does not exactly match one registered for this app.');
    }
    const state = params.state;
    try {
      const id = await startRequest(ctx, client, params);
      const secret = randomBytes(32).toString('base64url');
      await ctx.db.query('UPDATE smart_auth_request SET browser_hash = $2 WHERE id = $1', [id, sha256(secret)]);
      const secure = ctx.publicUrl.startsWith('https:') ? '; Secure' : '';
      reply.header('set-cookie', `${BROWSER_COOKIE}=${secret}; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=${REQUEST_SECONDS}${secure}`);
      return reply.header('cache-control', 'no-store').redirect(`/auth/interaction/${id}`, 302);
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      return redirectWith(reply, params.redirect_uri, { error: err.error, error_description: err.description, state });
    }
  };
  app.get('/auth/authorize', handler);
  app.post('/auth/authorize', handler);
}

async function startRequest(ctx: SmartContext, client: SmartClient, p: Record<string, string | undefined>): Promise<string> {
  if (p.response_type !== 'code') throw new OAuthError('unsupported_response_type', 'Only response_type=code is supported (the implicit flow is not offered)');
  if (client.backend) throw new OAuthError('unauthorized_client', 'A backend service cannot use the authorization code flow');
  if (p.code_challenge_method !== 'S256') throw new OAuthError('invalid_request', 'PKCE is required with code_challenge_method=S256');
  if (!p.code_challenge || !/^[A-Za-z0-9_-]{43}$/.test(p.code_challenge)) throw new OAuthError('invalid_request', 'code_challenge must be a base64url SHA-256 (43 characters)');
  const aud = (p.aud ?? '').replace(/\/+$/, '');
  if (aud !== ctx.fhirBase) throw new OAuthError('invalid_request', `aud must be this server's FHIR base URL ${ctx.fhirBase}`);
  const scopes = parseScopeString(p.scope);
  if (scopes.length === 0) throw new OAuthError('invalid_scope', 'No supported scope was requested');
  if (p.state !== undefined && p.state.length > 2000) throw new OAuthError('invalid_request', 'state is too long');
  let launch: { patient_id: string | null; encounter_id: string | null; user_id: string | null } | undefined;
  if (p.launch) {
    const { rows } = await ctx.db.query<{ patient_id: string | null; encounter_id: string | null; user_id: string | null }>(
      'SELECT patient_id, encounter_id, user_id FROM smart_launch WHERE launch_hash = $1 AND client_id = $2 AND expires_at > now()',
      [sha256(p.launch), client.clientId],
    );
    launch = rows[0];
    if (!launch) throw new OAuthError('invalid_request', 'The launch parameter is unknown or expired');
  } else if (scopes.includes('launch')) {
    throw new OAuthError('invalid_request', 'The launch scope needs the launch parameter from the EHR');
  }
  const id = randomBytes(24).toString('base64url');
  await ctx.db.query(
    `INSERT INTO smart_auth_request (id, browser_hash, csrf_token, client_id, redirect_uri, scope, state, code_challenge, nonce, ui_locales,
       launch_patient, launch_encounter, launch_user, expires_at)
     VALUES ($1, '', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now() + make_interval(secs => $13))`,
    [id, randomBytes(24).toString('base64url'), client.clientId, p.redirect_uri, scopes.join(' '), p.state ?? null, p.code_challenge, p.nonce?.slice(0, 500) ?? null,
      p.ui_locales?.slice(0, 100) ?? null, launch?.patient_id ?? null, launch?.encounter_id ?? null, launch?.user_id ?? null, REQUEST_SECONDS],
  );
  return id;
}
