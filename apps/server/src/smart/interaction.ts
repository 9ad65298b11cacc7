// The pages between /authorize and the code: sign-in (the portal's own account, through the
// identity module) and consent. Each pending request is bound to the browser that started it (a
// cookie whose hash is stored) and every form carries the request's CSRF token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Patient } from '@medplum/fhirtypes';
import type { Principal } from '../access/principal.js';
import { privilegedRepository, readIfPresent } from '../access/privileged.js';
import { BROWSER_COOKIE, cookieValue, redirectWith } from './authorize.js';
import { findClient } from './clients.js';
import { consentItems, grantedScopes } from './consent.js';
import { formAll, formFields, type SmartContext } from './context.js';
import { sha256 } from './errors.js';
import { pickLocale, texts, type Locale } from './i18n.js';
import { consentPage, errorPage, loginPage } from './pages.js';
import { issueCode, saveGrant, type SmartUser, type TokenContext } from './tokens.js';

interface RequestRow {
  id: string;
  browser_hash: string;
  csrf_token: string;
  client_id: string;
  redirect_uri: string;
  scope: string;
  state: string | null;
  code_challenge: string;
  nonce: string | null;
  ui_locales: string | null;
  launch_patient: string | null;
  launch_encounter: string | null;
  launch_user: string | null;
  user_json: SmartUser | null;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

/**
 * The consent form is answered with a redirect to the app, and browsers apply the page's CSP
 * form-action to that redirect too (CSP3 §6.3.1 "form-action"): the page allows the app's
 * registered redirect URI (checked at /authorize) besides 'self'.
 */
function allowFormRedirectTo(reply: FastifyReply, redirectUri: string): void {
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp !== 'string') return;
  const url = new URL(redirectUri);
  const source = url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : url.protocol;
  reply.header('content-security-policy', csp.replace(/form-action [^;]*/, (directive) => `${directive} ${source}`));
}

export function interactionRoutes(app: FastifyInstance, ctx: SmartContext): void {
  async function load(request: FastifyRequest, id: string): Promise<RequestRow | undefined> {
    if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) return undefined;
    const { rows } = await ctx.db.query<RequestRow>('SELECT * FROM smart_auth_request WHERE id = $1 AND expires_at > now() AND done_at IS NULL', [id]);
    const row = rows[0];
    const secret = cookieValue(request, BROWSER_COOKIE);
    if (!row || !secret || sha256(secret) !== row.browser_hash) return undefined;
    return row;
  }

  const localeOf = (request: FastifyRequest, row?: RequestRow): Locale => {
    const asked = (request.query as { locale?: string })?.locale ?? formFields(request.body).locale;
    return asked === 'es' || asked === 'en' ? asked : pickLocale(row?.ui_locales ?? undefined, request.headers['accept-language']);
  };

  async function showPage(request: FastifyRequest, reply: FastifyReply, row: RequestRow, locale: Locale, status = 200, error?: string, email?: string, askCode?: boolean) {
    const client = await findClient(ctx.db, row.client_id);
    if (!client) return html(reply, 400, errorPage(locale, texts[locale].expired));
    if (!row.user_json) {
      const session = await ctx.identity.currentSession(request);
      if (session) {
        await ctx.db.query('UPDATE smart_auth_request SET user_json = $2 WHERE id = $1', [row.id, JSON.stringify(session.user)]);
        row.user_json = session.user;
      }
    }
    if (!row.user_json) return html(reply, status, loginPage({ locale, requestId: row.id, csrf: row.csrf_token, appName: client.name, error, email, askCode }));
    const scopes = row.scope.split(' ');
    let patientName: string | undefined;
    if (row.launch_patient) {
      const actor: Principal = { kind: 'app', clientId: client.clientId, clientName: client.name, userId: row.user_json.id, scopes };
      patientName = await patientDisplayName(ctx, request, row.launch_patient, actor);
    }
    allowFormRedirectTo(reply, row.redirect_uri);
    return html(
      reply,
      status,
      consentPage({
        locale,
        requestId: row.id,
        csrf: row.csrf_token,
        appName: client.name,
        userName: row.user_json.displayName ?? '',
        patientName,
        items: consentItems(scopes),
        offlineRequested: scopes.includes('offline_access'),
        onlineRequested: scopes.includes('online_access'),
        identityRequested: scopes.includes('openid') && (scopes.includes('fhirUser') || scopes.includes('profile')),
      }),
    );
  }

  app.get('/auth/interaction/:id', async (request, reply) => {
    const row = await load(request, (request.params as { id: string }).id);
    const locale = localeOf(request, row);
    if (!row) return html(reply, 400, errorPage(locale, texts[locale].expired));
    return showPage(request, reply, row, locale);
  });

  app.post('/auth/interaction/:id/login', async (request, reply) => {
    const row = await load(request, (request.params as { id: string }).id);
    const form = formFields(request.body);
    const locale = localeOf(request, row);
    if (!row || form.csrf !== row.csrf_token) return html(reply, 400, errorPage(locale, texts[locale].expired));
    const t = texts[locale];
    const email = (form.email ?? '').slice(0, 320);
    const result = await ctx.identity.signIn(request, email, form.password ?? '', form.totp || undefined);
    if (!result.ok) {
      const message = { 'invalid-credentials': t.badCredentials, 'mfa-required': t.needCode, 'invalid-code': t.badCode, 'rate-limited': result.detail ?? t.rateLimited, 'mfa-setup-required': t.mfaSetup, unavailable: t.unavailable }[result.reason];
      return showPage(request, reply, row, locale, result.reason === 'rate-limited' ? 429 : 401, message, email, result.reason === 'mfa-required' || result.reason === 'invalid-code');
    }
    await ctx.db.query('UPDATE smart_auth_request SET user_json = $2 WHERE id = $1', [row.id, JSON.stringify(result.user)]);
    // The portal session cookie is passed on, so the person is signed in to the portal too.
    for (const c of result.setCookie) reply.header('set-cookie', c);
    return reply.header('cache-control', 'no-store').redirect(`/auth/interaction/${row.id}?locale=${locale}`, 303);
  });

  app.post('/auth/interaction/:id/consent', async (request, reply) => {
    const row = await load(request, (request.params as { id: string }).id);
    const form = formFields(request.body);
    const locale = localeOf(request, row);
    const t = texts[locale];
    if (!row || form.csrf !== row.csrf_token || !row.user_json) return html(reply, 400, errorPage(locale, t.expired));
    const done = await ctx.db.query('UPDATE smart_auth_request SET done_at = now() WHERE id = $1 AND done_at IS NULL', [row.id]);
    if ((done.rowCount ?? 0) === 0) return html(reply, 400, errorPage(locale, t.expired));
    reply.header('set-cookie', `${BROWSER_COOKIE}=; Path=/auth; HttpOnly; SameSite=Lax; Max-Age=0`);
    const state = row.state ?? undefined;
    if (form.decision !== 'allow') return redirectWith(reply, row.redirect_uri, { error: 'access_denied', error_description: 'The user did not allow access', state });

    const user = row.user_json;
    const requested = row.scope.split(' ');
    let granted = grantedScopes(requested, {
      types: new Set(formAll(request.body, 't')),
      categories: new Set(formAll(request.body, 'c')),
      offline: form.offline === 'yes',
    });
    // online_access alone: the refresh token lives as long as the portal session approving it.
    let onlineSession: string | undefined;
    if (granted.includes('online_access') && !granted.includes('offline_access')) {
      const session = await ctx.identity.currentSession(request);
      if (session?.user.id === user.id) onlineSession = session.sessionId;
      else granted = granted.filter((s) => s !== 'online_access');
    }
    let patient: string | undefined;
    if (row.launch_patient) {
      if (user.kind === 'patient' || (row.launch_user && row.launch_user !== user.id)) return html(reply, 403, errorPage(locale, t.wrongUser));
      patient = row.launch_patient;
    } else if (user.kind === 'patient') {
      patient = user.patientId ?? undefined;
    }
    const needsPatient = granted.some((s) => s.startsWith('patient/')) || granted.includes('launch/patient');
    if (needsPatient && !patient) {
      if (user.kind === 'patient') return html(reply, 403, errorPage(locale, t.needsPatientChart));
      // A staff member's standalone launch would need a patient picker, which this server does not offer.
      return redirectWith(reply, row.redirect_uri, { error: 'invalid_request', error_description: 'Standalone patient selection for staff is not supported; use an EHR launch', state });
    }
    const encounter = row.launch_encounter && (granted.includes('launch') || granted.includes('launch/encounter')) ? row.launch_encounter : undefined;
    const fhirUser = user.kind === 'patient' && user.patientId ? `Patient/${user.patientId}` : user.practitionerId ? `Practitioner/${user.practitionerId}` : undefined;
    const context: TokenContext & { scope: string } = {
      scope: granted.join(' '),
      user,
      patient,
      encounter,
      fhirUser,
      // In an EHR launch the portal already shows whose chart is open; a standalone app must show it.
      needPatientBanner: !row.launch_patient,
      smartStyleUrl: `${ctx.publicUrl}/auth/smart-style.json`,
      nonce: row.nonce ?? undefined,
      onlineSession,
    };
    const client = await findClient(ctx.db, row.client_id);
    if (!client) return html(reply, 400, errorPage(locale, t.expired));
    const grantId = await saveGrant(ctx.db, client.clientId, user, patient, context.scope);
    const code = await issueCode(ctx.db, grantId, client.clientId, row.redirect_uri, row.code_challenge, context);
    ctx.audit.record({
      action: 'E',
      subtype: 'app-authorized',
      principal: { kind: 'app', clientId: client.clientId, clientName: client.name, userId: user.id, patientId: patient, scopes: granted },
      patientIds: patient ? [patient] : [],
      entities: [],
      outcome: 'success',
      sourceIp: request.ip,
      userAgent: request.headers['user-agent'],
      description: `Access granted to app ${client.name}`,
    });
    return redirectWith(reply, row.redirect_uri, { code, state });
  });
}

/**
 * The name of the patient an EHR launch names, for the consent page. The staff member's own reach
 * was checked when they launched; the page reads the name through the privileged door, on behalf of
 * the app and that user, and the read is audited.
 */
async function patientDisplayName(ctx: SmartContext, request: FastifyRequest, patientId: string, actor: Principal): Promise<string | undefined> {
  const repo = privilegedRepository(ctx.repositoryDeps, { reason: 'smart-consent', actor, sourceIp: request.ip, userAgent: request.headers['user-agent'] });
  const p = await readIfPresent<Patient>(repo, 'Patient', patientId).catch(() => undefined);
  const n = p?.name?.[0];
  return n ? (n.text ?? [...(n.given ?? []), n.family].filter(Boolean).join(' ')) : undefined;
}
